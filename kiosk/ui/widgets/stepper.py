"""A big number with − and + buttons (and larger jumps), limited to a range. No typing needed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.widgets.style import button, label


class Stepper(QWidget):
    """``value`` within ``[minimum, maximum]``; ``big_step`` adds −N / +N buttons when non-zero."""

    valueChanged = Signal(int)

    def __init__(
        self,
        *,
        minimum: int,
        maximum: int,
        value: int,
        big_step: int = 0,
        suffix: str = "{value}",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._minimum, self._maximum = minimum, maximum
        self._suffix = suffix
        self._value = min(max(value, minimum), maximum)
        self.display = label("", "display", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(220)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.buttons: dict[int, QPushButton] = {}
        deltas = [-big_step, -1] if big_step else [-1]
        for delta in deltas:
            row.addWidget(self._delta_button(delta))
        row.addWidget(self.display, 1)
        for delta in [1, big_step] if big_step else [1]:
            row.addWidget(self._delta_button(delta))
        self._refresh()

    def _delta_button(self, delta: int) -> QPushButton:
        caption = f"+{delta}" if delta > 0 else f"−{-delta}"
        widget = button(
            caption, "key", name=f"step_{'plus' if delta > 0 else 'minus'}_{abs(delta)}"
        )
        widget.clicked.connect(lambda _=False, d=delta: self.set_value(self._value + d))
        self.buttons[delta] = widget
        return widget

    def value(self) -> int:
        return self._value

    def set_range(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = minimum, maximum
        self.set_value(self._value)

    def set_value(self, value: int) -> None:
        clamped = min(max(value, self._minimum), self._maximum)
        changed = clamped != self._value
        self._value = clamped
        self._refresh()
        if changed:
            self.valueChanged.emit(clamped)

    def _refresh(self) -> None:
        self.display.setText(self._suffix.format(value=self._value))
        for delta, widget in self.buttons.items():
            widget.setEnabled(
                self._value > self._minimum if delta < 0 else self._value < self._maximum
            )
