"""Throughput of the pure rules (no Qt): ``retirement()`` (the full result, as the retirement
journey and ``kiosk-calc retirement`` ask for it) and ``statutory_age_months()`` for every birth
month 1950-01..2010-12 in each of the three categories (2,196 calls each), and ``pension()`` for
10,000 estimates with varied, seeded inputs. Prints calls, total time and microseconds per call,
the median of ``--repeat`` runs. No target: a figure to compare between versions.

    python tests/bench/rules_throughput.py [--repeat 5] [--quick]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from benchkit import Result, report

from kiosk import resources
from kiosk.rules import (
    Category,
    RulesData,
    YearMonth,
    load_rules,
    pension,
    retirement,
    statutory_age_months,
)
from kiosk.rules.retirement import possible_contribution_months

BENCH = "rules_throughput"
AS_OF = date(2026, 11, 29)  # a fixed day: the figures do not move with the clock
FIRST_BIRTH, LAST_BIRTH = YearMonth(1950, 1), YearMonth(2010, 12)
PENSION_ESTIMATES = 10_000
SEED = 8  # issue 8


def birth_cases(rng: random.Random) -> list[tuple[YearMonth, Category, int]]:
    """Every birth month in every category, with a seeded cumulative number of contribution
    months (0..45 years, never more than the months since the 16th birthday) so that both sides
    of the minimum are taken."""
    months = FIRST_BIRTH.months_until(LAST_BIRTH) + 1
    cases = []
    for offset in range(months):
        birth = FIRST_BIRTH.plus_months(offset)
        possible = possible_contribution_months(birth, AS_OF)
        for category in Category:
            cases.append((birth, category, min(possible, rng.randint(0, 45 * 12))))
    return cases


def pension_cases(rng: random.Random, count: int, rules: RulesData) -> list[dict[str, Any]]:
    """Keyword arguments of ``pension()``: retirement years with a published base and after it
    (provisional), indices 0.30..3.00, 15..45 years of which up to 20 before the account,
    balances up to 500,000 yuan, retirement ages 50..65 in months."""
    first_year = min(row.year for row in rules.pension.pension_base)
    cases = []
    for _ in range(count):
        total = rng.randint(15 * 12, 45 * 12)
        cases.append(
            {
                "retirement_year": rng.randint(first_year, first_year + 10),
                "average_index": Decimal(rng.randint(30, 300)) / 100,
                "contribution_months": total,
                "pre_account_months": rng.randint(0, min(total, 20 * 12)),
                "account_balance": Decimal(rng.randint(0, 50_000_000)) / 100,
                "retirement_age_months": rng.randint(50 * 12, 65 * 12),
            }
        )
    return cases


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    """Seconds each of ``repeat`` runs of ``run`` took."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def line(name: str, calls: int, times: list[float]) -> float:
    """Print the figures; return microseconds per call (of the median run)."""
    per_call = statistics.median(times) / calls * 1e6
    print(
        f"{name:<24} {calls:>6,} calls  {statistics.median(times) * 1000:8.1f} ms  "
        f"{per_call:7.1f} us/call   (median of {len(times)}; best {min(times) / calls * 1e6:.1f})"
    )
    return per_call


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each batch")
    parser.add_argument("--quick", action="store_true", help="1 run, 1,000 pension estimates")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    rules = load_rules(resources.rules_dir())
    rng = random.Random(SEED)
    births = birth_cases(rng)
    pensions = pension_cases(rng, 1_000 if args.quick else PENSION_ESTIMATES, rules)

    def retirements() -> None:
        for birth, category, months in births:
            retirement(birth, category, rules.retirement, as_of=AS_OF, contribution_months=months)

    def ages() -> None:
        for birth, category, _months in births:
            statutory_age_months(birth, category, rules.retirement)

    def pensions_run() -> None:
        for case in pensions:
            pension(rules.pension, **case)

    print(f"births {FIRST_BIRTH}..{LAST_BIRTH} x {len(Category)} categories; as of {AS_OF}")
    figures = {
        "retirement()": line("retirement()", len(births), timed(retirements, repeat)),
        "statutory_age_months()": line("statutory_age_months()", len(births), timed(ages, repeat)),
        "pension()": line("pension()", len(pensions), timed(pensions_run, repeat)),
    }
    report(*(Result(BENCH, name, value, "us/call") for name, value in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
