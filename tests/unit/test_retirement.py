"""Statutory retirement age and month under the 2025 reform (rules.md §1.3, §1.6, §1.7).

Every expected value is taken from rules.md (the delay-by-birth-year table of §1.3, the examples of
§1.3 and §1.6) or computed by hand from its algorithm, never from the code's output.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kiosk.rules import (
    Category,
    InputError,
    RetirementResult,
    RulesData,
    ShortfallOption,
    YearMonth,
    retirement,
)
from tests.wording import age_text as official_age_text
from tests.wording import error_message

MALE, F55, F50 = Category.MALE, Category.FEMALE_55, Category.FEMALE_50
AS_OF = date(2026, 11, 29)


def ym(text: str) -> YearMonth:
    return YearMonth.parse(text)


def retire(rules: RulesData, birth: str, category: Category, **kwargs: Any) -> RetirementResult:
    kwargs.setdefault("as_of", AS_OF)
    return retirement(ym(birth), category, rules.retirement, **kwargs)


# --- the delay-by-birth-year table (rules.md §1.3): first and last value of every row -----------

# (category, birth year, delay for January, delay for December), copied from the table in §1.3.
REFORM_TABLE_ROWS = [
    (MALE, 1965, 1, 3),
    (MALE, 1966, 4, 6),
    (MALE, 1967, 7, 9),
    (MALE, 1968, 10, 12),
    (MALE, 1969, 13, 15),
    (MALE, 1970, 16, 18),
    (MALE, 1971, 19, 21),
    (MALE, 1972, 22, 24),
    (MALE, 1973, 25, 27),
    (MALE, 1974, 28, 30),
    (MALE, 1975, 31, 33),
    (MALE, 1976, 34, 36),
    (MALE, 1977, 36, 36),
    (MALE, 1990, 36, 36),
    (F55, 1970, 1, 3),
    (F55, 1971, 4, 6),
    (F55, 1972, 7, 9),
    (F55, 1973, 10, 12),
    (F55, 1974, 13, 15),
    (F55, 1975, 16, 18),
    (F55, 1976, 19, 21),
    (F55, 1977, 22, 24),
    (F55, 1978, 25, 27),
    (F55, 1979, 28, 30),
    (F55, 1980, 31, 33),
    (F55, 1981, 34, 36),
    (F55, 1982, 36, 36),
    (F50, 1975, 1, 6),
    (F50, 1976, 7, 12),
    (F50, 1977, 13, 18),
    (F50, 1978, 19, 24),
    (F50, 1979, 25, 30),
    (F50, 1980, 31, 36),
    (F50, 1981, 37, 42),
    (F50, 1982, 43, 48),
    (F50, 1983, 49, 54),
    (F50, 1984, 55, 60),
    (F50, 1985, 60, 60),
    (F50, 1995, 60, 60),
]


@pytest.mark.parametrize(
    ("category", "year", "january", "december"),
    REFORM_TABLE_ROWS,
    ids=[f"{c.value}-{y}" for c, y, _, _ in REFORM_TABLE_ROWS],
)
def test_reform_table_row_first_and_last_month(
    rules: RulesData, category: Category, year: int, january: int, december: int
) -> None:
    assert retire(rules, f"{year}-01", category).delay_months == january
    assert retire(rules, f"{year}-12", category).delay_months == december


# The fully spelled-out rows of §1.3.
FULL_ROWS = [
    (MALE, 1965, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]),
    (MALE, 1976, [34, 34, 34, 34, 35, 35, 35, 35, 36, 36, 36, 36]),
    (F55, 1981, [34, 34, 34, 34, 35, 35, 35, 35, 36, 36, 36, 36]),
    (F50, 1975, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]),
    (F50, 1984, [55, 55, 56, 56, 57, 57, 58, 58, 59, 59, 60, 60]),
]


@pytest.mark.parametrize(
    ("category", "year", "delays"), FULL_ROWS, ids=[f"{c.value}-{y}" for c, y, _ in FULL_ROWS]
)
def test_reform_table_full_row(
    rules: RulesData, category: Category, year: int, delays: list[int]
) -> None:
    got = [retire(rules, f"{year}-{month:02d}", category).delay_months for month in range(1, 13)]
    assert got == delays


# --- nodes: first affected cohorts, the month before them, and the cap ---------------------------

# (category, birth, delay, statutory age text, statutory retirement month)
NODES = [
    pytest.param(MALE, "1964-12", 0, "60岁", "2024-12", id="male-1964-12-not-affected"),
    pytest.param(MALE, "1965-01", 1, "60岁1个月", "2025-02", id="male-1965-01-first-affected"),
    pytest.param(MALE, "1965-04", 1, "60岁1个月", "2025-05", id="male-1965-04-last-of-plus1"),
    pytest.param(MALE, "1965-05", 2, "60岁2个月", "2025-07", id="male-1965-05-first-of-plus2"),
    pytest.param(MALE, "1965-07", 2, "60岁2个月", "2025-09", id="male-1965-07-weifang-form"),
    pytest.param(MALE, "1976-08", 35, "62岁11个月", "2039-07", id="male-1976-08-before-cap"),
    pytest.param(MALE, "1976-09", 36, "63岁", "2039-09", id="male-1976-09-cap"),
    pytest.param(MALE, "1977-01", 36, "63岁", "2040-01", id="male-1977-01-after-cap"),
    pytest.param(F55, "1969-12", 0, "55岁", "2024-12", id="f55-1969-12-not-affected"),
    pytest.param(F55, "1970-01", 1, "55岁1个月", "2025-02", id="f55-1970-01-first-affected"),
    pytest.param(F55, "1981-08", 35, "57岁11个月", "2039-07", id="f55-1981-08-before-cap"),
    pytest.param(F55, "1981-09", 36, "58岁", "2039-09", id="f55-1981-09-cap"),
    pytest.param(F55, "1982-01", 36, "58岁", "2040-01", id="f55-1982-01-after-cap"),
    pytest.param(F50, "1974-12", 0, "50岁", "2024-12", id="f50-1974-12-not-affected"),
    pytest.param(F50, "1975-01", 1, "50岁1个月", "2025-02", id="f50-1975-01-first-affected"),
    pytest.param(F50, "1975-02", 1, "50岁1个月", "2025-03", id="f50-1975-02-last-of-plus1"),
    pytest.param(F50, "1975-03", 2, "50岁2个月", "2025-05", id="f50-1975-03-first-of-plus2"),
    pytest.param(F50, "1984-10", 59, "54岁11个月", "2039-09", id="f50-1984-10-before-cap"),
    pytest.param(F50, "1984-11", 60, "55岁", "2039-11", id="f50-1984-11-cap"),
    pytest.param(F50, "1985-01", 60, "55岁", "2040-01", id="f50-1985-01-after-cap"),
]


@pytest.mark.parametrize(("category", "birth", "delay", "age_text", "month"), NODES)
def test_reform_nodes(
    rules: RulesData, category: Category, birth: str, delay: int, age_text: str, month: str
) -> None:
    result = retire(rules, birth, category)
    assert result.delay_months == delay
    assert official_age_text(result.statutory_age_months) == age_text
    assert str(result.statutory_retirement_month) == month


@pytest.mark.parametrize(
    ("category", "birth", "original_age_months", "original_month"),
    [
        pytest.param(MALE, "1965-07", 720, "2025-07", id="male"),
        pytest.param(F55, "1975-03", 660, "2030-03", id="female-55"),
        pytest.param(F50, "1980-11", 600, "2030-11", id="female-50"),
    ],
)
def test_original_age_and_month(
    rules: RulesData, category: Category, birth: str, original_age_months: int, original_month: str
) -> None:
    result = retire(rules, birth, category)
    assert result.original_age_months == original_age_months
    assert str(result.original_retirement_month) == original_month
    assert result.statutory_age_months == original_age_months + result.delay_months


@pytest.mark.parametrize(
    ("age_months", "text"),
    [
        pytest.param(720, "60岁", id="60y"),
        pytest.param(722, "60岁2个月", id="60y2m"),
        pytest.param(756, "63岁", id="63y"),
        pytest.param(660, "55岁", id="55y"),
        pytest.param(611, "50岁11个月", id="50y11m"),
    ],
)
def test_official_age_text(age_months: int, text: str) -> None:
    assert official_age_text(age_months) == text


# --- flexible early / late retirement (rules.md §1.6) --------------------------------------------

# (category, birth, statutory age text, earliest age text, earliest month, latest age, latest month)
FLEXIBLE = [
    pytest.param(
        MALE, "1966-01", "60岁4个月", 720, "2026-01", 724 + 36, "2029-05", id="male-1966-01"
    ),
    pytest.param(MALE, "1976-12", "63岁", 720, "2036-12", 756 + 36, "2042-12", id="male-1976-12"),
    # the 3-year limit binds before the original age does: 55y - 36 months = 52y > 50y
    pytest.param(F50, "1984-11", "55岁", 624, "2036-11", 660 + 36, "2042-11", id="f50-1984-11"),
    pytest.param(F55, "1981-09", "58岁", 660, "2036-09", 696 + 36, "2042-09", id="f55-1981-09"),
]


@pytest.mark.parametrize(
    (
        "category",
        "birth",
        "statutory_text",
        "earliest_age",
        "earliest_month",
        "latest_age",
        "latest_month",
    ),
    FLEXIBLE,
)
def test_flexible_window(
    rules: RulesData,
    category: Category,
    birth: str,
    statutory_text: str,
    earliest_age: int,
    earliest_month: str,
    latest_age: int,
    latest_month: str,
) -> None:
    result = retire(rules, birth, category)
    assert official_age_text(result.statutory_age_months) == statutory_text
    assert result.earliest_flexible_age_months == earliest_age
    assert str(result.earliest_flexible_retirement_month) == earliest_month
    assert result.latest_flexible_age_months == latest_age
    assert result.latest_flexible_age_months == result.statutory_age_months + 36
    assert str(result.latest_flexible_retirement_month) == latest_month


# --- eligibility: minimum years, shortfall and options (rules.md §1.5, §1.7) ---------------------


@pytest.mark.parametrize(
    ("birth", "months", "meets", "shortfall"),
    [
        pytest.param("1965-07", 180, True, 0, id="2025-exactly-15y"),
        pytest.param("1965-07", 492, True, 0, id="2025-41y"),
        pytest.param("1965-07", 179, False, 1, id="2025-one-month-short"),
        pytest.param("1965-07", 0, False, 180, id="2025-nothing"),
        pytest.param("1976-09", 239, False, 1, id="2039-one-month-short-of-20y"),
        pytest.param("1976-09", 240, True, 0, id="2039-exactly-20y"),
        pytest.param("1969-01", 185, False, 1, id="2030-short-of-15y6m"),
        pytest.param("1969-01", 186, True, 0, id="2030-exactly-15y6m"),
    ],
)
def test_meets_minimum_or_shortfall(
    rules: RulesData, birth: str, months: int, meets: bool, shortfall: int
) -> None:
    result = retire(rules, birth, MALE, contribution_months=months)
    assert result.contribution_months == months
    assert result.meets_minimum is meets
    assert result.shortfall_months == shortfall


def test_without_contribution_months_eligibility_is_unknown(rules: RulesData) -> None:
    result = retire(rules, "1965-07", MALE)
    assert result.contribution_months is None
    assert result.meets_minimum is None
    assert result.shortfall_months is None
    assert result.options == ()


E, L, T, X = (
    ShortfallOption.EXTEND,
    ShortfallOption.LUMP_SUM,
    ShortfallOption.TRANSFER,
    ShortfallOption.TERMINATE,
)


@pytest.mark.parametrize(
    ("months", "insured_before_2011_07", "options"),
    [
        # 人社部令第13号第二条: the lump sum is for those insured before 2011-07-01 who are
        # still short after 5 years of extension, i.e. more than 60 months short
        pytest.param(119, None, (E, L, T, X), id="61-short-unknown-date-lump-sum-offered"),
        pytest.param(119, True, (E, L, T, X), id="61-short-insured-before-2011-07"),
        pytest.param(119, False, (E, T, X), id="61-short-insured-after-no-lump-sum"),
        pytest.param(120, True, (E, T, X), id="60-short-extension-is-enough"),
        pytest.param(170, None, (E, T, X), id="10-short-extension-is-enough"),
        pytest.param(180, False, (), id="meets-no-options"),
        pytest.param(180, True, (), id="meets-no-options-either"),
    ],
)
def test_shortfall_options(
    rules: RulesData,
    months: int,
    insured_before_2011_07: bool | None,
    options: tuple[ShortfallOption, ...],
) -> None:
    result = retire(
        rules,
        "1965-07",
        MALE,
        contribution_months=months,
        first_insured_before_2011_07=insured_before_2011_07,
    )
    assert result.options == options


# --- months until retirement, counted from as_of --------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "as_of", "months", "reached"),
    [
        pytest.param("1966-01", date(2026, 1, 15), 4, False, id="4-months-before-2026-05"),
        pytest.param("1966-01", date(2026, 4, 30), 1, False, id="month-before"),
        pytest.param("1966-01", date(2026, 5, 1), 0, True, id="in-the-month"),
        pytest.param("1966-01", date(2026, 11, 29), 0, True, id="already-past"),
        pytest.param("1976-09", date(2026, 11, 29), 154, False, id="2039-09-from-2026-11"),
    ],
)
def test_months_until_retirement(
    rules: RulesData, birth: str, as_of: date, months: int, reached: bool
) -> None:
    result = retire(rules, birth, MALE, as_of=as_of)
    assert result.months_until_retirement == months
    assert result.reached is reached
    assert result.as_of == as_of


def test_steps_name_the_delay_or_its_absence(rules: RulesData) -> None:
    affected = {step.key.value for step in retire(rules, "1965-07", MALE).steps}
    unaffected = {step.key.value for step in retire(rules, "1964-12", MALE).steps}
    assert "ret_delay" in affected and "ret_not_affected" not in affected
    assert "ret_not_affected" in unaffected and "ret_delay" not in unaffected


# --- input errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "kwargs", "field"),
    [
        pytest.param("2026-12", {}, "birth", id="birth-after-as-of"),
        pytest.param("2030-01", {}, "birth", id="birth-years-after-as-of"),
        pytest.param("1929-12", {}, "birth", id="birth-before-1930"),
        pytest.param("1965-07", {"contribution_months": -1}, "contribution_months", id="negative"),
        pytest.param("1965-07", {"contribution_months": 841}, "contribution_months", id="over-70y"),
    ],
)
def test_input_errors(rules: RulesData, birth: str, kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        retire(rules, birth, MALE, **kwargs)
    assert caught.value.field == field
    error_message(caught.value)


@pytest.mark.parametrize(
    ("birth", "months"),
    [
        pytest.param("2026-11", None, id="born-this-month"),
        pytest.param("1930-01", None, id="born-1930-01"),
        pytest.param("1965-07", 0, id="zero-months"),
        # born 1965-07: 16 in 1981-07, so by 2026-11 at most 545 months can have been paid
        pytest.param("1965-07", 545, id="every-month-since-16"),
    ],
)
def test_inputs_at_the_limits_are_accepted(
    rules: RulesData, birth: str, months: int | None
) -> None:
    result = retire(rules, birth, MALE, contribution_months=months)
    assert str(result.birth) == birth
