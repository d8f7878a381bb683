"""An estimate of the personal-account balance (个人账户储存额) for people who don't know theirs.

Clearly an estimate: the base of every month is the average contribution index times that year's
provincial average wage (years without published figures take the nearest published year's), 8%
goes into the account, and the balance earns each year's published 记账利率 at the year's end
(the assumed rate for years without a published rate). Contributions of the current year earn no
interest that year. Each assumption is returned as a step.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.rules.models import ContributionData, PensionData, RatesData
from kiosk.rules.money import to_fen
from kiosk.rules.pension import check_balance, check_index
from kiosk.rules.steps import (
    Amount,
    Duration,
    ErrorCode,
    InputError,
    Number,
    Percent,
    Step,
    StepKey,
    YearSpan,
)
from kiosk.rules.yearmonth import YearMonth

DEFAULT_ASSUMED_RATE = Decimal("0.02")
MAX_ASSUMED_RATE = Decimal("0.1")
EARLIEST_RETIREMENT = YearMonth(1950, 1)
LATEST_RETIREMENT = YearMonth(2200, 12)


@dataclass(frozen=True, slots=True)
class AccountEstimate:
    balance: Decimal
    account_months: int
    assumed_rate: Decimal
    published_rate_years: tuple[int, ...]
    wage_years: tuple[int, ...]
    steps: tuple[Step, ...]


def estimate_account_balance(
    *,
    average_index: Decimal,
    account_months: int,
    retirement_month: YearMonth,
    contribution: ContributionData,
    rates: RatesData,
    pension: PensionData,
    assumed_rate: Decimal = DEFAULT_ASSUMED_RATE,
    opening_balance: Decimal = Decimal(0),
) -> AccountEstimate:
    """Estimate the balance built by ``account_months`` of contributions before
    ``retirement_month``, on top of ``opening_balance`` (a balance known at the first of those
    months, which earns interest from then on)."""
    if not EARLIEST_RETIREMENT <= retirement_month <= LATEST_RETIREMENT:
        raise InputError(
            "retirement_month",
            ErrorCode.OUT_OF_RANGE,
            low=EARLIEST_RETIREMENT,
            high=LATEST_RETIREMENT,
        )
    if not 0 <= account_months <= 70 * 12:
        raise InputError(
            "account_months", ErrorCode.OUT_OF_RANGE, low=Duration(0), high=Duration(70 * 12)
        )
    check_index(average_index)
    if not assumed_rate.is_finite() or not Decimal(0) <= assumed_rate <= MAX_ASSUMED_RATE:
        raise InputError(
            "assumed_rate",
            ErrorCode.OUT_OF_RANGE,
            low=Percent(Decimal(0)),
            high=Percent(MAX_ASSUMED_RATE * 100),
        )
    assumed_rate = abs(assumed_rate)  # -0 is 0, and is shown as 0
    wages = {row.contribution_year: row.average_wage_monthly for row in contribution.year}
    published = {row.year: row.rate for row in pension.crediting_rate if row.status.is_fact}
    account_rate = rates.pension[-1].individual

    check_balance(opening_balance)
    first = retirement_month.plus_months(-account_months)
    carried = opening_balance  # balance brought forward from earlier years
    this_year = Decimal(0)  # contributions of the year so far (no interest until next year)
    used_rates: set[int] = set()
    used_wages: set[int] = set()
    # a year at a time: every month of a year is paid on the same wage (the nearest published)
    index, end = first.index, retirement_month.index
    monthly: dict[int, Decimal] = {}  # each wage year's monthly payment into the account
    while index < end:
        year = index // 12
        until = min(end, 12 * (year + 1))  # this year's months in the span, December's next
        wage_year = _nearest(wages, year)
        used_wages.add(wage_year)
        if wage_year not in monthly:
            monthly[wage_year] = to_fen(wages[wage_year] * average_index * account_rate)
        this_year += monthly[wage_year] * (until - index)
        if until == 12 * (year + 1):  # December paid: the year's interest, then a new year
            if year in published:
                used_rates.add(year)
            carried += to_fen(carried * published.get(year, assumed_rate)) + this_year
            this_year = Decimal(0)
        index = until
    balance = carried + this_year
    balance = to_fen(balance)
    opening = (
        (Step(StepKey.EST_OPENING, {"balance": Amount(opening_balance), "month": first}),)
        if opening_balance
        else ()
    )
    steps = (
        *opening,
        Step(
            StepKey.EST_BASE,
            {
                "index": Number(average_index),
                "months": account_months,
                "first": first,
                "last": retirement_month.plus_months(-1),
                "rate": Number(account_rate * 100),
                "wage_years": _span(used_wages),
            },
            pension.legal_basis.cite("formula"),
            assumption=True,
        ),
        Step(
            StepKey.EST_RATES,
            {"published_years": _span(used_rates), "assumed": Number(assumed_rate * 100)},
            pension.legal_basis.cite("crediting_rate"),
            assumption=True,
        ),
        Step(StepKey.EST_RESULT, {"balance": Amount(balance)}, assumption=True),
    )
    return AccountEstimate(
        balance=balance,
        account_months=account_months,
        assumed_rate=assumed_rate,
        published_rate_years=tuple(sorted(used_rates)),
        wage_years=tuple(sorted(used_wages)),
        steps=steps,
    )


def _nearest(wages: dict[int, Decimal], year: int) -> int:
    """The published year nearest ``year`` (of two as near, the one listed first)."""
    if year in wages:
        return year
    if year > max(wages):
        return max(wages)
    if year < min(wages):
        return min(wages)
    return min(wages, key=lambda published: abs(published - year))


def _span(years: set[int]) -> YearSpan:
    return YearSpan(min(years), max(years)) if years else YearSpan(None, None)
