"""A column (or grid) of big exclusive choices, each a :class:`RichButton`, paged when they do not
all fit the room the screen gives them: then a 上一页 · 第1页，共2页 · 更多选项 row under them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QSizePolicy, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.ui.widgets.pager import Pager
from kiosk.ui.widgets.rich_button import RichButton

SPACING = 16
UNLAID_WIDTH = 800  # the width a hint is worked out for before the group has one


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    title: str
    detail: str = ""


class OptionGroup(QWidget):
    """Exclusive choice among ``options``; ``chosen(key)`` is emitted on every touch.

    Up to ``columns`` to a row, fewer when a title would not fit on one line. Laid out by hand:
    its size hint asks for every row, its minimum for one row and the pager, and it pages the
    rows into whatever height it gets (each page as many whole rows as fit)."""

    chosen = Signal(str)

    def __init__(
        self,
        options: Sequence[Option],
        *,
        texts: CommonTexts,
        columns: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, RichButton] = {}
        self._max_columns = max(1, columns)
        self.pages: list[list[RichButton]] = []
        self.page = 0
        self.pager = Pager(
            texts=texts,
            previous=texts.page_previous,
            next_caption=texts.page_more,
            name="options_pager",
            parent=self,
        )
        self.pager.hide()
        self.pager.previous_requested.connect(lambda: self.show_page(self.page - 1))
        self.pager.next_requested.connect(lambda: self.show_page(self.page + 1))
        for option in options:
            button = RichButton(option.title, option.detail, role="option")
            button.setParent(self)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, key=option.key: self._on_clicked(key))
            self._group.addButton(button)
            self._buttons[option.key] = button
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    # public API -------------------------------------------------------------------------------

    def value(self) -> str | None:
        return next((key for key, b in self._buttons.items() if b.isChecked()), None)

    def set_value(self, key: str | None) -> None:
        if key is None:
            self.clear()
            return
        self._buttons[key].setChecked(True)
        self._show_checked()

    def clear(self) -> None:
        self._group.setExclusive(False)
        for button in self._buttons.values():
            button.setChecked(False)
        self._group.setExclusive(True)
        self.show_page(0)

    def button(self, key: str) -> RichButton:
        return self._buttons[key]

    def keys(self) -> list[str]:
        return list(self._buttons)

    def shown(self) -> list[str]:
        """The options on the page shown, in order."""
        return [key for key, button in self._buttons.items() if not button.isHidden()]

    def show_page(self, page: int) -> None:
        """Show page ``page`` (from 0) of the options (clamped)."""
        self.page = min(max(page, 0), max(len(self.pages) - 1, 0))
        self._place()

    def page_of(self, key: str) -> int:
        """The page the option ``key`` is on."""
        button = self._buttons[key]
        return next((i for i, page in enumerate(self.pages) if button in page), 0)

    # layout -------------------------------------------------------------------------------------

    def _columns_for(self, width: int) -> int:
        natural = max((b.natural_width() for b in self._buttons.values()), default=1)
        fits = max(1, (width + SPACING) // (natural + SPACING))
        return min(self._max_columns, fits, max(1, len(self._buttons)))

    def _rows(self, width: int) -> tuple[int, list[tuple[list[RichButton], int]]]:
        """The column width and the rows of buttons, each with its height, at ``width``."""
        columns = self._columns_for(width)
        column_width = max(1, (width - (columns - 1) * SPACING) // columns)
        buttons = list(self._buttons.values())
        rows = []
        for start in range(0, len(buttons), columns):
            row = buttons[start : start + columns]
            height = max(max(b.heightForWidth(column_width), b.minimumHeight()) for b in row)
            rows.append((row, height))
        return column_width, rows

    def _width(self) -> int:
        return self.width() if self.width() > 1 else UNLAID_WIDTH

    def sizeHint(self) -> QSize:
        _, rows = self._rows(self._width())
        height = sum(h for _, h in rows) + SPACING * max(0, len(rows) - 1)
        natural = max((b.natural_width() for b in self._buttons.values()), default=0)
        return QSize(natural, height)

    def minimumSizeHint(self) -> QSize:
        _, rows = self._rows(self._width())
        tallest = max((h for _, h in rows), default=0)
        if len(rows) <= 1:
            return QSize(0, tallest)
        return QSize(0, tallest + SPACING + self.pager.sizeHint().height())

    def _paginate(self) -> None:
        _, rows = self._rows(self.width())
        full = sum(h for _, h in rows) + SPACING * max(0, len(rows) - 1)
        pages: list[list[RichButton]] = []
        if full <= self.height() + 1:
            pages = [[b for row, _ in rows for b in row]]
        else:
            room = self.height() - self.pager.sizeHint().height() - SPACING
            used = 0
            for row, height in rows:
                needed = height if used == 0 else used + SPACING + height
                if pages and used and needed <= room:
                    pages[-1].extend(row)
                    used = needed
                else:
                    pages.append(list(row))
                    used = height
        self.pages = pages

    def _place(self) -> None:
        column_width, rows = self._rows(self.width())
        paged = len(self.pages) > 1
        shown = set(self.pages[self.page]) if self.pages else set()
        y = 0
        for row, height in rows:
            on_page = [b for b in row if b in shown]
            for button in row:
                button.setVisible(button in shown)
            if not on_page:
                continue
            for index, button in enumerate(row):
                x = index * (column_width + SPACING)
                button.setGeometry(QRect(x, y, column_width, height))
            y += height + SPACING
        self.pager.setVisible(paged)
        if paged:
            pager_height = self.pager.sizeHint().height()
            self.pager.setGeometry(
                QRect(0, self.height() - pager_height, self.width(), pager_height)
            )
            self.pager.show_page(self.page, len(self.pages))

    def _relayout(self) -> None:
        """Page again for the room there is now; a new paging shows the chosen option's page,
        the same paging keeps the page shown."""
        before = [list(page) for page in self.pages]
        self._paginate()
        if self.pages == before:
            self._place()
        else:
            self._show_checked(keep=True)

    def _show_checked(self, *, keep: bool = False) -> None:
        """The page holding the chosen option (else the page shown, or the first)."""
        key = self.value()
        page = self.page_of(key) if key is not None else (self.page if keep else 0)
        self.show_page(page)

    def _on_clicked(self, key: str) -> None:
        self.chosen.emit(key)

    # Qt overrides ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a button's text or font changed
            self.updateGeometry()
            self._relayout()
        return super().event(event)
