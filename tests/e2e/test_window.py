"""The real main window: home tiles, header and footer, text-size presets, a touch on a tile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.theme import Preset, metrics_for, stylesheet

# Showing a top-level window on the offscreen platform logs this harmless warning (pytest-qt's
# ``qt_log_ignore`` in pyproject would be the place for it, for every e2e module at once).
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

JOURNEYS = ["retirement", "contribution", "pension"]


@pytest.fixture(autouse=True)
def _one_window_at_a_time(qapp):
    """Really delete each test's window afterwards: pytest-qt closes it and calls deleteLater,
    but with no event loop to run the deferred delete every window of the session stays alive."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def touch_tap(widget: QWidget) -> None:
    """A finger down and up in the middle of ``widget`` (scrolled into view first).

    PySide6 6.12's ``QTest.touchEvent(widget, device)`` returns the base QTouchEventSequence,
    whose points are in *window* coordinates, so the point is mapped to the window here. The
    offscreen platform's screen is 800x800: a point off that screen reaches no widget.
    """
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    on_screen = window.screen().geometry().contains(widget.mapToGlobal(widget.rect().center()))
    assert on_screen, f"{widget.objectName()} is off the test screen at {point}"
    device = QTest.createTouchDevice()
    QTest.touchEvent(window, device).press(0, point).commit()
    QTest.touchEvent(window, device).release(0, point).commit()


def tile(window: MainWindow, page: PageId) -> QWidget:
    return window.pages[PageId.HOME].tiles[page]


# start-up ----------------------------------------------------------------------------------------


def test_starts_on_home_with_three_tiles(window: MainWindow, texts) -> None:
    assert window.current_page() == PageId.HOME
    tiles = window.pages[PageId.HOME].tiles
    assert list(tiles) == JOURNEYS
    assert all(widget.isVisible() for widget in tiles.values())
    assert [widget.text() for widget in tiles.values()] == [
        texts.home.retirement_title,
        texts.home.contribution_title,
        texts.home.pension_title,
    ]


@pytest.mark.parametrize("preset", [Preset.STANDARD, Preset.LARGE])
def test_home_tiles_fit_the_window(qtbot, window: MainWindow, preset: Preset) -> None:
    """At 1366x768 the three tiles sit side by side, whole, their text wrapped and not cut off
    (the third tile used to stick out of the window: QPushButton's size policy)."""
    window.set_preset(preset)
    tiles = window.pages[PageId.HOME].tiles
    qtbot.wait_until(lambda: all(t.height() >= t.heightForWidth(t.width()) for t in tiles.values()))
    area = window.pages[PageId.HOME].findChild(QScrollArea)
    view = QRect(
        area.viewport().mapTo(window, area.viewport().rect().topLeft()), area.viewport().size()
    )
    tops = set()
    for widget in tiles.values():
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        assert view.contains(rect), f"{widget.objectName()} {rect} is not inside {view}"
        tops.add(rect.top())
        for text in widget.findChildren(QLabel):
            if text.isVisibleTo(widget) and text.text():
                assert text.height() >= text.heightForWidth(text.width()), text.text()
    assert len(tops) == 1  # one row on a landscape screen


def test_window_title_and_centre_name(window: MainWindow, texts) -> None:
    assert window.windowTitle() == texts.common.window_title
    assert window.header.title.text() == texts.common.centre_name


def test_header_navigation_hidden_on_home(window: MainWindow) -> None:
    assert not window.header.back_button.isVisible()
    assert not window.header.home_button.isVisible()


@pytest.mark.parametrize("page", JOURNEYS)
def test_header_navigation_shown_on_every_journey(window: MainWindow, page: PageId) -> None:
    window.show_page(page)
    assert window.header.back_button.isVisible()
    assert window.header.home_button.isVisible()
    window.header.home_button.click()
    assert window.current_page() == PageId.HOME
    assert not window.header.back_button.isVisible()


@pytest.mark.parametrize("page", JOURNEYS)
def test_tapping_a_tile_opens_its_page(qtbot, window: MainWindow, page: PageId) -> None:
    with qtbot.waitSignal(window.page_changed, check_params_cb=lambda p: p == page):
        tile(window, page).click()
    assert window.current_page() == page
    assert window.stack.currentWidget() is window.pages[page]
    assert window.pages[page].isVisible()


def test_every_tile_in_turn(window: MainWindow) -> None:
    for page in JOURNEYS:
        tile(window, page).click()
        assert window.current_page() == page
        window.header.home_button.click()
        assert window.current_page() == PageId.HOME


# footer ------------------------------------------------------------------------------------------


def test_footer_shows_the_privacy_line(window: MainWindow, texts) -> None:
    assert window.footer.privacy.text() == texts.common.privacy
    assert window.footer.privacy.isVisible()


def test_footer_shows_the_rules_note_with_the_date(window: MainWindow, texts, bundle) -> None:
    day = bundle.rules.updated.isoformat()
    note = window.footer.rules_note.text()
    assert note == texts.common.rules_footer.format(date=day)
    assert day in note
    assert window.footer.rules_note.isVisible()


@pytest.mark.parametrize("page", [PageId.HOME, *JOURNEYS])
def test_footer_on_every_page(window: MainWindow, page: PageId) -> None:
    window.show_page(page)
    assert window.footer.isVisible()
    assert all(button.isVisible() for button in window.footer.presets.values())


# text-size presets -------------------------------------------------------------------------------


def assert_preset(window: MainWindow, preset: Preset, font_family: str) -> None:
    """The preset is recorded, its style sheet is on the window, its footer button is checked."""
    assert window.preset is preset
    assert window.styleSheet() == stylesheet(preset, font_family)
    checked = [p for p, button in window.footer.presets.items() if button.isChecked()]
    assert checked == [preset]


def test_starts_with_the_standard_preset(window: MainWindow, bundle) -> None:
    assert_preset(window, Preset.STANDARD, bundle.font_family)


@pytest.mark.parametrize("page", [PageId.HOME, *JOURNEYS])
def test_preset_switch_from_the_footer_on_every_page(
    window: MainWindow, bundle, page: PageId
) -> None:
    if page is not PageId.HOME:
        tile(window, page).click()
    sheets = {window.styleSheet()}
    for preset in (Preset.LARGE, Preset.CONTRAST, Preset.STANDARD):
        window.footer.presets[preset].click()
        assert_preset(window, preset, bundle.font_family)
        assert window.current_page() == page  # switching never navigates
        sheets.add(window.styleSheet())
    assert len(sheets) == len(Preset)


def test_large_preset_enlarges_the_text(window: MainWindow) -> None:
    title = tile(window, "retirement").title_label
    assert title.font().pixelSize() == metrics_for(Preset.STANDARD).title
    window.footer.presets[Preset.LARGE].click()
    assert title.font().pixelSize() == metrics_for(Preset.LARGE).title
    window.footer.presets[Preset.CONTRAST].click()
    assert title.font().pixelSize() == metrics_for(Preset.CONTRAST).title


def test_reset_session_returns_to_standard_and_home(window: MainWindow, bundle) -> None:
    tile(window, "retirement").click()
    window.footer.presets[Preset.LARGE].click()
    window.reset_session()
    assert window.current_page() == PageId.HOME
    assert_preset(window, Preset.STANDARD, bundle.font_family)
    window.footer.presets[Preset.CONTRAST].click()
    window.reset_session()
    assert_preset(window, Preset.STANDARD, bundle.font_family)


def test_reset_session_clears_the_answers(window: MainWindow) -> None:
    tile(window, "retirement").click()
    journey = window.pages["retirement"]
    journey.category.button("male").click()
    journey.next()
    window.reset_session()
    assert journey.category.value() is None
    assert journey.current_screen().question.key == "category"


# touch -------------------------------------------------------------------------------------------


def test_a_real_touch_opens_a_tile(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.page_changed, check_params_cb=lambda p: p == "retirement"):
        touch_tap(tile(window, "retirement"))
    assert window.current_page() == "retirement"


def test_a_real_touch_switches_the_preset(window: MainWindow, bundle) -> None:
    touch_tap(window.footer.presets[Preset.LARGE])
    assert_preset(window, Preset.LARGE, bundle.font_family)
