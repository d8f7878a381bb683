"""A keypad of a comfortable width with its help beside it on a wide screen (a keypad is tall
already) and under it on a narrow, portrait one."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.keypad import NumericKeypad

KEYPAD_MAX_WIDTH = 560
SIDE_BY_SIDE_MIN_WIDTH = 1100  # content width; a portrait 1080 px screen stacks


class KeypadPanel(QWidget):
    """A keypad of a comfortable width with its help beside it on a wide screen (a keypad is tall
    already) and under it on a narrow, portrait one."""

    def __init__(self, keypad: NumericKeypad, *notes: QWidget) -> None:
        super().__init__()
        keypad.setMaximumWidth(KEYPAD_MAX_WIDTH)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(40)
        self._row.addWidget(keypad, 3)
        side = QVBoxLayout()
        side.setSpacing(20)
        for widget in notes:
            side.addWidget(widget)
        side.addStretch(1)
        self._row.addLayout(side, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._row.direction() != direction:
            self._row.setDirection(direction)
            self._row.setSpacing(40 if wide else 20)
        super().resizeEvent(event)
