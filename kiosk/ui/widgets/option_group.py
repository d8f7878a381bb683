"""A column (or grid) of big exclusive choices, each a :class:`RichButton`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QWidget

from kiosk.ui.widgets.rich_button import RichButton

SPACING = 16


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    title: str
    detail: str = ""


class OptionGroup(QWidget):
    """Exclusive choice among ``options``; ``chosen(key)`` is emitted on every touch."""

    chosen = Signal(str)

    def __init__(
        self, options: Sequence[Option], *, columns: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, RichButton] = {}
        self._max_columns = max(1, columns)
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        for option in options:
            button = RichButton(option.title, option.detail, role="option")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, key=option.key: self._on_clicked(key))
            self._group.addButton(button)
            self._buttons[option.key] = button
        self._arrange(self._max_columns)

    def value(self) -> str | None:
        return next((key for key, b in self._buttons.items() if b.isChecked()), None)

    def set_value(self, key: str | None) -> None:
        if key is None:
            self.clear()
            return
        self._buttons[key].setChecked(True)

    def clear(self) -> None:
        self._group.setExclusive(False)
        for button in self._buttons.values():
            button.setChecked(False)
        self._group.setExclusive(True)

    def button(self, key: str) -> RichButton:
        return self._buttons[key]

    def keys(self) -> list[str]:
        return list(self._buttons)

    def _arrange(self, columns: int) -> None:
        """Lay the buttons out ``columns`` to a row (fewer when the screen is narrow)."""
        if columns == self._columns:
            return
        self._columns = columns
        for position, button in enumerate(self._buttons.values()):
            self._grid.addWidget(button, position // columns, position % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def _on_clicked(self, key: str) -> None:
        self.chosen.emit(key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        natural = max((b.natural_width() for b in self._buttons.values()), default=1)
        fits = max(1, (event.size().width() + SPACING) // (natural + SPACING))
        self._arrange(min(self._max_columns, fits))
        super().resizeEvent(event)
