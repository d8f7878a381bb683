"""``kiosk --smoke``: the real window, its first paint of the home screen, then exit 0."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # exit, not a queued quit: the pages built after the first paint are not start-up
            QApplication.exit(0)
        return False


def exit_after_first_paint(window: QWidget, timeout_ms: int = 20_000) -> None:
    """Quit the event loop once ``window`` has painted (or fail after ``timeout_ms``)."""
    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, lambda: QApplication.exit(3))
