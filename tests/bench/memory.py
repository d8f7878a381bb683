"""Resident memory of the real window after a whole visit, in a fresh process: built at 1920x1080
offscreen, every walk of kiosk/ui/walks taken to its result (as the self-test takes them),
every FAQ category, question list and answer opened, the search typed into, the guide shown, each
screen painted. Prints the peak (``ru_maxrss``) and current resident memory beside those of a bare
PySide6 window (bare_window.py) measured in the same run. Target: the kiosk's peak <= 100 MiB.

    python tests/bench/memory.py [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path

from benchkit import MEMORY_PREFIX, Result, current_rss_mib, memory_line, parse_memory, report

BENCH = "memory"
TARGET_PEAK_MIB = 100.0
SIZE = (1920, 1080)
HERE = Path(__file__).resolve()
SEARCHES = ("tuixiu", "txnl", "yanglaojin", "jfjs", "zzzq", "shebaoka")
CHILD = "--walk"  # the option that makes this script the measured kiosk process


def measure(command: list[str]) -> dict[str, float | None]:
    """Run ``command`` (a process that ends with a ``MEMORY`` line); echo its other output."""
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {completed.returncode}:\n{completed.stderr}"
        )
    for line in completed.stdout.splitlines():
        if not line.startswith(MEMORY_PREFIX):
            print(f"  {line}")
    return parse_memory(completed.stdout)


def walk_everything(quick: bool) -> None:
    """In this process: the window, every walk, the FAQ and the guide, each screen painted; then
    this process's memory (a ``MEMORY`` line), the window still up."""
    steps = [("python, benchkit", current_rss_mib())]
    from windowkit import Visit, application, build_window

    from kiosk.app import load_bundle
    from kiosk.ui.walks import WalkContext

    steps.append(("imports (PySide6, kiosk.app)", current_rss_mib()))
    application()
    steps.append(("QApplication", current_rss_mib()))
    bundle = load_bundle()
    steps.append(("load_bundle() (rules, texts, content, fonts)", current_rss_mib()))
    window = build_window(bundle, SIZE)
    steps.append(("window built, shown, painted", current_rss_mib()))
    visit = Visit(window)
    visit.walks(WalkContext(rules=bundle.rules, texts=bundle.texts, today=date.today()))
    steps.append(("every walk to its result", current_rss_mib()))
    answers = visit.faq(answers_per_category=1 if quick else None)
    searches = SEARCHES[:2] if quick else SEARCHES
    visit.search(searches)
    visit.guide()
    steps.append(("FAQ, search and guide", current_rss_mib()))
    print(f"walked: every walk to its result, {answers} FAQ answers, {len(searches)} searches")
    print("resident memory after each stage:")
    for name, rss in steps:
        print(f"  {name:<46} {_mib(rss)}")
    print(memory_line(), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one answer per category")
    parser.add_argument(CHILD, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.walk:
        walk_everything(args.quick)
        return 0

    width, height = SIZE
    print(f"kiosk: a whole visit at {width}x{height} (fresh process)", flush=True)
    kiosk = measure([sys.executable, str(HERE), CHILD, *(["--quick"] if args.quick else [])])
    print("bare window: shown, painted once (fresh process)", flush=True)
    bare_window = HERE.with_name("bare_window.py")
    bare = measure([sys.executable, str(bare_window), str(width), str(height), "--memory"])
    for name, figures in (("kiosk", kiosk), ("bare", bare)):
        print(f"{name:<6} peak {_mib(figures['peak'])}   now {_mib(figures['current'])}")
    print(f"target: kiosk peak <= {TARGET_PEAK_MIB:.0f} MiB")
    if kiosk["peak"] is None or bare["peak"] is None:
        raise RuntimeError("no peak resident memory on this platform (no resource.getrusage)")
    results = [
        Result(BENCH, "peak RSS kiosk, whole visit", kiosk["peak"], "MiB", TARGET_PEAK_MIB),
        Result(BENCH, "peak RSS bare window", bare["peak"], "MiB"),
    ]
    if kiosk["current"] is not None:
        results.append(Result(BENCH, "RSS kiosk after the visit", kiosk["current"], "MiB"))
    report(*results)
    return 0


def _mib(value: float | None) -> str:
    return "unknown" if value is None else f"{value:6.1f} MiB"


if __name__ == "__main__":
    sys.exit(main())
