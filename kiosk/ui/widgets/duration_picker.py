"""Years and months by touch (cumulative contribution years): two steppers, no typing, and no
number until the citizen has chosen one (15 years, the minimum, once stood there and answered
"do I qualify?" for whoever pressed 下一步)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.style import label

MONTHS_PER_YEAR = 12


class DurationPicker(QWidget):
    """A duration in months, shown as years (0..``max_years``) and months (0..11). ``value()`` is
    None until either stepper is touched (then the other counts as 0)."""

    changed = Signal()

    def __init__(
        self,
        *,
        texts: CommonTexts,
        years_caption: str,
        months_caption: str,
        max_years: int = 50,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.years = Stepper(
            minimum=0,
            maximum=max_years,
            value=None,
            big_step=5,
            suffix=texts.count_years,
            unset=texts.picker_unset,
        )
        self.months = Stepper(
            minimum=0, maximum=11, value=None, suffix=texts.count_months, unset=texts.picker_unset
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        grid.addWidget(label(years_caption, "subheading", wrap=False), 0, 0)
        grid.addWidget(self.years, 0, 1)
        grid.addWidget(label(months_caption, "subheading", wrap=False), 1, 0)
        grid.addWidget(self.months, 1, 1)
        grid.setColumnStretch(1, 1)
        self.years.valueChanged.connect(lambda _value: self._on_touched(self.months))
        self.months.valueChanged.connect(lambda _value: self._on_touched(self.years))

    def value(self) -> int | None:
        """The duration in months, None until chosen."""
        if self.years.chosen() is None and self.months.chosen() is None:
            return None
        return self.total_months()

    def total_months(self) -> int:
        """The duration in months (0 while none is chosen)."""
        return (self.years.chosen() or 0) * MONTHS_PER_YEAR + (self.months.chosen() or 0)

    def set_total_months(self, months: int | None) -> None:
        if months is None:
            self.clear()
            return
        self.years.set_value(months // MONTHS_PER_YEAR)
        self.months.set_value(months % MONTHS_PER_YEAR)
        self.changed.emit()

    def clear(self) -> None:
        self.years.set_value(None)
        self.months.set_value(None)
        self.changed.emit()

    def _on_touched(self, other: Stepper) -> None:
        if other.chosen() is None:
            other.set_value(0)
        self.changed.emit()
