"""People at or past their retirement age, or short of the minimum years (rules.md §1.7, §1.8):
the reform's window only where it applies, the first month a pension can start, plausible
histories, and the retirement months a pension estimate can be made for.

Every expectation is computed here by an independent formula from rules.md, or copied from its
examples, never from the code's output.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.rules import Category, InputError, RulesData, YearMonth, retirement
from kiosk.rules.estimate import PensionEstimate, estimate_pension, retirement_choices
from kiosk.rules.retirement import RetirementKind, ShortfallOption
from tests.wording import error_message

MALE, F55, F50 = Category.MALE, Category.FEMALE_55, Category.FEMALE_50
REFORM = YearMonth(2025, 1)
ORIGINAL_YEARS = {MALE: 60, F55: 55, F50: 50}
FIRST_DELAYED = {MALE: YearMonth(1965, 1), F55: YearMonth(1970, 1), F50: YearMonth(1975, 1)}
STEP_CAP = {MALE: (4, 36), F55: (4, 36), F50: (2, 60)}
OLDEST_TABLE_AGE = 70  # the last age of the 计发月数 table (rules.md §2.1)
AS_OF = date(2026, 12, 7)


def estimate_at(
    rules: RulesData, birth: YearMonth, category: Category, age_months: int, paid_months: int
) -> PensionEstimate:
    """The pension from ``age_months`` for someone with ``paid_months`` so far as of AS_OF, at
    平均缴费指数 0.6, no years before the account, the balance estimated."""
    return estimate_pension(
        rules,
        birth=birth,
        category=category,
        retirement_age_months=age_months,
        contribution_months=paid_months,
        pre_account_months=0,
        average_index=Decimal("0.6"),
        account_balance=None,
        as_of=AS_OF,
    )


def statutory_month(birth: YearMonth, category: Category) -> YearMonth:
    """rules.md §1.3, written out again: delay = min(cap, floor(d / step) + 1) from the first
    delayed birth month."""
    step, cap = STEP_CAP[category]
    after = FIRST_DELAYED[category].months_until(birth)
    delay = 0 if after < 0 else min(cap, after // step + 1)
    return birth.plus_months(ORIGINAL_YEARS[category] * 12 + delay)


def minimum_months(year: int) -> int:
    """rules.md §1.5."""
    return 180 if year <= 2029 else min(240, 180 + 6 * (year - 2029))


def expected_earliest_pension(
    birth: YearMonth, category: Category, paid: int, as_of: YearMonth
) -> YearMonth:
    """rules.md §1.8: max(statutory month, as-of month + shortfall)."""
    statutory = statutory_month(birth, category)
    shortfall = max(0, minimum_months(statutory.year) - paid)
    return max(statutory, as_of.plus_months(shortfall))


# --- the examples of rules.md §1.8 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "category", "paid", "statutory", "short", "earliest"),
    [
        pytest.param("1965-03", F50, 156, "2015-03", 24, "2028-12", id="woman-50-born-1965-03"),
        pytest.param("1966-01", MALE, 150, "2026-05", 30, "2029-06", id="man-born-1966-01"),
    ],
)
def test_the_examples_of_the_rules(
    rules: RulesData,
    birth: str,
    category: Category,
    paid: int,
    statutory: str,
    short: int,
    earliest: str,
) -> None:
    result = retirement(
        YearMonth.parse(birth),
        category,
        rules.retirement,
        as_of=date(2026, 12, 7),
        contribution_months=paid,
    )
    assert str(result.statutory_retirement_month) == statutory
    assert result.shortfall_months == short and result.meets_minimum is False
    assert str(result.earliest_pension_month) == earliest


def test_the_woman_of_the_issue_gets_no_window_in_the_past(rules: RulesData) -> None:
    """Born 1965-03, 原50岁: statutory 2015-03, before the reform: no flexible window, no step or
    detail about one."""
    result = retirement(
        YearMonth(1965, 3), F50, rules.retirement, as_of=date(2026, 12, 7), contribution_months=156
    )
    assert not result.reform_applies and result.reached
    assert result.earliest_flexible_retirement_month is None
    assert result.latest_flexible_retirement_month is None
    keys = {step.key.value for step in result.steps}
    assert "ret_flex_early" not in keys and "ret_flex_late" not in keys
    assert "ret_pre_reform" in keys and "ret_earliest_pension" in keys
    assert [basis.key for basis in result.legal_basis] == [
        "retirement.reform",
        "retirement.minimum_years",
        "retirement.shortfall",
    ]


# --- every birth year 1950-1990, with and without a shortfall, as-of before, at, after ---------

CASES = [
    (year, category, paid, offset)
    for year in range(1950, 1991)
    for category in Category
    for paid in (60, 150, 179, 200, 300)
    for offset in (-13, -1, 0, 1, 40)
]


@pytest.mark.parametrize(("year", "category", "paid", "offset"), CASES)
def test_reform_window_and_earliest_pension_month(
    rules: RulesData, year: int, category: Category, paid: int, offset: int
) -> None:
    """As of ``offset`` months from the statutory month (before, at, after it)."""
    birth = YearMonth(year, 7)
    statutory = statutory_month(birth, category)
    as_of_month = statutory.plus_months(offset)
    possible = birth.plus_months(16 * 12).months_until(as_of_month) + 1
    if not 1990 <= as_of_month.year <= 2100 or paid > possible:
        pytest.skip("as-of date out of range, or more months than can have been paid")
    as_of = date(as_of_month.year, as_of_month.month, 15)
    result = retirement(birth, category, rules.retirement, as_of=as_of, contribution_months=paid)
    assert result.statutory_retirement_month == statutory
    assert result.reform_applies == (statutory >= REFORM)
    assert (result.earliest_flexible_retirement_month is None) == (statutory < REFORM)
    assert result.reached == (offset >= 0)
    short = max(0, minimum_months(statutory.year) - paid)
    assert result.shortfall_months == short
    assert result.earliest_pension_month == expected_earliest_pension(
        birth, category, paid, as_of_month
    )
    choices = retirement_choices(
        rules, birth=birth, category=category, contribution_months=paid, as_of=as_of
    )
    assert as_of_month <= choices.first <= choices.last
    assert result.earliest_pension_month is not None
    minimum_met = as_of_month.plus_months(short)  # paying every month from now on
    if result.reform_applies:  # the flexible window, once the minimum is met, from now on
        early = result.earliest_flexible_retirement_month
        assert early is not None and choices.first == max(early, as_of_month, minimum_met)
    else:  # the old rules: from the statutory month (or now), once the minimum is met
        assert choices.first == result.earliest_pension_month == max(statutory, minimum_met)
    if result.reform_applies and result.latest_flexible_retirement_month is not None:
        assert choices.last == max(choices.first, result.latest_flexible_retirement_month)
    else:
        assert choices.last == choices.first
    # the 计发月数 table ends at 70 (rules.md §2.1): a pension starting later cannot be estimated
    assert choices.estimable == (birth.months_until(choices.first) <= OLDEST_TABLE_AGE * 12)


def test_the_choices_start_at_the_flexible_window_when_the_minimum_is_met(
    rules: RulesData,
) -> None:
    """A man born 1976-12 (63岁, 2039-12), 300 months paid as of 2026-12: the earliest flexible
    month is 2036-12 (60岁) and the minimum (20 years in 2039) is met: the choices are the whole
    window, 2036-12 to 2042-12."""
    choices = retirement_choices(
        rules,
        birth=YearMonth(1976, 12),
        category=MALE,
        contribution_months=300,
        as_of=date(2026, 12, 7),
    )
    assert (str(choices.first), str(choices.last)) == ("2036-12", "2042-12")


def test_flexible_early_retirement_waits_for_the_minimum(rules: RulesData) -> None:
    """Born 1976-12 with 60 months as of 2026-12: 20 years are needed (2039), 180 more months,
    met in 2041-12: nothing earlier is offered, even inside the window."""
    choices = retirement_choices(
        rules,
        birth=YearMonth(1976, 12),
        category=MALE,
        contribution_months=60,
        as_of=date(2026, 12, 7),
    )
    assert str(choices.first) == "2041-12" and str(choices.last) == "2042-12"


# --- plausible histories, limits named -----------------------------------------------------------


def test_more_months_than_since_the_16th_birthday_are_refused(rules: RulesData) -> None:
    """Born 2000-01, as of 2026-01: 16 in 2016-01, at most 121 months (2016-01 to 2026-01)."""
    with pytest.raises(InputError) as caught:
        retirement(
            YearMonth(2000, 1),
            MALE,
            rules.retirement,
            as_of=date(2026, 1, 1),
            contribution_months=700,
        )
    assert caught.value.field == "contribution_months"
    assert caught.value.code.value == "exceeds_possible"
    assert caught.value.limits["high"].months == 121  # type: ignore[union-attr]
    retirement(
        YearMonth(2000, 1), MALE, rules.retirement, as_of=date(2026, 1, 1), contribution_months=121
    )


@pytest.mark.parametrize("as_of", [date(1, 1, 1), date(1989, 12, 31), date(2101, 1, 1)])
def test_an_as_of_date_out_of_range_names_itself(rules: RulesData, as_of: date) -> None:
    with pytest.raises(InputError) as caught:
        retirement(YearMonth(1965, 1), MALE, rules.retirement, as_of=as_of)
    assert caught.value.field == "as_of"


# --- the pension at the first month it can start --------------------------------------------------


def test_the_pension_of_the_woman_of_the_issue(rules: RulesData) -> None:
    """Born 1965-03, 原50岁, 13 years: at 2028-12 (63岁9个月) with the 2 missing years paid, 15 years
    in all; the 2025 计发基数 carried forward, provisional; no 过渡性养老金 without years before
    the account."""
    estimate = estimate_at(rules, YearMonth(1965, 3), F50, 63 * 12 + 9, 156)
    assert str(estimate.retirement_month) == "2028-12"
    assert estimate.extension_months == 24 and estimate.contribution_months == 180
    assert estimate.kind is RetirementKind.EXTENDED
    assert estimate.shortfall_so_far == 24
    result = estimate.pension
    assert (
        result.provisional
        and result.pension_base.year == 2025
        and result.pension_base.requested_year == 2028
    )
    # 基础养老金 = (7831 + 7831 × 0.6) / 2 × 15 × 1% = 939.72
    assert result.basic_pension == Decimal("939.72")
    assert result.transitional_pension == 0
    assert estimate.pension.steps and estimate.steps[0].key.value == "pen_extension"


def test_a_month_outside_the_choices_is_refused_naming_the_range(rules: RulesData) -> None:
    with pytest.raises(InputError) as caught:
        # 60岁 is 2025-03: past, and short of years then
        estimate_at(rules, YearMonth(1965, 3), F50, 60 * 12, 156)
    assert caught.value.field == "retirement_age_months"
    assert caught.value.limits["low"].months == 63 * 12 + 9  # type: ignore[union-attr]


def test_a_known_balance_is_carried_forward_to_retirement(rules: RulesData) -> None:
    """100,000 yuan now, retiring 24 months later: the balance grows by 24 months of 8% of the
    index times the average wage, plus interest; it is never less than it is now."""
    common = dict(
        birth=YearMonth(1966, 1),
        category=MALE,
        contribution_months=240,
        pre_account_months=0,
        average_index=Decimal("1.0"),
        as_of=date(2026, 12, 7),
    )
    now = retirement_choices(
        rules,
        birth=YearMonth(1966, 1),
        category=MALE,
        contribution_months=240,
        as_of=date(2026, 12, 7),
    )
    later = estimate_pension(
        rules,
        retirement_age_months=now.first_age_months + 24,
        account_balance=Decimal(100000),
        **common,
    )  # type: ignore[arg-type]
    first = estimate_pension(
        rules, retirement_age_months=now.first_age_months, account_balance=Decimal(100000), **common
    )  # type: ignore[arg-type]
    assert later.account_balance > first.account_balance >= Decimal(100000)
    wage = max(row.average_wage_monthly for row in rules.contribution.year)
    assert later.account_balance - first.account_balance >= 20 * wage * Decimal("0.08")


# --- past the 计发月数 table: no estimate, and why -----------------------------------------------


@pytest.mark.parametrize(
    ("birth", "estimable"),
    [
        pytest.param(YearMonth(1956, 12), True, id="70-exactly"),
        pytest.param(YearMonth(1956, 11), False, id="70-and-a-month"),
    ],
)
def test_a_pension_can_be_estimated_up_to_the_last_age_of_the_table(
    rules: RulesData, birth: YearMonth, estimable: bool
) -> None:
    """A man with 20 years, long past his statutory age: his pension can start this month."""
    choices = retirement_choices(
        rules, birth=birth, category=MALE, contribution_months=240, as_of=date(2026, 12, 7)
    )
    assert str(choices.first) == "2026-12" and choices.estimable is estimable
    assert choices.oldest_age_months == OLDEST_TABLE_AGE * 12


def test_making_up_the_years_past_the_table_is_refused_saying_when(rules: RulesData) -> None:
    """原50岁, born 1950-03, 5 years as of 2026-12: 10 years short, made up in 2036-12 at 86岁9个月,
    past the table: no estimate, at any age asked for; the refusal says when and the table's
    last age."""
    choices = retirement_choices(
        rules,
        birth=YearMonth(1950, 3),
        category=F50,
        contribution_months=60,
        as_of=date(2026, 12, 7),
    )
    assert not choices.estimable and str(choices.first) == "2036-12"
    assert choices.first == choices.last and choices.first_age_months == 86 * 12 + 9
    with pytest.raises(InputError) as caught:
        estimate_at(rules, YearMonth(1950, 3), F50, 86 * 12 + 9, 60)
    error = caught.value
    assert (error.field, error.code.value) == ("retirement_age_months", "past_payment_table")
    assert error.limits["high"].months == 840  # type: ignore[union-attr]
    assert error.limits["earliest"].months == 86 * 12 + 9  # type: ignore[union-attr]
    assert str(error.limits["month"]) == "2036-12"


def test_the_window_knows_the_2011_answer(rules: RulesData) -> None:
    """The lump sum is among the options only for someone insured before 2011-07 (or unknown)."""
    common = dict(
        rules=rules, birth=YearMonth(1950, 3), category=F50, contribution_months=60,
        as_of=date(2026, 12, 7),
    )  # fmt: skip
    options = {
        insured: retirement_choices(first_insured_before_2011_07=insured, **common).window.options  # type: ignore[arg-type]
        for insured in (True, False, None)
    }
    assert ShortfallOption.LUMP_SUM in options[True] and ShortfallOption.LUMP_SUM in options[None]
    assert ShortfallOption.LUMP_SUM not in options[False]
    assert ShortfallOption.TRANSFER in options[False]


def test_a_range_of_one_value_reads_as_that_value(rules: RulesData) -> None:
    """原50岁, born 1965-03, 13 years: only 2028-12 (63岁9个月) is possible; asking for another
    age says that age, not 应在63岁9个月到63岁9个月之间."""
    with pytest.raises(InputError) as caught:
        estimate_at(rules, YearMonth(1965, 3), F50, 64 * 12, 156)
    assert error_message(caught.value) == "退休年龄只能是63岁9个月，请重新填写。"


def test_past_the_table_is_worded_with_when_and_where_to_ask(rules: RulesData) -> None:
    with pytest.raises(InputError) as caught:
        estimate_at(rules, YearMonth(1950, 3), F50, 86 * 12 + 9, 60)
    text = error_message(caught.value)
    assert "86岁9个月（2036年12月）" in text and "70岁以前" in text and "窗口咨询" in text


# --- past the statutory month with the minimum met: nothing to make up ---------------------------


@pytest.mark.parametrize(
    ("birth", "category", "kind"),
    [
        # the pension walk's woman: statutory 2026-10 (55岁5个月), in the late window until 2029-10
        (YearMonth(1971, 5), F55, RetirementKind.LATE),
        # a woman 原50岁 born 1975-06: statutory 2025-09, late window until 2028-09
        (YearMonth(1975, 6), F50, RetirementKind.LATE),
        # before the reform: a man born 1964-03 reached 60 in 2024-03, no window
        (YearMonth(1964, 3), MALE, RetirementKind.OVERDUE),
        # a woman 原55岁 born 1968-11 reached 55 in 2023-11, no window
        (YearMonth(1968, 11), F55, RetirementKind.OVERDUE),
    ],
)
def test_past_the_statutory_month_with_the_minimum_met_nothing_is_made_up(
    rules: RulesData, birth: YearMonth, category: Category, kind: RetirementKind
) -> None:
    """Someone already past the statutory month as of 2026-12 with 30 years paid can draw a
    pension from now: not 延长缴费 (the screen said "还差0个月才满最低缴费年限" and "您的缴费年限
    还不够" to the pension walk's woman once 2026-12 passed her statutory month 2026-10)."""
    now = YearMonth.of(AS_OF)
    assert statutory_month(birth, category) < now
    estimate = estimate_at(rules, birth, category, birth.months_until(now), 360)
    assert estimate.window is not None and estimate.window.made_up_month is None
    assert estimate.made_up_month is None and estimate.shortfall_so_far == 0
    assert estimate.kind is kind
    assert not estimate.options


def test_the_years_made_up_past_the_statutory_month_are_still_extension(rules: RulesData) -> None:
    """The woman of the issue (1965-03, 原50岁, 156 months): short 24, made up in 2028-12, past her
    statutory month 2015-03: 延长缴费, and the options are named."""
    estimate = estimate_at(rules, YearMonth(1965, 3), F50, 63 * 12 + 9, 156)
    assert str(estimate.made_up_month) == "2028-12"
    assert estimate.kind is RetirementKind.EXTENDED and estimate.options
