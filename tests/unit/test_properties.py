"""Invariants of the rules, checked with hypothesis (deterministic: derandomized, no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.rules import (
    Category,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    YearMonth,
    contribution,
    figures_for_year,
    payment_months_for,
    pension,
    retirement,
    statutory_age_months,
)
from kiosk.rules.money import to_fen

AS_OF = date(2026, 11, 29)
FIRST_BIRTH = YearMonth(1930, 1).index
LAST_BIRTH = YearMonth.of(AS_OF).index

deterministic = settings(max_examples=150, derandomize=True, database=None, deadline=None)

births = st.integers(FIRST_BIRTH, LAST_BIRTH).map(YearMonth.from_index)
categories = st.sampled_from(list(Category))
years = st.integers(2020, 2027)
periods = st.sampled_from(list(PaymentPeriod))
wages = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2, allow_nan=False
)


@deterministic
@given(category=categories, first=births, second=births)
def test_statutory_age_never_decreases_for_a_later_birth(
    rules: RulesData, category: Category, first: YearMonth, second: YearMonth
) -> None:
    earlier, later = sorted((first, second))
    assert statutory_age_months(earlier, category, rules.retirement) <= statutory_age_months(
        later, category, rules.retirement
    )


@deterministic
@given(category=categories, birth=births)
def test_delay_within_zero_and_cap_and_month_is_birth_plus_age(
    rules: RulesData, category: Category, birth: YearMonth
) -> None:
    result = retirement(birth, category, rules.retirement, as_of=AS_OF)
    cap = rules.retirement.reform(category).cap_months
    assert 0 <= result.delay_months <= cap
    assert result.statutory_age_months == result.original_age_months + result.delay_months
    assert result.statutory_retirement_month == birth.plus_months(result.statutory_age_months)
    assert result.original_retirement_month == birth.plus_months(result.original_age_months)
    reform = result.statutory_retirement_month >= YearMonth(2025, 1)
    assert result.reform_applies == reform
    if not reform:  # retired under the old rules: no flexible window (rules.md §1.8)
        assert result.earliest_flexible_age_months is None
        assert result.latest_flexible_retirement_month is None
        return
    assert result.earliest_flexible_age_months is not None
    assert result.latest_flexible_age_months is not None
    assert (
        result.original_age_months
        <= result.earliest_flexible_age_months
        <= result.statutory_age_months
        < result.latest_flexible_age_months
    )


@deterministic
@given(year=years, wage=wages)
def test_employee_base_within_limits_and_shares_add_up(
    rules: RulesData, year: int, wage: Decimal
) -> None:
    result = contribution(
        WorkerKind.EMPLOYEE, year, rules.contribution, rules.rates, as_of=AS_OF, wage=wage
    )
    assert result.base_floor <= result.base <= result.base_ceiling
    if result.base_floor <= wage <= result.base_ceiling:
        assert result.base == wage
    assert result.employer_monthly is not None
    assert result.total_monthly == result.employer_monthly + result.individual_monthly
    assert result.personal_account_monthly == result.individual_monthly
    assert result.annual == result.individual_monthly * 12


@deterministic
@given(
    year=years,
    percent=st.integers(60, 300).map(Decimal),
    period=periods,
)
def test_flexible_shares_add_up_and_per_payment_is_monthly_times_months(
    rules: RulesData, year: int, percent: Decimal, period: PaymentPeriod
) -> None:
    result = contribution(
        WorkerKind.FLEXIBLE,
        year,
        rules.contribution,
        rules.rates,
        as_of=AS_OF,
        base_percent=percent,
        period=period,
    )
    assert result.base_floor <= result.base <= result.base_ceiling
    assert result.personal_account_monthly + result.pooled_fund_monthly == (
        result.individual_monthly
    )
    assert result.pooled_fund_monthly > 0
    assert result.employer_monthly is None
    assert result.per_payment == result.individual_monthly * period.months
    assert result.annual == result.individual_monthly * 12


@deterministic
@given(year=years, share=st.fractions(0, 1), period=periods)
def test_flexible_any_base_within_limits(
    rules: RulesData, year: int, share: Fraction, period: PaymentPeriod
) -> None:
    row = figures_for_year(year, rules.contribution, as_of=AS_OF).row
    span = row.base_ceiling - row.base_floor
    base = to_fen(row.base_floor + span * Decimal(share.numerator) / Decimal(share.denominator))
    result = contribution(
        WorkerKind.FLEXIBLE,
        year,
        rules.contribution,
        rules.rates,
        as_of=AS_OF,
        base=base,
        period=period,
    )
    assert result.base == base
    assert result.personal_account_monthly + result.pooled_fund_monthly == (
        result.individual_monthly
    )
    assert result.per_payment == result.individual_monthly * period.months


@deterministic
@given(
    index=st.decimals(min_value=Decimal("0.3"), max_value=Decimal("3"), places=4),
    total=st.integers(1, 840),
    pre_share=st.floats(0, 1),
    balance=st.decimals(min_value=Decimal(0), max_value=Decimal("2000000"), places=2),
    age=st.integers(40 * 12, 70 * 12),
    year=st.sampled_from([None, 2023, 2024, 2025, 2026]),
)
def test_pension_parts_are_non_negative_and_add_up(
    rules: RulesData,
    index: Decimal,
    total: int,
    pre_share: float,
    balance: Decimal,
    age: int,
    year: int | None,
) -> None:
    result = pension(
        rules.pension,
        pension_base=Decimal("7831") if year is None else None,
        retirement_year=year,
        average_index=index,
        contribution_months=total,
        pre_account_months=int(total * pre_share),
        account_balance=balance,
        retirement_age_months=age,
    )
    parts = (result.basic_pension, result.personal_account_pension, result.transitional_pension)
    assert all(part >= 0 for part in parts)
    assert result.total == sum(parts)
    assert all(part == part.quantize(Decimal("0.01")) for part in (*parts, result.total))


@deterministic
@given(first=st.integers(40 * 12, 70 * 12), second=st.integers(40 * 12, 70 * 12))
def test_payment_months_strictly_decrease_with_age(
    rules: RulesData, first: int, second: int
) -> None:
    if first == second:
        second = first + 1 if first < 70 * 12 else first - 1
    younger, older = sorted((first, second))
    assert payment_months_for(older, rules.pension) < payment_months_for(younger, rules.pension)


@deterministic
@given(age=st.integers(40 * 12, 70 * 12 - 1))
def test_payment_months_fall_every_single_month(rules: RulesData, age: int) -> None:
    assert payment_months_for(age + 1, rules.pension) < payment_months_for(age, rules.pension)
