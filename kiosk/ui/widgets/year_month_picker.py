"""Pick a birth year and month by touch: a year stepper and a 12-month grid, range-limited."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.rules import YearMonth
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.style import button, label


class YearMonthPicker(QWidget):
    """A year-month within ``[earliest, latest]``. ``value()`` is None until a month is touched."""

    changed = Signal()

    def __init__(
        self,
        *,
        texts: CommonTexts,
        earliest: YearMonth,
        latest: YearMonth,
        initial_year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._earliest, self._latest = earliest, latest
        self._initial_year = initial_year
        self._month: int | None = None
        self.year = Stepper(
            minimum=earliest.year,
            maximum=latest.year,
            value=initial_year,
            big_step=10,
            suffix=texts.year_value,
        )
        self._months = QButtonGroup(self)
        self.month_buttons: dict[int, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for month in range(1, 13):
            widget = button(texts.month_name.format(month=month), "choice", name=f"month_{month}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, m=month: self._on_month(m))
            self._months.addButton(widget)
            self.month_buttons[month] = widget
            grid.addWidget(widget, (month - 1) // 6, (month - 1) % 6)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(label(texts.picker_year, "subheading"))
        column.addWidget(self.year)
        column.addWidget(label(texts.picker_month, "subheading"))
        column.addLayout(grid)
        self.year.valueChanged.connect(self._on_year)
        self._on_year(self.year.value())

    def value(self) -> YearMonth | None:
        if self._month is None:
            return None
        return YearMonth(self.year.value(), self._month)

    def set_value(self, value: YearMonth | None) -> None:
        if value is None:
            self.clear()
            return
        self.year.set_value(value.year)
        self._on_month(value.month)
        self.month_buttons[value.month].setChecked(True)

    def clear(self) -> None:
        self._month = None
        self._months.setExclusive(False)
        for widget in self.month_buttons.values():
            widget.setChecked(False)
        self._months.setExclusive(True)
        self.year.set_value(self._initial_year)
        self.changed.emit()

    def _on_year(self, year: int) -> None:
        for month, widget in self.month_buttons.items():
            allowed = self._earliest <= YearMonth(year, month) <= self._latest
            widget.setEnabled(allowed)
            if not allowed and self._month == month:
                self._month = None
                # An exclusive group refuses to uncheck its checked button (as in clear()).
                self._months.setExclusive(False)
                widget.setChecked(False)
                self._months.setExclusive(True)
        self.changed.emit()

    def _on_month(self, month: int) -> None:
        self._month = month
        self.changed.emit()
