"""Work a page puts off until what it shows first is on screen: ``after_first_paint(widget,
call)`` runs ``call`` once, a moment after ``widget`` is first painted (no citizen touches the
screen that soon). The FAQ builds its other screens there, a journey adds its other questions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AFTER_PAINT_MS = 20  # the paint pass over and flushed before the put-off work starts


def after_first_paint(widget: QWidget, call: Callable[[], object]) -> None:
    """``call`` once, :data:`AFTER_PAINT_MS` after ``widget``'s first paint (never, if ``widget``
    is deleted before)."""
    widget.installEventFilter(_FirstPaint(widget, call))


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, call: Callable[[], object]) -> None:
        super().__init__(widget)  # deleted with the widget
        self._widget = widget
        self._call = call

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(AFTER_PAINT_MS, self._widget, self._call)
            self.deleteLater()
        return False
