"""缴费年度 in the contribution journey: the current year and the one before, each with its base
limits (a year whose figures are not published yet says which year's it uses), rebuilt when a new
day brings new years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import InputError, figures_for_year
from kiosk.rules.contribution import YearFigures
from kiosk.rules.models import ContributionData
from kiosk.ui.widgets.option_group import Option, OptionGroup

YEAR_COLUMNS = 2
YEARS_OFFERED = 2  # the current year and the one before


@dataclass(frozen=True, slots=True)
class _YearChoice:
    """One option of the year question, and what it was built from (to notice a new day)."""

    year: int
    figures: YearFigures


class YearChoices(QWidget):
    """The year question's input: ``group`` holds the options (a new group after a new day);
    ``chosen`` is emitted when a year is touched."""

    chosen = Signal()

    def __init__(
        self,
        *,
        texts: Texts,
        data: ContributionData,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._texts = texts
        self._data = data
        self._today = today
        self._choices: tuple[_YearChoice, ...] = ()
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.group = OptionGroup([], texts=texts.common)  # replaced by the first rebuild
        self.rebuild()

    def rebuild(self) -> None:
        """(Re)build the year choices for today; kept as they are when nothing changed."""
        choices = self._offered()
        if choices == self._choices:
            return
        self._choices = choices
        t = self._texts.contribution
        options = []
        for choice in choices:
            figures, row = choice.figures, choice.figures.row
            title = (
                t.year_option_provisional.format(year=choice.year, used_year=figures.parameter_year)
                if figures.provisional
                else t.year_option.format(year=choice.year)
            )
            detail = t.year_option_detail.format(
                floor=self._money(row.base_floor), ceiling=self._money(row.base_ceiling)
            )
            if not row.status.is_fact:
                detail = t.year_option_assumed.format(detail=detail)
            options.append(Option(str(choice.year), title, detail))
        old = self.group
        self.group = OptionGroup(options, texts=self._texts.common, columns=YEAR_COLUMNS)
        self.group.setObjectName("year_options")
        self.group.chosen.connect(lambda _key: self.chosen.emit())
        self._column.removeWidget(old)
        old.deleteLater()
        self._column.addWidget(self.group)

    def value(self) -> int | None:
        value = self.group.value()
        return int(value) if value is not None else None

    def clear(self) -> None:
        self.group.clear()

    def figures(self) -> YearFigures | None:
        """The chosen year's figures (or the first offered year's before one is chosen)."""
        year = self.value()
        return next(
            (c.figures for c in self._choices if year is None or c.year == year),
            None,
        )

    def _offered(self) -> tuple[_YearChoice, ...]:
        as_of = self._today()
        choices = []
        for year in range(as_of.year, as_of.year - YEARS_OFFERED, -1):
            try:
                choices.append(_YearChoice(year, figures_for_year(year, self._data, as_of=as_of)))
            except InputError:
                continue  # no figures that early: the year is not offered
        return tuple(choices)

    def _money(self, amount: Decimal) -> str:
        return fmt.money(self._texts.common, amount)
