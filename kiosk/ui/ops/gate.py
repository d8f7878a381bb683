"""The hidden admin gate's first part: taps in one corner of the window (what follows, the PIN pad
and the admin panel, is :mod:`kiosk.ui.ops.admin`, imported when the pad first opens)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from kiosk.settings import Corner, KioskSettings

CORNER_PX = 140
SAME_TAP_S = 0.08  # a touch and the mouse press Qt makes from it are one tap
Clock = Callable[[], float]
# what a tap on operates (a tap on one of these in the corner is not an admin tap)
CONTROLS = (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
)
# a quick second tap arrives as a double click; SAME_TAP_S merges a press and its double click
TAP_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
)


class AdminGate(QObject):
    """Counts taps in one corner of ``window``; ``taps`` of them within ``window_s`` emit
    :attr:`requested`. An application event filter that never swallows input.

    The corner is the square minus every control in it: a tap on a button there (返回 in the
    top-left corner of a journey) is a tap on the button, and starts the count again."""

    requested = Signal()

    def __init__(
        self,
        window: QWidget,
        *,
        corner: Corner,
        taps: int,
        window_s: float,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._corner = corner
        self._taps = taps
        self._window_s = window_s
        self._clock = clock
        self._times: deque[float] = deque(maxlen=taps)

    def in_corner(self, point: QPoint) -> bool:
        """``point`` (window coordinates) is in the corner and on no control."""
        return self.in_corner_square(point) and not self.on_control(point)

    def on_control(self, point: QPoint) -> bool:
        """Whether a control (a button, a slider, a text field...) is at ``point``."""
        widget = self._window.childAt(point)
        while widget is not None and widget is not self._window:
            if isinstance(widget, CONTROLS):
                return True
            widget = widget.parentWidget()
        return False

    def in_corner_square(self, point: QPoint) -> bool:
        size = min(CORNER_PX, self._window.width() // 4, self._window.height() // 4)
        left = point.x() < size
        right = point.x() >= self._window.width() - size
        top = point.y() < size
        bottom = point.y() >= self._window.height() - size
        return {
            "top-left": top and left,
            "top-right": top and right,
            "bottom-left": bottom and left,
            "bottom-right": bottom and right,
        }[self._corner]

    def tap(self, point: QPoint) -> None:
        """A press at ``point`` (window coordinates)."""
        now = self._clock()
        if self._times and now - self._times[-1] < SAME_TAP_S:
            return
        if not self.in_corner(point):
            self._times.clear()
            return
        self._times.append(now)
        if len(self._times) == self._taps and now - self._times[0] <= self._window_s:
            self._times.clear()
            self.requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in TAP_EVENTS
            and isinstance(watched, QWidget)
            and event.spontaneous()
            and watched.window() is self._window
        ):
            if isinstance(event, QMouseEvent):
                spot = event.globalPosition().toPoint()
            elif isinstance(event, QTouchEvent) and event.points():
                spot = event.points()[0].globalPosition().toPoint()
            else:
                return False
            self.tap(self._window.mapFromGlobal(spot))
        return False


def admin_gate(
    window: QWidget, settings: KioskSettings, *, clock: Clock, parent: QObject
) -> AdminGate:
    """The corner taps over ``window`` that the settings describe (where, how many, how fast)."""
    return AdminGate(
        window,
        corner=settings.admin_corner,
        taps=settings.admin_taps,
        window_s=settings.admin_tap_window_s,
        clock=clock,
        parent=parent,
    )
