"""养老金测算: reproduce real Shandong approval forms to the fen (rules.md §3.2), and the 计发基数
lookup with its provisional rule (§4.2)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kiosk.rules import InputError, RulesData, pension, pension_base_for
from tests.wording import error_message

D = Decimal
FORMS_FILE = Path(__file__).parent / "data" / "shandong_forms.toml"
FORMS: list[dict[str, Any]] = tomllib.loads(FORMS_FILE.read_text(encoding="utf-8"))["case"]


def form_inputs(form: dict[str, Any]) -> dict[str, Any]:
    inputs: dict[str, Any] = {
        "pension_base": D(form["pension_base"]),
        "average_index": D(form["average_index"]),
        "contribution_months": form["contribution_months"],
        "pre_account_months": form["pre_account_months"],
        "account_balance": D(form["account_balance"]),
        "retirement_age_months": form["retirement_age_months"],
    }
    if "payment_months" in form:
        inputs["payment_months"] = D(form["payment_months"])
    return inputs


def test_the_forms_file_is_complete() -> None:
    assert len(FORMS) == 6
    assert len({form["id"] for form in FORMS}) == 6
    for form in FORMS:
        assert (
            form["city"]
            and form["month"]
            and "liubigfatty/pension-calculator" in form["provenance"]
        )
        assert form["pre_account_months"] <= form["contribution_months"]


@pytest.mark.parametrize("form", FORMS, ids=[form["id"] for form in FORMS])
def test_form_total_is_the_sum_of_its_parts(form: dict[str, Any]) -> None:
    expected = form["expected"]
    parts = D(expected["basic"]) + D(expected["personal_account"]) + D(expected["transitional"])
    assert parts == D(expected["total"])


@pytest.mark.parametrize("form", FORMS, ids=[form["id"] for form in FORMS])
def test_reproduces_shandong_form_to_the_fen(rules: RulesData, form: dict[str, Any]) -> None:
    result = pension(rules.pension, **form_inputs(form))
    expected = form["expected"]
    assert result.basic_pension == D(expected["basic"])
    assert result.personal_account_pension == D(expected["personal_account"])
    assert result.transitional_pension == D(expected["transitional"])
    assert result.total == D(expected["total"])
    assert result.provisional is False  # the base was given, not looked up


@pytest.mark.parametrize(
    ("form_id", "payment_months"),
    [
        pytest.param("weifang-2025-09-man-60y2m", "137.8", id="weifang-722-months-60y2m"),
        pytest.param("jinan-2024-05-woman-50", "195", id="jinan-600-months-50y"),
        pytest.param("jinan-2024-02-woman-55", "170", id="jinan-660-months-55y"),
        pytest.param("qingdao-2025-10-woman-50", "195", id="qingdao-600-months-50y"),
        pytest.param("dezhou-2024-12-man-60", "139", id="dezhou-720-months-60y"),
    ],
)
def test_payment_months_looked_up_from_the_age_match_the_form(
    rules: RulesData, form_id: str, payment_months: str
) -> None:
    form = next(form for form in FORMS if form["id"] == form_id)
    inputs = form_inputs(form)
    inputs.pop("payment_months", None)
    result = pension(rules.pension, **inputs)
    assert result.payment_months == D(payment_months)
    assert result.personal_account_pension == D(form["expected"]["personal_account"])
    assert result.total == D(form["expected"]["total"])


def test_weifang_intermediate_figures(rules: RulesData) -> None:
    """The form's years (41.00, 14.08) and indexed wage (7678 × 0.6820 = 5236.40)."""
    form = next(form for form in FORMS if form["id"].startswith("weifang"))
    result = pension(rules.pension, **form_inputs(form))
    assert result.contribution_years == D("41.00")
    assert result.pre_account_years == D("14.08")
    assert result.indexed_monthly_wage == D("5236.40")


@pytest.mark.parametrize(
    ("months", "years"),
    [
        pytest.param(364, "30.33", id="30y4m"),
        pytest.param(169, "14.08", id="14y1m"),
        pytest.param(29, "2.42", id="2y5m"),
        pytest.param(416, "34.67", id="34y8m"),
    ],
)
def test_years_rounded_to_two_decimals_as_on_the_forms(
    rules: RulesData, months: int, years: str
) -> None:
    result = pension(
        rules.pension,
        pension_base=D("7831"),
        average_index=D("1"),
        contribution_months=months,
        pre_account_months=months,
        account_balance=D("0"),
        retirement_age_months=720,
    )
    assert result.contribution_years == D(years)
    assert result.pre_account_years == D(years)


# --- the 计发基数 by retirement year ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "amount", "base_year", "provisional"),
    [
        pytest.param(2023, "7468", 2023, False, id="2023"),
        pytest.param(2024, "7678", 2024, False, id="2024"),
        pytest.param(2025, "7831", 2025, False, id="2025"),
        pytest.param(2026, "7831", 2025, True, id="2026-provisional-on-2025"),
        pytest.param(2030, "7831", 2025, True, id="2030-provisional-on-2025"),
    ],
)
def test_pension_base_for_year(
    rules: RulesData, year: int, amount: str, base_year: int, provisional: bool
) -> None:
    choice = pension_base_for(year, rules.pension)
    assert choice.amount == D(amount)
    assert choice.year == base_year
    assert choice.requested_year == year
    assert choice.provisional is provisional


@pytest.mark.parametrize(
    ("year", "provisional", "step"),
    [
        pytest.param(2025, False, "pen_base", id="2025"),
        pytest.param(2026, True, "pen_base_provisional", id="2026"),
    ],
)
def test_pension_with_retirement_year(
    rules: RulesData, year: int, provisional: bool, step: str
) -> None:
    """The Qingdao form was computed on 7831; looking 7831 up by year gives the same pension."""
    form = next(form for form in FORMS if form["id"].startswith("qingdao"))
    inputs = form_inputs(form)
    del inputs["pension_base"]
    result = pension(rules.pension, retirement_year=year, **inputs)
    assert result.pension_base.amount == D("7831")
    assert result.pension_base.year == 2025
    assert result.provisional is provisional
    assert result.total == D(form["expected"]["total"])
    first = result.steps[0]
    assert first.key.value == step
    assert first.assumption is provisional


def test_no_pension_base_before_the_first_year(rules: RulesData) -> None:
    with pytest.raises(InputError) as caught:
        pension_base_for(2022, rules.pension)
    assert caught.value.field == "retirement_year"


# --- input errors ---------------------------------------------------------------------------------

VALID: dict[str, Any] = {
    "pension_base": D("7831"),
    "average_index": D("1"),
    "contribution_months": 360,
    "pre_account_months": 0,
    "account_balance": D("100000"),
    "retirement_age_months": 720,
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"average_index": D("0.2")}, "index", id="index-0.2"),
        pytest.param({"average_index": D("3.01")}, "index", id="index-3.01"),
        pytest.param({"pre_account_months": 361}, "pre_account_months", id="pre-above-total"),
        pytest.param({"pre_account_months": -1}, "pre_account_months", id="pre-negative"),
        pytest.param({"account_balance": D("-0.01")}, "account_balance", id="negative-balance"),
        pytest.param({"contribution_months": 0}, "contribution_months", id="no-contributions"),
        pytest.param({"contribution_months": 841}, "contribution_months", id="over-70-years"),
        pytest.param({"pension_base": D("0")}, "pension_base", id="zero-base"),
        pytest.param({"retirement_year": 2022}, "pension_base", id="base-and-year"),
        pytest.param({"pension_base": None}, "pension_base", id="neither-base-nor-year"),
        pytest.param(
            {"pension_base": None, "retirement_year": 2022}, "retirement_year", id="year-2022"
        ),
        pytest.param({"retirement_age_months": 479}, "retirement_age_months", id="age-39y11m"),
        pytest.param({"payment_months": D("0")}, "payment_months", id="zero-payment-months"),
    ],
)
def test_input_errors(rules: RulesData, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        pension(rules.pension, **(VALID | changes))
    assert caught.value.field == field
    error_message(caught.value)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"average_index": D("0.3")}, id="index-0.3"),
        pytest.param({"average_index": D("3")}, id="index-3"),
        pytest.param({"pre_account_months": 360}, id="pre-equals-total"),
        pytest.param({"account_balance": D("0")}, id="zero-balance"),
    ],
)
def test_inputs_at_the_limits_are_accepted(rules: RulesData, changes: dict[str, Any]) -> None:
    result = pension(rules.pension, **(VALID | changes))
    assert result.total > 0
