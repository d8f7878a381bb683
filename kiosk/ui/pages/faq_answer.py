"""One FAQ answer in large text: paragraphs and lists, where to do it, the calculation it belongs
to, related questions, and its legal basis with the date it was checked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.faq import AnswerBlock, Content, FaqEntry
from kiosk.content.texts import DEFAULT_LANGUAGE, Texts
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.faq_browse import TileGrid, question_button, scrolling_column
from kiosk.ui.widgets.results import Card
from kiosk.ui.widgets.style import button, label

BULLET = "\u2022"


class FaqAnswerScreen(QWidget):
    """Shows one entry at a time. ``entry_opened(id)`` is emitted each time an answer is shown
    (for the anonymous usage counts); ``related_chosen(id)`` and ``journey_requested(page)`` when
    the citizen goes on from it."""

    entry_opened = Signal(str)
    related_chosen = Signal(str)
    journey_requested = Signal(PageId)

    def __init__(self, *, texts: Texts, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = texts
        self._content = content
        self.entry: FaqEntry | None = None
        self.scroll_area, column = scrolling_column(self)
        self.category = label("", "muted")
        self.question = label("", "heading")
        self.question.setObjectName("faq_question")
        self.body = QWidget()
        self._body = QVBoxLayout(self.body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(16)
        self.where = Card()
        self.where.setObjectName("faq_where")
        self.journey_button = button("", "primary", name="faq_journey")
        self.journey_button.clicked.connect(self._on_journey)
        self.related_heading = label(texts.faq.related_title, "subheading")
        self.related = TileGrid(min_width=10_000, max_columns=1)
        self.source = label("", "small")
        self.checked = label("", "small")
        self.content_language = label(texts.faq.content_language, "muted")
        if texts.language == DEFAULT_LANGUAGE:  # the entries themselves are Chinese only
            self.content_language.hide()
        for widget in (
            self.content_language,
            self.category,
            self.question,
            self.body,
            self.where,
            self.journey_button,
            self.related_heading,
            self.related,
            self.source,
            self.checked,
        ):
            column.addWidget(widget)
        column.addStretch(1)

    # public API -------------------------------------------------------------------------------

    def show_entry(self, entry: FaqEntry, *, counted: bool = True) -> None:
        """Show ``entry``; ``counted`` False when coming back to it (not a new opening)."""
        t = self._texts.faq
        self.entry = entry
        self.category.setText(self._content.category(entry.category).title)
        self.question.setText(entry.question)
        self._fill_body(entry.blocks())
        self._fill_where(entry)
        if entry.journey is not None:
            page = PageId(entry.journey.value)
            self.journey_button.setText(t.journey_button.format(title=self._journey_title(page)))
        self.journey_button.setVisible(entry.journey is not None)
        related = [self._content.entry(i) for i in entry.related]
        self.related.set_buttons([question_button(e, self.related_chosen.emit) for e in related])
        self.related_heading.setVisible(bool(related))
        self.related.setVisible(bool(related))
        self.source.setText(t.source.format(source=entry.source))
        self.checked.setText(t.checked.format(date=entry.checked.isoformat()))
        self.scroll_area.verticalScrollBar().setValue(0)
        if counted:
            self.entry_opened.emit(entry.id)

    def paragraphs(self) -> list[str]:
        """The answer's text as shown, one string per paragraph or list item (tests)."""
        return [
            w.text()
            for w in self.body.findChildren(QLabel)
            if w.objectName() in {"faq_paragraph", "faq_item"}
        ]

    # helpers ----------------------------------------------------------------------------------

    def _journey_title(self, page: PageId) -> str:
        home = self._texts.home
        return {
            PageId.RETIREMENT: home.retirement_title,
            PageId.CONTRIBUTION: home.contribution_title,
            PageId.PENSION: home.pension_title,
        }[page]

    def _fill_body(self, blocks: tuple[AnswerBlock, ...]) -> None:
        _clear(self._body)
        for block in blocks:
            if block.kind == "paragraph":
                text = label(block.lines[0])
                text.setObjectName("faq_paragraph")
                self._body.addWidget(text)
                continue
            for line in block.lines:
                row = QWidget()
                layout = QHBoxLayout(row)
                layout.setContentsMargins(16, 0, 0, 0)
                layout.setSpacing(12)
                bullet = label(BULLET, wrap=False)
                item = label(line)
                item.setObjectName("faq_item")
                layout.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
                layout.addWidget(item, 1)
                self._body.addWidget(row)

    def _fill_where(self, entry: FaqEntry) -> None:
        _clear(self.where.column)
        guide = self._content.guide
        self.where.add(label(self._texts.faq.where_title, "subheading"))
        if entry.where_note:
            self.where.add(label(entry.where_note))
        for channel_id in entry.where:
            channel = guide.channel_by_id(channel_id)
            name = label(channel.name, "strong")
            name.setObjectName(f"faq_where_{channel.id}")
            self.where.add(name)
            self.where.add(label(channel.purpose, "muted"))
        self.where.setVisible(bool(entry.where or entry.where_note))

    def _on_journey(self) -> None:
        if self.entry is not None and self.entry.journey is not None:
            self.journey_requested.emit(PageId(self.entry.journey.value))


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # gone from findChildren now, deleted later
            widget.deleteLater()
