"""退休年龄与资格 through the real window: answers by button and by touch, the figures in the official
calculator's words (checked against the rules), errors, back, 首页, 重新开始, 修改回答, 养老金."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget

from kiosk.content import format as fmt
from kiosk.rules import (
    Category,
    InputError,
    RetirementResult,
    ShortfallOption,
    YearMonth,
    retirement,
)
from kiosk.selftest import settle
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.results import DetailList, TextList
from kiosk.ui.widgets.stepper import Stepper

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = date(2026, 11, 29)  # the window fixture's fixed "today"


@pytest.fixture(autouse=True)
def _one_window_at_a_time(qapp):
    """Really delete each test's window afterwards (see tests/e2e/test_window.py)."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# driving the journey -----------------------------------------------------------------------------


def open_journey(window: MainWindow) -> RetirementJourney:
    window.pages[PageId.HOME].tiles["retirement"].click()
    assert window.current_page() == "retirement"
    journey = window.pages["retirement"]
    assert isinstance(journey, RetirementJourney)
    assert question(journey) == "category"
    return journey


def question(journey: RetirementJourney) -> str | None:
    screen = journey.current_screen()
    return screen.question.key if screen is not None else None


def press_next(journey: RetirementJourney) -> None:
    screen = journey.current_screen()
    assert screen is not None
    screen.next_button.click()


def step_to(stepper: Stepper, target: int) -> None:
    """Reach ``target`` by pressing the stepper's own buttons (big steps first); a stepper with
    nothing chosen yet is touched once first (its first touch counts from its start)."""
    if stepper.chosen() is None:
        stepper.buttons[1 if target > stepper.value() else -1].click()
    for _ in range(200):
        gap = target - stepper.value()
        if gap == 0:
            return
        big = max(abs(delta) for delta in stepper.buttons)
        delta = big if abs(gap) >= big else 1
        stepper.buttons[delta if gap > 0 else -delta].click()
    raise AssertionError(f"stepper stuck at {stepper.value()}, wanted {target}")


def choose_birth(journey: RetirementJourney, birth: YearMonth) -> None:
    step_to(journey.birth.year, birth.year)
    journey.birth.month_buttons[birth.month].click()


def answer(
    window: MainWindow,
    category: Category,
    birth: YearMonth,
    contribution_months: int | None,
    *,
    insured: str | None = None,
) -> RetirementJourney:
    """Open the journey and answer every question; ``None`` skips the years question. ``insured``
    answers the 2011-07-01 question, asked only of someone more than 5 years short."""
    journey = open_journey(window)
    journey.category.button(category.value).click()
    press_next(journey)
    assert question(journey) == "birth"
    choose_birth(journey, birth)
    press_next(journey)
    assert question(journey) == "years"
    screen = journey.current_screen()
    assert screen is not None
    if contribution_months is None:
        screen.skip_button.click()
    else:
        step_to(journey.years.years, contribution_months // 12)
        step_to(journey.years.months, contribution_months % 12)
        press_next(journey)
    if insured is not None:
        assert question(journey) == "insured"
        journey.insured.button(insured).click()
        press_next(journey)
    assert journey.showing_result()
    return journey


FIGURES = ("statutory_age", "statutory_month", "delay")  # the official calculator's three


def view(journey: RetirementJourney) -> ResultView:
    assert journey.result_area is not None and journey.result_view is not None
    assert journey.result_area.isAncestorOf(journey.result_view)
    return journey.result_view


def figures(journey: RetirementJourney) -> list[str]:
    shown = view(journey)
    labels = [shown.findChild(QLabel, f"figure_{key}") for key in FIGURES]
    assert all(label is not None and label.isVisible() for label in labels)
    return [label.text() for label in labels]


def eligibility_lines(journey: RetirementJourney) -> list[str]:
    """The 能否按月领取 notice: its text, then one line per thing the person can do."""
    card = view(journey).findChild(QWidget, "notice_eligibility")
    assert card is not None and card.isVisible()
    text = card.findChild(QLabel, "notice_eligibility_text")
    assert text is not None
    lines = [label.text() for label in card.findChildren(QLabel)]
    assert lines[0] == text.text()
    return lines


def option_lines(texts, options: tuple[ShortfallOption, ...]) -> list[str]:
    wording = {
        ShortfallOption.EXTEND: texts.retirement.option_extend,
        ShortfallOption.LUMP_SUM: texts.retirement.option_lump_sum,
        ShortfallOption.TRANSFER: texts.retirement.option_transfer,
        ShortfallOption.TERMINATE: texts.retirement.option_terminate,
    }
    return [f"· {wording[option]}" for option in options]


def short_notice(texts, result: RetirementResult) -> str:
    """The notice for someone short of the minimum years, worded from the rule's result."""
    t, common = texts.retirement, texts.common
    assert result.contribution_months is not None and result.shortfall_months
    assert result.earliest_pension_month is not None
    assert result.earliest_pension_age_months is not None
    return (
        t.eligibility_short.format(
            total=fmt.duration(common, result.contribution_months),
            shortfall=fmt.duration(common, result.shortfall_months),
            minimum=fmt.duration(common, result.minimum_contribution_months),
        )
        + t.eligibility_short_pension.format(
            as_of=fmt.year_month(common, result.as_of_month),
            month=fmt.year_month(common, result.earliest_pension_month),
            age=fmt.age(common, result.earliest_pension_age_months),
        )
        + t.eligibility_you_can
    )


def details(journey: RetirementJourney) -> dict[str, str]:
    """详细情况 as shown: caption -> value."""
    section = view(journey).findChild(DetailList, "details")
    assert section is not None and section.isVisible()
    shown = [label.text() for label in section.findChildren(QLabel)][1:]  # after the title
    return dict(zip(shown[::2], shown[1::2], strict=True))


def result_button(journey: RetirementJourney, name: str) -> QPushButton:
    assert journey.result_area is not None
    widget = journey.result_area.findChild(QPushButton, name)
    assert widget is not None, name
    return widget


def rule_result(
    window_rules, category: Category, birth: YearMonth, months: int | None
) -> RetirementResult:
    return retirement(birth, category, window_rules, as_of=TODAY, contribution_months=months)


def expected_figures(texts, result: RetirementResult) -> list[str]:
    """The three figures as the page should word them, from the rule's own result."""
    return [
        fmt.age(texts.common, result.statutory_age_months),
        fmt.year_month(texts.common, result.statutory_retirement_month),
        texts.retirement.delay_value.format(months=result.delay_months),
    ]


def assert_cleared(journey: RetirementJourney) -> None:
    assert journey.category.value() is None
    assert not any(journey.category.button(c.value).isChecked() for c in Category)
    assert journey.birth.value() is None
    assert not any(widget.isChecked() for widget in journey.birth.month_buttons.values())
    assert journey.years.value() is None  # no preset number of years
    assert journey.insured.value() is None
    assert journey.result is None and journey.presentation is None
    assert not journey.showing_result()
    assert question(journey) == "category"


# the official calculator's answers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "birth", "months", "shown"),
    [
        (Category.MALE, YearMonth(1965, 7), 14 * 12 + 2, ["60岁2个月", "2025年9月", "2个月"]),
        (Category.FEMALE_50, YearMonth(1984, 11), 25 * 12, ["55岁", "2039年11月", "60个月"]),
        (Category.MALE, YearMonth(1964, 12), None, ["60岁", "2024年12月", "0个月"]),
        (Category.FEMALE_55, YearMonth(1981, 9), 20 * 12, ["58岁", "2039年9月", "36个月"]),
    ],
    ids=["male-1965-07", "female50-1984-11", "male-1964-12", "female55-1981-09"],
)
def test_big_figures_in_the_official_words(
    window: MainWindow,
    bundle,
    texts,
    category: Category,
    birth: YearMonth,
    months: int | None,
    shown: list[str],
) -> None:
    journey = answer(window, category, birth, months)
    result = rule_result(bundle.rules.retirement, category, birth, months)
    assert figures(journey) == shown
    assert figures(journey) == expected_figures(texts, result)
    assert journey.result == result
    assert journey.presentation is not None
    assert [line.value for line in journey.presentation.figures] == shown
    # 计算过程 behind its button: the rule's steps, worded from the catalogue
    steps = view(journey).findChild(TextList, "steps")
    assert steps is not None and not steps.isVisible()
    result_button(journey, "section_steps").click()
    assert steps.isVisible() and view(journey).current_section() == "steps"
    assert steps.lines == [fmt.step_text(texts, step) for step in result.steps]
    assert len(steps.lines) == len(result.steps)
    basis = view(journey).findChild(TextList, "basis")
    assert basis is not None and not basis.isVisible()
    result_button(journey, "section_basis").click()
    assert basis.isVisible() and not steps.isVisible()
    assert basis.lines == list(dict.fromkeys(b.title for b in result.legal_basis))


def test_short_of_the_minimum_years(window: MainWindow, bundle, texts) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 14 * 12 + 2)
    result = rule_result(bundle.rules.retirement, Category.MALE, YearMonth(1965, 7), 170)
    assert (result.meets_minimum, result.shortfall_months) == (False, 10)
    t = texts.retirement
    lines = eligibility_lines(journey)
    short = t.eligibility_short.format(total="14年2个月", shortfall="10个月", minimum="15年")
    assert "还差10个月" in short
    assert lines[0].startswith(short)
    assert lines[0] == short_notice(texts, result)
    # paying every month from 2026-11, the 10 months are made up by 2027-09 (62岁2个月)
    assert (result.earliest_pension_month, result.earliest_pension_age_months) == (
        YearMonth(2027, 9),
        62 * 12 + 2,
    )
    assert lines[1:] == option_lines(texts, result.options)
    # 人社部令第13号: 10 months short, so no 一次性缴费 (only for more than 5 years short)
    assert result.options == (
        ShortfallOption.EXTEND,
        ShortfallOption.TRANSFER,
        ShortfallOption.TERMINATE,
    )
    assert f"· {t.option_lump_sum}" not in lines
    card = view(journey).findChild(QWidget, "notice_eligibility")
    assert card.property("tone") == "warning"


@pytest.mark.parametrize(
    ("months", "insured", "first_insured", "lump_sum"),
    [
        (9 * 12, "before", True, True),
        (9 * 12, "unsure", None, True),  # both cases listed
        (9 * 12, "after", False, False),
        (10 * 12 - 1, "before", True, True),
        (10 * 12, None, None, False),  # 60 months short: not asked
    ],
    ids=["72-short-before", "72-short-unsure", "72-short-after", "61-short-before", "60-short"],
)
def test_the_lump_sum_only_when_more_than_five_years_short(
    window: MainWindow,
    bundle,
    texts,
    months: int,
    insured: str | None,
    first_insured: bool | None,
    lump_sum: bool,
) -> None:
    """人社部令第13号: the lump sum is for people insured before 2011-07-01 who are still short
    after 5 years of extension; the kiosk asks about 2011 only when that can matter."""
    journey = answer(window, Category.MALE, YearMonth(1965, 7), months, insured=insured)
    result = retirement(
        YearMonth(1965, 7),
        Category.MALE,
        bundle.rules.retirement,
        as_of=TODAY,
        contribution_months=months,
        first_insured_before_2011_07=first_insured,
    )
    assert journey.result == result
    assert (ShortfallOption.LUMP_SUM in result.options) is lump_sum
    lines = eligibility_lines(journey)
    assert lines[0] == short_notice(texts, result)
    assert lines[1:] == option_lines(texts, result.options)
    assert (f"· {texts.retirement.option_lump_sum}" in lines) is lump_sum
    assert len(lines[1:]) == (4 if lump_sum else 3)


def test_the_2011_question_needs_an_answer_and_keeps_it(window: MainWindow, bundle, texts) -> None:
    journey = open_journey(window)
    journey.category.button("male").click()
    press_next(journey)
    choose_birth(journey, YearMonth(1965, 7))
    press_next(journey)
    step_to(journey.years.years, 9)
    press_next(journey)
    assert question(journey) == "insured"
    screen = journey.current_screen()
    assert screen is not None
    assert screen.progress.text() == texts.common.step_number.format(current=4)
    press_next(journey)
    assert question(journey) == "insured"
    assert screen.error.text() == texts.retirement.insured_missing
    journey.insured.button("after").click()
    press_next(journey)
    assert journey.showing_result()
    window.header.back_button.click()
    assert question(journey) == "insured"
    assert journey.insured.value() == "after"
    window.header.back_button.click()
    assert question(journey) == "years"
    step_to(journey.years.years, 10)  # 60 months short: 2011 no longer matters
    press_next(journey)
    assert journey.showing_result()
    result = rule_result(bundle.rules.retirement, Category.MALE, YearMonth(1965, 7), 10 * 12)
    assert journey.result == result


def test_meets_the_minimum_years(window: MainWindow, texts) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 30 * 12)
    meets = texts.retirement.eligibility_meets.format(total="30年", minimum="15年")
    assert eligibility_lines(journey) == [meets]  # and nothing to do about it
    card = view(journey).findChild(QWidget, "notice_eligibility")
    assert card.property("tone") == "good"


def test_skipping_the_years_question(window: MainWindow, bundle, texts) -> None:
    journey = answer(window, Category.FEMALE_50, YearMonth(1984, 11), None)
    result = rule_result(bundle.rules.retirement, Category.FEMALE_50, YearMonth(1984, 11), None)
    minimum = fmt.duration(texts.common, result.minimum_contribution_months)
    unknown = texts.retirement.eligibility_unknown.format(minimum=minimum)
    assert "没有填写缴费年限" in unknown
    assert eligibility_lines(journey) == [unknown]
    assert journey.result is not None and journey.result.contribution_months is None


def test_reached_retirement_says_so(window: MainWindow, texts) -> None:
    journey = answer(window, Category.MALE, YearMonth(1964, 12), None)
    t = texts.retirement
    reached = t.time_reached.format(month="2024年12月")
    assert details(journey)[t.time_left] == reached
    assert journey.presentation is not None
    assert journey.presentation.headline == t.headline_reached.format(
        age="60岁", month="2024年12月"
    )
    assert view(journey).findChild(QLabel, "headline").text() == journey.presentation.headline


def test_a_statutory_month_before_the_reform_has_no_flexible_window(
    window: MainWindow, bundle, texts
) -> None:
    """2024-12 is before the reform took effect (2025-01): no 弹性 window, a note saying so."""
    journey = answer(window, Category.MALE, YearMonth(1964, 12), None)
    result = rule_result(bundle.rules.retirement, Category.MALE, YearMonth(1964, 12), None)
    assert not result.reform_applies
    assert result.earliest_flexible_retirement_month is None
    assert result.latest_flexible_retirement_month is None
    t = texts.retirement
    shown = view(journey)
    assert shown.findChild(QWidget, "notice_flexible") is None
    note = shown.findChild(QLabel, "notice_pre_reform_text")
    assert note is not None and note.isVisible()
    assert note.text() == t.pre_reform_note.format(month="2024年12月")
    assert t.flexible_early not in details(journey)
    assert t.flexible_late not in details(journey)


def test_a_statutory_month_after_the_reform_shows_the_flexible_window(
    window: MainWindow, bundle, texts
) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    result = rule_result(bundle.rules.retirement, Category.MALE, YearMonth(1965, 7), 170)
    assert result.reform_applies
    t, common = texts.retirement, texts.common
    shown = view(journey)
    assert shown.findChild(QWidget, "notice_pre_reform") is None
    assert shown.findChild(QLabel, "notice_flexible_text").text() == t.flexible_note
    assert result.earliest_flexible_age_months is not None
    assert result.earliest_flexible_retirement_month is not None
    earliest = t.flexible_value.format(
        age=fmt.age(common, result.earliest_flexible_age_months),
        month=fmt.year_month(common, result.earliest_flexible_retirement_month),
    )
    # 60岁 in 2025-07: already past on 2026-11-29
    assert details(journey)[t.flexible_early] == t.past_suffix.format(value=earliest)
    assert t.flexible_late in details(journey)


# inline errors -----------------------------------------------------------------------------------


QUOTED_FIELD_FIRST = re.compile(r"^[“\"][^”\"]+[”\"]")


def test_missing_category_says_what_to_do(window: MainWindow, texts) -> None:
    """In plain words, not “人员类型” quoted; gone as soon as a category is touched (it stayed,
    half hidden behind 下一步)."""
    journey = open_journey(window)
    press_next(journey)
    screen = journey.current_screen()
    assert screen is not None and question(journey) == "category"
    assert screen.error.isVisible()
    assert screen.error.text() == texts.retirement.category_missing
    assert not QUOTED_FIELD_FIRST.match(screen.error.text())
    journey.category.button("male").click()
    assert not screen.error.isVisible()  # the answer changed: the message goes at once
    press_next(journey)
    assert question(journey) == "birth"


def test_missing_birth_year_and_month_say_what_to_do(window: MainWindow, texts) -> None:
    journey = open_journey(window)
    journey.category.button("female-55").click()
    press_next(journey)
    press_next(journey)  # no year touched: there is none preset
    screen = journey.current_screen()
    assert screen is not None and question(journey) == "birth"
    assert screen.error.text() == texts.retirement.birth_missing_year
    step_to(journey.birth.year, 1975)  # a year, but no month touched
    assert not screen.error.isVisible()
    press_next(journey)
    assert screen.error.isVisible()
    assert screen.error.text() == texts.retirement.birth_missing_month
    journey.birth.month_buttons[3].click()
    assert not screen.error.isVisible()
    press_next(journey)
    assert question(journey) == "years"


def test_the_years_must_be_chosen_or_skipped(window: MainWindow, texts) -> None:
    """下一步 on the years question with nothing chosen no longer answers "15 years: you
    qualify" for her: it asks, and 跳过 stays the way round it."""
    journey = open_journey(window)
    journey.category.button("female-50").click()
    press_next(journey)
    choose_birth(journey, YearMonth(1975, 3))
    press_next(journey)
    press_next(journey)
    screen = journey.current_screen()
    assert screen is not None and question(journey) == "years"
    assert screen.error.text() == texts.retirement.years_missing
    assert not journey.showing_result()
    screen.skip_button.click()
    assert journey.showing_result()
    assert journey.result is not None and journey.result.contribution_months is None


def test_more_years_than_possible_are_refused_on_the_years_question(
    window: MainWindow, bundle, texts
) -> None:
    """Born 1965-07: from the 16th birthday (1981-07) to 2026-11 is 45年5个月 at most."""
    journey = open_journey(window)
    journey.category.button("male").click()
    press_next(journey)
    choose_birth(journey, YearMonth(1965, 7))
    press_next(journey)
    step_to(journey.years.years, 46)
    press_next(journey)
    screen = journey.current_screen()
    assert screen is not None and question(journey) == "years"
    assert screen.error.isVisible()
    with pytest.raises(InputError) as caught:
        rule_result(bundle.rules.retirement, Category.MALE, YearMonth(1965, 7), 46 * 12)
    assert caught.value.field == "contribution_months"
    expected = fmt.error_text(texts, caught.value)
    assert screen.error.text() == expected
    assert texts.errors.fields["contribution_months"] in expected
    assert fmt.duration(texts.common, 45 * 12 + 5) in expected
    assert journey.years.total_months() == 46 * 12  # kept, to be made smaller
    step_to(journey.years.years, 45)
    press_next(journey)
    assert journey.showing_result()
    assert not screen.error.isVisible()


# back, 首页, 重新开始, 修改回答 --------------------------------------------------------------------


def test_back_from_the_result_keeps_the_years(window: MainWindow) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    shown = figures(journey)
    window.header.back_button.click()
    assert window.current_page() == "retirement"
    assert question(journey) == "years"
    assert journey.years.total_months() == 170
    assert journey.birth.value() == YearMonth(1965, 7)
    press_next(journey)
    assert figures(journey) == shown


def test_back_step_by_step_then_home(window: MainWindow) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    window.header.back_button.click()
    window.header.back_button.click()
    assert question(journey) == "birth"
    window.header.back_button.click()
    assert question(journey) == "category"
    assert journey.category.value() == "male"


def test_back_from_the_first_question_goes_home(window: MainWindow) -> None:
    open_journey(window)
    window.header.back_button.click()
    assert window.current_page() == PageId.HOME
    assert not window.header.back_button.isVisible()


def test_header_home_clears_every_answer(window: MainWindow) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    window.header.home_button.click()
    assert window.current_page() == PageId.HOME
    assert_cleared(journey)
    assert open_journey(window) is journey
    assert_cleared(journey)


def test_header_home_mid_journey_clears_too(window: MainWindow) -> None:
    journey = open_journey(window)
    journey.category.button("female-50").click()
    press_next(journey)
    choose_birth(journey, YearMonth(1980, 2))
    window.header.home_button.click()
    assert_cleared(journey)


def test_result_home_button_clears(window: MainWindow) -> None:
    journey = answer(window, Category.FEMALE_55, YearMonth(1981, 9), 240)
    result_button(journey, "result_home").click()
    assert window.current_page() == PageId.HOME
    assert_cleared(journey)


def test_start_over_on_the_result_clears(window: MainWindow) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    result_button(journey, "start_over").click()
    assert window.current_page() == "retirement"
    assert_cleared(journey)


def test_change_answer_keeps_the_answers(window: MainWindow) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    result_button(journey, "change_answer").click()
    assert window.current_page() == "retirement"
    assert question(journey) == "category"
    assert journey.category.value() == "male"
    assert journey.birth.value() == YearMonth(1965, 7)
    assert journey.years.total_months() == 170


def test_change_answer_then_a_new_result(window: MainWindow, bundle, texts) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    result_button(journey, "change_answer").click()
    journey.category.button("female-55").click()
    press_next(journey)
    press_next(journey)  # the birth month is kept
    press_next(journey)  # so are the years
    result = rule_result(bundle.rules.retirement, Category.FEMALE_55, YearMonth(1965, 7), 170)
    assert figures(journey) == expected_figures(texts, result)


def test_to_pension_opens_the_pension_page(window: MainWindow) -> None:
    journey = answer(window, Category.MALE, YearMonth(1965, 7), 170)
    result_button(journey, "to_pension").click()
    assert window.current_page() == "pension"
    assert window.header.home_button.isVisible()


# touch -------------------------------------------------------------------------------------------


def touch_tap(widget: QWidget) -> None:
    """A finger down and up on ``widget``, in the middle of the part of it that is on the screen.

    PySide6 6.12's ``QTest.touchEvent(widget, device)`` returns the base QTouchEventSequence whose
    points are in *window* coordinates. The offscreen screen is 800x800 and the window 1366 wide,
    so a button on the right is touched at the middle of its on-screen part.
    """
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    window = widget.window()
    on_screen = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size()).intersected(
        window.screen().geometry()
    )
    assert not on_screen.isEmpty(), f"{widget.objectName()} is off the test screen"
    point = window.mapFromGlobal(on_screen.center())
    assert window.childAt(point) is widget or widget.isAncestorOf(window.childAt(point))
    device = QTest.createTouchDevice()
    QTest.touchEvent(window, device).press(0, point).commit()
    QTest.touchEvent(window, device).release(0, point).commit()


def touch_choice(journey: RetirementJourney, key: str) -> None:
    """Touch a category, turning the choices' pages by touch first when it is on another."""
    group = journey.category.options
    for _ in range(len(group.pages)):
        if group.page == group.page_of(key):
            break
        pager = group.pager
        touch_tap(pager.next_button if group.page < group.page_of(key) else pager.previous_button)
    assert group.page == group.page_of(key), (group.page, group.page_of(key), len(group.pages))
    touch_tap(group.button(key))


def touch_next(journey: RetirementJourney) -> None:
    screen = journey.current_screen()
    assert screen is not None
    touch_tap(screen.next_button)


def test_a_journey_by_touch(window: MainWindow, bundle, texts) -> None:
    window.resize(700, 790)  # the offscreen screen is 800x800: a portrait window fits on it
    settle()
    touch_tap(window.pages[PageId.HOME].tiles["retirement"])
    journey = window.pages["retirement"]
    assert isinstance(journey, RetirementJourney)
    assert window.current_page() == "retirement"
    touch_choice(journey, "male")
    assert journey.category.value() == "male"
    touch_choice(journey, "female-55")  # changing one's mind (on the next page, if paged)
    touch_choice(journey, "male")
    assert journey.category.value() == "male"
    touch_next(journey)
    assert question(journey) == "birth"
    touch_tap(journey.birth.year.buttons[-1])  # no year preset: the first − shows 1965
    touch_tap(journey.birth.month_buttons[2])
    touch_tap(journey.birth.month_buttons[7])
    assert journey.birth.value() == YearMonth(1965, 7)
    assert [m for m, b in journey.birth.month_buttons.items() if b.isChecked()] == [7]
    touch_next(journey)
    assert question(journey) == "years"
    for _ in range(3):  # nothing preset: 5, 10, 15 years
        touch_tap(journey.years.years.buttons[5])
    touch_tap(journey.years.years.buttons[-1])  # 15 -> 14 years
    touch_next(journey)
    assert journey.showing_result()
    result = rule_result(bundle.rules.retirement, Category.MALE, YearMonth(1965, 7), 14 * 12)
    assert figures(journey) == ["60岁2个月", "2025年9月", "2个月"]
    assert figures(journey) == expected_figures(texts, result)
    short = texts.retirement.eligibility_short.format(total="14年", shortfall="1年", minimum="15年")
    assert eligibility_lines(journey)[0].startswith(short)
    assert eligibility_lines(journey)[0] == short_notice(texts, result)
    touch_tap(result_button(journey, "start_over"))
    assert_cleared(journey)
