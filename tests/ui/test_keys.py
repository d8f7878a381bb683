"""Every journey by keys alone (kiosk/ui/keys.py): the self-test's key scripts end on the figures
the rules compute, with 语音引导 saying each screen; on a hall terminal (no typing) the arrows,
Tab, Enter and digits finish a journey, the keypad and the keyboard work from keys, Esc goes back
or closes; the focus frame shows from the first key until a touch, as large as the text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.app import Kiosk, build_kiosk
from kiosk.rules import Category, WorkerKind, YearMonth
from kiosk.selftest import every_walk
from kiosk.ui.focus_frame import BAND
from kiosk.ui.keys import KeyNavigator
from kiosk.ui.pages.contribution import ContributionJourney
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.speech import RecordingEngine
from kiosk.ui.theme import Preset
from kiosk.ui.walks import WalkContext
from kiosk.ui.walks.keys import KEY_WALKS, play
from tests.conftest import TODAY, free_window

WALKS = {walk.name: walk for walk in every_walk()}


@pytest.fixture
def engine() -> RecordingEngine:
    return RecordingEngine()


def made(qtbot: Any, bundle: Any, engine: RecordingEngine, *, typing: bool) -> Kiosk:
    kiosk = build_kiosk(bundle, today=lambda: TODAY, speech=engine, desk_typing=typing)
    kiosk.window.resize(1366, 768)
    kiosk.window.show()
    qtbot.wait_exposed(kiosk.window)
    return kiosk


@pytest.fixture
def desk(qtbot: Any, bundle: Any, engine: RecordingEngine) -> Iterator[Kiosk]:
    """The clerk's desk: numbers and dates typed."""
    kiosk = made(qtbot, bundle, engine, typing=True)
    yield kiosk
    free_window(kiosk.window)


@pytest.fixture
def hall(qtbot: Any, bundle: Any, engine: RecordingEngine) -> Iterator[Kiosk]:
    """A hall terminal: no typing, only the keypad and pickers on screen."""
    kiosk = made(qtbot, bundle, engine, typing=False)
    yield kiosk
    free_window(kiosk.window)


def keys_of(kiosk: Kiosk) -> KeyNavigator:
    found = kiosk.window.findChild(KeyNavigator)
    assert found is not None
    return found


def focused(kiosk: Kiosk) -> QWidget:
    widget = kiosk.window.focusWidget()
    assert widget is not None
    return widget


def tab_to(kiosk: Kiosk, wanted: Callable[[QWidget], bool]) -> QWidget:
    """Tab until the keys are on a control ``wanted`` says yes to."""
    for _ in range(120):
        play(kiosk.window, "{Tab}")
        widget = kiosk.window.focusWidget()
        if widget is not None and wanted(widget):
            return widget
    raise AssertionError("Tab never reached the control")


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda widget: widget.objectName() == name


def said(engine: RecordingEngine) -> str:
    return engine.last().text if engine.said else ""


# the self-test's key scripts -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(KEY_WALKS))
def test_each_key_script_ends_on_the_rules_figures_and_says_each_screen(
    desk: Kiosk, engine: RecordingEngine, bundle: Any, name: str
) -> None:
    window, walk = desk.window, WALKS[name]
    desk.voice.set_guidance(True)
    window.go_home()
    for keys in KEY_WALKS[name]:
        QTest.qWait(1)  # 语音引导 reads a new screen once it has settled
        assert said(engine), f"nothing said before {keys}"
        play(window, keys)
    QTest.qWait(1)
    journey = walk.ended_on(window.pages[walk.page])  # type: ignore[arg-type]
    ok, detail = walk.check(journey, WalkContext(bundle.rules, bundle.texts, TODAY))
    assert ok, detail
    if journey.presentation is not None and journey.showing_result():
        assert said(engine).startswith(journey.presentation.spoken)


# a hall terminal: no typing ---------------------------------------------------------------------


def test_retirement_by_arrows_and_enter_alone(
    hall: Kiosk, engine: RecordingEngine, texts: Any
) -> None:
    window = hall.window
    hall.voice.set_guidance(True)
    play(window, "{Down}")  # the first key shows where the keys are: the first tile
    assert focused(hall).objectName() == "tile_retirement"
    play(window, "{Enter}")
    page = window.page("retirement")
    assert isinstance(page, RetirementJourney)
    QTest.qWait(1)
    assert texts.retirement.category_question in said(engine)
    assert focused(hall) is page.category.button(Category.MALE.value)
    play(window, "{Down}")  # every choice of the group can be reached, not only the first
    assert focused(hall) is page.category.button(Category.FEMALE_55.value)
    play(window, "{Down}{Up}{Enter}")  # chosen, and on to the next question
    assert page.category.value() == Category.FEMALE_55.value
    assert focused(hall).objectName() == "step_minus_10"  # the birth year's first control
    play(window, "{Right}{Enter}")  # −1: the year counts from where the picker starts
    year = page.birth.year
    assert focused(hall).objectName() == "step_minus_1"
    assert said(engine).endswith(year.display.text())  # the year it stands at now
    while year.chosen() != 1971:  # +1 (to the right of the year), back to −1, or −1
        play(window, "{Right}{Enter}{Left}" if year.value() < 1971 else "{Enter}")
    play(window, "{Down}")
    while focused(hall).objectName() != "month_3":
        play(window, "{Right}")
    play(window, "{Enter}")
    assert page.birth.value() == YearMonth(1971, 3)
    assert said(engine).startswith(page.birth.month_buttons[3].text())
    tab_to(hall, named("next"))
    play(window, "{Enter}")
    tab_to(hall, named("skip"))  # the years may be left out
    play(window, "{Enter}")
    assert page.showing_result() and page.presentation is not None
    QTest.qWait(1)
    assert said(engine).startswith(page.presentation.spoken)
    assert "55岁4个月" in page.presentation.spoken and "2026年7月" in page.presentation.spoken


def test_a_keypad_from_keys(hall: Kiosk, engine: RecordingEngine, texts: Any) -> None:
    window = hall.window
    hall.voice.set_guidance(True)
    window.show_page("contribution")
    page = window.page("contribution")
    assert isinstance(page, ContributionJourney)
    play(window, "{choose:employee}{Enter}{choose:#1}{Enter}")  # digits choose on a hall terminal
    assert page.current_screen() is not None and page.wage.isVisible()
    play(window, "{Down}")  # the keys start on the keypad
    assert page.wage.isAncestorOf(focused(hall))
    for digit in "6000":
        while focused(hall).objectName() != f"key_{digit}":
            play(window, "{Tab}")
        play(window, "{Enter}")
    assert page.wage.text() == "6000"
    assert texts.speech.entered.format(value=f"6000{page.wage.unit.text()}") in said(engine)
    tab_to(hall, named("key_delete"))
    play(window, "{Enter}")
    assert page.wage.text() == "600"
    play(window, "0")  # a USB keypad's digit, while the keys are on the keypad
    assert page.wage.text() == "6000"
    tab_to(hall, named("next"))
    play(window, "{Enter}")
    assert page.showing_result()


def test_the_search_keyboard_from_keys(hall: Kiosk) -> None:
    window = hall.window
    window.show_page("faq")
    page = window.page("faq")
    assert isinstance(page, FaqPage)
    tab_to(hall, named("faq_search_open"))
    play(window, "{Enter}")
    for letter in "tx":
        tab_to(hall, named(f"kb_{letter}"))
        play(window, "{Enter}")
    assert page.search.query() == "tx"


def test_digits_press_home_s_tiles_and_choose_a_question_s_choices(hall: Kiosk) -> None:
    window = hall.window
    home = window.stack.currentWidget()
    assert isinstance(home, HomePage)
    play(window, "3")  # read as 第3项: 养老金测算
    assert window.current_page() == "pension"
    play(window, "{Esc}")
    play(window, "2")
    page = window.page("contribution")
    assert isinstance(page, ContributionJourney) and window.current_page() == "contribution"
    play(window, "2")
    assert page.kind.value() == WorkerKind.FLEXIBLE.value
    play(window, "9")  # no ninth choice: nothing changes
    assert page.kind.value() == WorkerKind.FLEXIBLE.value


def test_esc_goes_back_and_closes_what_is_open(hall: Kiosk) -> None:
    window = hall.window
    window.show_page("retirement")
    page = window.page("retirement")
    assert isinstance(page, Journey)
    play(window, "1{Enter}")
    first, second = page.question_screen("category"), page.current_screen()
    assert second is not first
    window.header.appearance_button.click()
    assert window.appearance.isVisible()
    play(window, "{Esc}")  # closes the panel, stays on the question
    assert not window.appearance.isVisible() and page.current_screen() is second
    play(window, "{Esc}")  # 返回
    assert page.current_screen() is first
    play(window, "{Esc}")
    assert window.current_page() == "home"


def test_tab_goes_round_every_control_and_shift_tab_back(hall: Kiosk) -> None:
    keys = keys_of(hall)
    window = hall.window
    play(window, "{Tab}")
    start = focused(hall)
    seen = [start]
    for _ in range(len(keys.candidates())):
        play(window, "{Tab}")
        seen.append(focused(hall))
    assert seen[-1] is start and set(seen) == set(keys.candidates())
    QTest.keyClick(focused(hall), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused(hall) is seen[-2]


# the focus frame --------------------------------------------------------------------------------


def test_the_focus_frame_shows_from_the_first_key_until_a_touch(hall: Kiosk) -> None:
    window, frame = hall.window, keys_of(hall).frame
    assert not frame.isVisible()  # touch use looks as it always did
    play(window, "{Down}")
    target = focused(hall)
    assert frame.isVisible() and frame.target is target
    where = target.geometry().translated(target.parentWidget().mapTo(window, QPoint(0, 0)))
    assert frame.geometry().contains(where)  # drawn around it, outside its words
    shot = window.grab().toImage()
    band = QPoint(where.center().x(), where.top() - frame.thickness // 2)
    assert QColor(shot.pixel(band)) == BAND  # yellow between black edges, over anything
    standard = frame.thickness
    window.set_preset(Preset.LARGEST)
    play(window, "{Right}")
    assert frame.thickness > standard  # as large as the text
    QTest.mouseClick(window.header.title, Qt.MouseButton.LeftButton)
    assert not frame.isVisible() and not keys_of(hall).active()


def test_the_next_visitor_starts_without_the_frame(hall: Kiosk) -> None:
    """A visit ended by the keys' user (the idle reset, then the attract screen): the frame went
    on showing, over the attract screen's 请触摸屏幕开始 (the self-test's screenshots)."""
    window, frame = hall.window, keys_of(hall).frame
    play(window, "{Down}")
    assert frame.isVisible() and keys_of(hall).active()
    window.reset_session()
    assert not frame.isVisible() and not keys_of(hall).active()
    play(window, "{Down}")  # the next key brings it back
    assert frame.isVisible()


def test_a_real_start_installs_the_keys_and_the_voice_after_the_first_paint(
    qtbot: Any, bundle: Any, engine: RecordingEngine, tmp_path: Any
) -> None:
    """As main() builds it: nothing of keys or voice before the first paint, both after."""
    from kiosk.ops.usage import UsageCounter
    from kiosk.settings import KioskSettings
    from kiosk.ui.ops.install import OpsHooks
    from kiosk.ui.voice import VoiceGuide

    settings = KioskSettings(log_dir=tmp_path / "logs", usage_file=tmp_path / "usage.json")
    kiosk = build_kiosk(
        bundle,
        today=lambda: TODAY,
        settings=settings,
        usage=UsageCounter(settings.usage_file),
        ops_hooks=OpsHooks(quit=lambda: None, watch_after_paint=True),
        speech=engine,
    )
    window = kiosk.window
    try:
        assert window.findChild(KeyNavigator) is None and window.findChild(VoiceGuide) is None
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(window.painted)
        assert window.findChild(KeyNavigator) is kiosk.keys
        play(window, "{Down}")
        assert focused(kiosk).objectName() == "tile_retirement" and keys_of(kiosk).frame.isVisible()
        kiosk.window.header.read_button.click()
        assert said(engine).startswith(bundle.texts.home.greeting)
    finally:
        free_window(window)
