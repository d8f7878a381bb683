"""Fuzz every public entry point of kiosk.rules with inputs inside and far outside their ranges.

The property, for each function: it returns a result, or it raises the documented
:class:`~kiosk.rules.InputError` naming one of that function's fields — never any other exception
(the CLI and the screens catch only InputError, so anything else is a traceback or a crash). In a
result, every Decimal (amounts, years, rates, 计发月数) is finite and not negative, every count of
months is not negative, and no step shows ``NaN`` or ``Infinity``.

tests/unit/test_properties.py checks the invariants of valid inputs; this file draws the inputs
people and programs can actually pass: huge, negative and zero numbers, far years and dates, and the
Decimal edge values (NaN, sNaN, ±Infinity, -0, 1E+999, 1E-28).

The ``@example`` rows are what fuzzing found: before the fixes each raised decimal's
InvalidOperation or a ValueError from a month outside the calendar, showed ``-0.00``, or took a
negative retirement age. They run at every size.

Size: 150 examples per function (derandomized), 5,000 at full size (``KIOSK_RELIABILITY=full``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from fuzzing import decimals_around, fuzz_settings, integers_around
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk import resources
from kiosk.content.format import value_text
from kiosk.rules import (
    Category,
    InputError,
    PaymentPeriod,
    Step,
    WorkerKind,
    YearMonth,
    base_for_percent,
    contribution,
    estimate_account_balance,
    figures_for_year,
    load_rules,
    payment_months_for,
    pension,
    pension_base_for,
    retirement,
    statutory_age_months,
)
from tests.wording import ZH, error_message
from tests.wording import age_text as official_age_text
from tests.wording import duration_text as years_months_text

T = TypeVar("T")

# loaded once, not a fixture: hypothesis would print the whole RulesData with every failing example
RULES = load_rules(resources.rules_dir())
DAY = date(2026, 11, 29)
MONTH = PaymentPeriod.MONTH

year_months = st.builds(YearMonth, st.integers(1, 9999), st.integers(1, 12))
far_year_months = st.builds(
    YearMonth, st.sampled_from([1, 2, 100, 9900, 9998, 9999]), st.integers(1, 12)
)
births = st.one_of(
    st.builds(YearMonth, st.integers(1925, 2030), st.integers(1, 12)),
    year_months,
    far_year_months,
)
as_of_dates = st.one_of(
    st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    st.dates(),
    st.sampled_from([date.min, date.max, date(9999, 1, 1)]),
)
years = integers_around(2000, 2100)
categories = st.sampled_from(list(Category))
periods = st.sampled_from(list(PaymentPeriod))


def decimals_or_none(low: str, high: str) -> st.SearchStrategy[Decimal | None]:
    return st.one_of(st.none(), decimals_around(low, high))


def rarely(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """None nine times in ten: for the argument a caller should leave out (so the checks of the
    arguments it should give are reached often)."""
    return st.integers(0, 9).flatmap(lambda n: strategy if n == 0 else st.none())


# --- the property ---------------------------------------------------------------------------------

NOT_A_NUMBER = re.compile(r"NaN|Infinity|E[+-]\d", re.IGNORECASE)


def outcome(call: Callable[[], T], fields: set[str]) -> T | None:
    """``call()``'s result, or None if it raised InputError for one of ``fields`` (any other
    exception fails the test, with the example that caused it)."""
    try:
        return call()
    except InputError as exc:
        assert exc.field in fields, f"InputError for an unexpected field {exc.field!r}: {exc}"
        error_message(exc)  # worded, names the input, no placeholder left
        return None


def walk(value: object, where: str = "result") -> Iterator[tuple[str, object]]:
    """``(path, value)`` of every field of a result, through nested dataclasses and tuples."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from walk(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{where}[{index}]")
    else:
        yield where, value


def assert_sane(result: object) -> None:
    """Decimals finite and >= 0, month counts >= 0, steps free of NaN/Infinity/exponents."""
    for where, value in walk(result):
        if isinstance(value, Decimal):
            assert value.is_finite() and value >= 0, (where, value)
        elif isinstance(value, int) and not isinstance(value, bool) and where.endswith("months"):
            assert value >= 0, (where, value)
    steps = getattr(result, "steps", ())
    for step in steps:
        assert isinstance(step, Step)
        for name, value in step.values.items():
            text = value_text(ZH.common, value)
            assert not NOT_A_NUMBER.search(text), (step.key, name, text)
            assert not text.startswith("-"), (step.key, name, text)


# --- retirement: age, window, minimum years, eligibility ----------------------------------------


@st.composite
def births_and_days(draw: st.DrawFn) -> tuple[YearMonth, date]:
    """A birth month and 'today': independent, or the birth some months before (or after) today,
    so that far days meet births that are valid on them."""
    as_of = draw(as_of_dates)
    if draw(st.booleans()):
        return draw(births), as_of
    before = draw(st.one_of(st.integers(0, 100 * 12), st.integers(-24, -1)))
    today = YearMonth.of(as_of).index
    return YearMonth.from_index(min(max(today - before, 12), 9999 * 12 + 11)), as_of


@fuzz_settings()
@given(
    birth_and_day=births_and_days(),
    category=categories,
    months=st.one_of(st.none(), integers_around(0, 840)),
    insured_before=st.sampled_from([None, True, False]),
)
@example(
    birth_and_day=(YearMonth(9999, 1), date.max),
    category=Category.MALE,
    months=None,
    insured_before=None,
)
def test_retirement(
    birth_and_day: tuple[YearMonth, date],
    category: Category,
    months: int | None,
    insured_before: bool | None,
) -> None:
    birth, as_of = birth_and_day
    result = outcome(
        lambda: retirement(
            birth,
            category,
            RULES.retirement,
            as_of=as_of,
            contribution_months=months,
            first_insured_before_2011_07=insured_before,
        ),
        {"birth", "contribution_months", "as_of"},
    )
    if result is None:
        return
    assert_sane(result)
    assert result.original_age_months <= result.statutory_age_months
    early, late = result.earliest_flexible_age_months, result.latest_flexible_age_months
    if result.reform_applies:
        assert early is not None and late is not None and early <= late
    else:  # retired under the old rules: no flexible window
        assert early is None and late is None
    assert result.minimum_contribution_months > 0
    if months is not None:
        assert result.meets_minimum == (result.shortfall_months == 0)
        assert bool(result.options) == (not result.meets_minimum)


@fuzz_settings()
@given(birth=year_months, category=categories)
def test_statutory_age_for_any_calendar_month(birth: YearMonth, category: Category) -> None:
    age = statutory_age_months(birth, category, RULES.retirement)
    reform = RULES.retirement.reform(category)
    assert (
        reform.original_age_years * 12
        <= age
        <= reform.original_age_years * 12 + (reform.cap_months)
    )


@fuzz_settings()
@given(year=st.integers())
def test_minimum_years_for_any_year(year: int) -> None:
    minimum = RULES.retirement.minimum_contribution
    assert minimum.base_months <= minimum.months_for(year) <= minimum.final_months


@fuzz_settings()
@given(months=st.integers(0, 10**6))
def test_age_and_duration_texts(months: int) -> None:
    assert re.fullmatch(r"\d+岁(\d{1,2}个月)?", official_age_text(months))
    assert re.fullmatch(r"(\d+年)?(\d{1,2}个月)?", years_months_text(months))
    assert years_months_text(months)


# --- contribution: employee and flexible worker, every payment period -----------------------------


@fuzz_settings()
@given(
    year=years,
    as_of=as_of_dates,
    wage=decimals_or_none("0.01", "10000000"),
    base=rarely(decimals_around("4000", "25000")),
    percent=rarely(decimals_around("60", "300")),
    period=st.one_of(st.just(PaymentPeriod.MONTH), periods),
)
@example(year=2026, as_of=DAY, wage=Decimal("NaN"), base=None, percent=None, period=MONTH)
def test_employee_contribution(
    year: int,
    as_of: date,
    wage: Decimal | None,
    base: Decimal | None,
    percent: Decimal | None,
    period: PaymentPeriod,
) -> None:
    result = outcome(
        lambda: contribution(
            WorkerKind.EMPLOYEE,
            year,
            RULES.contribution,
            RULES.rates,
            as_of=as_of,
            wage=wage,
            base=base,
            base_percent=percent,
            period=period,
        ),
        {"year", "period", "wage"},
    )
    if result is not None:
        assert_sane(result)
        assert result.base_floor <= result.base <= result.base_ceiling


@fuzz_settings()
@given(
    year=years,
    as_of=as_of_dates,
    base=decimals_or_none("4000", "25000"),
    percent=decimals_or_none("60", "300"),
    period=periods,
)
@example(year=2026, as_of=DAY, base=Decimal("1E+28"), percent=None, period=MONTH)
@example(year=2026, as_of=DAY, base=Decimal("sNaN"), percent=None, period=MONTH)
@example(year=2026, as_of=DAY, base=None, percent=Decimal("NaN"), period=MONTH)
def test_flexible_contribution(
    year: int,
    as_of: date,
    base: Decimal | None,
    percent: Decimal | None,
    period: PaymentPeriod,
) -> None:
    result = outcome(
        lambda: contribution(
            WorkerKind.FLEXIBLE,
            year,
            RULES.contribution,
            RULES.rates,
            as_of=as_of,
            base=base,
            base_percent=percent,
            period=period,
        ),
        {"year", "base", "base_percent"},
    )
    if result is not None:
        assert_sane(result)
        assert result.base_floor <= result.base <= result.base_ceiling
        assert result.per_payment == result.individual_monthly * period.months


@fuzz_settings()
@given(year=years, as_of=as_of_dates)
def test_figures_for_any_year(year: int, as_of: date) -> None:
    figures = outcome(lambda: figures_for_year(year, RULES.contribution, as_of=as_of), {"year"})
    if figures is not None:
        assert figures.parameter_year <= year
        assert figures.provisional == (figures.parameter_year != year)


@fuzz_settings()
@given(percent=decimals_around("60", "300"), index=st.integers(0, 100))
@example(percent=Decimal("NaN"), index=0)
@example(percent=Decimal("9.99E+999"), index=0)
def test_base_for_any_percent(percent: Decimal, index: int) -> None:
    row = RULES.contribution.year[index % len(RULES.contribution.year)]
    base = outcome(lambda: base_for_percent(percent, row), {"base_percent"})
    if base is not None:
        assert row.base_floor <= base <= row.base_ceiling


# --- pension: base, 计发月数, the estimate, the account balance -------------------------------------


@fuzz_settings()
@given(year=years)
def test_pension_base_for_any_year(year: int) -> None:
    choice = outcome(lambda: pension_base_for(year, RULES.pension), {"retirement_year"})
    if choice is not None:
        assert_sane(choice)
        assert choice.amount > 0


@fuzz_settings()
@given(age=integers_around(40 * 12, 70 * 12))
def test_payment_months_for_any_age(age: int) -> None:
    months = outcome(lambda: payment_months_for(age, RULES.pension), {"retirement_age_months"})
    if months is not None:
        assert months.is_finite() and months > 0


PENSION_FIELDS = {
    "pension_base",
    "retirement_year",
    "index",
    "contribution_months",
    "pre_account_months",
    "account_balance",
    "retirement_age_months",
    "payment_months",
}


PENSION_EXAMPLE: dict[str, Any] = {
    "pension_base": Decimal("7831"),
    "retirement_year": None,
    "average_index": Decimal("1"),
    "contribution_months": 360,
    "pre_account_months": 120,
    "account_balance": Decimal("100000"),
    "retirement_age_months": 720,
    "payment_months": None,
}


@st.composite
def pension_inputs(draw: st.DrawFn) -> dict[str, Any]:
    by_year = draw(st.booleans())
    return {
        "pension_base": None if by_year else draw(decimals_or_none("1", "100000")),
        "retirement_year": draw(st.one_of(st.none(), years)) if by_year else None,
        "average_index": draw(decimals_around("0.3", "3")),
        "contribution_months": draw(integers_around(1, 840)),
        "pre_account_months": draw(integers_around(0, 840)),
        "account_balance": draw(decimals_around("0", "100000000", places=2)),
        "retirement_age_months": draw(integers_around(40 * 12, 70 * 12)),
        "payment_months": draw(decimals_or_none("1", "300")),
    }


@fuzz_settings()
@given(inputs=pension_inputs())
@example(inputs=PENSION_EXAMPLE | {"pension_base": Decimal("NaN")})
@example(inputs=PENSION_EXAMPLE | {"payment_months": Decimal("1E-28")})
@example(inputs=PENSION_EXAMPLE | {"account_balance": Decimal("-0")})
@example(inputs=PENSION_EXAMPLE | {"payment_months": Decimal("139"), "retirement_age_months": -1})
def test_pension(inputs: dict[str, Any]) -> None:
    result = outcome(lambda: pension(RULES.pension, **inputs), PENSION_FIELDS)
    if result is not None:
        assert_sane(result)
        assert result.total == (
            result.basic_pension + result.personal_account_pension + result.transitional_pension
        )


@fuzz_settings()
@given(
    index=decimals_around("0.3", "3"),
    months=integers_around(0, 840),
    retirement_month=st.one_of(
        st.builds(YearMonth, st.integers(1990, 2100), st.integers(1, 12)),
        year_months,
        far_year_months,
    ),
    rate=st.one_of(st.none(), decimals_around("0", "0.1")),
)
@example(index=Decimal("1"), months=0, retirement_month=YearMonth(1, 1), rate=None)
@example(index=Decimal("-1"), months=120, retirement_month=YearMonth(2026, 1), rate=None)
@example(index=Decimal("1"), months=120, retirement_month=YearMonth(2026, 1), rate=Decimal("NaN"))
@example(index=Decimal("1"), months=120, retirement_month=YearMonth(2026, 1), rate=Decimal("-0"))
def test_account_estimate(
    index: Decimal,
    months: int,
    retirement_month: YearMonth,
    rate: Decimal | None,
) -> None:
    assumed = {} if rate is None else {"assumed_rate": rate}
    result = outcome(
        lambda: estimate_account_balance(
            average_index=index,
            account_months=months,
            retirement_month=retirement_month,
            contribution=RULES.contribution,
            rates=RULES.rates,
            pension=RULES.pension,
            **assumed,
        ),
        {"index", "account_months", "assumed_rate", "retirement_month"},
    )
    if result is not None:
        assert_sane(result)


# --- the year-month every rule works in ------------------------------------------------------------


@fuzz_settings()
@given(text=st.one_of(st.text(max_size=12), st.from_regex(r"-?\d{1,6}-\d{1,3}", fullmatch=True)))
def test_year_month_parse_rejects_with_value_error(text: str) -> None:
    try:
        parsed = YearMonth.parse(text)
    except ValueError:
        return
    assert 1 <= parsed.year <= 9999 and 1 <= parsed.month <= 12
    assert YearMonth.parse(str(parsed)) == parsed


@pytest.mark.parametrize("months", [-(10**6), -1, 0, 1, 10**6])
def test_year_month_arithmetic_stays_in_the_calendar_or_says_so(months: int) -> None:
    for start in (YearMonth(1, 1), YearMonth(2026, 11), YearMonth(9999, 12)):
        try:
            moved = start.plus_months(months)
        except ValueError:
            continue
        assert start.months_until(moved) == months
