"""The benchmarks run, small (``run_all.py --quick``), and each prints its figures as RESULT lines
that run_all.py reads. Their values are never compared with the targets here: on a shared test
machine that would flake; ``python3 packaging/dev.py bench`` is where the figures are judged."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

from benchkit import RESULT_PREFIX, Result
from run_all import BENCHMARKS

RUN_ALL = Path(__file__).resolve().with_name("run_all.py")


def test_every_benchmark_runs_and_prints_finite_positive_figures() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, str(RUN_ALL), "--quick"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-4000:]  # 0 even if a target is missed
    results = [
        Result.parse(line)
        for line in completed.stdout.splitlines()
        if line.startswith(RESULT_PREFIX)
    ]
    for bench in BENCHMARKS:
        assert any(r is not None and r.bench == bench for r in results), f"{bench}: no RESULT"
    for result in results:
        assert result is not None
        assert math.isfinite(result.value), result
        if result.figure != "RSS growth after warm-up":  # the soak's: may be below zero
            assert result.value > 0, result
    assert "=== summary ===" in completed.stdout
