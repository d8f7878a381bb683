"""Start-up: the wall time of the whole process ``python -m kiosk --smoke`` (the real program: it
builds the window and exits after its first paint) against a bare PySide6 window that paints once
and exits (bare_window.py), both at the same size. The two run alternately ``--runs`` times after
one untimed warm-up each; prints every run, the medians, the ratio kiosk / bare (target <= 2.0,
stretch 1.5)
and each one's peak resident memory; then, in one more fresh process, how long each phase of the
kiosk's start-up takes (an approximation of main(): without the settings and kiosk.ops; the
bundle from the snapshot the runs before left).

    python tests/bench/startup.py [--runs 7] [--size 1920x1080] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchkit import Result, maxrss_mib, ms, report

BENCH = "startup"
TARGET_RATIO = 2.0
STRETCH_RATIO = 1.5
ROOT = Path(__file__).resolve().parents[2]
BARE_WINDOW = Path(__file__).resolve().with_name("bare_window.py")
PHASES = "--phases"  # the option that makes this script the phase-timing child


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mib: float | None  # None where the platform has no os.wait4


def run_once(command: list[str], env: dict[str, str]) -> Run:
    """Start ``command``, wait for it; its wall time and, from ``wait4``, its own peak RSS."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT, env=env
        )
        peak = None
        if hasattr(os, "wait4"):
            _pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            peak = maxrss_mib(usage.ru_maxrss)
        else:
            process.wait()
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{message}")
    return Run(seconds, peak)


def child_env(state: Path) -> dict[str, str]:
    """Offscreen; no settings file, state or cache of this machine's; bytecode cached as when
    installed (the warm-up run writes it, and the bundle's snapshot, as a terminal's first start
    does)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONDONTWRITEBYTECODE", "KIOSK_RESOURCES")
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for variable in (
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
        "APPDATA",
        "LOCALAPPDATA",
    ):
        env[variable] = str(state)
    return env


def alternate(
    commands: dict[str, list[str]], env: dict[str, str], runs: int, warm_up: bool
) -> dict[str, list[Run]]:
    """Each command in turn, ``runs`` times, after one untimed run each if ``warm_up``."""
    if warm_up:
        for command in commands.values():
            run_once(command, env)
    measured: dict[str, list[Run]] = {name: [] for name in commands}
    for number in range(1, runs + 1):
        line = []
        for name, command in commands.items():
            run = run_once(command, env)
            measured[name].append(run)
            line.append(f"{name} {ms(run.seconds):7.1f} ms")
        print(f"run {number:>2}:  " + "   ".join(line), flush=True)
    return measured


def peak_text(runs: list[Run]) -> str:
    peaks = [run.peak_mib for run in runs if run.peak_mib is not None]
    return f"peak RSS {max(peaks):6.1f} MiB" if peaks else "peak RSS unknown (no os.wait4)"


def print_phases(command: list[str], env: dict[str, str]) -> None:
    """One fresh process timing its own phases; the rest of its wall time is Python's."""
    start = time.perf_counter()
    completed = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, check=True
    )
    wall = time.perf_counter() - start
    phases: dict[str, float] = json.loads(completed.stdout.splitlines()[-1])
    print(f"phases of one start-up (fresh process, {ms(wall):.0f} ms wall):")
    for name, seconds in phases.items():
        print(f"  {name:<46} {ms(seconds):7.1f} ms")
    rest = wall - sum(phases.values())
    print(f"  {'interpreter start-up, exit, process spawn':<46} {ms(rest):7.1f} ms")


def time_phases(width: int, height: int) -> dict[str, float]:
    """In this process: the steps main() takes, each timed (imports inside, on purpose)."""
    phases: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        phases[name] = now - mark
        mark = now

    from PySide6.QtWidgets import QApplication

    lap("import PySide6.QtWidgets")
    app = QApplication(sys.argv[:1])
    lap("QApplication()")
    from kiosk.app import build_main_window, load_bundle
    from kiosk.settings import default_cache_dir
    from kiosk.smoke import exit_after_first_paint

    lap("import kiosk.app (the UI modules)")
    bundle = load_bundle(cache=default_cache_dir())
    lap("load_bundle() (the snapshot's texts, fonts)")
    window = build_main_window(bundle)
    lap("build_main_window()")
    window.resize(width, height)
    exit_after_first_paint(window)
    window.show()
    app.exec()
    lap("show() to the end of the first paint")
    return phases


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each")
    parser.add_argument("--size", type=parse_size, default=(1920, 1080), help="WIDTHxHEIGHT")
    parser.add_argument("--quick", action="store_true", help="1 run, no warm-up, no phases")
    parser.add_argument(PHASES, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    width, height = args.size
    if args.phases:
        print(json.dumps(time_phases(width, height)))
        return 0

    runs = 1 if args.quick else args.runs
    size = f"{width}x{height}"
    commands = {
        "kiosk": [sys.executable, "-m", "kiosk", "--smoke", "--windowed", "--size", size],
        "bare": [sys.executable, str(BARE_WINDOW), str(width), str(height)],
    }
    with tempfile.TemporaryDirectory() as state:
        env = child_env(Path(state))
        platform = env["QT_QPA_PLATFORM"]
        print(f"{runs} runs each, alternately, {size}, QT_QPA_PLATFORM={platform}", flush=True)
        measured = alternate(commands, env, runs, warm_up=not args.quick)
        medians = {
            name: statistics.median([run.seconds for run in done])
            for name, done in measured.items()
        }
        for name, done in measured.items():
            print(f"{name:<6} median {ms(medians[name]):7.1f} ms   {peak_text(done)}")
        ratio = medians["kiosk"] / medians["bare"]
        print(
            f"ratio kiosk / bare: {ratio:.2f} (target <= {TARGET_RATIO}, stretch {STRETCH_RATIO})"
        )
        if not args.quick:
            print_phases([sys.executable, __file__, PHASES, "--size", size], env)
    peaks = [run.peak_mib for run in measured["kiosk"] if run.peak_mib is not None]
    report(
        Result(BENCH, "ratio kiosk / bare", ratio, "x", TARGET_RATIO),
        Result(BENCH, "median kiosk --smoke", ms(medians["kiosk"]), "ms"),
        Result(BENCH, "median bare window", ms(medians["bare"]), "ms"),
        *([Result(BENCH, "peak RSS kiosk --smoke", max(peaks), "MiB")] if peaks else []),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
