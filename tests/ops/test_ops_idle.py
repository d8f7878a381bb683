"""Idle: after the timeout a countdown; any input cancels it; at zero every input of every page is
cleared, the preset is back to its default, and the attract screen (or home) shows."""

from __future__ import annotations

from typing import Any

import pytest
from opskit import fill_every_journey, input_state, operations
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest

from kiosk.ui.navigation import PageId
from kiosk.ui.ops.idle import IdleWatcher

WAIT_MS = 3000


def test_idle_countdown_then_reset_clears_everything(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False)
    ops = operations(window)
    fresh = input_state(window)
    fill_every_journey(window)
    filled = input_state(window)
    changed = {key for key in fresh if fresh[key] != filled[key]}
    assert {"preset", "retirement.result"} <= changed
    for page in ("contribution", "pension"):
        assert any(key.startswith(f"{page}.NumericKeypad") for key in changed)
    assert any(key.startswith("pension.YearMonthPicker") for key in changed)

    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        ops.idle.activity()  # the last touch
    assert ops.countdown.is_open()
    assert ops.countdown.continue_button.isVisible()
    with qtbot.waitSignal(ops.idle.timed_out, timeout=WAIT_MS):
        pass
    assert not ops.countdown.is_open()
    assert input_state(window) == fresh
    assert window.current_page() is PageId.HOME
    assert not ops.attract.is_open()
    assert ops.usage.counts()["idle_reset"] == 1


def test_reset_shows_the_attract_screen_when_on(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=True)
    ops = operations(window)
    window.show_page("pension")
    with qtbot.waitSignal(ops.idle.timed_out, timeout=WAIT_MS):
        ops.idle.activity()
    assert ops.attract.is_open()
    assert window.current_page() is PageId.HOME


def test_after_a_reset_nothing_happens_until_the_next_touch(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False)
    ops = operations(window)
    with qtbot.waitSignal(ops.idle.timed_out, timeout=WAIT_MS):
        ops.idle.activity()
    with qtbot.assertNotEmitted(ops.idle.countdown_started, wait=300):
        pass


def test_a_touch_during_the_countdown_cancels_it(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False, countdown_s=300)
    ops = operations(window)
    window.show_page("retirement")
    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        ops.idle.activity()
    assert ops.countdown.is_open()
    with qtbot.waitSignal(ops.idle.countdown_cancelled, timeout=WAIT_MS):
        QTest.mouseClick(ops.countdown, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not ops.countdown.is_open()
    assert window.current_page() == "retirement"  # nothing was reset


def test_the_continue_button_cancels_the_countdown(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False, countdown_s=300)
    ops = operations(window)
    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        ops.idle.activity()
    with qtbot.waitSignal(ops.idle.countdown_cancelled, timeout=WAIT_MS):
        ops.countdown.continue_button.click()
    assert not ops.countdown.is_open()


def test_the_countdown_shows_the_seconds_left(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False, countdown_s=300)
    ops = operations(window)
    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        ops.idle.activity()
    assert "300" in ops.countdown.body.text()
    with qtbot.waitSignal(ops.idle.countdown_tick, timeout=WAIT_MS):
        pass
    assert str(ops.idle.remaining()) in ops.countdown.body.text()


@pytest.mark.parametrize(
    "event",
    [
        lambda: QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
        lambda: QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier, "5"),
        lambda: QWheelEvent(
            QPointF(5, 5),
            QPointF(5, 5),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        ),
    ],
)
def test_the_filter_never_swallows_input(qtbot: Any, event: Any) -> None:
    watcher = IdleWatcher(idle_ms=60_000, countdown_s=30)
    target = QObject()
    assert watcher.eventFilter(target, event()) is False
    assert watcher.eventFilter(target, QEvent(QEvent.Type.ContextMenu)) is False


def test_input_reaches_the_page_while_watched(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False)
    home = window.pages[PageId.HOME]
    tile = home.tiles["retirement"]
    with qtbot.waitSignal(tile.clicked, timeout=WAIT_MS):
        QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current_page() == "retirement"
    retirement = window.pages["retirement"]
    keypad_owner = window.pages["pension"].amount
    QTest.keyClicks(keypad_owner, "42")
    assert keypad_owner.text() == "42"
    assert retirement.isVisible()


def test_hold_keeps_the_reset_off_until_released(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False)
    ops = operations(window)
    ops.idle.activity()
    with ops.idle.held():
        with qtbot.assertNotEmitted(ops.idle.countdown_started, wait=300):
            pass
        ops.idle.activity()  # a touch while printing does not start the clock either
        with qtbot.assertNotEmitted(ops.idle.countdown_started, wait=200):
            pass
    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        pass


def test_hold_cancels_a_running_countdown(qtbot: Any, make_window: Any) -> None:
    window = make_window(attract_enabled=False, countdown_s=300)
    ops = operations(window)
    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        ops.idle.activity()
    ops.idle.hold()
    assert not ops.countdown.is_open()
    ops.idle.release()
    with pytest.raises(RuntimeError):
        ops.idle.release()


def test_the_countdown_is_said_and_the_reset_silences_the_voice(
    qtbot: Any, make_window: Any, texts: Any
) -> None:
    from kiosk.ui.speech import RecordingEngine
    from kiosk.ui.voice import VoiceGuide

    window = make_window(attract_enabled=False)
    ops = operations(window)
    voice = window.findChild(VoiceGuide)
    assert voice is not None and isinstance(voice.engine, RecordingEngine)
    engine = voice.engine
    voice.set_guidance(True)
    window.appearance.rate_buttons[True].click()  # 慢
    with qtbot.waitSignal(ops.idle.countdown_started, timeout=WAIT_MS):
        ops.idle.activity()
    assert engine.last().text.startswith(texts.ops.countdown_title)  # said to who listens
    assert engine.is_speaking()
    with qtbot.waitSignal(ops.idle.timed_out, timeout=WAIT_MS):
        pass
    assert not engine.is_speaking()
    assert (voice.guidance, voice.slow) == (False, False)  # the next citizen starts silent
