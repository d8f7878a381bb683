"""The FAQ's first two screens: the categories as big tiles (with the way into search), and the
questions of one category, each a big button. Both scroll with a flick."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.content.faq import Content, FaqCategory, FaqEntry
from kiosk.content.texts import DEFAULT_LANGUAGE, Texts
from kiosk.ui.widgets.kinetic import KineticScrollArea, ScrollPager
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.style import label

TILE_MIN_WIDTH = 460
SPACING = 20


def scrolling_column(owner: QWidget, texts: Texts) -> tuple[KineticScrollArea, QVBoxLayout]:
    """``owner`` filled by a flick-scrolled column with the pages' usual margins, and 向上 /
    向下 under it when it is longer than the screen."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(40, 24, 40, 24)
    column.setSpacing(SPACING)
    pager = ScrollPager(content, texts=texts.common, beside=True)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(pager)
    return pager.area, column


class TileGrid(QWidget):
    """Buttons as many to a row as fit at ``min_width`` each (at most ``max_columns``)."""

    def __init__(
        self,
        *,
        min_width: int = TILE_MIN_WIDTH,
        max_columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._widgets: list[RichButton] = []
        self._min_width = min_width
        self._max_columns = max_columns
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)

    @property
    def buttons(self) -> list[RichButton]:
        return list(self._widgets)

    def set_buttons(self, buttons: Sequence[RichButton]) -> None:
        for old in self._widgets:
            self._grid.removeWidget(old)
            old.hide()
            old.setParent(None)  # off screen and out of findChildren now, deleted later
            old.deleteLater()
        self._widgets = list(buttons)
        self._columns = 0
        self._arrange(self._fitting(self.width()) if self.width() > 0 else 1)

    def _fitting(self, width: int) -> int:
        return max(1, min(self._max_columns, (width + SPACING) // (self._min_width + SPACING)))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, i // columns, i % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._fitting(event.size().width()))
        super().resizeEvent(event)


class QuestionList(TileGrid):
    """Question buttons, one to a row, made once and refilled: another category's questions or
    another answer's related ones need no new widget, so the screen switches within a frame.
    ``buttons`` are the ones showing; a touch emits ``entry_chosen(id)``."""

    entry_chosen = Signal(str)

    def __init__(self, size: int, *, parent: QWidget | None = None) -> None:
        super().__init__(min_width=10_000, max_columns=1, parent=parent)
        self._shown = 0
        self.set_buttons([self._slot() for _ in range(size)])

    @property
    def buttons(self) -> list[RichButton]:
        return self._widgets[: self._shown]

    def show_entries(self, entries: Sequence[FaqEntry]) -> None:
        if len(entries) > len(self._widgets):  # more than the content had at start
            self.set_buttons(
                [*self._widgets, *(self._slot() for _ in entries[len(self._widgets) :])]
            )
        for position, widget in enumerate(self._widgets):
            entry = entries[position] if position < len(entries) else None
            question = entry.question if entry is not None else ""  # nothing left behind
            if widget.title_label.text() != question:
                widget.title_label.setText(question)
                widget.setAccessibleName(question)
                widget.setProperty("entry", entry.id if entry is not None else "")
            widget.setVisible(entry is not None)
        self._shown = len(entries)

    def _slot(self) -> RichButton:
        widget = RichButton("", role="option")
        widget.setObjectName("faq_question")
        widget.clicked.connect(
            lambda _=False, w=widget: self.entry_chosen.emit(w.property("entry"))
        )
        widget.hide()
        return widget


class FaqCategoriesScreen(QWidget):
    """常见问题: the search button, then one tile per category with its number of questions."""

    category_chosen = Signal(str)
    search_requested = Signal()
    guide_requested = Signal()

    def __init__(
        self,
        *,
        texts: Texts,
        content: Content,
        search_icon: QIcon,
        guide_icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        t = texts.faq
        self.scroll_area, column = scrolling_column(self, texts)
        self.search_button = RichButton(
            t.search_button, t.search_hint, role="tile", icon=search_icon, icon_size=72
        )
        self.search_button.setObjectName("faq_search_open")
        self.search_button.clicked.connect(self.search_requested)
        self.tiles: dict[str, RichButton] = {}
        for category in content.categories:
            count = t.category_count.format(count=len(content.in_category(category.id)))
            tile = RichButton(category.title, f"{category.line}\n{count}", role="tile")
            tile.setObjectName(f"faq_category_{category.id}")
            tile.clicked.connect(lambda _=False, c=category.id: self.category_chosen.emit(c))
            self.tiles[category.id] = tile
        self.guide_button = RichButton(
            t.guide_tile_title, t.guide_tile_line, role="tile", icon=guide_icon, icon_size=72
        )
        self.guide_button.setObjectName("faq_guide_open")
        self.guide_button.clicked.connect(self.guide_requested)
        grid = TileGrid()
        grid.set_buttons([*self.tiles.values(), self.guide_button])
        column.addWidget(label(t.title, "heading"))
        column.addWidget(label(t.prompt, "muted"))
        if texts.language != DEFAULT_LANGUAGE:  # the entries themselves are Chinese only
            note = label(t.content_language, "strong")
            note.setObjectName("faq_content_language")
            column.addWidget(note)
        column.addWidget(self.search_button)
        column.addWidget(grid)
        column.addStretch(1)


class FaqListScreen(QWidget):
    """The questions of one category, in the content's order."""

    entry_chosen = Signal(str)

    def __init__(self, *, texts: Texts, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroll_area, column = scrolling_column(self, texts)
        self.heading = label("", "heading")
        self.line = label("", "muted")
        longest = max(len(content.in_category(c.id)) for c in content.categories)
        self.list = QuestionList(longest)
        self.list.entry_chosen.connect(self.entry_chosen)
        self.category_id = ""
        column.addWidget(self.heading)
        column.addWidget(self.line)
        column.addWidget(self.list)
        column.addStretch(1)

    def show_category(self, category: FaqCategory, entries: Sequence[FaqEntry]) -> None:
        self.category_id = category.id
        self.heading.setText(category.title)
        self.line.setText(category.line)
        self.list.show_entries(entries)
        self.scroll_area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        """No category (a reset): nothing of the last one is left, shown or not."""
        self.category_id = ""
        self.heading.setText("")
        self.line.setText("")
        self.list.show_entries([])

    def question_buttons(self) -> list[RichButton]:
        return self.list.buttons
