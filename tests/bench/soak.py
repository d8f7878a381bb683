"""The soak's figure: how much resident memory the kiosk keeps over 1,000 complete journeys with
their resets, after 126 warm-up journeys (tests/reliability/test_soak.py at full size, run here in
its own pytest process; tests/reliability/reliability.md describes the journeys). Target: at most
+5 MiB. ``--quick`` runs the small size (21 journeys, 14 warm-up), whose growth says little.

    python tests/bench/soak.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from benchkit import Result, report

BENCH = "soak"
TARGET_GROWTH_MIB = 5.0
ROOT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(
    r"soak \((?P<size>\w+)\): (?P<journeys>\d+) journeys.*RSS (?P<start>[\d.]+) MiB after "
    r"(?P<warmup>\d+) warm-up journeys, (?P<end>[\d.]+) MiB at the end \(growth "
    r"(?P<growth>[-+][\d.]+) MiB"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the small size (21 journeys)")
    args = parser.parse_args(argv)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_RELIABILITY="" if args.quick else "full",
    )
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-s",
        "-p",
        "no:cacheprovider",
        "tests/reliability/test_soak.py",
    ]
    print(" ".join(command[1:]), flush=True)
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    match = next((m for line in completed.stdout.splitlines() if (m := SUMMARY.search(line))), None)
    if match is None:
        print(completed.stdout[-4000:], completed.stderr[-2000:], sep="\n")
        raise RuntimeError(f"the soak printed no summary (exit {completed.returncode})")
    print(next(line for line in completed.stdout.splitlines() if SUMMARY.search(line)))
    growth = float(match["growth"])
    print(f"growth {growth:+.2f} MiB over {match['journeys']} journeys (target <= +5 MiB)")
    report(
        Result(
            BENCH,
            "RSS growth after warm-up",
            growth,
            "MiB",
            TARGET_GROWTH_MIB,
            note=f"{match['journeys']} journeys, {match['size']} size",
        ),
        Result(BENCH, "RSS after warm-up", float(match["start"]), "MiB"),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
