"""No screen ends in an error (issue 13): someone whose pension can only start past the 计发月数
table's oldest age (70) is told why in plain words, when the pension can start and what they can
do, sent to the hall's window from the settings, and can take the answers away or go back and
change them. Through the real window, from the retirement result and from the home tile."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import Category, RulesData, YearMonth
from kiosk.rules.estimate import retirement_choices
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.journey import Journey
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.print_actions import TakeAway

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = date(2026, 12, 7)
WINDOW = 7  # the settings' service_window
SHORT_BIRTH = YearMonth(1950, 3)  # 原50岁: 10 years short, made up in 2036-12 at 86岁9个月
OVER_BIRTH = YearMonth(1954, 6)  # a man of 72 with 20 years


@pytest.fixture
def hall_window(qtbot, bundle) -> Iterator[MainWindow]:
    """The real window on 2026-12-07, its take-away service sending people to window 7."""
    from kiosk.app import build_main_window

    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    take_away = TakeAway(texts=bundle.texts, font_family=bundle.font_family, service_window=WINDOW)
    window = build_main_window(bundle, today=lambda: TODAY, take_away=take_away)
    qtbot.add_widget(window)
    window.resize(1080, 1920)
    window.show()
    qtbot.wait_exposed(window)
    yield window


def press_next(journey: Journey) -> None:
    screen = journey.current_screen()
    assert screen is not None
    screen.next_button.click()
    shown = journey.current_screen()
    assert shown is None or shown.error.isHidden(), shown.error.text()  # never an error


def answer_retirement(
    window: MainWindow, birth: YearMonth, category: Category, months: int, insured: str
) -> RetirementJourney:
    window.show_page("retirement")
    journey = window.pages["retirement"]
    assert isinstance(journey, RetirementJourney)
    journey.category.button(category.value).click()
    press_next(journey)
    journey.birth.year.set_value(birth.year)
    journey.birth.month_buttons[birth.month].click()
    press_next(journey)
    journey.years.set_total_months(months)
    press_next(journey)
    if journey.current_screen() is not None:
        journey.insured.button(insured).click()
        press_next(journey)
    assert journey.showing_result()
    return journey


def on_to_pension(window: MainWindow, journey: RetirementJourney) -> PensionJourney:
    assert journey.result_view is not None
    button = journey.result_view.findChild(QPushButton, "to_pension")
    assert button is not None
    button.click()
    pension = window.pages["pension"]
    assert isinstance(pension, PensionJourney)
    return pension


def shown_texts(journey: Journey) -> list[str]:
    assert journey.result_view is not None
    return [w.text() for w in journey.result_view.findChildren(QLabel) if w.isVisibleTo(journey)]


def test_short_of_years_past_the_table_from_the_retirement_result(
    hall_window: MainWindow, texts: Texts, rules: RulesData
) -> None:
    retirement = answer_retirement(hall_window, SHORT_BIRTH, Category.FEMALE_50, 60, "before")
    pension = on_to_pension(hall_window, retirement)
    screen = pension.current_screen()
    assert screen is not None and screen.question.key == "total"  # carried over: confirm them
    assert screen.next_button.text() == texts.common.show_result  # nothing more to ask
    press_next(pension)
    assert pension.showing_result() and pension.result is None
    p = pension.presentation
    assert p is not None
    assert [line.value for line in p.figures] == ["2036年12月", "86岁9个月", "10年"]
    assert "86岁9个月" in p.headline and "2036年12月" in p.headline
    notices = {notice.key: notice for notice in p.notices}
    assert "70岁" in notices["no_estimate"].text
    assert notices["counter"].text.startswith(f"请到{WINDOW}号窗口咨询")
    options = notices["eligibility"].items
    assert texts.retirement.option_lump_sum in options  # insured before 2011-07
    assert texts.retirement.option_transfer in options
    on_screen = shown_texts(pension)
    assert p.headline in on_screen and notices["counter"].text in on_screen
    frame = pension.result_area
    assert frame is not None
    for name in ("show_qr", "change_answer", "start_over", "result_home"):
        found = frame.findChild(QPushButton, name)
        assert found is not None and found.isVisibleTo(hall_window), name
    assert pension.result_view is not None
    assert pension.result_view.findChild(QPushButton, "to_compare") is None
    frame.findChild(QPushButton, "change_answer").click()  # 返回修改: the years again
    back = pension.current_screen()
    assert back is not None and back.question.key == "total" and back.error.isHidden()


def test_the_lump_sum_is_not_offered_to_someone_insured_after_2011(
    hall_window: MainWindow, texts: Texts
) -> None:
    retirement = answer_retirement(hall_window, SHORT_BIRTH, Category.FEMALE_50, 60, "after")
    pension = on_to_pension(hall_window, retirement)
    press_next(pension)
    assert pension.presentation is not None
    notices = {notice.key: notice for notice in pension.presentation.notices}
    assert texts.retirement.option_lump_sum not in notices["eligibility"].items
    assert texts.retirement.option_transfer in notices["eligibility"].items


def test_over_the_table_from_the_home_tile(
    hall_window: MainWindow, texts: Texts, rules: RulesData
) -> None:
    hall_window.show_page("pension")
    pension = hall_window.pages["pension"]
    assert isinstance(pension, PensionJourney)
    pension.category.button(Category.MALE.value).click()
    press_next(pension)
    pension.birth.year.set_value(OVER_BIRTH.year)
    pension.birth.month_buttons[OVER_BIRTH.month].click()
    press_next(pension)
    pension.total.set_total_months(20 * 12)
    press_next(pension)
    assert pension.showing_result()
    p = pension.presentation
    assert p is not None
    choices = retirement_choices(
        rules, birth=OVER_BIRTH, category=Category.MALE, contribution_months=240, as_of=TODAY
    )
    assert [line.value for line in p.figures] == [fmt.age(texts.common, choices.first_age_months)]
    assert p.headline == texts.pension.no_estimate_headline_over.format(age="72岁6个月")
    assert any(n.text.startswith(f"请到{WINDOW}号窗口咨询") for n in p.notices)
    assert {line.key for line in p.answers} == {"category", "birth", "total_years"}
    sheet = pension.sheet(datetime(2026, 12, 7, 10, 0))
    assert sheet is not None  # the answers so far can be taken away


def test_one_month_to_choose_reads_as_that_month(hall_window: MainWindow, texts: Texts) -> None:
    """原50岁, born 1965-03, 13 years: the pension can start in 2028-12 only (63岁9个月)."""
    retirement = answer_retirement(hall_window, YearMonth(1965, 3), Category.FEMALE_50, 156, "")
    pension = on_to_pension(hall_window, retirement)
    press_next(pension)
    assert pension.current_screen() is pension.question_screen("age")
    assert pension.age_window.text() == texts.pension.age_window_one.format(
        statutory="50岁", earliest="63岁9个月", earliest_month="2028年12月"
    )
    assert "至" not in pension.age_window.text()


def test_short_of_years_past_the_table_from_the_home_tile(
    hall_window: MainWindow, texts: Texts
) -> None:
    """The same woman from the 养老金测算 tile: not asked about 2011-07-01 there, so the lump sum
    is listed with its condition; no age, level or balance is asked."""
    hall_window.show_page("pension")
    pension = hall_window.pages["pension"]
    assert isinstance(pension, PensionJourney)
    pension.category.button(Category.FEMALE_50.value).click()
    press_next(pension)
    pension.birth.year.set_value(SHORT_BIRTH.year)
    pension.birth.month_buttons[SHORT_BIRTH.month].click()
    press_next(pension)
    pension.total.set_total_months(60)
    screen = pension.current_screen()
    assert screen is not None and screen.next_button.text() == texts.common.show_result
    press_next(pension)
    p = pension.presentation
    assert p is not None and pension.showing_result()
    assert [line.value for line in p.figures] == ["2036年12月", "86岁9个月", "10年"]
    notices = {notice.key: notice for notice in p.notices}
    assert texts.retirement.option_lump_sum in notices["eligibility"].items
    pension.go_back()  # 返回 from the result: the years again, nothing skipped wrongly
    back = pension.current_screen()
    assert back is not None and back.question.key == "total"
