"""最低缴费年限 by the year of the statutory retirement month (rules.md §1.5, 办法第二条 + 附件4)."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.rules import Category, RulesData, YearMonth, retirement
from tests.wording import duration_text as years_months_text

# The table of rules.md §1.5: retirement year -> minimum in months and as the table writes it.
MINIMUM_TABLE = [
    (2025, 180, "15年"),
    (2026, 180, "15年"),
    (2027, 180, "15年"),
    (2028, 180, "15年"),
    (2029, 180, "15年"),
    (2030, 186, "15年6个月"),
    (2031, 192, "16年"),
    (2032, 198, "16年6个月"),
    (2033, 204, "17年"),
    (2034, 210, "17年6个月"),
    (2035, 216, "18年"),
    (2036, 222, "18年6个月"),
    (2037, 228, "19年"),
    (2038, 234, "19年6个月"),
    (2039, 240, "20年"),
    (2040, 240, "20年"),
]


@pytest.mark.parametrize(
    ("year", "months", "text"), MINIMUM_TABLE, ids=[str(row[0]) for row in MINIMUM_TABLE]
)
def test_months_for_every_year_of_the_table(
    rules: RulesData, year: int, months: int, text: str
) -> None:
    assert rules.retirement.minimum_contribution.months_for(year) == months
    assert years_months_text(months) == text


@pytest.mark.parametrize(
    ("year", "months"),
    [
        pytest.param(2000, 180, id="long-before-2030"),
        pytest.param(2024, 180, id="2024"),
        pytest.param(2041, 240, id="2041"),
        pytest.param(2100, 240, id="never-above-20y"),
    ],
)
def test_months_for_outside_the_table(rules: RulesData, year: int, months: int) -> None:
    assert rules.retirement.minimum_contribution.months_for(year) == months


# A person whose statutory retirement month falls in each year (hand-computed with the §1.3
# algorithm): (category, birth, statutory retirement month, minimum months).
PEOPLE = [
    pytest.param(Category.MALE, "1964-12", "2024-12", 180, id="2024-12-pre-reform"),
    pytest.param(Category.MALE, "1965-01", "2025-02", 180, id="2025"),
    pytest.param(Category.MALE, "1966-01", "2026-05", 180, id="2026"),
    pytest.param(Category.MALE, "1967-01", "2027-08", 180, id="2027"),
    pytest.param(Category.MALE, "1968-01", "2028-11", 180, id="2028"),
    pytest.param(Category.MALE, "1968-09", "2029-09", 180, id="2029"),
    pytest.param(Category.MALE, "1968-12", "2029-12", 180, id="2029-12-last-month-at-15y"),
    pytest.param(Category.FEMALE_50, "1978-04", "2029-12", 180, id="2029-12-female-50"),
    pytest.param(Category.MALE, "1969-01", "2030-02", 186, id="2030-02-first-at-15y6m"),
    pytest.param(Category.FEMALE_50, "1978-05", "2030-02", 186, id="2030-02-female-50"),
    pytest.param(Category.MALE, "1970-01", "2031-05", 192, id="2031"),
    pytest.param(Category.MALE, "1971-01", "2032-08", 198, id="2032"),
    pytest.param(Category.MALE, "1972-01", "2033-11", 204, id="2033"),
    pytest.param(Category.MALE, "1972-09", "2034-09", 210, id="2034"),
    pytest.param(Category.MALE, "1973-01", "2035-02", 216, id="2035"),
    pytest.param(Category.MALE, "1974-01", "2036-05", 222, id="2036"),
    pytest.param(Category.MALE, "1975-01", "2037-08", 228, id="2037"),
    pytest.param(Category.MALE, "1976-02", "2038-12", 234, id="2038-12-last-month-at-19y6m"),
    pytest.param(Category.MALE, "1976-03", "2039-01", 240, id="2039-01-first-at-20y"),
    pytest.param(Category.FEMALE_55, "1981-09", "2039-09", 240, id="2039-female-55"),
    pytest.param(Category.MALE, "1977-01", "2040-01", 240, id="2040"),
]


@pytest.mark.parametrize(("category", "birth", "statutory_month", "minimum"), PEOPLE)
def test_minimum_follows_the_statutory_retirement_year(
    rules: RulesData, category: Category, birth: str, statutory_month: str, minimum: int
) -> None:
    result = retirement(
        YearMonth.parse(birth), category, rules.retirement, as_of=date(2026, 11, 29)
    )
    assert str(result.statutory_retirement_month) == statutory_month
    assert result.minimum_contribution_months == minimum
