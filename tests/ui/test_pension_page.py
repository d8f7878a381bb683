"""养老金测算 page on its own: every question, the retirement-age window, the inline errors, the
result's figures against the rules, the estimate path, the prefill from the retirement journey and
reset. Widgets are driven through their own methods and buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from kiosk import resources
from kiosk.content import format as fmt
from kiosk.content.texts import Texts, load_texts
from kiosk.rules import (
    Category,
    RulesData,
    YearMonth,
    estimate_account_balance,
    pension,
    retirement,
)
from kiosk.ui.pages.pension import BALANCE_ESTIMATE, BALANCE_KNOWN, PensionJourney
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.results import StepsView

TODAY = date(2026, 11, 29)
D = Decimal
DEZHOU_BIRTH = YearMonth(1964, 12)


@pytest.fixture(scope="module")
def catalogue() -> Texts:
    """The texts, loaded without kiosk.app (so this page is tested on its own)."""
    return load_texts(resources.text_dir())


@pytest.fixture
def session() -> SessionAnswers:
    return SessionAnswers()


@pytest.fixture
def journey(qtbot, catalogue: Texts, rules: RulesData, session: SessionAnswers) -> PensionJourney:
    page = PensionJourney(texts=catalogue, rules=rules, today=lambda: TODAY, session=session)
    qtbot.add_widget(page)
    page.resize(1366, 680)
    return page


@dataclass(frozen=True)
class Answers:
    category: Category = Category.MALE
    birth: YearMonth = DEZHOU_BIRTH
    age_delta: int = 0  # months from the statutory age
    total: int = 495
    pre_account: int = 163
    level: str = "0.6"
    balance: str | None = "80614.70"  # None: 帮我估算


DEZHOU = Answers()  # 德州 2024-12: man born 1964-12, 60岁, 41年3个月, 建账前13年7个月


def key(journey: PensionJourney) -> str | None:
    screen = journey.current_screen()
    return screen.question.key if screen is not None else None


def choose_birth(journey: PensionJourney, birth: YearMonth) -> None:
    journey.birth.year.set_value(birth.year)
    journey.birth.month_buttons[birth.month].click()  # type: ignore[attr-defined]


def error_text(journey: PensionJourney) -> str:
    screen = journey.current_screen()
    assert screen is not None
    return screen.error.text()


def answer(journey: PensionJourney, a: Answers, *, stop_before: str | None = None) -> None:
    """Answer every question shown, in order, pressing 下一步 like a citizen would."""
    steps: dict[str, Callable[[], None]] = {
        "category": lambda: journey.category.button(a.category.value).click(),
        "birth": lambda: choose_birth(journey, a.birth),
        "age": lambda: journey.age.set_value(journey.age.value() + a.age_delta),
        "total": lambda: journey.total.set_total_months(a.total),
        "pre_account": lambda: journey.pre_account.set_total_months(a.pre_account),
        "level": lambda: journey.level.button(a.level).click(),
        "balance": lambda: journey.balance.button(
            BALANCE_KNOWN if a.balance is not None else BALANCE_ESTIMATE
        ).click(),
        "amount": lambda: journey.amount.set_text(a.balance or ""),
    }
    while not journey.showing_result():
        current = key(journey)
        assert current is not None
        if current == stop_before:
            return
        steps[current]()
        journey.next()
        assert journey.showing_result() or key(journey) != current, error_text(journey)


def shown(journey: PensionJourney, name: str) -> str:
    assert journey.result_area is not None
    widget = journey.result_area.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def result_texts(journey: PensionJourney) -> list[str]:
    assert journey.result_area is not None
    return [widget.text() for widget in journey.result_area.findChildren(QLabel)]


def expected_pension(rules: RulesData, a: Answers, *, balance: Decimal, age_months: int):
    month = a.birth.plus_months(age_months)
    return pension(
        rules.pension,
        retirement_year=month.year,
        average_index=D(a.level),
        contribution_months=a.total,
        pre_account_months=a.pre_account,
        account_balance=balance,
        retirement_age_months=age_months,
    )


# the questions -----------------------------------------------------------------------------------


def test_starts_on_the_category_question_as_step_one(
    journey: PensionJourney, catalogue: Texts
) -> None:
    """第1步 with no total: how many questions follow depends on the answers (the balance), and
    a total that changes on the way (第1步，共3步 -> 第2步，共4步) confuses."""
    assert key(journey) == "category"
    screen = journey.current_screen()
    assert screen is not None
    assert screen.heading.text() == catalogue.retirement.category_question
    assert screen.progress.text() == catalogue.common.step_number.format(current=1)
    assert journey.category.keys() == [c.value for c in Category]


def test_the_step_numbers_count_up_and_the_last_button_shows_the_result(
    journey: PensionJourney, catalogue: Texts
) -> None:
    common = catalogue.common
    answer(journey, DEZHOU, stop_before="balance")
    numbers = [s.progress.text() for s in journey.screens if s.question.relevant()]
    assert numbers == [common.step_number.format(current=n) for n in range(1, 8)]
    screen = journey.question_screen("balance")
    journey.balance.button(BALANCE_ESTIMATE).click()  # the last question now
    assert screen.next_button.text() == common.show_result
    journey.balance.button(BALANCE_KNOWN).click()  # the amount follows
    assert screen.next_button.text() == common.next


def test_the_amount_question_only_follows_i_know_my_balance(journey: PensionJourney) -> None:
    answer(journey, DEZHOU, stop_before="balance")
    journey.balance.button(BALANCE_ESTIMATE).click()
    journey.next()
    assert journey.showing_result()
    journey.go_back()
    assert key(journey) == "balance"
    journey.balance.button(BALANCE_KNOWN).click()
    journey.next()
    assert key(journey) == "amount"


def test_every_question_needs_an_answer(journey: PensionJourney, catalogue: Texts) -> None:
    """Each says what to do in plain words; no number stands preset to be taken as the answer."""
    t = catalogue.pension
    journey.next()
    assert error_text(journey) == catalogue.retirement.category_missing
    answer(journey, DEZHOU, stop_before="total")
    assert journey.total.value() is None  # no 15 years preset
    journey.next()
    assert key(journey) == "total"
    assert error_text(journey) == t.total_missing
    journey.total.set_total_months(0)
    journey.next()
    assert error_text(journey) == t.total_missing
    journey.total.set_total_months(DEZHOU.total)
    journey.next()
    assert key(journey) == "pre_account"
    assert journey.pre_account.value() is None  # nor 0 years before the account
    journey.next()
    assert error_text(journey) == t.pre_missing
    answer(journey, DEZHOU, stop_before="level")
    journey.next()
    assert error_text(journey) == t.level_missing
    answer(journey, DEZHOU, stop_before="amount")
    journey.next()
    assert key(journey) == "amount"
    assert error_text(journey) == t.amount_missing


# the retirement age ------------------------------------------------------------------------------


def test_age_defaults_to_the_statutory_age_within_the_flexible_window(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    birth = YearMonth(1966, 3)
    answer(journey, Answers(birth=birth), stop_before="age")
    window = retirement(birth, Category.MALE, rules.retirement, as_of=TODAY)
    statutory = window.statutory_age_months
    assert statutory == 60 * 12 + 4
    assert journey.age.value() == statutory
    common, t = catalogue.common, catalogue.pension
    assert journey.age.display.text() == t.age_display.format(
        age=fmt.age(common, statutory), month=fmt.year_month(common, YearMonth(2026, 7))
    )
    assert journey.age_kind.text() == t.age_statutory
    assert fmt.age(common, window.earliest_flexible_age_months) in journey.age_window.text()
    assert fmt.age(common, window.latest_flexible_age_months) in journey.age_window.text()

    journey.age.buttons[-1].click()
    journey.age.buttons[-1].click()
    assert journey.age.display.text() == t.age_display.format(
        age=fmt.age(common, statutory - 2), month=fmt.year_month(common, YearMonth(2026, 5))
    )
    assert journey.age_kind.text() == t.age_early.format(months=2)
    journey.age.buttons[-12].click()
    assert journey.age.value() == window.earliest_flexible_age_months == 720
    assert not journey.age.buttons[-1].isEnabled()
    journey.age.set_value(statutory + 14)
    assert journey.age_kind.text() == t.age_late.format(months=14)
    for _ in range(5):
        journey.age.buttons[12].click()
    assert journey.age.value() == window.latest_flexible_age_months == statutory + 36
    assert not journey.age.buttons[12].isEnabled()


def test_the_age_is_kept_going_back_and_reset_for_another_birth_month(
    journey: PensionJourney,
) -> None:
    answer(journey, Answers(birth=YearMonth(1966, 3)), stop_before="age")
    journey.age.set_value(journey.age.value() + 5)
    chosen = journey.age.value()
    journey.next()
    journey.go_back()
    journey.go_back()
    assert key(journey) == "birth"
    journey.next()
    assert journey.age.value() == chosen
    journey.go_back()
    journey.birth.month_buttons[4].click()  # type: ignore[attr-defined]
    journey.next()
    assert journey.age.value() == 60 * 12 + 4  # the new person's statutory age


def test_a_retirement_year_without_a_pension_base_is_refused_on_the_age_screen(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    answer(journey, Answers(birth=YearMonth(1958, 6)), stop_before="age")
    journey.next()
    assert key(journey) == "age"
    first = min(row.year for row in rules.pension.pension_base)
    error = error_text(journey)
    assert error == catalogue.pension.error_no_base.format(first=first)


# contribution years ------------------------------------------------------------------------------


def test_pre_account_longer_than_total_is_refused_inline_and_nothing_is_lost(
    journey: PensionJourney, catalogue: Texts
) -> None:
    t, common = catalogue.pension, catalogue.common
    answer(journey, DEZHOU, stop_before="pre_account")
    journey.pre_account.set_total_months(DEZHOU.total + 1)
    journey.next()
    screen = journey.current_screen()
    assert screen is not None and screen.question.key == "pre_account"
    assert not screen.error.isHidden()
    assert screen.error.property("role") == "error"
    assert screen.error.text() == t.error_pre_exceeds.format(
        pre=fmt.duration(common, DEZHOU.total + 1), total=fmt.duration(common, DEZHOU.total)
    )
    assert journey.pre_account.total_months() == DEZHOU.total + 1
    assert journey.total.total_months() == DEZHOU.total
    assert journey.age.value() == 720 and journey.level.value() is None
    journey.pre_account.set_total_months(DEZHOU.pre_account)
    journey.next()
    assert key(journey) == "level"
    assert journey.question_screen("pre_account").error.isHidden()


def test_pre_account_help_explains_the_term(journey: PensionJourney, catalogue: Texts) -> None:
    screen = journey.question_screen("pre_account")
    assert screen.help.text() == catalogue.pension.pre_help
    assert "建账前缴费年限" in screen.help.text()


# the level -----------------------------------------------------------------------------------------


def test_seven_levels_each_explained(journey: PensionJourney) -> None:
    levels = journey.level.keys()
    assert levels == ["0.6", "0.7", "0.8", "1.0", "1.5", "2.0", "3.0"]
    for level in levels:
        button = journey.level.button(level)
        assert button.title_label.text() and button.detail_label.text()


# the result ----------------------------------------------------------------------------------------


def test_dezhou_form_at_the_60_percent_tier_matches_the_rules(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    common, t = catalogue.common, catalogue.pension
    answer(journey, DEZHOU)
    assert journey.showing_result()
    expected = expected_pension(rules, DEZHOU, balance=D("80614.70"), age_months=720)
    assert journey.result == expected
    assert shown(journey, "pension_total") == fmt.money(common, expected.total)
    assert shown(journey, "pension_basic") == fmt.money(common, expected.basic_pension)
    assert shown(journey, "pension_account") == fmt.money(common, expected.personal_account_pension)
    assert shown(journey, "pension_transitional") == fmt.money(
        common, expected.transitional_pension
    )
    # the parts of the real form that do not depend on the index
    assert expected.pension_base.amount == D("7678") and not expected.provisional
    assert expected.payment_months == D("139")
    assert expected.personal_account_pension == D("579.96")
    texts = result_texts(journey)
    assert t.detail_age_value.format(age="60岁", month="2024年12月") in texts
    assert "139" in texts
    assert t.kind_statutory in texts
    assert journey.result_area.findChild(QLabel, "provisional") is None  # type: ignore[union-attr]
    eligibility = journey.result_area.findChild(QWidget, "eligibility")  # type: ignore[union-attr]
    assert eligibility is not None
    assert eligibility.findChild(QLabel, "shortfall") is None


def test_result_steps_and_disclaimer(journey: PensionJourney, catalogue: Texts) -> None:
    answer(journey, DEZHOU)
    assert journey.result is not None
    steps = journey.result_area.findChild(StepsView)  # type: ignore[union-attr]
    assert steps is not None
    assert len(steps.lines) == len(journey.result.steps)
    assert catalogue.common.disclaimer in result_texts(journey)


def test_a_2027_retirement_is_marked_provisional_on_the_2025_base(
    journey: PensionJourney, catalogue: Texts
) -> None:
    answer(journey, Answers(birth=YearMonth(1967, 1)))
    assert journey.result is not None
    assert journey.result.pension_base.requested_year == 2027
    assert journey.result.provisional and journey.result.pension_base.year == 2025
    assert shown(journey, "provisional") == catalogue.common.provisional_badge.format(year=2025)


def test_shortfall_is_said_clearly_and_figures_are_conditional(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    t, common = catalogue.pension, catalogue.common
    short = Answers(birth=YearMonth(1967, 1), total=100, pre_account=0, level="1.0")
    answer(journey, short)
    month = short.birth.plus_months(journey.age.value())
    minimum = rules.retirement.minimum_contribution.months_for(month.year)
    assert minimum == 180
    message = journey.result_area.findChild(QLabel, "shortfall")  # type: ignore[union-attr]
    assert message is not None and message.property("role") == "error"
    assert message.text() == t.eligibility_short.format(
        total=fmt.duration(common, 100),
        year=month.year,
        minimum=fmt.duration(common, minimum),
        shortfall=fmt.duration(common, minimum - 100),
    )
    texts = result_texts(journey)
    assert t.total_caption_short in texts and t.total_caption not in texts
    assert t.eligibility_short_figures in texts


def test_flexible_early_retirement_while_short_says_early_needs_the_minimum(
    journey: PensionJourney, catalogue: Texts
) -> None:
    answer(journey, Answers(birth=YearMonth(1967, 1), age_delta=-3, total=120, pre_account=0))
    assert catalogue.pension.eligibility_short_early in result_texts(journey)
    assert catalogue.pension.kind_early in result_texts(journey)


def test_estimate_path_lists_its_assumptions_and_marks_the_balance(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    common, t = catalogue.common, catalogue.pension
    a = Answers(balance=None)
    answer(journey, a)
    estimate = estimate_account_balance(
        average_index=D("0.6"),
        account_months=a.total - a.pre_account,
        retirement_month=YearMonth(2024, 12),
        contribution=rules.contribution,
        rates=rules.rates,
        pension=rules.pension,
    )
    assert journey.estimate == estimate
    assert journey.result == expected_pension(rules, a, balance=estimate.balance, age_months=720)
    steps = journey.result_area.findChild(StepsView)  # type: ignore[union-attr]
    assert steps is not None
    assert len(steps.lines) == len(journey.result.steps) + len(estimate.steps)  # type: ignore[union-attr]
    estimate_lines = steps.lines[-len(estimate.steps) :]
    assert all(line.endswith(common.assumption_badge) for line in estimate_lines)
    texts = result_texts(journey)
    assert t.detail_balance_estimated.format(amount=fmt.money(common, estimate.balance)) in texts
    assert t.account_caption_estimated in texts
    assert shown(journey, "estimate_note") == t.estimate_note


# session, back and reset ---------------------------------------------------------------------------


def test_start_from_session_skips_what_the_retirement_journey_asked(
    journey: PensionJourney, session: SessionAnswers, catalogue: Texts
) -> None:
    session.birth, session.category, session.contribution_months = (
        YearMonth(1964, 12),
        Category.MALE,
        495,
    )
    journey.start_from_session()
    assert key(journey) == "age"
    assert journey.current_screen().progress.text() == catalogue.common.step_number.format(  # type: ignore[union-attr]
        current=1
    )
    assert journey.age.value() == 720
    assert journey.total.total_months() == 495
    assert not journey.prefilled_row.isHidden()
    assert catalogue.retirement.category_male in journey.prefilled.text()
    assert journey.go_back() is False  # the first question: 返回 leaves the journey
    answer(journey, DEZHOU)
    assert journey.showing_result()
    while journey.go_back():
        pass
    assert key(journey) == "age"


def test_change_the_prefilled_answers(journey: PensionJourney, session: SessionAnswers) -> None:
    session.birth, session.category = YearMonth(1964, 12), Category.MALE
    journey.start_from_session()
    assert journey.total.value() is None  # no years in the session: none preset either
    journey.prefilled_change.click()
    assert key(journey) == "category"
    assert journey.category.value() == Category.MALE.value
    journey.next()
    assert journey.birth.value() == YearMonth(1964, 12)


def test_start_from_session_with_nothing_in_it_asks_everything(journey: PensionJourney) -> None:
    journey.start_from_session()
    assert key(journey) == "category"
    assert journey.prefilled_row.isHidden()


def test_back_keeps_every_answer(journey: PensionJourney) -> None:
    answer(journey, DEZHOU)
    assert journey.showing_result()
    while journey.go_back():
        pass
    assert key(journey) == "category"
    assert journey.category.value() == Category.MALE.value
    assert journey.birth.value() == DEZHOU.birth
    assert journey.age.value() == 720
    assert journey.total.total_months() == DEZHOU.total
    assert journey.pre_account.total_months() == DEZHOU.pre_account
    assert journey.level.value() == DEZHOU.level
    assert journey.balance.value() == BALANCE_KNOWN
    assert journey.amount.text() == "80614.70"


def test_reset_clears_every_answer_and_the_result(
    journey: PensionJourney, session: SessionAnswers
) -> None:
    session.birth, session.category, session.contribution_months = (
        DEZHOU.birth,
        DEZHOU.category,
        300,
    )
    journey.start_from_session()
    answer(journey, DEZHOU)
    assert journey.result is not None
    journey.reset()
    assert key(journey) == "category"
    assert journey.result is None and journey.estimate is None and journey.result_area is None
    assert journey.category.value() is None and journey.birth.value() is None
    assert journey.total.value() is None and journey.pre_account.value() is None
    assert journey.level.value() is None and journey.balance.value() is None
    assert journey.amount.text() == ""
    assert journey.prefilled_row.isHidden()
    assert all(screen.error.isHidden() for screen in journey.screens)
