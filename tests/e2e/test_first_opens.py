"""What keeps first opens and result switches within a frame, proved without a clock (issue 16;
the times are in tests/bench/performance.md): the FAQ's first open builds only the categories and
the other screens follow after its paint; a journey's first open adds only its first question's
screen to the page; a journey keeps one take-away row for all its results;
比较不同退休时间 is worked out while the estimate is read, from the same answers only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.app import build_main_window
from kiosk.rules import Category, YearMonth
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.faq_answer import FaqAnswerScreen
from kiosk.ui.pages.faq_browse import FaqListScreen
from kiosk.ui.pages.faq_search import FaqSearchScreen
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.print_actions import SheetActions
from kiosk.ui.widgets.touch_keyboard import TouchKeyboard
from tests.conftest import free_window
from tests.ui.test_comparison import estimate

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

TODAY = date(2026, 12, 7)
LATER_SCREENS = (FaqListScreen, FaqAnswerScreen, FaqSearchScreen, TouchKeyboard)


@pytest.fixture
def big_window(qtbot, bundle):  # type: ignore[no-untyped-def]
    window = build_main_window(bundle, today=lambda: TODAY)
    window.resize(1920, 1080)
    window.show()
    qtbot.wait_exposed(window)
    yield window
    free_window(window)


def faq_of(window) -> FaqPage:  # type: ignore[no-untyped-def]
    page = window.page(PageId.FAQ)
    assert isinstance(page, FaqPage)
    return page


def test_the_faq_first_open_builds_only_the_categories(qtbot, big_window) -> None:  # type: ignore[no-untyped-def]
    big_window.show_page(PageId.FAQ)
    page = faq_of(big_window)
    assert page.built_screens() == [page.categories]
    for kind in LATER_SCREENS:  # no list, answer, search or keyboard made for the first screen
        assert page.findChildren(kind) == [], kind.__name__
    # after the categories are painted, the others are built, one per turn of the event loop
    qtbot.waitUntil(lambda: len(page.built_screens()) == 4, timeout=5000)
    assert set(map(type, page.built_screens())) == {type(page.categories), *LATER_SCREENS[:3]}
    assert page.current() is page.categories


def test_a_screen_wanted_before_it_is_built_is_built_at_once(big_window) -> None:  # type: ignore[no-untyped-def]
    big_window.show_page(PageId.FAQ)
    page = faq_of(big_window)
    assert page.built_screens() == [page.categories]  # no event loop has run: nothing more
    next(iter(page.categories.tiles.values())).click()
    assert page.current() is page.questions and page.questions.question_buttons()
    page.questions.question_buttons()[0].click()
    assert page.current() is page.answer and page.answer.paragraphs()
    big_window.go_home()  # a reset clears the screens built (and builds none)
    assert page.answer.paragraphs() == [] and page.questions.question_buttons() == []
    assert page.findChildren(FaqSearchScreen) == []


def test_a_journey_first_open_adds_only_its_first_question(qtbot, big_window) -> None:  # type: ignore[no-untyped-def]
    big_window.show_page("pension")
    page = big_window.page("pension")
    assert isinstance(page, PensionJourney)
    assert page.stack.count() == 1 and page.stack.currentWidget() is page.screens[0]
    # after its paint the other questions join the page, then the result's frame
    qtbot.waitUntil(lambda: page.stack.count() == len(page.screens) + 1, timeout=5000)
    assert page.stack.currentWidget() is page.screens[0]


def test_one_take_away_row_serves_every_result(big_window) -> None:  # type: ignore[no-untyped-def]
    page = estimate(big_window, YearMonth(1970, 6), Category.MALE, 264)
    rows = page.findChildren(SheetActions)
    assert len(rows) == 1
    row = rows[0]
    qr = row.show_qr()
    assert qr is not None and row.qr_view is qr
    page.findChild(QPushButton, "to_compare").click()  # another result: the same row, cleared
    assert page.findChildren(SheetActions) == [row]
    assert row.qr_view is None and qr.parent() is None  # the last result's QR view let go
    assert row.notice.isHidden()
    page.go_back()  # the estimate again
    big_window.go_home()
    estimate(big_window, YearMonth(1966, 1), Category.MALE, 300)
    assert page.findChildren(SheetActions) == [row]


def test_the_comparison_is_worked_out_ahead_from_the_same_answers_only(
    qtbot, big_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import kiosk.ui.pages.pension as pension_module

    worked_out = []
    real = pension_module.compare_retirement

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        worked_out.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(pension_module, "compare_retirement", counted)
    page = estimate(big_window, YearMonth(1970, 6), Category.MALE, 264)
    assert isinstance(page, PensionJourney)
    qtbot.waitUntil(lambda: len(worked_out) == 1, timeout=5000)  # while the estimate is read
    page.findChild(QPushButton, "to_compare").click()
    assert len(worked_out) == 1  # shown, not worked out again
    assert worked_out[0]["birth"] == YearMonth(1970, 6)
    assert page.result_view is not None and page.result_view.chart is not None
    page.go_back()
    page.go_to("level")  # another answer: the one worked out ahead is not for it
    page.level.button("0.6").click()
    page.next()
    page.next()
    assert page.showing_result()
    page.findChild(QPushButton, "to_compare").click()
    assert len(worked_out) >= 2 and worked_out[-1]["average_index"] == Decimal("0.6")
    assert page.result_view is not None and page.result_view.chart is not None
    big_window.go_home()  # nothing of the visit kept
    assert page._ahead is None
