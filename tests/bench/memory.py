"""Resident memory, each figure in a fresh process beside a bare PySide6 window's
(bare_window.py) measured in the same run:

* **one visit** (issue 16's figure, target <= 100 MiB): the kiosk as ``main()`` shows it at
  1920x1080 offscreen with the default settings (attract screen, operations), started as a
  terminal starts it every day after its first start (bytecode and the bundle's snapshot made by
  one untimed start before); past the attract screen, the retirement journey to its result, its
  QR code, its sheet saved as a PDF, home, one FAQ answer, home. The peak (``ru_maxrss``).
* **whole visit** (reported): the window at 1920x1080, every walk of kiosk/ui/walks to its result,
  every FAQ category, question list and answer, six searches typed, the guide.
* **self-test** (target <= 110 MiB): ``python -m kiosk --self-test``, every screen at 3 sizes x
  3 text sizes x 2 themes, and the capability checks.

    python tests/bench/memory.py [--quick]      # --quick: one answer per category, no self-test
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from benchkit import MEMORY_PREFIX, Result, current_rss_mib, memory_line, parse_memory, report

BENCH = "memory"
TARGET_VISIT_MIB = 100.0
TARGET_SELF_TEST_MIB = 110.0
SIZE = (1920, 1080)
HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
SEARCHES = ("tuixiu", "txnl", "yanglaojin", "jfjs", "zzzq", "shebaoka")
CHILD = "--child"  # the option that makes this script a measured kiosk process: --child KIND


def measure(command: list[str], env: dict[str, str]) -> dict[str, float | None]:
    """Run ``command`` (a process that ends with a ``MEMORY`` line); echo its other output."""
    completed = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {completed.returncode}:\n{completed.stderr}"
        )
    for line in completed.stdout.splitlines():
        if not line.startswith(MEMORY_PREFIX):
            print(f"  {line}")
    return parse_memory(completed.stdout)


def peak_of_process(command: list[str], env: dict[str, str]) -> float:
    """Run ``command`` to its end (its output dropped); its own peak resident memory (wait4)."""
    from benchkit import maxrss_mib

    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    assert process.stderr is not None
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors[-3000:]}")
    return maxrss_mib(usage.ru_maxrss)


def one_visit(folder: Path) -> None:
    """In this process: one citizen's visit; then a ``MEMORY`` line, the window still up."""
    steps = [("python, benchkit", current_rss_mib())]
    from windowkit import Visit, application, serve

    from kiosk.app import load_bundle
    from kiosk.settings import default_cache_dir

    application()
    bundle = load_bundle(cache=default_cache_dir())  # as main() does: the first start wrote it
    window = serve(bundle, SIZE)
    steps.append(("first paint, then what follows it", current_rss_mib()))
    from kiosk.ui.walks import WalkContext

    visit = Visit(window)
    visit.one_citizen(
        WalkContext(rules=bundle.rules, texts=bundle.texts, today=date.today()),
        folder / "visit.pdf",
    )
    steps.append(("retirement, QR, PDF, home, FAQ answer, home", current_rss_mib()))
    _print_steps(steps)
    print(memory_line(), flush=True)


def whole_visit(quick: bool) -> None:
    """In this process: the window, every walk, the FAQ and the guide, each screen painted; then
    this process's memory (a ``MEMORY`` line), the window still up."""
    steps = [("python, benchkit", current_rss_mib())]
    from windowkit import Visit, application, build_window

    from kiosk.app import load_bundle
    from kiosk.ui.walks import WalkContext

    application()
    bundle = load_bundle()
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
    _print_steps(steps)
    print(memory_line(), flush=True)


def child_env(state: Path) -> dict[str, str]:
    """Offscreen; no settings, state or cache of this machine's; bytecode cached as installed."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONDONTWRITEBYTECODE", "KIOSK_RESOURCES")
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "APPDATA"):
        env[variable] = str(state)
    env["LOCALAPPDATA"] = str(state)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="one answer per category, no self-test"
    )
    parser.add_argument(CHILD, choices=("one", "whole"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "one":
        one_visit(args.folder)
        return 0
    if args.child == "whole":
        whole_visit(args.quick)
        return 0

    width, height = SIZE
    quick = ["--quick"] if args.quick else []
    results = []
    with tempfile.TemporaryDirectory() as state:
        env = child_env(Path(state))
        command = [sys.executable, str(HERE), CHILD, "one", "--folder", state]
        subprocess.run(command, capture_output=True, check=True, env=env)  # the first start
        print(f"kiosk: one visit at {width}x{height} (fresh process)", flush=True)
        visit = measure(command, env)
        print(f"kiosk: a whole visit at {width}x{height} (fresh process)", flush=True)
        whole = measure([sys.executable, str(HERE), CHILD, "whole", *quick], env)
        print("bare window: shown, painted once (fresh process)", flush=True)
        bare_window = HERE.with_name("bare_window.py")
        bare = measure([sys.executable, str(bare_window), str(width), str(height), "--memory"], env)
        for name, figures in (("one visit", visit), ("whole visit", whole), ("bare", bare)):
            print(f"{name:<12} peak {_mib(figures['peak'])}   now {_mib(figures['current'])}")
        if visit["peak"] is None or whole["peak"] is None or bare["peak"] is None:
            raise RuntimeError("no peak resident memory on this platform (no resource.getrusage)")
        results += [
            Result(BENCH, "peak RSS kiosk, one visit", visit["peak"], "MiB", TARGET_VISIT_MIB),
            Result(BENCH, "peak RSS kiosk, whole visit", whole["peak"], "MiB"),
            Result(BENCH, "peak RSS bare window", bare["peak"], "MiB"),
        ]
        if not args.quick and hasattr(os, "wait4"):
            print("kiosk --self-test (fresh process)", flush=True)
            peak = peak_of_process([sys.executable, "-m", "kiosk", "--self-test"], env)
            print(f"self-test    peak {_mib(peak)}")
            results.append(
                Result(BENCH, "peak RSS kiosk --self-test", peak, "MiB", TARGET_SELF_TEST_MIB)
            )
    print(
        f"targets: one visit <= {TARGET_VISIT_MIB:.0f} MiB, self-test <= {TARGET_SELF_TEST_MIB:.0f} MiB"
    )
    report(*results)
    return 0


def _print_steps(steps: list[tuple[str, float | None]]) -> None:
    print("resident memory after each stage:")
    for name, rss in steps:
        print(f"  {name:<46} {_mib(rss)}")


def _mib(value: float | None) -> str:
    return "unknown" if value is None else f"{value:6.1f} MiB"


if __name__ == "__main__":
    sys.exit(main())
