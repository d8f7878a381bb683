"""A row of two large paging buttons and the page indicator between them: 上一页 · 第1页，共2页 ·
更多选项 under a paged choice, 向上 · 第1页，共3页 · 向下 under a long text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.ui.widgets.style import button, label


class Pager(QWidget):
    """``previous_requested`` / ``next_requested``; :meth:`show_page` sets the indicator and
    which of the two buttons can be pressed (a pager with one page hides itself)."""

    previous_requested = Signal()
    next_requested = Signal()

    def __init__(
        self,
        *,
        texts: CommonTexts,
        previous: str,
        next_caption: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._texts = texts
        self.previous_button = button(previous, "pager", name=f"{name}_previous")
        self.next_button = button(next_caption, "pager", name=f"{name}_next")
        self.indicator = label("", "page")
        self.indicator.setObjectName(f"{name}_indicator")
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(16)
        self._row.addWidget(self.previous_button, 1)
        self._row.addWidget(self.indicator, 1)
        self._row.addWidget(self.next_button, 1)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.page = 0
        self.pages = 1

    def set_vertical(self, vertical: bool) -> None:
        """向上 at the top, 向下 at the bottom and the page between (a pager beside a scroll area)."""
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        for widget, stretch in (
            (self.previous_button, 0),
            (self.indicator, 1),
            (self.next_button, 0),
        ):
            self._row.setStretchFactor(widget, stretch if vertical else 1)

    def set_texts(self, texts: CommonTexts, *, previous: str, next_caption: str) -> None:
        self._texts = texts
        self.previous_button.setText(previous)
        self.next_button.setText(next_caption)
        self.show_page(self.page, self.pages)

    def show_page(self, page: int, pages: int) -> None:
        """``page`` counts from 0."""
        self.page, self.pages = page, pages
        self.indicator.setText(self._texts.page_of.format(page=page + 1, pages=pages))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < pages - 1)
