"""Shared pieces of the fuzz tests (imported by name: tests/reliability is on sys.path).

The number of examples follows the size switch of sizes.py: the small size keeps the normal suite
fast and is derandomized (the same examples every run, like tests/unit/test_properties.py); the
full size (``KIOSK_RELIABILITY=full``) draws fresh random examples each run.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sizes import FULL

FUZZ_EXAMPLES = 5_000 if FULL else 150
FUZZ_CLI_EXAMPLES = 5_000 if FULL else 150


def fuzz_settings(examples: int = FUZZ_EXAMPLES) -> settings:
    """Hypothesis settings for one fuzz test at the current size."""
    return settings(
        max_examples=examples,
        derandomize=not FULL,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


EDGE_DECIMALS = tuple(
    Decimal(text)
    for text in (
        "0",
        "-0",
        "0.001",
        "0.005",
        "-0.01",
        "1E-28",
        "1E+28",
        "9.99E+999",
        "1E-999",
        "-1E+999",
        "NaN",
        "-NaN",
        "sNaN",
        "Infinity",
        "-Infinity",
    )
)


def decimals_around(low: str, high: str, places: int = 4) -> st.SearchStrategy[Decimal]:
    """Decimals inside ``[low, high]``, just beyond it, anywhere at all, and the edge values."""
    lo, hi = Decimal(low), Decimal(high)
    step = Decimal(1).scaleb(-places)
    return st.one_of(
        st.decimals(min_value=lo, max_value=hi, places=places),
        st.sampled_from([lo, hi, lo - step, hi + step, lo - 1, hi * 10]),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.sampled_from(EDGE_DECIMALS),
    )


def integers_around(low: int, high: int) -> st.SearchStrategy[int]:
    """Integers inside ``[low, high]``, on both sides of each end, and huge ones of either sign."""
    return st.one_of(
        st.integers(low, high),
        st.sampled_from([low - 1, low, high, high + 1, 0, -1]),
        st.integers(),
        st.sampled_from([2**63, -(2**63), 10**100, -(10**100)]),
    )
