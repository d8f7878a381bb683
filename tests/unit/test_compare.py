"""Which month should I retire? The comparison is the single-month estimate at every option, its
range follows the person (early, statutory, late, short of years), and later months add
contribution years and account."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from kiosk.cli import main as calc
from kiosk.rules import Category, RulesData, YearMonth
from kiosk.rules.compare import compare_retirement
from kiosk.rules.estimate import estimate_pension
from kiosk.rules.retirement import RetirementKind

AS_OF = date(2026, 12, 7)
D = Decimal

PEOPLE = [
    pytest.param(YearMonth(1970, 6), Category.MALE, 264, 0, D(1), None, id="window-meets"),
    pytest.param(YearMonth(1976, 12), Category.MALE, 60, 0, D("0.6"), None, id="short-meets-later"),
    pytest.param(
        YearMonth(1965, 3), Category.FEMALE_50, 156, 0, D("0.6"), None, id="past-age-short"
    ),
    pytest.param(
        YearMonth(1972, 4), Category.FEMALE_55, 200, 60, D("1.5"), D(60000), id="known-balance"
    ),
]


def compare(rules: RulesData, birth, category, paid, pre, index, balance):  # type: ignore[no-untyped-def]
    return compare_retirement(
        rules,
        birth=birth,
        category=category,
        contribution_months=paid,
        pre_account_months=pre,
        average_index=index,
        account_balance=balance,
        as_of=AS_OF,
    )


@pytest.mark.parametrize(("birth", "category", "paid", "pre", "index", "balance"), PEOPLE)
def test_every_option_is_the_single_month_estimate(
    rules: RulesData, birth, category, paid, pre, index, balance
) -> None:  # type: ignore[no-untyped-def]
    comparison = compare(rules, birth, category, paid, pre, index, balance)
    for option in comparison.options:
        alone = estimate_pension(
            rules,
            birth=birth,
            category=category,
            retirement_age_months=option.age_months,
            contribution_months=paid,
            pre_account_months=pre,
            average_index=index,
            account_balance=balance,
            as_of=AS_OF,
        )
        assert option.estimate == alone
        assert option.total == alone.pension.total  # to the fen


@pytest.mark.parametrize(("birth", "category", "paid", "pre", "index", "balance"), PEOPLE)
def test_later_months_add_years_and_account(
    rules: RulesData, birth, category, paid, pre, index, balance
) -> None:  # type: ignore[no-untyped-def]
    options = compare(rules, birth, category, paid, pre, index, balance).options
    months = [o.month for o in options]
    assert months == sorted(months) and len(set(months)) == len(months)
    assert all(b.month == a.month.plus_months(1) for a, b in pairwise(options))
    for earlier, later in pairwise(options):
        assert later.estimate.contribution_months == earlier.estimate.contribution_months + 1
        assert later.estimate.account_balance >= earlier.estimate.account_balance
        assert later.cumulative_to_80 >= 0


def test_the_range_for_each_kind_of_person(rules: RulesData) -> None:
    window = compare(rules, YearMonth(1970, 6), Category.MALE, 264, 0, D(1), None)
    kinds = {o.kind for o in window.options}
    assert kinds == {RetirementKind.EARLY, RetirementKind.STATUTORY, RetirementKind.LATE}
    short = compare(rules, YearMonth(1976, 12), Category.MALE, 60, 0, D("0.6"), None)
    # 240 months needed (statutory 2039-12), 180 more from 2026-12: 2041-12 at the earliest
    assert (str(short.options[0].month), str(short.options[-1].month)) == ("2041-12", "2042-12")
    assert RetirementKind.EARLY not in {o.kind for o in short.options}
    past = compare(rules, YearMonth(1965, 3), Category.FEMALE_50, 156, 0, D("0.6"), None)
    assert [str(o.month) for o in past.options] == ["2028-12"]  # no window before the reform
    assert past.options[0].kind is RetirementKind.EXTENDED


def test_cumulative_sums_use_80_and_the_life_expectancy(rules: RulesData) -> None:
    comparison = compare(rules, YearMonth(1970, 6), Category.MALE, 264, 0, D(1), None)
    first = comparison.options[0]  # 2030-06, exactly 60: 240 months to 80
    assert first.age_months == 720
    assert first.cumulative_to_80 == first.total * 240
    life = rules.pension.life_expectancy
    assert life.years == D("78.6") and life.months == 943
    assert first.cumulative_to_life_expectancy == first.total * (943 - 720)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = calc(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_kiosk_calc_compare_the_example_of_the_issue() -> None:
    """A man born 1970-06 with 22 years paid, as of 2026-12: from 2030-06 (60, the earliest
    flexible month) to 2034-11 (64岁5个月), the statutory 2031-11 among them, totals rising."""
    code, out, _ = run(
        "compare", "--birth", "1970-06", "--category", "male", "--contribution-months", "264",
        "--pre-account-months", "0", "--index", "1", "--as-of", "2026-12-07",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    options = data["options"]
    assert options[0]["retirement_month"] == "2030-06" and options[0]["age_months"] == 720
    assert options[-1]["retirement_month"] == "2034-11" and options[-1]["age_months"] == 64 * 12 + 5
    assert [o["retirement_month"] for o in options if o["kind"] == "statutory"] == ["2031-11"]
    totals = [Decimal(o["total"]) for o in options]
    assert all(a < b for a, b in pairwise(totals))
    keys = {"retirement_month", "age_months", "kind", "contribution_months", "total",
            "basic_pension", "personal_account_pension", "transitional_pension", "cumulative_to_80"}  # fmt: skip
    assert keys <= set(options[0])
    assert data["provisional"] is True and data["assumptions"]
    assert all(isinstance(text, str) and text for text in data["assumptions"])


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (("--birth", "2000-01", "--contribution-months", "700"), "contribution_months"),
        (("--birth", "1970-06", "--index", "9"), "index"),
        (("--birth", "1970-06", "--account-balance", "-1"), "account_balance"),
    ],
)
def test_kiosk_calc_compare_refuses_bad_input_in_one_line(
    argv: tuple[str, ...], field: str
) -> None:
    base = {"--birth": "1970-06", "--contribution-months": "264", "--index": "1",
            "--account-balance": "1000"}  # fmt: skip
    base |= dict(zip(argv[::2], argv[1::2], strict=True))
    args = ["compare", "--category", "male", "--pre-account-months", "0", "--as-of", "2026-12-07"]
    for key, value in base.items():
        args += [key, value]
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"kiosk-calc: {field}: ")
