"""Kiosk mode holds the screen: the kiosk-mode window, minimised, taken out of full screen,
resized or moved, is put back in full screen on its whole screen, by the window's own event
(REPAIR_DELAY_MS later) or, failing that, by the keeper's check (every CHECK_MS): within
RESTORE_MS. An idle reset puts it back too. Offscreen (the platform reports window states);
tests/e2e/test_holds_the_screen.py does the same to the real program under a real X server and
window manager and prints how long each took. No test here times the wall clock: on a loaded
machine the waits below are generous, and which path repaired the window is what is checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from opskit import operations
from PySide6.QtCore import QRect

from kiosk.ui.ops.lockdown import (
    CHECK_MS,
    REPAIR_DELAY_MS,
    RESTORE_MS,
    FullscreenKeeper,
    show_kiosk_window,
)


def holds(window: Any, keeper: FullscreenKeeper) -> bool:
    return keeper.problem() is None and window.isFullScreen()


@pytest.fixture
def kiosk_window(make_window: Any, qtbot: Any) -> Any:
    """The kiosk-mode window as main() shows it, once it has settled (its native window is made
    anew for the kiosk flags, and the keeper activates it again)."""
    window = make_window(mode="kiosk")
    keeper = show_kiosk_window(
        window, hide_cursor=False, idle_reset=operations(window).idle.timed_out
    )
    qtbot.wait(2 * CHECK_MS)
    qtbot.wait_until(lambda: holds(window, keeper), timeout=WAIT_MS)
    yield window, keeper
    keeper.deleteLater()


TAKE_AWAY: dict[str, Callable[[Any], None]] = {
    "minimised": lambda window: window.showMinimized(),
    "out of full screen": lambda window: window.showNormal(),
    "resized": lambda window: (window.showNormal(), window.resize(612, 420)),
    "moved and resized": lambda window: window.setGeometry(QRect(40, 30, 700, 500)),
}


WAIT_MS = 10_000  # a loaded CI machine; a repair takes REPAIR_DELAY_MS to CHECK_MS


def test_either_path_repairs_within_the_promise() -> None:
    assert REPAIR_DELAY_MS < CHECK_MS < RESTORE_MS


@pytest.mark.parametrize(
    ("path", "how"),
    [("the window's event", how) for how in TAKE_AWAY]
    + [("the periodic check", "minimised"), ("the periodic check", "resized")],
)
def test_the_window_comes_back(make_window: Any, qtbot: Any, path: str, how: str) -> None:
    window = make_window(mode="kiosk")
    never = 600_000
    timing = (
        {"repair_delay_ms": REPAIR_DELAY_MS, "check_ms": never}
        if path == "the window's event"
        else {"repair_delay_ms": never, "check_ms": CHECK_MS}
    )
    keeper = show_kiosk_window(window, hide_cursor=False, **timing)
    qtbot.wait_until(window.isFullScreen, timeout=WAIT_MS)
    keeper.repair()  # the activation after the kiosk flags, done now rather than at a check
    qtbot.wait_until(lambda: holds(window, keeper), timeout=WAIT_MS)
    screen = window.screen().geometry()
    with qtbot.wait_signal(keeper.restored, timeout=WAIT_MS):
        TAKE_AWAY[how](window)
        assert not holds(window, keeper)
    qtbot.wait_until(lambda: holds(window, keeper), timeout=WAIT_MS)
    assert window.geometry() == screen


def test_an_idle_reset_restores_the_window(make_window: Any, qtbot: Any) -> None:
    """With the keeper's own checks far away, the idle reset alone puts the window back."""
    window = make_window(mode="kiosk")
    ops = operations(window)
    keeper = show_kiosk_window(
        window,
        hide_cursor=False,
        idle_reset=ops.idle.timed_out,
        check_ms=600_000,
        repair_delay_ms=600_000,
    )
    qtbot.wait_until(window.isFullScreen, timeout=WAIT_MS)
    window.showNormal()
    window.resize(612, 420)
    qtbot.wait(100)
    assert keeper.problem() is not None
    ops.idle.timed_out.emit()
    qtbot.wait_until(lambda: holds(window, keeper), timeout=WAIT_MS)


def test_a_window_that_holds_its_screen_is_left_alone(kiosk_window: Any, qtbot: Any) -> None:
    window, keeper = kiosk_window
    repairs: list[str] = []
    keeper.restored.connect(repairs.append)
    qtbot.wait(3 * CHECK_MS)
    assert repairs == []
    assert holds(window, keeper)


def test_a_released_keeper_lets_the_window_go(kiosk_window: Any, qtbot: Any) -> None:
    """A stop signal releases the keeper before it closes the window: nothing shows it again
    while the program ends (the log once had a repair after "SIGHUP received: stopping")."""
    window, keeper = kiosk_window
    repaired: list[str] = []
    keeper.restored.connect(repaired.append)
    keeper.release()
    window.showMinimized()
    qtbot.wait(2 * CHECK_MS + REPAIR_DELAY_MS)
    assert repaired == [] and window.isMinimized()
