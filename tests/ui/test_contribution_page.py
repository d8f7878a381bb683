"""ContributionJourney (缴费测算) on its own: the questions and their branches, the figures on screen
against kiosk.rules.contribution for the same inputs, inline errors, back and reset."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import (
    Amount,
    ContributionResult,
    ErrorCode,
    InputError,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    base_for_percent,
    contribution,
    figures_for_year,
)
from kiosk.ui.pages.contribution import CUSTOM_TIER, ContributionJourney
from kiosk.ui.widgets.option_group import OptionGroup
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.results import DetailList, FigureGrid, TextList

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = date(2026, 11, 29)
D = Decimal


@pytest.fixture
def make_journey(qtbot, texts: Texts, rules: RulesData):
    def make(today: date = TODAY) -> ContributionJourney:
        journey = ContributionJourney(texts=texts, rules=rules, today=lambda: today)
        qtbot.add_widget(journey)
        return journey

    return make


@pytest.fixture
def journey(make_journey) -> ContributionJourney:
    return make_journey()  # type: ignore[no-any-return]


# driving the page ----------------------------------------------------------------------------------


def key(journey: ContributionJourney) -> str:
    screen = journey.current_screen()
    return "result" if screen is None else screen.question.key


def type_in(keypad, text: str) -> None:
    for char in text:
        keypad.press(char)


def answer_employee(journey: ContributionJourney, wage: str, year: int = 2026) -> None:
    journey.kind.button("employee").click()
    journey.next()
    journey.year.button(str(year)).click()
    journey.next()
    type_in(journey.wage, wage)
    journey.next()


def answer_flexible(
    journey: ContributionJourney,
    tier: str,
    period: PaymentPeriod = PaymentPeriod.MONTH,
    *,
    amount: str = "",
    year: int = 2026,
) -> None:
    journey.kind.button("flexible").click()
    journey.next()
    journey.year.button(str(year)).click()
    journey.next()
    journey.tier.button(tier).click()
    journey.next()
    if tier == CUSTOM_TIER:
        type_in(journey.amount, amount)
        journey.next()
    journey.period.button(period.value).click()
    journey.next()


def view(journey: ContributionJourney) -> ResultView:
    assert journey.result_area is not None and journey.result_view is not None
    assert journey.result_area.isAncestorOf(journey.result_view)
    return journey.result_view


def shown_figures(journey: ContributionJourney) -> list[str]:
    assert journey.result_area is not None
    grid = journey.result_area.findChild(FigureGrid, "figures")
    return [value.text() for value in grid.values]


def figure_keys(journey: ContributionJourney) -> list[str]:
    grid = view(journey).findChild(FigureGrid, "figures")
    return [value.objectName() for value in grid.values]


def shown_captions(journey: ContributionJourney) -> list[str]:
    assert journey.result_area is not None
    grid = journey.result_area.findChild(FigureGrid, "figures")
    return [
        child.text()
        for child in grid.findChildren(QLabel)
        if child.property("role") == "figure-label"
    ]


def shown_details(journey: ContributionJourney) -> dict[str, str]:
    assert journey.result_area is not None
    details = journey.result_area.findChild(DetailList, "details")
    texts = [child.text() for child in details.findChildren(QLabel)][1:]  # after the title
    return dict(zip(texts[::2], texts[1::2], strict=True))


def notices(journey: ContributionJourney) -> dict[str, str]:
    """The notices under the figures (provisional, assumed figures), by key."""
    found = {}
    for label in view(journey).findChildren(QLabel):
        name = label.objectName()
        if name.startswith("notice_") and name.endswith("_text"):
            found[name.removeprefix("notice_").removesuffix("_text")] = label.text()
    return found


def disclaimer(journey: ContributionJourney) -> str:
    label = view(journey).findChild(QLabel, "disclaimer")
    assert label is not None
    return label.text()


def money(texts: Texts, amount: Decimal) -> str:
    return fmt.money(texts.common, amount)


def rule(rules: RulesData, kind: WorkerKind, year: int = 2026, **inputs) -> ContributionResult:
    return contribution(kind, year, rules.contribution, rules.rates, as_of=TODAY, **inputs)


# the questions -----------------------------------------------------------------------------------


def test_starts_on_the_kind_question_with_two_plain_choices(
    journey: ContributionJourney, texts: Texts
) -> None:
    t = texts.contribution
    assert key(journey) == "kind"
    assert journey.kind.keys() == ["employee", "flexible"]
    assert journey.kind.button("employee").text() == t.kind_employee
    assert journey.kind.button("employee").detail_label.text() == t.kind_employee_detail
    assert journey.kind.button("flexible").detail_label.text() == t.kind_flexible_detail
    assert journey.current_screen().progress.text() == texts.common.step_number.format(current=1)


def test_kind_is_required(journey: ContributionJourney, texts: Texts) -> None:
    journey.next()
    assert key(journey) == "kind"
    assert journey.current_screen().error.text() == texts.contribution.kind_missing
    journey.kind.button("flexible").click()
    assert journey.current_screen().error.isHidden()  # gone as soon as the answer changes


def test_year_offers_this_year_and_last_with_their_limits(
    journey: ContributionJourney, texts: Texts, rules: RulesData
) -> None:
    t = texts.contribution
    assert journey.year.keys() == ["2026", "2025"]
    for year in (2026, 2025):
        row = figures_for_year(year, rules.contribution, as_of=TODAY).row
        option = journey.year.button(str(year))
        assert option.text() == t.year_option.format(year=year)
        assert option.detail_label.text() == t.year_option_detail.format(
            floor=money(texts, row.base_floor), ceiling=money(texts, row.base_ceiling)
        )
    assert "4,573.00" in journey.year.button("2026").detail_label.text()
    assert "22,863.00" in journey.year.button("2026").detail_label.text()


def test_before_the_notice_this_year_is_labelled_provisional(make_journey, texts: Texts) -> None:
    journey = make_journey(date(2026, 5, 1))  # 鲁人社字〔2026〕75号 came out on 2026-08-14
    title = journey.year.button("2026").text()
    assert title == texts.contribution.year_option_provisional.format(year=2026, used_year=2025)
    assert title == "2026年（暂按2025年标准）"
    assert "4,504.00" in journey.year.button("2026").detail_label.text()
    assert journey.year.button("2025").text() == "2025年"


def test_employee_path_skips_the_flexible_questions(journey: ContributionJourney) -> None:
    journey.kind.button("employee").click()
    journey.next()
    journey.year.button("2026").click()
    journey.next()
    assert key(journey) == "wage"
    assert journey.current_screen().progress.text() == "第3步"
    assert journey.current_screen().next_button.text() == "查看结果"  # the last question


def test_wage_help_names_the_chosen_years_limits(
    journey: ContributionJourney, texts: Texts
) -> None:
    journey.kind.button("employee").click()
    journey.next()
    journey.year.button("2025").click()
    journey.next()
    expected = texts.contribution.wage_help.format(
        year=2025, floor="4,504.00元", ceiling="22,518.00元"
    )
    assert journey.wage_limits.text() == expected
    assert "低于4,504.00元按4,504.00元计" in expected
    journey.go_back()
    journey.year.button("2026").click()
    journey.next()
    assert "低于4,573.00元按4,573.00元计，高于22,863.00元按22,863.00元计" in (
        journey.wage_limits.text()
    )


def test_tiers_show_the_base_of_the_chosen_year(
    journey: ContributionJourney, texts: Texts, rules: RulesData
) -> None:
    journey.kind.button("flexible").click()
    journey.next()
    journey.year.button("2025").click()
    journey.next()
    assert key(journey) == "tier"
    percents = rules.contribution.tiers.percents
    assert journey.tier.keys() == [*map(str, percents), CUSTOM_TIER]
    row = figures_for_year(2025, rules.contribution, as_of=TODAY).row
    for percent in percents:
        option = journey.tier.button(str(percent))
        assert option.text() == texts.contribution.tier_option.format(percent=percent)
        base = money(texts, base_for_percent(D(percent), row))
        assert option.detail_label.text() == texts.contribution.tier_option_detail.format(base=base)
    assert journey.tier.button("60").detail_label.text().endswith("4,504.00元")
    assert journey.tier.button("300").detail_label.text().endswith("22,518.00元")


def test_custom_amount_screen_only_after_choosing_it(journey: ContributionJourney) -> None:
    journey.kind.button("flexible").click()
    journey.next()
    journey.year.button("2026").click()
    journey.next()
    journey.tier.button("100").click()
    journey.next()
    assert key(journey) == "period"
    journey.go_back()
    journey.tier.button(CUSTOM_TIER).click()
    journey.next()
    assert key(journey) == "amount"
    assert journey.current_screen().progress.text() == "第4步"  # no total to change on the way


# employees: figures on screen are the rule's ---------------------------------------------------


@pytest.mark.parametrize(
    ("wage", "adjustment_text"),
    [
        pytest.param("3000", "base_raised", id="below-floor"),
        pytest.param("8000.55", "base_within", id="within"),
        pytest.param("30000", "base_capped", id="above-ceiling"),
    ],
)
def test_employee_figures_equal_the_rule(
    journey: ContributionJourney, texts: Texts, rules: RulesData, wage: str, adjustment_text: str
) -> None:
    t = texts.contribution
    answer_employee(journey, wage)
    assert key(journey) == "result"
    expected = rule(rules, WorkerKind.EMPLOYEE, wage=D(wage))
    assert journey.result == expected
    assert shown_captions(journey) == [t.figure_base, t.figure_individual, t.figure_employer]
    assert figure_keys(journey) == ["figure_base", "figure_individual", "figure_employer"]
    assert shown_figures(journey) == [
        money(texts, expected.base),
        money(texts, expected.individual_monthly),
        money(texts, expected.employer_monthly or D(0)),
    ]
    reason = getattr(t, adjustment_text).format(
        wage=money(texts, D(wage)), floor="4,573.00元", ceiling="22,863.00元"
    )
    details = shown_details(journey)
    assert details[t.detail_base] == reason
    assert details[t.detail_kind] == t.kind_employee
    assert details[t.detail_year] == t.year_option.format(year=2026)
    assert texts.common.parameter_year.format(year=2026) in details[t.detail_limits]


def test_employee_below_floor_matches_the_published_figures(
    journey: ContributionJourney, texts: Texts
) -> None:
    """rules.md §5.1: 2026 floor 4,573 -> individual 365.84, employer 731.68 a month."""
    t = texts.contribution
    answer_employee(journey, "2000")
    assert shown_figures(journey) == ["4,573.00元", "365.84元", "731.68元"]
    details = shown_details(journey)
    assert details[t.detail_account_employee] == "每月365.84元，全年4,390.08元"
    assert details[t.detail_pooled_employee] == "每月731.68元，全年8,780.16元"
    assert details[t.detail_total_employee] == "每月1,097.52元"
    assert notices(journey) == {}  # verified, not provisional
    assert disclaimer(journey) == texts.common.disclaimer


def test_result_shows_the_rules_steps_and_basis(
    journey: ContributionJourney, texts: Texts, rules: RulesData
) -> None:
    answer_employee(journey, "30000")
    expected = rule(rules, WorkerKind.EMPLOYEE, wage=D(30000))
    steps = view(journey).findChild(TextList, "steps")
    assert steps is not None and steps.isHidden()  # 详细情况 first
    view(journey).section_buttons["steps"].click()
    assert not steps.isHidden() and view(journey).current_section() == "steps"
    assert steps.lines == [fmt.step_text(texts, step) for step in expected.steps]
    assert len(steps.lines) == len(expected.steps)
    assert any("22863.00" in line for line in steps.lines)
    basis = view(journey).findChild(TextList, "basis")
    assert basis is not None and basis.isHidden()
    view(journey).section_buttons["basis"].click()
    assert not basis.isHidden() and steps.isHidden()
    shown = [child.text() for child in basis.findChildren(QLabel)]
    assert all(any(item.title in text for text in shown) for item in expected.legal_basis)


# flexible workers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "base", "monthly"),
    [
        pytest.param("60", "4,573.00元", "914.60元", id="60%"),
        pytest.param("100", "7,621.00元", "1,524.20元", id="100%"),
        pytest.param("300", "22,863.00元", "4,572.60元", id="300%"),
    ],
)
def test_flexible_tier_figures(
    journey: ContributionJourney,
    texts: Texts,
    rules: RulesData,
    tier: str,
    base: str,
    monthly: str,
) -> None:
    """rules.md §5.1: base 4,573 -> 914.60 a month; 7,621 -> 1,524.20; 22,863 -> 4,572.60."""
    t = texts.contribution
    answer_flexible(journey, tier)
    expected = rule(rules, WorkerKind.FLEXIBLE, base_percent=D(tier))
    assert journey.result == expected
    assert shown_figures(journey) == [
        money(texts, expected.base),
        money(texts, expected.per_payment),
        money(texts, expected.annual),
    ]
    assert shown_figures(journey)[:2] == [base, monthly]
    assert shown_captions(journey) == [
        t.figure_base,
        t.figure_per_payment.format(period=t.period_month),
        t.figure_annual,
    ]
    assert figure_keys(journey) == ["figure_base", "figure_per_payment", "figure_annual"]
    details = shown_details(journey)
    assert details[t.detail_base] == t.base_tier.format(percent=tier, average="7,621.00元")
    assert details[t.detail_kind] == t.kind_flexible


def test_flexible_60_percent_splits_into_account_and_pooled_fund(
    journey: ContributionJourney, texts: Texts
) -> None:
    t = texts.contribution
    answer_flexible(journey, "60", PaymentPeriod.QUARTER)
    details = shown_details(journey)
    assert details[t.detail_account_flexible] == "每月365.84元，每次1,097.52元，全年4,390.08元"
    assert details[t.detail_pooled_flexible] == "每月548.76元，每次1,646.28元，全年6,585.12元"


@pytest.mark.parametrize(
    ("period", "per_payment"),
    [
        (PaymentPeriod.MONTH, "914.60元"),
        (PaymentPeriod.QUARTER, "2,743.80元"),
        (PaymentPeriod.HALF_YEAR, "5,487.60元"),
        (PaymentPeriod.YEAR, "10,975.20元"),
    ],
)
def test_each_period_per_payment(
    journey: ContributionJourney,
    texts: Texts,
    rules: RulesData,
    period: PaymentPeriod,
    per_payment: str,
) -> None:
    t = texts.contribution
    answer_flexible(journey, "60", period)
    expected = rule(rules, WorkerKind.FLEXIBLE, base_percent=D(60), period=period)
    assert shown_figures(journey) == [
        "4,573.00元",
        money(texts, expected.per_payment),
        "10,975.20元",
    ]
    assert shown_figures(journey)[1] == per_payment
    name = {
        PaymentPeriod.MONTH: t.period_month,
        PaymentPeriod.QUARTER: t.period_quarter,
        PaymentPeriod.HALF_YEAR: t.period_half_year,
        PaymentPeriod.YEAR: t.period_year,
    }[period]
    assert shown_captions(journey)[1] == t.figure_per_payment.format(period=name)
    # the option already told what one payment would be
    journey.go_back()
    assert per_payment in journey.period.button(period.value).detail_label.text()


def test_custom_amount(journey: ContributionJourney, texts: Texts, rules: RulesData) -> None:
    t = texts.contribution
    answer_flexible(journey, CUSTOM_TIER, PaymentPeriod.HALF_YEAR, amount="8000")
    expected = rule(rules, WorkerKind.FLEXIBLE, base=D(8000), period=PaymentPeriod.HALF_YEAR)
    assert shown_figures(journey) == ["8,000.00元", "9,600.00元", "19,200.00元"]
    assert shown_figures(journey)[1] == money(texts, expected.per_payment)
    assert shown_details(journey)[t.detail_base] == t.base_amount.format(
        base="8,000.00元", floor="4,573.00元", ceiling="22,863.00元"
    )


# provisional and assumed figures ------------------------------------------------------------------


def test_provisional_year_says_so_on_the_result(make_journey, texts: Texts) -> None:
    journey = make_journey(date(2026, 5, 1))
    answer_employee(journey, "6000")
    assert journey.result is not None and journey.result.provisional
    assert notices(journey) == {"provisional": texts.common.provisional_badge.format(year=2025)}
    details = shown_details(journey)
    assert details[
        texts.contribution.detail_year
    ] == texts.contribution.year_option_provisional.format(year=2026, used_year=2025)
    assert (
        texts.common.parameter_year.format(year=2025) in details[texts.contribution.detail_limits]
    )


def test_figures_that_are_not_verified_are_called_an_assumption(make_journey, texts: Texts) -> None:
    journey = make_journey(date(2025, 6, 1))  # 2024's limits are derived, not verified
    assert journey.year.keys() == ["2025", "2024"]
    assert journey.year.button("2024").detail_label.text().endswith("（推算值，未经核实）")
    answer_employee(journey, "6000", year=2024)
    assert journey.result is not None and journey.result.figures_status == "derived"
    assert notices(journey)["assumed"] == texts.contribution.figures_assumed.format(year=2024)


# inline errors: named field, input kept ----------------------------------------------------------


def test_empty_wage_says_what_to_do(journey: ContributionJourney, texts: Texts) -> None:
    answer_employee(journey, "")
    assert key(journey) == "wage"
    assert journey.current_screen().error.text() == texts.contribution.wage_missing


def refusal(texts: Texts, rules: RulesData, question_field: str, kind: WorkerKind, **inputs) -> str:
    """The rule's refusal of these inputs in the catalogue's words, which name the answer."""
    with pytest.raises(InputError) as caught:
        rule(rules, kind, **inputs)
    text = fmt.error_text(texts, caught.value)
    assert question_field in text, text
    return text


def test_zero_wage_names_the_field_and_keeps_the_input(
    journey: ContributionJourney, texts: Texts, rules: RulesData
) -> None:
    answer_employee(journey, "0.00")
    assert key(journey) == "wage"
    error = journey.current_screen().error
    assert not error.isHidden()
    field = texts.errors.fields["wage"]
    assert error.text() == refusal(texts, rules, field, WorkerKind.EMPLOYEE, wage=D("0.00"))
    assert field in error.text()
    assert journey.wage.text() == "0.00"
    journey.wage.clear()
    type_in(journey.wage, "5000")
    journey.next()
    assert key(journey) == "result"


@pytest.mark.parametrize("amount", ["30000", "4572.99"])
def test_amount_outside_the_limits_names_the_field_and_keeps_the_input(
    journey: ContributionJourney, texts: Texts, rules: RulesData, amount: str
) -> None:
    answer_flexible(journey, CUSTOM_TIER, amount=amount)
    assert key(journey) == "amount"
    message = journey.current_screen().error.text()
    field = texts.errors.fields["base"]
    assert message == refusal(texts, rules, field, WorkerKind.FLEXIBLE, base=D(amount))
    assert message == fmt.error_text(
        texts,
        InputError("base", ErrorCode.OUT_OF_RANGE, low=Amount(D(4573)), high=Amount(D(22863))),
    )
    assert field in message and "4,573.00元" in message and "22,863.00元" in message
    assert not message.startswith("“")  # no quoted field name first
    assert journey.amount.text() == amount
    assert journey.tier.value() == CUSTOM_TIER


def test_empty_amount_says_what_to_do(journey: ContributionJourney, texts: Texts) -> None:
    answer_flexible(journey, CUSTOM_TIER, amount="")
    assert key(journey) == "amount"
    assert journey.current_screen().error.text() == texts.contribution.amount_missing


def test_amount_checked_again_when_the_year_changes(journey: ContributionJourney) -> None:
    """22,700 is within 2026's limits but above 2025's ceiling of 22,518."""
    answer_flexible(journey, CUSTOM_TIER, amount="22700")
    assert key(journey) == "result"
    journey.go_back()  # period
    journey.go_back()  # amount
    journey.go_back()  # tier
    journey.go_back()  # year
    journey.year.button("2025").click()
    journey.next()  # to the tier, still 自定金额
    journey.next()  # to the amount
    journey.next()  # the amount is judged against 2025's limits
    assert key(journey) == "amount"
    assert "22,518.00元" in journey.current_screen().error.text()
    assert journey.amount.text() == "22700"


def test_the_rules_error_from_the_result_is_worded_and_mapped(
    journey: ContributionJourney, texts: Texts
) -> None:
    """An InputError raised while building the result names the field in the catalogue's words
    and belongs to the amount question (Journey shows it there)."""
    journey.kind.button("flexible").click()
    journey.year.button("2025").click()
    journey.tier.button(CUSTOM_TIER).click()
    type_in(journey.amount, "22700")
    journey.period.button("month").click()
    with pytest.raises(InputError) as caught:
        journey.present()
    assert journey.presentation is None and not journey.showing_result()
    assert caught.value.field == "base"
    assert caught.value.code is ErrorCode.OUT_OF_RANGE
    assert caught.value.limits == {"low": Amount(D(4504)), "high": Amount(D(22518))}  # 2025's
    assert journey.question_for_field(caught.value.field) == "amount"
    field = texts.errors.fields["base"]
    message = journey.error_text(caught.value)
    assert message == fmt.error_text(texts, caught.value)
    assert field in message and "4,504.00元" in message and "22,518.00元" in message


@pytest.mark.parametrize(
    ("field", "question"),
    [("wage", "wage"), ("base", "amount"), ("base_percent", "tier"), ("period", "period")],
)
def test_every_rule_field_has_its_question(
    journey: ContributionJourney, field: str, question: str
) -> None:
    assert journey.question_for_field(field) == question


# back keeps, reset clears ----------------------------------------------------------------------


def test_back_keeps_every_answer(journey: ContributionJourney) -> None:
    answer_flexible(journey, CUSTOM_TIER, PaymentPeriod.YEAR, amount="9000.5")
    assert key(journey) == "result"
    seen = []
    while journey.go_back():
        seen.append(key(journey))
    assert seen == ["period", "amount", "tier", "year", "kind"]
    assert journey.kind.value() == "flexible"
    assert journey.year.value() == "2026"
    assert journey.tier.value() == CUSTOM_TIER
    assert journey.amount.text() == "9000.5"
    assert journey.period.value() == "year"


def test_reset_clears_every_input_and_the_result(journey: ContributionJourney) -> None:
    answer_employee(journey, "6000")
    journey.go_back()
    journey.go_back()
    journey.go_back()
    answer_flexible(journey, CUSTOM_TIER, PaymentPeriod.QUARTER, amount="8000")
    assert journey.showing_result()
    journey.reset()
    assert key(journey) == "kind"
    assert journey.result is None and journey.result_area is None
    assert journey.kind.value() is None
    assert journey.year.value() is None
    assert journey.wage.text() == "" and journey.wage.display.text() == ""
    assert journey.tier.value() is None
    assert journey.amount.text() == "" and journey.amount.display.text() == ""
    assert journey.period.value() is None
    assert all(screen.error.isHidden() for screen in journey.screens)


def test_reset_on_a_new_day_offers_the_new_years(qtbot, texts: Texts, rules: RulesData) -> None:
    days = [date(2026, 12, 31)]
    journey = ContributionJourney(texts=texts, rules=rules, today=lambda: days[0])
    qtbot.add_widget(journey)
    assert journey.year.keys() == ["2026", "2025"]
    days[0] = date(2027, 1, 2)
    journey.reset()
    assert journey.year.keys() == ["2027", "2026"]
    assert journey.year.button("2027").text() == "2027年（暂按2026年标准）"
    answer_employee(journey, "6000", year=2027)
    assert journey.result is not None and journey.result.parameter_year == 2026


def test_the_old_year_options_are_removed(qtbot, texts: Texts, rules: RulesData) -> None:
    days = [date(2026, 12, 31)]
    journey = ContributionJourney(texts=texts, rules=rules, today=lambda: days[0])
    qtbot.add_widget(journey)
    body = journey.question_screen("year").question.body
    journey.reset()  # same day: the options are kept as they are
    assert body.findChildren(OptionGroup) == [journey.year]
    days[0] = date(2027, 1, 2)
    journey.reset()
    qtbot.wait_until(lambda: body.findChildren(OptionGroup) == [journey.year])
