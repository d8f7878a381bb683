"""Years and months by touch (cumulative contribution years): two steppers, no typing."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.style import label


class DurationPicker(QWidget):
    """A duration in months, shown as years (0..``max_years``) and months (0..11)."""

    def __init__(
        self,
        *,
        texts: CommonTexts,
        years_caption: str,
        months_caption: str,
        max_years: int = 50,
        initial_years: int = 15,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._initial_years = initial_years
        self.years = Stepper(
            minimum=0, maximum=max_years, value=initial_years, big_step=5, suffix=texts.count_years
        )
        self.months = Stepper(minimum=0, maximum=11, value=0, suffix=texts.count_months)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        grid.addWidget(label(years_caption, "subheading", wrap=False), 0, 0)
        grid.addWidget(self.years, 0, 1)
        grid.addWidget(label(months_caption, "subheading", wrap=False), 1, 0)
        grid.addWidget(self.months, 1, 1)
        grid.setColumnStretch(1, 1)

    def total_months(self) -> int:
        return self.years.value() * 12 + self.months.value()

    def set_total_months(self, months: int) -> None:
        self.years.set_value(months // 12)
        self.months.set_value(months % 12)

    def clear(self) -> None:
        self.years.set_value(self._initial_years)
        self.months.set_value(0)
