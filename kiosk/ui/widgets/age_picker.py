"""A retirement age in months by touch, shown in the official words above its stepper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.style import label


class AgePicker(QWidget):
    """A retirement age in months: the age in big official words (``60岁2个月``) above a
    :class:`Stepper` of −1年 / −1个月 / +1个月 / +1年 (its own number display is not used, so the
    age keeps the full width on a narrow portrait screen)."""

    valueChanged = Signal(int)

    def __init__(
        self,
        *,
        formatter: Callable[[int], str],
        captions: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self.stepper = Stepper(minimum=0, maximum=0, value=0, big_step=12)
        self.stepper.display.hide()
        self.buttons = self.stepper.buttons
        for delta, caption in captions.items():
            widget = self.buttons[delta]
            if isinstance(widget, QPushButton):
                widget.setText(caption)
                widget.setProperty("wide", True)  # 年 and 个月: body-size captions
        self.display = label("", "display", wrap=False)
        self.display.setProperty("wide", True)
        self.display.setObjectName("age_display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.display)
        column.addWidget(self.stepper)
        self.stepper.valueChanged.connect(self._on_value_changed)
        self._refresh()

    def value(self) -> int:
        return self.stepper.value()

    def set_value(self, months: int) -> None:
        self.stepper.set_value(months)
        self._refresh()

    def set_range(self, minimum: int, maximum: int) -> None:
        self.stepper.set_range(minimum, maximum)
        self._refresh()

    def _refresh(self) -> None:
        self.display.setText(self._formatter(self.value()))

    def _on_value_changed(self, months: int) -> None:
        self._refresh()
        self.valueChanged.emit(months)
