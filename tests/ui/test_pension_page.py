"""养老金测算 page on its own: every question, the retirement-age choices, the inline errors, the
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
    InputError,
    RulesData,
    ShortfallOption,
    YearMonth,
    estimate_account_balance,
    pension,
    pension_base_for,
    retirement,
)
from kiosk.rules.estimate import PensionEstimate, estimate_pension
from kiosk.ui.pages.pension import BALANCE_ESTIMATE, BALANCE_KNOWN, PensionJourney
from kiosk.ui.session import SessionAnswers
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.results import DetailList, TextList

TODAY = date(2026, 11, 29)
DEZHOU_DAY = date(2024, 12, 10)  # the Dezhou man's retirement month: nothing left to pay
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
def make_journey(qtbot, catalogue: Texts, rules: RulesData, session: SessionAnswers):
    def make(today: date = TODAY) -> PensionJourney:
        page = PensionJourney(texts=catalogue, rules=rules, today=lambda: today, session=session)
        qtbot.add_widget(page)
        page.resize(1366, 680)
        return page

    return make


@pytest.fixture
def journey(make_journey) -> PensionJourney:
    return make_journey()  # type: ignore[no-any-return]


@pytest.fixture
def dezhou_journey(make_journey) -> PensionJourney:
    """The page in 2024-12, the month the Dezhou man retired."""
    return make_journey(DEZHOU_DAY)  # type: ignore[no-any-return]


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
# born 1967-01: statutory 60岁7个月 (2027-08), flexible window 2027-01 to 2030-08, all ahead
LATER = Answers(birth=YearMonth(1967, 1))


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


def view(journey: PensionJourney) -> ResultView:
    assert journey.result_area is not None and journey.result_view is not None
    assert journey.result_area.isAncestorOf(journey.result_view)
    return journey.result_view


def shown(journey: PensionJourney, name: str) -> str:
    widget = view(journey).findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def result_texts(journey: PensionJourney) -> list[str]:
    return [widget.text() for widget in view(journey).findChildren(QLabel)]


def details(journey: PensionJourney) -> dict[str, str]:
    """测算用到的数字 as shown: caption -> value."""
    section = view(journey).findChild(DetailList, "details")
    assert section is not None and not section.isHidden()
    texts = [label.text() for label in section.findChildren(QLabel)][1:]  # after the title
    return dict(zip(texts[::2], texts[1::2], strict=True))


def notice(journey: PensionJourney, name: str) -> QWidget | None:
    return view(journey).findChild(QWidget, f"notice_{name}")


def notice_lines(journey: PensionJourney, name: str) -> list[str]:
    """A notice's text, then its list (what someone short of years can do)."""
    card = notice(journey, name)
    assert card is not None, name
    lines = [label.text() for label in card.findChildren(QLabel)]
    assert lines[0] == shown(journey, f"notice_{name}_text")
    return lines


def shown_steps(journey: PensionJourney) -> list[str]:
    """计算过程, opened by its button."""
    steps = view(journey).findChild(TextList, "steps")
    assert steps is not None and steps.isHidden()  # 测算用到的数字 first
    view(journey).section_buttons["steps"].click()
    assert not steps.isHidden()
    return steps.lines


def expected_pension(rules: RulesData, a: Answers, *, balance: Decimal, age_months: int):
    """The bare formula, for a person with nothing left to pay before retiring."""
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


def expected_estimate(
    rules: RulesData, a: Answers, *, age_months: int, as_of: date = TODAY
) -> PensionEstimate:
    """The rules' estimate for these answers (what has been paid so far, then every month)."""
    return estimate_pension(
        rules,
        birth=a.birth,
        category=a.category,
        retirement_age_months=age_months,
        contribution_months=a.total,
        pre_account_months=a.pre_account,
        average_index=D(a.level),
        account_balance=D(a.balance) if a.balance is not None else None,
        as_of=as_of,
    )


def option_lines(catalogue: Texts, options: tuple[ShortfallOption, ...]) -> list[str]:
    t = catalogue.retirement
    wording = {
        ShortfallOption.EXTEND: t.option_extend,
        ShortfallOption.LUMP_SUM: t.option_lump_sum,
        ShortfallOption.TRANSFER: t.option_transfer,
        ShortfallOption.TERMINATE: t.option_terminate,
    }
    return [f"· {wording[option]}" for option in options]


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
    # the years paid so far come before the age: they decide which ages can be chosen
    assert [s.question.key for s in journey.screens] == [
        "category",
        "birth",
        "total",
        "age",
        "pre_account",
        "level",
        "balance",
        "amount",
    ]


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
    assert key(journey) == "age"  # the first age a pension can start at is offered
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


def test_more_years_than_possible_are_refused_on_the_total_question(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    """Born 1967-01: from the 16th birthday (1983-01) to 2026-11 is 43年11个月 at most."""
    answer(journey, LATER, stop_before="total")
    journey.total.set_total_months(44 * 12)
    journey.next()
    assert key(journey) == "total"
    with pytest.raises(InputError) as caught:
        retirement(
            LATER.birth,
            Category.MALE,
            rules.retirement,
            as_of=TODAY,
            contribution_months=44 * 12,
        )
    assert error_text(journey) == fmt.error_text(catalogue, caught.value)
    assert catalogue.errors.fields["contribution_months"] in error_text(journey)
    assert fmt.duration(catalogue.common, 43 * 12 + 11) in error_text(journey)
    assert journey.total.total_months() == 44 * 12  # kept, to be made smaller
    journey.total.set_total_months(43 * 12 + 11)
    journey.next()
    assert key(journey) == "age"


# the retirement age ------------------------------------------------------------------------------


def test_age_defaults_to_the_statutory_age_within_the_flexible_window(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    birth = LATER.birth
    answer(journey, LATER, stop_before="age")
    window = retirement(birth, Category.MALE, rules.retirement, as_of=TODAY)
    statutory = window.statutory_age_months
    assert statutory == 60 * 12 + 7
    assert journey.age.value() == statutory
    common, t = catalogue.common, catalogue.pension
    assert journey.age.display.text() == t.age_display.format(
        age=fmt.age(common, statutory), month=fmt.year_month(common, YearMonth(2027, 8))
    )
    assert journey.age_kind.text() == t.age_statutory
    assert window.earliest_flexible_age_months is not None
    assert window.latest_flexible_age_months is not None
    assert fmt.age(common, window.earliest_flexible_age_months) in journey.age_window.text()
    assert fmt.age(common, window.latest_flexible_age_months) in journey.age_window.text()

    journey.age.buttons[-1].click()
    journey.age.buttons[-1].click()
    assert journey.age.display.text() == t.age_display.format(
        age=fmt.age(common, statutory - 2), month=fmt.year_month(common, YearMonth(2027, 6))
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


def test_a_month_already_past_is_not_offered(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    """Born 1966-03: statutory 60岁4个月 in 2026-07, window from 2026-03; on 2026-11-29 the
    earliest month left is 2026-11 (60岁8个月)."""
    birth = YearMonth(1966, 3)
    answer(journey, Answers(birth=birth), stop_before="age")
    window = retirement(birth, Category.MALE, rules.retirement, as_of=TODAY)
    assert window.earliest_flexible_retirement_month == YearMonth(2026, 3)
    assert journey.age.value() == 60 * 12 + 8
    assert journey.retirement_month() == YearMonth(2026, 11)
    assert not journey.age.buttons[-1].isEnabled()
    common = catalogue.common
    assert journey.age_window.text() == catalogue.pension.age_window.format(
        statutory=fmt.age(common, 60 * 12 + 4),
        earliest=fmt.age(common, 60 * 12 + 8),
        earliest_month=fmt.year_month(common, YearMonth(2026, 11)),
        latest=fmt.age(common, 63 * 12 + 4),
        latest_month=fmt.year_month(common, YearMonth(2029, 7)),
    )


def test_short_of_years_the_first_age_is_when_they_are_made_up(
    journey: PensionJourney, catalogue: Texts
) -> None:
    """8年4个月 so far, 15年 needed: paying every month from 2026-11, made up by 2033-07, past
    the flexible window (2030-08): that month is the only one."""
    answer(journey, Answers(birth=YearMonth(1967, 1), total=100), stop_before="age")
    assert journey.retirement_month() == YearMonth(2033, 7)
    assert not journey.age.buttons[-1].isEnabled() and not journey.age.buttons[1].isEnabled()
    assert journey.age_kind.text() == catalogue.pension.age_extended.format(
        month=fmt.year_month(catalogue.common, YearMonth(2033, 7))
    )


def test_the_age_is_kept_going_back_and_reset_for_another_birth_month(
    journey: PensionJourney,
) -> None:
    answer(journey, LATER, stop_before="age")
    journey.age.set_value(journey.age.value() + 5)
    chosen = journey.age.value()
    journey.next()
    assert key(journey) == "pre_account"
    journey.go_back()
    journey.go_back()
    assert key(journey) == "total"
    journey.go_back()
    assert key(journey) == "birth"
    journey.next()
    journey.next()
    assert key(journey) == "age"
    assert journey.age.value() == chosen
    journey.go_back()
    journey.go_back()
    journey.birth.month_buttons[4].click()  # type: ignore[attr-defined]
    journey.next()
    journey.next()
    assert key(journey) == "age"
    assert journey.age.value() == 60 * 12 + 7  # the new person's statutory age


def test_a_retirement_year_without_a_pension_base_is_refused_on_the_age_screen(
    make_journey, catalogue: Texts, rules: RulesData
) -> None:
    """In 2022-06 a man born 1962-06 retires (60, before the reform); the 计发基数 here start
    in 2023."""
    journey = make_journey(date(2022, 6, 15))
    answer(journey, Answers(birth=YearMonth(1962, 6)), stop_before="age")
    assert journey.retirement_month() == YearMonth(2022, 6)
    journey.next()
    assert key(journey) == "age"
    first = min(row.year for row in rules.pension.pension_base)
    assert first == 2023
    with pytest.raises(InputError) as caught:
        pension_base_for(2022, rules.pension)
    error = error_text(journey)
    # named as the rule names it: the year of retirement (an age is no year)
    assert error == fmt.error_text(catalogue, caught.value)
    assert catalogue.errors.fields["retirement_year"] in error
    assert "2023" in error and "2022" in error


# contribution years ------------------------------------------------------------------------------


def test_pre_account_longer_than_total_is_refused_inline_and_nothing_is_lost(
    journey: PensionJourney, catalogue: Texts
) -> None:
    t, common = catalogue.pension, catalogue.common
    answer(journey, DEZHOU, stop_before="pre_account")
    age = journey.age.value()
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
    assert journey.age.value() == age and journey.level.value() is None
    journey.pre_account.set_total_months(DEZHOU.pre_account)
    journey.next()
    assert key(journey) == "level"
    assert journey.question_screen("pre_account").error.isHidden()


def test_pre_account_help_explains_the_term(journey: PensionJourney, catalogue: Texts) -> None:
    screen = journey.question_screen("pre_account")
    assert screen.help.text() == catalogue.pension.pre_help
    assert "建账前缴费年限" in screen.help.text()


# the level -----------------------------------------------------------------------------------------


def test_seven_levels_each_explained(journey: PensionJourney, rules: RulesData) -> None:
    levels = journey.level.keys()
    assert levels == ["0.6", "0.7", "0.8", "1.0", "1.5", "2.0", "3.0"]
    assert levels == [str(value) for value in rules.pension.index_levels.values]
    for level in levels:
        button = journey.level.button(level)
        assert button.title_label.text() and button.detail_label.text()


# the result ----------------------------------------------------------------------------------------


def test_dezhou_form_at_the_60_percent_tier_matches_the_rules(
    dezhou_journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    journey = dezhou_journey
    common, t = catalogue.common, catalogue.pension
    answer(journey, DEZHOU)
    assert journey.showing_result()
    expected = expected_pension(rules, DEZHOU, balance=D("80614.70"), age_months=720)
    assert journey.result is not None and journey.result.pension == expected
    assert journey.result.extension_months == 0 and journey.result.account_estimate is None
    assert shown(journey, "figure_total") == fmt.money(common, expected.total)
    assert shown(journey, "figure_basic") == fmt.money(common, expected.basic_pension)
    assert shown(journey, "figure_account") == fmt.money(common, expected.personal_account_pension)
    assert shown(journey, "figure_transitional") == fmt.money(common, expected.transitional_pension)
    # the parts of the real form that do not depend on the index
    assert expected.pension_base.amount == D("7678") and not expected.provisional
    assert expected.payment_months == D("139")
    assert expected.personal_account_pension == D("579.96")
    shown_details = details(journey)
    assert shown_details[t.detail_age] == t.detail_age_value.format(age="60岁", month="2024年12月")
    assert shown_details[t.detail_months] == "139"
    assert shown_details[t.detail_kind] == t.kind_statutory
    assert notice(journey, "provisional") is None
    assert notice(journey, "estimate") is None
    eligibility = notice(journey, "eligibility")
    assert eligibility is not None and eligibility.property("tone") == "good"
    assert notice_lines(journey, "eligibility") == [
        t.eligibility_meets.format(total="41年3个月", year=2024, minimum="15年")
    ]


def test_result_steps_and_disclaimer(
    dezhou_journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    journey = dezhou_journey
    answer(journey, DEZHOU)
    assert journey.result is not None
    steps = shown_steps(journey)
    assert len(steps) == len(journey.result.pension.steps) == len(journey.result.all_steps)
    assert steps == [fmt.step_text(catalogue, step) for step in journey.result.all_steps]
    assert shown(journey, "disclaimer") == catalogue.common.disclaimer


def test_a_2027_retirement_is_marked_provisional_on_the_2025_base(
    journey: PensionJourney, catalogue: Texts
) -> None:
    answer(journey, LATER)
    assert journey.result is not None
    assert journey.result_view is not None
    base = journey.result.pension.pension_base
    assert base.requested_year == 2027
    assert journey.result.provisional and base.year == 2025
    assert shown(journey, "notice_provisional_text") == catalogue.common.provisional_badge.format(
        year=2025
    )


def test_paying_until_retirement_is_counted_and_the_balance_carried_forward(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    """41年3个月 and 80,614.70元 so far (2026-11); retiring in 2027-08, 9 more months are paid:
    41年3个月 + 9个月 = 42年, and the balance earns its contributions and interest till then."""
    answer(journey, LATER)
    expected = expected_estimate(rules, LATER, age_months=60 * 12 + 7)
    assert journey.result == expected
    assert expected.extension_months == 9 and expected.contribution_months == 42 * 12
    assert expected.account_estimate is not None
    assert expected.account_balance > D(LATER.balance or 0)
    common, t = catalogue.common, catalogue.pension
    assert shown(journey, "figure_total") == fmt.money(common, expected.pension.total)
    steps = shown_steps(journey)
    assert steps == [fmt.step_text(catalogue, step) for step in expected.all_steps]
    assert steps[0] == fmt.step_text(catalogue, expected.steps[0])  # the months still to pay
    assert steps[0].endswith(common.assumption_badge)
    assert fmt.duration(common, 9) in steps[0] and fmt.duration(common, 42 * 12) in steps[0]
    view(journey).show_section("details")
    assert details(journey)[t.detail_balance] == t.detail_balance_estimated.format(
        amount=fmt.money(common, expected.account_balance)
    )


def test_shortfall_is_said_clearly_and_the_estimate_is_for_when_it_is_made_up(
    journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    t, common = catalogue.pension, catalogue.common
    short = Answers(birth=YearMonth(1967, 1), total=100, pre_account=0, level="1.0")
    answer(journey, short)
    assert journey.result is not None
    month = journey.result.retirement_month
    assert month == YearMonth(2033, 7)
    window = retirement(
        short.birth, Category.MALE, rules.retirement, as_of=TODAY, contribution_months=100
    )
    minimum = window.minimum_contribution_months
    assert minimum == 180 and window.shortfall_months == 80
    assert journey.result == expected_estimate(rules, short, age_months=journey.age.value())
    assert journey.result.contribution_months == minimum  # made up, at retirement
    card = notice(journey, "eligibility")
    assert card is not None and card.property("tone") == "warning"
    lines = notice_lines(journey, "eligibility")
    assert lines[0] == t.eligibility_made_up.format(
        so_far=fmt.duration(common, 100),
        shortfall=fmt.duration(common, 80),
        minimum=fmt.duration(common, minimum),
        month=fmt.year_month(common, month),
        retire=fmt.year_month(common, month),
        total=fmt.duration(common, minimum),
    )
    # 80 months short: more than 5 years, so 一次性缴费 is among the choices (人社部令第13号)
    assert journey.result.options == window.options
    assert ShortfallOption.LUMP_SUM in window.options
    assert lines[1:] == option_lines(catalogue, window.options)
    assert details(journey)[t.detail_kind] == t.kind_extended


@pytest.mark.parametrize(
    ("category", "birth", "kind_key", "months_past"),
    [
        # 原55岁, born 1971-05: statutory 2026-10 (55岁5个月), inside the late window in 2026-11
        (Category.FEMALE_55, YearMonth(1971, 5), "late", 1),
        # born 1964-03: reached 60 in 2024-03, before the reform: no window
        (Category.MALE, YearMonth(1964, 3), "overdue", 32),
    ],
)
def test_past_the_statutory_month_with_the_minimum_met_is_not_short(
    journey: PensionJourney,
    catalogue: Texts,
    category: Category,
    birth: YearMonth,
    kind_key: str,
    months_past: int,
) -> None:
    """30 years paid, the statutory month already past: the pension can start now. Not "还差0个月
    才满最低缴费年限", not "您的缴费年限还不够" (what the screen said once the walk's woman passed
    her statutory month), but the minimum met, and how the month relates to the statutory one."""
    t = catalogue.pension
    answer(
        journey,
        Answers(category=category, birth=birth, total=360, pre_account=0),
        stop_before="age",
    )
    assert journey.retirement_month() == YearMonth.of(TODAY)
    expected_kind = {"late": t.age_late, "overdue": t.age_overdue}[kind_key]
    assert journey.age_kind.text() == expected_kind.format(months=months_past)
    answer(journey, Answers(category=category, birth=birth, total=360, pre_account=0))
    assert journey.result is not None and journey.result.made_up_month is None
    card = notice(journey, "eligibility")
    assert card is not None and card.property("tone") == "good"
    assert notice_lines(journey, "eligibility") == [
        t.eligibility_meets.format(total="30年", year=TODAY.year, minimum="15年")
    ]
    kinds = {"late": t.kind_late, "overdue": t.kind_overdue}
    assert details(journey)[t.detail_kind] == kinds[kind_key]


def test_short_of_years_early_retirement_is_not_offered(
    journey: PensionJourney, catalogue: Texts
) -> None:
    """弹性提前退休 needs the minimum years: someone short of them cannot choose an earlier age."""
    answer(journey, Answers(birth=YearMonth(1967, 1), age_delta=-3, total=120, pre_account=0))
    assert journey.result is not None
    statutory = journey.result.window.statutory_age_months  # type: ignore[union-attr]
    assert journey.age.value() > statutory  # -3 was not allowed below the first month
    assert journey.result.retirement_month == YearMonth(2031, 11)
    texts = result_texts(journey)
    assert catalogue.pension.kind_early not in texts
    assert details(journey)[catalogue.pension.detail_kind] == catalogue.pension.kind_extended


def test_estimate_path_lists_its_assumptions_and_marks_the_balance(
    dezhou_journey: PensionJourney, catalogue: Texts, rules: RulesData
) -> None:
    journey = dezhou_journey
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
    assert journey.result is not None
    assert journey.result.account_estimate == estimate
    assert journey.result.pension == expected_pension(
        rules, a, balance=estimate.balance, age_months=720
    )
    steps = shown_steps(journey)
    assert len(steps) == len(journey.result.pension.steps) + len(estimate.steps)
    estimate_lines = steps[-len(estimate.steps) :]
    assert all(line.endswith(common.assumption_badge) for line in estimate_lines)
    view(journey).show_section("details")
    texts = result_texts(journey)
    assert t.detail_balance_estimated.format(amount=fmt.money(common, estimate.balance)) in texts
    assert t.account_caption_estimated in texts
    assert shown(journey, "notice_estimate_text") == t.estimate_note


# session, back and reset ---------------------------------------------------------------------------


def test_start_from_session_skips_what_the_retirement_journey_asked(
    journey: PensionJourney, session: SessionAnswers, catalogue: Texts
) -> None:
    session.birth, session.category, session.contribution_months = (
        LATER.birth,
        Category.MALE,
        495,
    )
    journey.start_from_session()
    assert key(journey) == "total"
    assert journey.current_screen().progress.text() == catalogue.common.step_number.format(  # type: ignore[union-attr]
        current=1
    )
    assert journey.total.total_months() == 495
    assert not journey.prefilled_row.isHidden()
    assert catalogue.retirement.category_male in journey.prefilled.text()
    assert journey.go_back() is False  # the first question: 返回 leaves the journey
    journey.next()
    assert key(journey) == "age"
    assert journey.age.value() == 60 * 12 + 7
    answer(journey, LATER)
    assert journey.showing_result()
    while journey.go_back():
        pass
    assert key(journey) == "total"


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
    chosen = Answers(birth=LATER.birth, age_delta=5)
    answer(journey, chosen)
    assert journey.showing_result()
    while journey.go_back():
        pass
    assert key(journey) == "category"
    assert journey.category.value() == Category.MALE.value
    assert journey.birth.value() == chosen.birth
    assert journey.age.value() == 60 * 12 + 7 + 5
    assert journey.total.total_months() == chosen.total
    assert journey.pre_account.total_months() == chosen.pre_account
    assert journey.level.value() == chosen.level
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
    assert journey.result is None and journey.result_area is None
    assert journey.presentation is None and journey.result_view is None
    assert journey.category.value() is None and journey.birth.value() is None
    assert journey.total.value() is None and journey.pre_account.value() is None
    assert journey.level.value() is None and journey.balance.value() is None
    assert journey.amount.text() == ""
    assert journey.prefilled_row.isHidden()
    assert all(screen.error.isHidden() for screen in journey.screens)
