"""What the benchmarks share, Qt-free: the ``RESULT {json}`` lines each prints for run_all.py,
percentiles, and resident-memory figures (``MEMORY {json}`` from a measured child process)."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no getrusage, so no memory figures
    resource = None  # type: ignore[assignment]

RESULT_PREFIX = "RESULT "
MEMORY_PREFIX = "MEMORY "
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Result:
    """One figure of one benchmark. ``target`` is an upper bound; None: reported, not judged."""

    bench: str  # the script's name: "startup", "page_switch", ...
    figure: str  # what was measured: "ratio kiosk / bare", "p95 all transitions", ...
    value: float
    unit: str  # "ms", "MiB", "us/call", "x"
    target: float | None = None
    note: str = ""  # which case the figure comes from, e.g. the slowest transition

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def line(self) -> str:
        return RESULT_PREFIX + json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def parse(cls, line: str) -> Result | None:
        """The result a ``RESULT {json}`` line holds; None for any other line."""
        if not line.startswith(RESULT_PREFIX):
            return None
        return cls(**json.loads(line.removeprefix(RESULT_PREFIX)))


def report(*results: Result) -> None:
    """Print the machine-readable lines, after the human ones."""
    for result in results:
        print(result.line(), flush=True)


def percentile(values: Sequence[float], fraction: float) -> float:
    """``fraction`` 0.95 is p95: linear interpolation between the closest ranks."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ms(seconds: float) -> float:
    return seconds * 1000


def maxrss_mib(ru_maxrss: int) -> float:
    """``ru_maxrss`` in MiB: the kernel reports KiB on Linux, bytes on macOS."""
    return ru_maxrss / MIB if sys.platform == "darwin" else ru_maxrss / 1024


def peak_rss_mib() -> float | None:
    """This process's peak resident memory so far; None where unknown."""
    if resource is None:
        return None
    return maxrss_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def current_rss_mib() -> float | None:
    """This process's resident memory now (Linux ``/proc/self/statm``); None where unknown."""
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / MIB


def memory_line() -> str:
    """This process's peak and current resident memory, for the parent to read."""
    peak, current = peak_rss_mib(), current_rss_mib()
    if peak is not None and current is not None:
        peak = max(peak, current)  # Linux updates ru_maxrss lazily: "now" can be a little ahead
    return MEMORY_PREFIX + json.dumps({"peak": peak, "current": current})


def parse_memory(output: str) -> dict[str, float | None]:
    """The figures of the last ``MEMORY {json}`` line in a child's ``output``."""
    lines = [line for line in output.splitlines() if line.startswith(MEMORY_PREFIX)]
    if not lines:
        raise ValueError(f"no {MEMORY_PREFIX.strip()} line in:\n{output}")
    figures: dict[str, float | None] = json.loads(lines[-1].removeprefix(MEMORY_PREFIX))
    return figures
