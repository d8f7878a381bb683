"""One FAQ answer in large text: paragraphs and lists, where to do it, the calculation it belongs
to, related questions, and its legal basis with the date it was checked."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.faq import AnswerBlock, Content, FaqEntry
from kiosk.content.texts import DEFAULT_LANGUAGE, Texts
from kiosk.ui.pages.faq_browse import QuestionList, scrolling_column
from kiosk.ui.widgets.results import Card
from kiosk.ui.widgets.style import button, label

BULLET = "\u2022"


class FaqAnswerScreen(QWidget):
    """Shows one entry at a time. ``entry_opened(id)`` is emitted each time an answer is shown
    (for the anonymous usage counts); ``related_chosen(id)`` and ``journey_requested(page)`` when
    the citizen goes on from it."""

    entry_opened = Signal(str)
    related_chosen = Signal(str)
    journey_requested = Signal(str)

    def __init__(
        self,
        *,
        texts: Texts,
        content: Content,
        journey_titles: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._texts = texts
        self._journey_titles = journey_titles
        self._content = content
        self.entry: FaqEntry | None = None
        self.scroll_area, column = scrolling_column(self, texts)
        self.category = label("", "muted")
        self.question = label("", "heading")
        self.question.setObjectName("faq_question")
        # Made once, as many lines and places as the longest answer needs, and refilled: opening
        # another answer creates no widget, so the screen switches within a frame.
        self.body = QWidget()
        self._body = QVBoxLayout(self.body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(16)
        self._lines = [_Line() for _ in range(max(_line_count(e) for e in content.entries))]
        for line in self._lines:
            self._body.addWidget(line)
        self.where = Card()
        self.where.setObjectName("faq_where")
        self.where.add(label(texts.faq.where_title, "subheading"))
        self._where_note = label("")
        self.where.add(self._where_note)
        self._places: list[tuple[QLabel, QLabel]] = []
        for _ in range(max(len(e.where) for e in content.entries)):
            name, purpose = label("", "strong"), label("", "muted")
            self.where.add(name)
            self.where.add(purpose)
            self._places.append((name, purpose))
        self.journey_button = button("", "primary", name="faq_journey")
        self.journey_button.clicked.connect(self._on_journey)
        self.related_heading = label(texts.faq.related_title, "subheading")
        self.related = QuestionList(max(len(e.related) for e in content.entries))
        self.related.entry_chosen.connect(self.related_chosen)
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
            title = self._journey_titles[entry.journey]
            self.journey_button.setText(t.journey_button.format(title=title))
        self.journey_button.setVisible(entry.journey is not None)
        related = [self._content.entry(i) for i in entry.related]
        self.related.show_entries(related)
        self.related_heading.setVisible(bool(related))
        self.related.setVisible(bool(related))
        self.source.setText(t.source.format(source=entry.source))
        self.checked.setText(t.checked.format(date=entry.checked.isoformat()))
        self.scroll_area.verticalScrollBar().setValue(0)
        if counted:
            self.entry_opened.emit(entry.id)

    def clear(self) -> None:
        """No entry (a reset): nothing of the last answer is left, shown or not."""
        self.entry = None
        for text in (self.category, self.question, self.source, self.checked):
            text.setText("")
        self._fill_body(())
        self._fill_where(None)
        self.related.show_entries([])

    def paragraphs(self) -> list[str]:
        """The answer's text as shown, one string per paragraph or list item (tests)."""
        return [line.text.text() for line in self._lines if not line.isHidden()]

    # helpers ----------------------------------------------------------------------------------

    def _fill_body(self, blocks: tuple[AnswerBlock, ...]) -> None:
        lines = [(block.kind, line) for block in blocks for line in block.lines]
        if len(lines) > len(self._lines):  # longer than any answer at start
            for _ in range(len(lines) - len(self._lines)):
                self._lines.append(_Line())
                self._body.addWidget(self._lines[-1])
        for position, widget in enumerate(self._lines):
            kind, text = lines[position] if position < len(lines) else ("paragraph", "")
            widget.fill(text, bulleted=kind == "list")
            widget.setVisible(position < len(lines))

    def _fill_where(self, entry: FaqEntry | None) -> None:
        note = entry.where_note if entry is not None else ""
        self._where_note.setText(note)
        self._where_note.setVisible(bool(note))
        channels = [self._content.guide.channel_by_id(i) for i in entry.where] if entry else []
        for position, (name, purpose) in enumerate(self._places):
            channel = channels[position] if position < len(channels) else None
            name.setText(channel.name if channel else "")
            name.setObjectName(f"faq_where_{channel.id}" if channel else "")
            purpose.setText(channel.purpose if channel else "")
            name.setVisible(channel is not None)
            purpose.setVisible(channel is not None)
        self.where.setVisible(bool(channels or note))

    def _on_journey(self) -> None:
        if self.entry is not None and self.entry.journey is not None:
            self.journey_requested.emit(self.entry.journey)


def _line_count(entry: FaqEntry) -> int:
    return sum(len(block.lines) for block in entry.blocks())


class _Line(QWidget):
    """A paragraph, or a list item with its bullet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setSpacing(12)
        self.bullet = label(BULLET, wrap=False)
        self.text = label("")
        self._row.addWidget(self.bullet, 0, Qt.AlignmentFlag.AlignTop)
        self._row.addWidget(self.text, 1)

    def fill(self, text: str, *, bulleted: bool) -> None:
        self.text.setText(text)
        self.text.setObjectName("faq_item" if bulleted else "faq_paragraph")
        self.bullet.setVisible(bulleted)
        self._row.setContentsMargins(16 if bulleted else 0, 0, 0, 0)
