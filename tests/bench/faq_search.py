"""Per-keystroke timing of the FAQ search: every prefix of typical queries, in the three input
styles, uncached, as a citizen types them. Prints the median and worst time per keystroke and
fails (exit 1) if the worst is 5 ms or more; its last lines are RESULT lines for run_all.py.

    python tests/bench/faq_search.py [--repeat 20] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date

from benchkit import Result, ms, report

from kiosk import resources
from kiosk.content.faq import content_dir, load_content
from kiosk.content.pinyin import load_readings
from kiosk.content.search import SearchIndex
from kiosk.content.texts import load_texts
from kiosk.rules import load_rules

QUERIES = (
    "tuixiunianling", "txnl", "shitongjiaofeinianxian", "stjfnx", "zhinajin", "huanjiao",
    "jingmorenzheng", "gongshangrending", "zzzq", "退休年龄", "视同缴费年限", "灵活就业 补交",
)  # fmt: skip
BUDGET_S = 0.005
BENCH = "faq_search"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per keystroke")
    parser.add_argument("--quick", action="store_true", help="3 runs per keystroke")
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else args.repeat
    started = time.perf_counter()
    rules = load_rules(resources.rules_dir())
    common = load_texts(resources.text_dir()).common
    content = load_content(
        content_dir(resources.resources_dir()), rules, as_of=date.today(), common=common
    )
    loaded = time.perf_counter()
    index = SearchIndex(content, load_readings(content_dir(resources.resources_dir())))
    built = time.perf_counter()
    SearchIndex(content)  # every reading worked out by pypinyin, as without content/pinyin.toml
    read = time.perf_counter()
    print(f"entries: {len(content.entries)}; load {1000 * (loaded - started):.1f} ms; "
          f"index from the bundled pinyin {1000 * (built - loaded):.1f} ms "
          f"(with pypinyin instead: {1000 * (read - built):.1f} ms)")  # fmt: skip
    every: list[float] = []
    for query in QUERIES:
        times = []
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                index.rank(prefix)
                runs.append(time.perf_counter() - start)
            times.append(statistics.median(runs))
        every += times
        hits = len(index.rank(query))
        print(f"{query:<24} {len(times):>2} keys  median {1000 * statistics.median(times):.3f} ms  "
              f"worst {1000 * max(times):.3f} ms  ({hits} hits)")  # fmt: skip
    worst = max(every)
    print(f"all keystrokes: median {1000 * statistics.median(every):.3f} ms, "
          f"worst {1000 * worst:.3f} ms (budget {1000 * BUDGET_S:.0f} ms)")  # fmt: skip
    report(
        Result(BENCH, "worst keystroke", ms(worst), "ms", ms(BUDGET_S)),
        Result(BENCH, "median keystroke", ms(statistics.median(every)), "ms"),
    )
    return 0 if worst < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
