"""Pick a birth year and month by touch: a year stepper and a 12-month grid, range-limited.

No year is preset: the stepper asks 请选择 until touched (its first touch counts from
``start_year``), so a birth year is never taken as given before the citizen chose it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.rules import YearMonth
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.style import button

MONTH_COLUMNS = (6, 4, 3)  # the widest arrangement that fits: 2, 3 or 4 rows of months
MONTH_SPACING = 12


class YearMonthPicker(QWidget):
    """A year-month within ``[earliest, latest]``. ``value()`` is None until both the year and a
    month have been touched; :meth:`missing` says which is still to choose."""

    changed = Signal()

    def __init__(
        self,
        *,
        texts: CommonTexts,
        earliest: YearMonth,
        latest: YearMonth,
        start_year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._earliest, self._latest = earliest, latest
        self._month: int | None = None
        self.year = Stepper(
            minimum=earliest.year,
            maximum=latest.year,
            value=None,
            big_step=10,
            suffix=texts.year_value,
            unset=texts.picker_year,  # 出生年份, until the first − or +
            start=start_year,
        )
        self.year.setObjectName("birth_year")
        self._months = QButtonGroup(self)
        self.month_buttons: dict[int, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(MONTH_SPACING)
        self._columns = 0
        for month in range(1, 13):
            widget = button(texts.month_name.format(month=month), "choice", name=f"month_{month}")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, m=month: self._on_month(m))
            self._months.addButton(widget)
            self.month_buttons[month] = widget
        self._arrange(MONTH_COLUMNS[0])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(self.year)
        column.addLayout(self._grid)
        self.setAccessibleDescription(texts.picker_month)
        self.year.valueChanged.connect(self._on_year)
        self._on_year(self.year.value())

    def value(self) -> YearMonth | None:
        year = self.year.chosen()
        if self._month is None or year is None:
            return None
        return YearMonth(year, self._month)

    def missing(self) -> str | None:
        """``"year"`` or ``"month"`` while that part is not chosen yet, else None."""
        if self.year.chosen() is None:
            return "year"
        return "month" if self._month is None else None

    def error(self, *, missing_year: str, missing_month: str) -> str | None:
        """What to do next, while the year or the month is still to choose."""
        return {"year": missing_year, "month": missing_month}.get(self.missing() or "")

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
        self.year.set_value(None)
        self._on_year(self.year.value())

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for month, widget in self.month_buttons.items():
            self._grid.addWidget(widget, (month - 1) // columns, (month - 1) % columns)
        for column in range(MONTH_COLUMNS[0]):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        widest = max(widget.sizeHint().width() for widget in self.month_buttons.values())
        width = event.size().width()
        fits = next(
            (c for c in MONTH_COLUMNS if c * widest + (c - 1) * MONTH_SPACING <= width),
            MONTH_COLUMNS[-1],
        )
        self._arrange(fits)
        super().resizeEvent(event)
