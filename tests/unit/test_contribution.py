"""缴费测算: contribution base limits, the 8% / 16% and 20% / 8% shares, payment periods and the
provisional use of last year's limits (rules.md §4.1, §5.1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kiosk.rules import (
    BaseAdjustment,
    ContributionResult,
    InputError,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    contribution,
    figures_for_year,
)
from tests.wording import error_message

D = Decimal
AFTER_2026_NOTICE = date(2026, 11, 29)  # the 2026 notice (鲁人社字〔2026〕75号) is out since 08-14
EMPLOYEE, FLEXIBLE = WorkerKind.EMPLOYEE, WorkerKind.FLEXIBLE


def calc(
    rules: RulesData,
    kind: WorkerKind,
    year: int,
    *,
    as_of: date = AFTER_2026_NOTICE,
    **kwargs: Any,
) -> ContributionResult:
    return contribution(kind, year, rules.contribution, rules.rates, as_of=as_of, **kwargs)


# --- employees: the wage is raised to the floor or capped at the ceiling --------------------------

# (year, wage, base, adjustment, individual 8%, employer 16%); limits from rules.md §4.1:
# 2025 4,504 / 22,518, 2026 4,573 / 22,863.
EMPLOYEE_CASES = [
    pytest.param(2025, "4503.99", "4504", "raised_to_floor", "360.32", "720.64", id="2025-below"),
    pytest.param(2025, "4504", "4504", "none", "360.32", "720.64", id="2025-at-floor"),
    pytest.param(2025, "7506", "7506", "none", "600.48", "1200.96", id="2025-average"),
    pytest.param(2025, "22518", "22518", "none", "1801.44", "3602.88", id="2025-at-ceiling"),
    pytest.param(
        2025, "22518.01", "22518", "capped_at_ceiling", "1801.44", "3602.88", id="2025-above"
    ),
    pytest.param(2026, "1", "4573", "raised_to_floor", "365.84", "731.68", id="2026-tiny-wage"),
    pytest.param(2026, "4572.99", "4573", "raised_to_floor", "365.84", "731.68", id="2026-below"),
    pytest.param(2026, "4573", "4573", "none", "365.84", "731.68", id="2026-at-floor"),
    pytest.param(2026, "8000.55", "8000.55", "none", "640.04", "1280.09", id="2026-fen-rounding"),
    pytest.param(2026, "22863", "22863", "none", "1829.04", "3658.08", id="2026-at-ceiling"),
    pytest.param(
        2026, "22863.01", "22863", "capped_at_ceiling", "1829.04", "3658.08", id="2026-above"
    ),
    pytest.param(
        2026, "100000", "22863", "capped_at_ceiling", "1829.04", "3658.08", id="2026-high"
    ),
]


@pytest.mark.parametrize(
    ("year", "wage", "base", "adjustment", "individual", "employer"), EMPLOYEE_CASES
)
def test_employee_base_and_shares(
    rules: RulesData,
    year: int,
    wage: str,
    base: str,
    adjustment: str,
    individual: str,
    employer: str,
) -> None:
    result = calc(rules, EMPLOYEE, year, wage=D(wage))
    assert result.base == D(base)
    assert result.base_adjustment is BaseAdjustment(adjustment)
    assert result.individual_monthly == D(individual)
    assert result.employer_monthly == D(employer)
    # the employee's own 8% is what goes into the personal account
    assert result.personal_account_monthly == D(individual)
    assert result.total_monthly == D(individual) + D(employer)
    assert result.per_payment == D(individual)
    assert result.annual == D(individual) * 12
    assert result.provisional is False
    assert result.parameter_year == year


@pytest.mark.parametrize(
    ("year", "floor", "ceiling", "average"),
    [
        pytest.param(2025, "4504", "22518", "7506", id="2025"),
        pytest.param(2026, "4573", "22863", "7621", id="2026"),
    ],
)
def test_published_limits(
    rules: RulesData, year: int, floor: str, ceiling: str, average: str
) -> None:
    result = calc(rules, EMPLOYEE, year, wage=D("10000"))
    assert (result.base_floor, result.base_ceiling) == (D(floor), D(ceiling))
    assert result.average_wage_monthly == D(average)
    assert result.figures_status == "verified"


# --- flexible workers: 20%, of which 8% to the personal account and 12% to the pooled fund --------

# Examples of rules.md §5.1 for Shandong 2026.
FLEXIBLE_BASES = [
    pytest.param("4573", "914.60", "365.84", "548.76", id="floor-4573"),
    pytest.param("7621", "1524.20", "609.68", "914.52", id="average-7621"),
    pytest.param("22863", "4572.60", "1829.04", "2743.56", id="ceiling-22863"),
]


@pytest.mark.parametrize(("base", "monthly", "account", "pooled"), FLEXIBLE_BASES)
def test_flexible_by_base(
    rules: RulesData, base: str, monthly: str, account: str, pooled: str
) -> None:
    result = calc(rules, FLEXIBLE, 2026, base=D(base))
    assert result.base == D(base)
    assert result.base_adjustment is BaseAdjustment.NONE
    assert result.individual_monthly == D(monthly)
    assert result.personal_account_monthly == D(account)
    assert result.pooled_fund_monthly == D(pooled)
    assert result.employer_monthly is None
    assert result.total_monthly == D(monthly)


@pytest.mark.parametrize(
    ("percent", "base", "monthly"),
    [
        pytest.param("60", "4573", "914.60", id="60-percent-is-the-floor"),
        pytest.param("100", "7621", "1524.20", id="100-percent-is-the-average"),
        pytest.param("300", "22863", "4572.60", id="300-percent-is-the-ceiling"),
    ],
)
def test_flexible_percent_tiers(rules: RulesData, percent: str, base: str, monthly: str) -> None:
    result = calc(rules, FLEXIBLE, 2026, base_percent=D(percent))
    assert result.base == D(base)
    assert result.individual_monthly == D(monthly)


@pytest.mark.parametrize(
    ("period", "months"),
    [
        pytest.param(PaymentPeriod.MONTH, 1, id="month"),
        pytest.param(PaymentPeriod.QUARTER, 3, id="quarter"),
        pytest.param(PaymentPeriod.HALF_YEAR, 6, id="half-year"),
        pytest.param(PaymentPeriod.YEAR, 12, id="year"),
    ],
)
@pytest.mark.parametrize(
    ("base", "monthly"),
    [pytest.param("4573", "914.60", id="4573"), pytest.param("7621", "1524.20", id="7621")],
)
def test_flexible_payment_periods(
    rules: RulesData, period: PaymentPeriod, months: int, base: str, monthly: str
) -> None:
    result = calc(rules, FLEXIBLE, 2026, base=D(base), period=period)
    assert result.period_months == months
    assert result.per_payment == D(monthly) * months
    assert result.annual == D(monthly) * 12


# --- which year's limits: provisional before the year's notice is published -----------------------


@pytest.mark.parametrize(
    ("year", "as_of", "parameter_year", "provisional", "floor"),
    [
        pytest.param(2026, date(2026, 8, 13), 2025, True, "4504", id="2026-day-before-notice"),
        pytest.param(2026, date(2026, 8, 14), 2026, False, "4573", id="2026-notice-day"),
        pytest.param(2026, date(2026, 1, 1), 2025, True, "4504", id="2026-new-year"),
        pytest.param(2027, AFTER_2026_NOTICE, 2026, True, "4573", id="2027-uses-2026"),
        pytest.param(2027, date(2026, 8, 13), 2025, True, "4504", id="2027-before-2026-notice"),
        pytest.param(2025, date(2026, 8, 13), 2025, False, "4504", id="2025-published"),
    ],
)
def test_provisional_figures(
    rules: RulesData,
    year: int,
    as_of: date,
    parameter_year: int,
    provisional: bool,
    floor: str,
) -> None:
    result = calc(rules, EMPLOYEE, year, as_of=as_of, wage=D("1000"))
    assert result.year == year
    assert result.parameter_year == parameter_year
    assert result.provisional is provisional
    assert result.base == D(floor)
    keys = [step.key.value for step in result.steps]
    assert ("con_provisional" in keys) is provisional
    figures = figures_for_year(year, rules.contribution, as_of=as_of)
    assert (figures.parameter_year, figures.provisional) == (parameter_year, provisional)


def test_provisional_step_is_an_assumption(rules: RulesData) -> None:
    result = calc(rules, EMPLOYEE, 2026, as_of=date(2026, 8, 13), wage=D("5000"))
    step = next(step for step in result.steps if step.key.value == "con_provisional")
    assert step.assumption is True
    assert step.values == {"year": 2026, "used_year": 2025}


# --- input errors ---------------------------------------------------------------------------------

INPUT_ERRORS = [
    pytest.param(EMPLOYEE, 2019, {"wage": D("5000")}, "year", id="2019-no-figures"),
    pytest.param(
        EMPLOYEE,
        2026,
        {"wage": D("5000"), "period": PaymentPeriod.QUARTER},
        "period",
        id="employee-quarterly",
    ),
    pytest.param(EMPLOYEE, 2026, {"base": D("5000")}, "wage", id="employee-without-wage"),
    pytest.param(EMPLOYEE, 2026, {"wage": D("0")}, "wage", id="employee-zero-wage"),
    pytest.param(EMPLOYEE, 2026, {"wage": D("-1")}, "wage", id="employee-negative-wage"),
    pytest.param(FLEXIBLE, 2026, {"base": D("4572.99")}, "base", id="flexible-below-floor"),
    pytest.param(FLEXIBLE, 2026, {"base": D("22863.01")}, "base", id="flexible-above-ceiling"),
    pytest.param(FLEXIBLE, 2026, {}, "base", id="flexible-no-base"),
    pytest.param(
        FLEXIBLE,
        2026,
        {"base": D("5000"), "base_percent": D("100")},
        "base",
        id="flexible-base-and-percent",
    ),
    pytest.param(FLEXIBLE, 2026, {"base_percent": D("59")}, "base_percent", id="percent-59"),
    pytest.param(FLEXIBLE, 2026, {"base_percent": D("301")}, "base_percent", id="percent-301"),
]


@pytest.mark.parametrize(("kind", "year", "kwargs", "field"), INPUT_ERRORS)
def test_input_errors(
    rules: RulesData, kind: WorkerKind, year: int, kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        calc(rules, kind, year, **kwargs)
    assert caught.value.field == field
    error_message(caught.value)
