"""Kiosk mode's second layer of lockdown (the OS is the first): no context menus, no closing by
close / Alt+F4 / Esc until the admin panel allows it; a fullscreen window that holds its screen."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget

from kiosk.ui.ops.app_filter import filter_application

log = logging.getLogger(__name__)

KIOSK_WINDOW_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
RESTORE_MS = 1000  # the promise: the window is back within a second
CHECK_MS = 250  # how often the keeper looks, besides the window's own events
REPAIR_DELAY_MS = 50  # after a window event, for the window manager's change to settle
RAISE_ATTEMPTS = 2  # raising in vain so many times: the window is mapped anew
# the window's own events that may mean it was taken away
WATCHED_EVENTS = (
    QEvent.Type.WindowStateChange,
    QEvent.Type.Resize,
    QEvent.Type.Move,
    QEvent.Type.Hide,
    QEvent.Type.WindowDeactivate,
)


def _is_close_key(event: QKeyEvent) -> bool:
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return event.key() == Qt.Key.Key_F4 and alt


class Lockdown(QObject):
    """An application event filter: swallows every context-menu event (text fields included) and
    Alt+F4, and refuses the window's close events until :meth:`allow_close`. Esc is left to the
    widgets (the keypad clears with it); it never closes a QMainWindow."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._close_allowed = False

    def install(self) -> None:
        filter_application(self)

    def allow_close(self) -> None:
        self._close_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind == QEvent.Type.Close and watched is self._window and not self._close_allowed:
            event.ignore()
            log.info("close refused (kiosk mode)")
            return True
        is_key = kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        return is_key and isinstance(event, QKeyEvent) and _is_close_key(event)


class FullscreenKeeper(QObject):
    """Holds the kiosk window on its whole screen, on top. Whatever takes it away (the window
    minimised or the desktop shown, full screen left, the window resized or moved, another
    program's window brought over it) is undone within :data:`RESTORE_MS`: the window's own
    events start the repair at once, and a check every :data:`CHECK_MS` catches what a window
    manager changes without telling. It also follows the screen when it changes size (a terminal
    rotated) or the window moves to another screen (a monitor swapped). :meth:`restore` puts it
    back whatever its state (an idle reset calls it)."""

    restored = Signal(str)  # what was repaired: a :meth:`problem`

    def __init__(
        self,
        window: QWidget,
        *,
        check_ms: int = CHECK_MS,
        repair_delay_ms: int = REPAIR_DELAY_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._screen: QScreen | None = None
        self._repairing: str | None = None
        self._attempts = 0
        self._repair = QTimer(self, singleShot=True, interval=repair_delay_ms)
        self._repair.timeout.connect(self.repair)
        self._check = QTimer(self, interval=check_ms)
        self._check.timeout.connect(self.repair)
        self._check.start()
        window.installEventFilter(self)
        handle = window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._follow)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)
        self._follow(window.screen())

    def screen_geometry(self) -> QRect | None:
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        return None if screen is None else screen.geometry()

    def problem(self) -> str | None:
        """What is wrong with the window now, or None:

        - "hidden": not on screen although shown (the desktop shown over it, unmapped);
        - "state": minimised, or not in full screen;
        - "geometry": not covering its whole screen;
        - "raised": another program's window is the active one (it may lie over the kiosk)."""
        window = self._window
        handle = window.windowHandle()
        state = window.windowState()
        if not window.isVisible() or state & Qt.WindowState.WindowMinimized:
            return "state"
        if handle is not None and not handle.isExposed():
            return "hidden"
        if not state & Qt.WindowState.WindowFullScreen:
            return "state"
        if window.geometry() != self.screen_geometry():
            return "geometry"
        if QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
            return "raised"
        return None

    def repair(self) -> None:
        """Put the window back if something took it away (nothing when it holds the screen).
        Raising it is tried first when another window is active; when the window manager keeps it
        down, it is mapped anew once (a new window the window manager must show), then raised
        again at each check (no flicker against a window that insists on staying on top). A
        hidden window is mapped anew every time."""
        found = self.problem()
        if found is None:
            self._repairing, self._attempts = None, 0
            return
        self._attempts = self._attempts + 1 if found == self._repairing else 1
        if found == "hidden" or self._attempts == RAISE_ATTEMPTS + 1:
            self._window.hide()
            self.restore()
        elif found == "raised":
            self._raise()
        else:
            self.restore()
        if self._attempts == 1:  # once per loss, not at every check while it lasts
            log.info("kiosk window taken away (%s): restored", found)
        self._repairing = found
        self.restored.emit(found)

    def release(self) -> None:
        """Hold no more: the window is being closed on purpose (a stop signal), and a repair
        must not show it again while the program ends."""
        self._check.stop()
        self._repair.stop()
        self._window.removeEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.disconnect(self._on_application_state)

    def restore(self) -> None:
        """Full screen on the whole screen, on top, active: whatever the window's state."""
        geometry = self.screen_geometry()
        if geometry is None:
            return
        if self._window.windowState() & Qt.WindowState.WindowMinimized:
            self._window.setWindowState(Qt.WindowState.WindowNoState)
        self._window.setGeometry(geometry)
        self._window.showFullScreen()
        self._raise()

    def reapply(self) -> None:
        """The screen changed: full screen on it as it is now."""
        self.restore()
        geometry = self.screen_geometry()
        if geometry is not None:
            log.info("fullscreen on %dx%d", geometry.width(), geometry.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in WATCHED_EVENTS:
            self._repair.start()  # after the window manager's change has settled
        return False

    def _raise(self) -> None:
        self._window.raise_()
        self._window.activateWindow()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self._repair.start()

    def _follow(self, screen: QScreen | None) -> None:
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self.reapply)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self.reapply)
        self.reapply()


def show_kiosk_window(
    window: QWidget,
    *,
    hide_cursor: bool,
    idle_reset: SignalInstance | None = None,
    **timing: int,
) -> FullscreenKeeper:
    """Frameless, on top, fullscreen, held there by a :class:`FullscreenKeeper` (given
    ``timing``), restored at each ``idle_reset`` too. Called by ``main()``; the keeper's tests are
    the only ones that go fullscreen."""
    window.setWindowFlags(window.windowFlags() | KIOSK_WINDOW_FLAGS)
    window.showFullScreen()
    if hide_cursor:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
    keeper = FullscreenKeeper(window, **timing)
    keeper.setObjectName("FullscreenKeeper")
    if idle_reset is not None:
        idle_reset.connect(keeper.restore)
    return keeper
