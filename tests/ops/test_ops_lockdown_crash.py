"""Lockdown (close / Alt+F4 / Esc / context menus) in kiosk mode and not in windowed mode; the crash
guard logs an exception without its values, shows the calm message and returns home."""

from __future__ import annotations

from typing import Any

import pytest
from opskit import fill_every_journey, input_state, operations
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from kiosk.ui.navigation import PageId
from kiosk.ui.ops.crash import describe_exception, scrub

WAIT_MS = 3000


class RecordingEdit(QLineEdit):
    def __init__(self) -> None:
        super().__init__()
        self.menus = 0

    def contextMenuEvent(self, event: Any) -> None:
        self.menus += 1  # never the real menu: it would block the test


def send_context_menu(widget: Any) -> None:
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(2, 2), widget.mapToGlobal(QPoint(2, 2))
    )
    QApplication.sendEvent(widget, event)


def test_kiosk_mode_ignores_close_alt_f4_and_esc(make_window: Any) -> None:
    window = make_window(mode="kiosk")
    assert not window.close()
    assert window.isVisible()
    QTest.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()


def test_kiosk_mode_has_no_context_menus(make_window: Any, qtbot: Any) -> None:
    window = make_window(mode="kiosk")
    edit = RecordingEdit()
    edit.setParent(window.pages[PageId.HOME])
    edit.show()
    send_context_menu(edit)
    send_context_menu(window)
    assert edit.menus == 0


def test_windowed_mode_closes_normally(make_window: Any) -> None:
    window = make_window(mode="windowed")
    edit = RecordingEdit()
    edit.setParent(window.pages[PageId.HOME])
    send_context_menu(edit)
    assert edit.menus == 1
    assert operations(window).lockdown is None
    assert window.close()
    assert not window.isVisible()


def test_demo_mode_closes_normally(make_window: Any) -> None:
    assert make_window(mode="demo").close()


@pytest.fixture
def guard(make_window: Any) -> Any:
    window = make_window(attract_enabled=False)
    ops = operations(window)
    ops.crash_guard.install()
    yield window, ops
    ops.crash_guard.uninstall()


def test_an_exception_in_a_slot_shows_the_message_and_returns_home(
    guard: Any, qtbot: Any, texts: Any, ops_env: Any
) -> None:
    window, ops = guard
    fresh = input_state(window)
    fill_every_journey(window)
    wage = window.pages["contribution"].wage
    trigger = QPushButton(window)

    def broken_slot() -> None:
        raise ValueError(f"cannot use wage {wage.text()}")

    trigger.clicked.connect(broken_slot)
    # What the message showed is read the moment it opens: on a busy machine its (millisecond)
    # return-home timer may already have fired by the time the test looks.
    shown: list[tuple[bool, str]] = []
    ops.crash_guard.crashed.connect(
        lambda *_: shown.append((ops.crash_message.is_open(), ops.crash_message.title.text()))
    )
    with (
        qtbot.waitSignal(ops.crash_message.home_requested, timeout=WAIT_MS),
        qtbot.waitSignal(ops.crash_guard.crashed, timeout=WAIT_MS),
    ):
        trigger.click()
    assert shown == [(True, texts.ops.crash_title)]
    assert not ops.crash_message.is_open()
    assert input_state(window) == fresh
    logged = ops_env.log_file.read_text(encoding="utf-8")
    assert "ValueError: cannot use wage #####.##" in logged
    assert "broken_slot" in logged
    assert "98765" not in logged
    assert ops.usage.counts()["crash"] == 1


def test_the_home_button_of_the_message_returns_at_once(guard: Any, qtbot: Any) -> None:
    window, ops = guard
    window.show_page("pension")
    ops.crash_message._timer.setInterval(60_000)
    with qtbot.waitSignal(ops.crash_guard.crashed, timeout=WAIT_MS):
        ops.crash_guard.handle(RuntimeError, RuntimeError("x"), None)
    assert ops.crash_message.is_open()
    ops.crash_message.home_button.click()
    assert window.current_page() is PageId.HOME
    assert not ops.crash_message.is_open()


def test_the_guard_passes_keyboard_interrupt_on(guard: Any) -> None:
    _, ops = guard
    seen: list[type[BaseException]] = []
    ops.crash_guard._previous = lambda t, e, tb: seen.append(t)
    ops.crash_guard.handle(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert not ops.crash_message.is_open()


def test_scrub_masks_digits() -> None:
    assert scrub("birth 1966-07, balance 123456.78") == "birth ####-##, balance ######.##"
    typed = "".join(["98765", ".43"])  # as if typed: not in the source line the traceback shows
    try:
        int(typed)
    except ValueError as exc:
        text = describe_exception(ValueError, exc, exc.__traceback__)
    assert "98765" not in text and "test_scrub_masks_digits" in text


def test_overlays_follow_the_window_size(make_window: Any) -> None:
    window = make_window()
    ops = operations(window)
    ops.attract.open()
    window.resize(1080, 1920)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert ops.attract.geometry() == window.rect()
