"""A big number with − and + buttons (and larger jumps), limited to a range. No typing needed.

A stepper may start without a value (``value=None``): its display then asks 请选择 and the first
touch counts from ``start``. So no number is ever taken as the citizen's answer before she has
touched it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.widgets.style import button, label, set_property

DISPLAY_MIN_WIDTH = 200


class Stepper(QWidget):
    """``value`` within ``[minimum, maximum]`` (or None: not chosen yet); ``big_step`` adds
    −N / +N buttons when non-zero."""

    valueChanged = Signal(int)

    def __init__(
        self,
        *,
        minimum: int,
        maximum: int,
        value: int | None,
        big_step: int = 0,
        suffix: str = "{value}",
        unset: str = "",
        start: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._minimum, self._maximum = minimum, maximum
        self._suffix = suffix
        self._unset = unset
        self._start = minimum if start is None else start
        self._value = None if value is None else self._clamp(value)
        self.display = label("", "display", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(DISPLAY_MIN_WIDTH)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)  # the keys' own margins are the gaps
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
            caption, "step", name=f"step_{'plus' if delta > 0 else 'minus'}_{abs(delta)}"
        )
        widget.clicked.connect(lambda _=False, d=delta: self.step(d))
        self.buttons[delta] = widget
        return widget

    def _clamp(self, value: int) -> int:
        return min(max(value, self._minimum), self._maximum)

    def value(self) -> int:
        """The value, or the first touch's starting point while none is chosen."""
        return self._start if self._value is None else self._value

    def minimum(self) -> int:
        return self._minimum

    def maximum(self) -> int:
        return self._maximum

    def chosen(self) -> int | None:
        """The value, None until chosen."""
        return self._value

    def step(self, delta: int) -> None:
        self.set_value(self.value() + delta)

    def set_range(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = minimum, maximum
        if self._value is not None:
            self.set_value(self._value)
        else:
            self._refresh()

    def set_value(self, value: int | None) -> None:
        """``None``: back to not chosen."""
        clamped = None if value is None else self._clamp(value)
        changed = clamped != self._value
        self._value = clamped
        self._refresh()
        if changed and clamped is not None:
            self.valueChanged.emit(clamped)

    def _refresh(self) -> None:
        unset = self._value is None and bool(self._unset)
        text = self._unset if unset else self._suffix.format(value=self.value())
        self.display.setText(text)
        if bool(self.display.property("unset")) != unset:
            set_property(self.display, "unset", unset)
        for delta, widget in self.buttons.items():
            if self._value is None:
                widget.setEnabled(True)
            else:
                widget.setEnabled(
                    self._value > self._minimum if delta < 0 else self._value < self._maximum
                )
