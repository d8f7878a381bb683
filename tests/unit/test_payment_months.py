"""计发月数: the 国发〔2005〕38号 table and the monthly interpolation since 2025 (rules.md §2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.rules import InputError, RulesData, payment_months_for

# rules.md §2.1 (47 = 208, resolved from the Fujian gazette text).
TABLE = {
    40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 208,
    48: 204, 49: 199, 50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170,
    56: 164, 57: 158, 58: 152, 59: 145, 60: 139, 61: 132, 62: 125, 63: 117,
    64: 109, 65: 101, 66: 93, 67: 84, 68: 75, 69: 65, 70: 56,
}  # fmt: skip


@pytest.mark.parametrize(("age", "months"), sorted(TABLE.items()), ids=[f"{a}y" for a in TABLE])
def test_whole_years(rules: RulesData, age: int, months: int) -> None:
    assert payment_months_for(age * 12, rules.pension) == Decimal(months)


def test_bundled_table_is_the_annex_table(rules: RulesData) -> None:
    assert {age: int(value) for age, value in rules.pension.payment_months.table.items()} == TABLE


# rules.md §2.2: examples of the Jinan 12345 answer, the Sichuan form and the interpolation rule.
INTERPOLATED = [
    (60, 1, "138.4"),
    (60, 2, "137.8"),
    (60, 4, "136.7"),
    (60, 8, "134.3"),
    (61, 4, "129.7"),
    (62, 10, "118.3"),
    (62, 11, "117.7"),
    (50, 1, "194.6"),
    (50, 6, "192.5"),
    (55, 4, "168.0"),
    (56, 3, "162.5"),
    (57, 11, "152.5"),
    # .x5 values, rounded half up (rules.md: the official rounding is unverified)
    (60, 3, "137.3"),
    (60, 9, "133.8"),
    (61, 3, "130.3"),
]


@pytest.mark.parametrize(
    ("years", "months", "expected"), INTERPOLATED, ids=[f"{y}y{m}m" for y, m, _ in INTERPOLATED]
)
def test_interpolated_by_month(rules: RulesData, years: int, months: int, expected: str) -> None:
    assert payment_months_for(years * 12 + months, rules.pension) == Decimal(expected)


@pytest.mark.parametrize(
    "age_months",
    [
        pytest.param(40 * 12 - 1, id="39y11m"),
        pytest.param(70 * 12 + 1, id="70y1m"),
        pytest.param(0, id="0"),
    ],
)
def test_out_of_range(rules: RulesData, age_months: int) -> None:
    with pytest.raises(InputError) as caught:
        payment_months_for(age_months, rules.pension)
    assert caught.value.field == "retirement_age_months"


@pytest.mark.parametrize(
    ("age_months", "expected"),
    [pytest.param(480, "233", id="40y-lowest"), pytest.param(840, "56", id="70y-highest")],
)
def test_range_ends_are_accepted(rules: RulesData, age_months: int, expected: str) -> None:
    assert payment_months_for(age_months, rules.pension) == Decimal(expected)
