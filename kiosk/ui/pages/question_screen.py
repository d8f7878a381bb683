"""A question's screen: 第N步 and the question, its help, the input, its notes, what is wrong, and
跳过 / 下一步, laid out for a portrait or a landscape screen."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.pages.question import Question
from kiosk.ui.widgets.kinetic import ScrollPager
from kiosk.ui.widgets.style import button, label

SIDE_BY_SIDE_RATIO = 1.15  # a screen this much wider than tall puts the question beside its input
MARGIN = 40


class QuestionScreen(QWidget):
    """A question's screen: 第N步 and the question, its help, the input, its notes, what is wrong,
    and 跳过 / 下一步. On a portrait screen all of it is one column, 下一步 right under the input;
    on a landscape one the words (question, help, notes, what is wrong) sit left of the input with
    下一步 under them, and the input gets the whole height. The words scroll, with 向上 / 向下,
    when a large text size makes them longer than the screen; the input never scrolls: a choice
    pages itself when it needs more room (更多选项)."""

    def __init__(self, question: Question, texts: Texts, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        common = texts.common
        self.progress = label("", "progress")
        self.progress.setObjectName("progress")
        self.heading = label(question.title, "heading")
        self.title = QWidget()
        title = QHBoxLayout(self.title)
        title.setContentsMargins(0, 0, 0, 0)
        title.setSpacing(24)
        title.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addWidget(self.heading, 1)
        self.help = label(question.help, "muted")
        self.notes = QWidget()
        notes_column = QVBoxLayout(self.notes)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.setSpacing(12)
        for note in question.notes:
            notes_column.addWidget(note)
        self.error = label("", "error")
        self.error.setObjectName("error")
        self.next_button = button(common.next, "primary", name="next")
        self.skip_button = button(common.skip, name="skip")
        self.nav = QWidget()
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(24)
        nav.addWidget(self.skip_button, 1)
        nav.addWidget(self.next_button, 2)
        self._words = QWidget()
        self._words_column = QVBoxLayout(self._words)
        self._words_column.setContentsMargins(0, 0, 0, 0)
        self._words_column.setSpacing(20)
        self.words = ScrollPager(self._words, texts=common, name="words_pager", inset=0)
        self._outer = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._outer.setContentsMargins(MARGIN, 24, MARGIN, 24)
        self._text = QVBoxLayout()
        self._input = QVBoxLayout()
        self._outer.addLayout(self._text)
        self._outer.addLayout(self._input)
        self._side: bool | None = None
        self._arrange(side=False)
        # A screen never makes the window taller than the screen it is on: what does not fit is
        # squeezed, and the layout check reports it. (Left to its layout, a hidden screen laid
        # out for another shape would set the minimum of the whole stack.)
        self.setMinimumSize(1, 1)
        # owned and hidden when unused, not a stray window until the garbage collector runs
        self.help.setVisible(bool(question.help))
        self.notes.setVisible(bool(question.notes))
        self.skip_button.setVisible(question.optional)
        self.error.hide()
        for signal in question.changed:
            signal.connect(self._on_answer_changed)

    def _arrange(self, *, side: bool) -> None:
        if side == self._side:
            return
        self._side = side
        placed = (
            self.title,
            self.help,
            self.notes,
            self.error,
            self.nav,
            self.words,
            self.question.body,
        )
        for column in (self._text, self._input, self._words_column):
            # removeWidget deletes the layout's item: a widget keeps pointing at the first item
            # made for it, and one left alive would hold its size cache stale for good
            for widget in placed:
                column.removeWidget(widget)
            while (item := column.takeAt(0)) is not None:
                shiboken6.delete(item)
        if side:
            self._outer.setDirection(QBoxLayout.Direction.LeftToRight)
            self._outer.setSpacing(56)
            for widget in (self.title, self.help, self.notes, self.error):
                self._words_column.addWidget(widget)
            self._words_column.addStretch(1)
            self._text.addWidget(self.words, 1)
            self._text.addWidget(self.nav)
            self._input.addWidget(self.question.body)
            self._input.addStretch(1)
            self._outer.setStretch(0, 2)
            self._outer.setStretch(1, 3)
            self.words.show()
        else:
            self._outer.setDirection(QBoxLayout.Direction.TopToBottom)
            self._outer.setSpacing(0)
            self.words.hide()
            self.words.setParent(self)
            for widget in (self.title, self.help, self.question.body, self.notes, self.error):
                self._text.addWidget(widget)
            self._text.addWidget(self.nav)
            self._text.addStretch(1)
            self._outer.setStretch(0, 1)
            self._outer.setStretch(1, 0)
        for column in (self._text, self._input):
            column.setSpacing(20)

    def set_help(self, text: str) -> None:
        self.help.setText(text)
        self.help.setVisible(bool(text))

    def side_by_side(self) -> bool:
        return bool(self._side)

    def show_error(self, message: str | None) -> None:
        """Show (or clear) what is wrong, beside the input (scrolled into view when the words
        beside the input scroll)."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        if message and self._side:
            QTimer.singleShot(0, self, self._reveal_error)

    def reveal_error(self) -> None:
        """Scroll what is wrong into view now (the layouts first: it has just been shown)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._reveal_error()

    def _reveal_error(self) -> None:
        if self.error.isVisible() and self._side:
            self.words.area.ensureWidgetVisible(self.error, 0, 0)

    def _on_answer_changed(self, *_args: object) -> None:
        self.show_error(None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(side=size.width() >= SIDE_BY_SIDE_RATIO * size.height())
        super().resizeEvent(event)
