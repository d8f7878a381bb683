"""Kiosk mode's second layer of lockdown (the OS is the first): no context menus, no closing by
close / Alt+F4 / Esc until the admin panel allows it; fullscreen that follows the screen."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

KIOSK_WINDOW_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


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
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

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
    """Keeps a fullscreen window on its whole screen when the screen changes size (a terminal
    rotated) or the window moves to another screen (a monitor swapped)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._screen: QScreen | None = None
        handle = window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._follow)
        self._follow(window.screen())

    def _follow(self, screen: QScreen | None) -> None:
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self.reapply)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self.reapply)
        self.reapply()

    def reapply(self) -> None:
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        self._window.setGeometry(screen.geometry())
        self._window.showFullScreen()
        log.info("fullscreen on %dx%d", screen.geometry().width(), screen.geometry().height())


def show_kiosk_window(window: QWidget, *, hide_cursor: bool) -> FullscreenKeeper:
    """Frameless, on top, fullscreen; called by ``main()`` only (tests never go fullscreen)."""
    window.setWindowFlags(window.windowFlags() | KIOSK_WINDOW_FLAGS)
    window.showFullScreen()
    if hide_cursor:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
    return FullscreenKeeper(window)
