"""Search the FAQ: a search field, the results (updated on every key), and the touch keyboard.

A clerk's hardware keyboard types into the field directly, Chinese through the system input method
too; a citizen uses the touch keyboard (pinyin or initials), which sits right under the field. The
results are beside the two on a landscape screen and under them on a portrait one, with 向下 when
they are more than the screen holds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.content.faq import Content
from kiosk.content.search import Hit, SearchIndex
from kiosk.content.texts import Texts
from kiosk.ui.pages.faq_browse import SPACING, QuestionList, TileGrid
from kiosk.ui.widgets.kinetic import ScrollPager
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.style import label
from kiosk.ui.widgets.touch_keyboard import TouchKeyboard

MAX_SHOWN = 12
SIDE_BY_SIDE_RATIO = 1.15  # a screen this much wider than tall puts the results beside
KEYBOARD_SHARE = 0.58  # of the width, side by side


class FaqSearchScreen(QWidget):
    """``entry_chosen(id)`` on a result, ``category_chosen(id)`` on a category offered when
    nothing matched."""

    entry_chosen = Signal(str)
    category_chosen = Signal(str)

    def __init__(
        self, *, texts: Texts, content: Content, index: SearchIndex, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        t = texts.faq
        self._texts = texts
        self.index = index
        self.hits: list[Hit] = []
        self.field = QLineEdit()
        self.field.setObjectName("faq_search_field")
        self.field.setProperty("role", "search")
        self.field.setPlaceholderText(t.search_placeholder)
        self.field.setAccessibleName(t.search_title)
        self.field.setClearButtonEnabled(False)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.keyboard = TouchKeyboard(
            delete_caption=texts.common.keypad_delete,
            clear_caption=texts.common.keypad_clear,
            space_caption=t.key_space,
        )
        self.status = label(t.search_prompt, "muted")
        self.status.setObjectName("faq_search_status")
        self.results = QuestionList(MAX_SHOWN)
        self.results.entry_chosen.connect(self.entry_chosen)
        self.categories = TileGrid(min_width=420, max_columns=2)
        self.categories.set_buttons(
            [self._category_button(c.id, c.title) for c in content.categories]
        )
        self._setup_ui()
        # The keyboard goes beside the results once the screen is wide; the portrait layout's
        # height must not stop a window turning landscape from shrinking to get there.
        self.setMinimumSize(1, 1)
        self._connect_signals()
        self._refresh()

    def _setup_ui(self) -> None:
        results = QWidget()
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(self.results)
        column.addWidget(self.categories)
        column.addStretch(1)
        self.pager = ScrollPager(results, texts=self._texts.common, name="search_pager", inset=0)
        self.scroll_area = self.pager.area
        entry = QVBoxLayout()
        entry.setSpacing(12)
        entry.addWidget(self.field)
        entry.addWidget(self.keyboard)
        entry.addStretch(1)
        found = QVBoxLayout()
        found.setSpacing(12)
        found.addWidget(self.status)
        found.addWidget(self.pager, 1)
        self._split = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._split.setContentsMargins(40, 24, 40, 16)
        self._split.setSpacing(24)
        self._split.addLayout(entry, 0)
        self._split.addLayout(found, 1)

    def _connect_signals(self) -> None:
        self.keyboard.pressed.connect(self._on_key)
        self.field.textChanged.connect(self._refresh)

    # public API -------------------------------------------------------------------------------

    def clear(self) -> None:
        self.field.clear()

    def query(self) -> str:
        return self.field.text()

    def shown_questions(self) -> list[str]:
        return [b.text() for b in self.results.buttons]

    def focus_field(self) -> None:
        """For the clerk's hardware keyboard (the touch keyboard never takes the focus)."""
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    # slots --------------------------------------------------------------------------------------

    def _on_key(self, key: str) -> None:
        if key == "delete":
            self.field.backspace()
        elif key == "clear":
            self.field.clear()
        elif key == "space":
            self.field.insert(" ")
        else:
            self.field.insert(key)

    def _refresh(self) -> None:
        t = self._texts.faq
        query = self.field.text()
        self.hits = self.index.search(query) if query.strip() else []
        self.results.show_entries([hit.entry for hit in self.hits[:MAX_SHOWN]])
        if not query.strip():
            message = t.search_prompt
        elif not self.hits:
            message = t.no_results.format(query=query.strip())
        elif len(self.hits) > MAX_SHOWN:
            message = t.results_more.format(count=len(self.hits), shown=MAX_SHOWN)
        else:
            message = t.results_count.format(count=len(self.hits))
        self.status.setText(message)
        self.categories.setVisible(bool(query.strip()) and not self.hits)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _category_button(self, category_id: str, title: str) -> RichButton:
        widget = RichButton(title, role="option")
        widget.setObjectName(f"faq_search_category_{category_id}")
        widget.clicked.connect(lambda _=False, c=category_id: self.category_chosen.emit(c))
        return widget

    # Qt overrides ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        wide = size.width() >= SIDE_BY_SIDE_RATIO * size.height()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._split.direction() != direction:
            self._split.setDirection(direction)
        width = round(size.width() * KEYBOARD_SHARE) if wide else 16_777_215
        self.keyboard.setMaximumWidth(width)
        self.field.setMaximumWidth(width)
        super().resizeEvent(event)
