"""The personal-account estimate for people who don't know their balance.

The hand computations use the bundled data of rules.md: the monthly averages (§4.1: 2023 7,069.25,
2024 7,359.42, 2025 7,506, 2026 7,621), the 8% account share (§3.3, §5.1) and the crediting rates
(§3.3: 2024 2.62% verified, 2025 1.50% unverified, so the assumed rate applies to 2025). The
convention of account_estimate.py: interest at each year's end on the balance brought forward;
contributions of the current year earn nothing that year; each month's credit rounded to the fen.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kiosk.rules import (
    AccountEstimate,
    Amount,
    InputError,
    RulesData,
    YearMonth,
    estimate_account_balance,
)

D = Decimal


def estimate(rules: RulesData, **kwargs: Any) -> AccountEstimate:
    kwargs.setdefault("average_index", D("1"))
    kwargs.setdefault("retirement_month", YearMonth(2026, 1))
    return estimate_account_balance(
        contribution=rules.contribution, rates=rules.rates, pension=rules.pension, **kwargs
    )


def test_no_months_no_balance(rules: RulesData) -> None:
    assert estimate(rules, account_months=0).balance == D("0.00")


def test_three_months_of_the_current_year_earn_nothing(rules: RulesData) -> None:
    # 2026-01..03: 7621 × 1 × 8% = 609.68 a month
    result = estimate(rules, account_months=3, retirement_month=YearMonth(2026, 4))
    assert result.balance == D("609.68") * 3
    assert result.wage_years == (2026,)


def test_two_years_with_the_assumed_rate_for_2025(rules: RulesData) -> None:
    # 2024: 7359.42 × 8% = 588.7536 -> 588.75 a month, 7065.00 for the year; no interest in 2024.
    # 2025: 7506 × 8% = 600.48 a month, 7205.76 for the year.
    # End of 2025: 7065.00 earns the assumed 2% (2025's 1.50% is unverified): 141.30.
    result = estimate(rules, account_months=24)
    assert result.balance == D("7065.00") + D("141.30") + D("7205.76")
    assert result.balance == D("14412.06")
    assert result.wage_years == (2024, 2025)
    assert 2025 not in result.published_rate_years


def test_two_years_with_another_assumed_rate(rules: RulesData) -> None:
    # 7065.00 × 1.5% = 105.975 -> 105.98 (half up)
    result = estimate(rules, account_months=24, assumed_rate=D("0.015"))
    assert result.balance == D("7065.00") + D("105.98") + D("7205.76")


def test_two_years_without_interest(rules: RulesData) -> None:
    result = estimate(rules, account_months=24, assumed_rate=D("0"))
    assert result.balance == D("7065.00") + D("7205.76")


def test_published_rate_applies_to_the_balance_brought_forward(rules: RulesData) -> None:
    # 2023: 7069.25 × 8% = 565.54 a month, 6786.48 for the year.
    # End of 2024: 6786.48 × 2.62% (verified) = 177.805776 -> 177.81; plus 2024's 7065.00.
    result = estimate(rules, account_months=24, retirement_month=YearMonth(2025, 1))
    assert result.balance == D("6786.48") + D("177.81") + D("7065.00")
    assert 2024 in result.published_rate_years


def test_index_scales_the_monthly_credit(rules: RulesData) -> None:
    # 2026 with index 0.6: 7621 × 0.6 × 8% = 365.808 -> 365.81 a month
    result = estimate(
        rules, account_months=2, retirement_month=YearMonth(2026, 3), average_index=D("0.6")
    )
    assert result.balance == D("365.81") * 2


@pytest.mark.parametrize("months", [1, 12, 13, 60, 240])
def test_grows_with_months(rules: RulesData, months: int) -> None:
    assert (
        estimate(rules, account_months=months).balance
        > estimate(rules, account_months=months - 1).balance
    )


@pytest.mark.parametrize(("low", "high"), [("0.6", "1"), ("1", "1.5"), ("2.9", "3")])
def test_grows_with_the_index(rules: RulesData, low: str, high: str) -> None:
    less = estimate(rules, account_months=180, average_index=D(low))
    more = estimate(rules, account_months=180, average_index=D(high))
    assert more.balance > less.balance


def test_every_step_is_an_assumption(rules: RulesData) -> None:
    result = estimate(rules, account_months=120)
    assert [step.key.value for step in result.steps] == ["est_base", "est_rates", "est_result"]
    assert all(step.assumption for step in result.steps)
    assert result.steps[-1].values["balance"] == Amount(result.balance)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"account_months": -1}, "account_months", id="negative-months"),
        pytest.param({"account_months": 841}, "account_months", id="over-70-years"),
        pytest.param(
            {"account_months": 12, "assumed_rate": D("-0.01")}, "assumed_rate", id="rate<0"
        ),
        pytest.param(
            {"account_months": 12, "assumed_rate": D("0.11")}, "assumed_rate", id="rate>10%"
        ),
    ],
)
def test_input_errors(rules: RulesData, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        estimate(rules, **changes)
    assert caught.value.field == field
