"""The shape every calculation journey shares: one question per screen, then the result.

Going back keeps every answer; :meth:`Journey.reset` (首页, 重新开始, idle) clears them all.
A subclass lists its :class:`Question` objects and turns the answers into a
:class:`~kiosk.present.Presentation`; the result view, the sheet and its QR code all draw that.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present import Presentation, Sheet, make_sheet
from kiosk.rules import InputError
from kiosk.ui.widgets.kinetic import ScrollPager
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.style import button, label

if TYPE_CHECKING:
    from kiosk.ui.print_actions import SheetActions, TakeAway

SIDE_BY_SIDE_RATIO = 1.15  # a screen this much wider than tall puts the question beside its input
MARGIN = 40
ACTION_SPACING = 12


def _always() -> bool:
    return True


@dataclass
class Question:
    """One screen of a journey. ``validate`` returns what to do, in plain words, or None.

    ``notes`` are more words about the input (the limits of an amount, say): under it on a
    portrait screen, under the question beside it on a landscape one. ``changed`` are the signals
    the input emits when the answer changes: an error shown on the screen goes at once."""

    key: str
    title: str
    body: QWidget
    validate: Callable[[], str | None]
    clear: Callable[[], None]
    help: str = ""
    optional: bool = False
    skip: Callable[[], None] | None = None
    relevant: Callable[[], bool] = field(default=_always)
    notes: Sequence[QWidget] = ()
    changed: Sequence[SignalInstance] = ()


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


class ResultFrame(QWidget):
    """A result's frame, made once and refilled: the result scrolls, with 向上 / 向下 under it
    when it is longer than the screen; the take-away actions (打印 / 保存PDF / 扫码带走) and
    修改回答 / 重新开始 / 首页 share one row under it, or two when one row would not hold them."""

    def __init__(self, *, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        common = texts.common
        self.setObjectName("result")
        self.scroller = ScrollPager(texts=common, name="result_pager", beside=True)
        self.change_button = button(common.change_answer, name="change_answer")
        self.again_button = button(common.start_over, name="start_over")
        self.home_button = button(common.home, "primary", name="result_home")
        self.take_away: QWidget | None = None
        self._actions = QVBoxLayout()
        self._actions.setContentsMargins(MARGIN, 8, MARGIN, 16)
        self._actions.setSpacing(ACTION_SPACING)
        self._first_row = QHBoxLayout()
        self._second_row = QHBoxLayout()
        for row in (self._first_row, self._second_row):
            row.setSpacing(ACTION_SPACING)
            self._actions.addLayout(row)
        self._rows = 0
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.scroller, 1)
        column.addLayout(self._actions)
        self._arrange(1)
        self.setMinimumSize(1, 1)

    def set_take_away(self, actions: QWidget | None) -> None:
        """The result's take-away row (its parent is this frame: its QR view covers the frame)."""
        self.take_away = actions
        self._rows = 0
        self._arrange(self._rows_needed(self.width()))

    def nav_buttons(self) -> list[QPushButton]:
        return [self.change_button, self.again_button, self.home_button]

    def _rows_needed(self, width: int) -> int:
        if self.take_away is None:
            return 1
        margins = self._actions.contentsMargins()
        widgets: list[QWidget] = [self.take_away, *self.nav_buttons()]
        for widget in widgets:
            widget.ensurePolished()  # measured in the theme's fonts, not the default ones
            for child in widget.findChildren(QWidget):
                child.ensurePolished()
        # the take-away row shares its width out evenly: each of its buttons as wide as the widest
        shown = [b for b in self.take_away.findChildren(QPushButton) if not b.isHidden()]
        widest = max((b.sizeHint().width() for b in shown), default=0)
        take_away = len(shown) * (widest + ACTION_SPACING)
        needed = take_away + sum(w.sizeHint().width() + ACTION_SPACING for w in self.nav_buttons())
        return 1 if needed <= width - margins.left() - margins.right() else 2

    def _arrange(self, rows: int) -> None:
        if rows == self._rows:
            return
        self._rows = rows
        widgets: list[QWidget] = [*self.nav_buttons()]
        if self.take_away is not None:
            widgets.insert(0, self.take_away)
        for row in (self._first_row, self._second_row):
            for widget in widgets:
                row.removeWidget(widget)
        nav_row = self._first_row
        if self.take_away is not None:
            self._first_row.addWidget(self.take_away, 1)
            if rows == 2:
                nav_row = self._second_row
        for widget in self.nav_buttons():
            # each as wide as its words (a stretch would share the row out regardless of them)
            nav_row.addWidget(widget, 0 if rows == 1 and self.take_away is not None else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._rows_needed(event.size().width()))
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:  # a new text size
            self._arrange(self._rows_needed(self.width()))
        return super().event(event)


class Journey(QWidget):
    """Base of the retirement, contribution and pension journeys."""

    home_requested = Signal()
    result_shown = Signal()
    continue_requested = Signal(str)  # go on to another journey (its id) with this visit's answers

    def __init__(
        self, *, texts: Texts, rules_updated: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.texts = texts
        self._rules_updated = rules_updated
        self.presentation: Presentation | None = None  # the result shown, worded
        self._earlier_results: list[Presentation] = []  # under one shown on top (返回)
        self.result_view: ResultView | None = None
        self.stack = QStackedWidget()
        self.screens: list[QuestionScreen] = []
        self.result_area: QWidget | None = None  # the result frame while it holds a result
        self._result_shell: ResultFrame | None = None
        self._result_actions: SheetActions | None = None  # the result's take-away row
        self.take_away: TakeAway | None = None  # 打印 / 保存PDF / 扫码带走 under the result
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def add_questions(self, questions: list[Question]) -> None:
        """Called once by the subclass after it has built its input widgets."""
        for question in questions:
            screen = QuestionScreen(question, self.texts)
            screen.next_button.clicked.connect(lambda _=False, s=screen: self._on_next(s))
            screen.skip_button.clicked.connect(lambda _=False, s=screen: self._on_skip(s))
            for signal in question.changed:  # an answer can add or drop a later question
                signal.connect(lambda *_args, s=screen: self._label_next(s))
            self.screens.append(screen)
            self.stack.addWidget(screen)
        self._make_result_shell()
        self._show_screen(0)

    # to implement -----------------------------------------------------------------------------

    def present(self) -> Presentation:
        """Compute from the answers and present the result. May raise InputError."""
        raise NotImplementedError

    def decorate(self, view: ResultView) -> None:
        """Add the journey's own actions to a result just shown (a next journey, say)."""

    @staticmethod
    def _required(value: object, message: str) -> str | None:
        """A question's check: ``message`` (what to do) while the answer is not given yet."""
        return None if value is not None else message

    def question_for_field(self, field_name: str) -> str | None:
        """The question key an InputError's field belongs to (to show the message there)."""
        return None

    def sheet(self, created: datetime) -> Sheet | None:
        """The result shown now as a take-away sheet (测算单); None before there is a result."""
        if self.presentation is None or self._rules_updated is None:
            return None
        return make_sheet(
            self.presentation, self.texts, created=created, rules_updated=self._rules_updated
        )

    def error_text(self, error: InputError) -> str:
        """A rule's refusal in the catalogue's words, naming the answer and its real limits."""
        return fmt.error_text(self.texts, error)

    # public API -------------------------------------------------------------------------------

    def current_screen(self) -> QuestionScreen | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, QuestionScreen) else None

    def question_screen(self, key: str) -> QuestionScreen:
        return next(s for s in self.screens if s.question.key == key)

    def showing_result(self) -> bool:
        return self.result_area is not None and self.stack.currentWidget() is self.result_area

    def go_back(self) -> bool:
        """One screen back, answers kept. False when already on the first question."""
        if self.showing_result() and self._earlier_results:
            self.show_presentation(self._earlier_results.pop())
            return True
        if self.showing_result():
            self._show_screen(self._relevant_indexes()[-1])
            return True
        current = self.current_screen()
        indexes = self._relevant_indexes()
        position = indexes.index(self.screens.index(current)) if current in self.screens else 0
        if position == 0:
            return False
        self._show_screen(indexes[position - 1])
        return True

    def start_from_session(self) -> None:
        """Start afresh, arriving from another journey (a subclass takes what it already knows)."""
        self.reset()

    def go_to(self, key: str) -> None:
        self._show_screen(self.screens.index(self.question_screen(key)))

    def reset(self) -> None:
        """Clear every answer and the result, and return to the first question."""
        self.presentation = None
        self._earlier_results = []
        for screen in self.screens:
            screen.question.clear()
            screen.show_error(None)
        self._drop_result()
        self._show_screen(0)

    def next(self) -> None:
        """Press 下一步 on the current question (tests and the self-test drive journeys this way)."""
        current = self.current_screen()
        if current is not None:
            self._on_next(current)

    # slots --------------------------------------------------------------------------------------

    def _on_next(self, screen: QuestionScreen) -> None:
        error = screen.question.validate()
        screen.show_error(error)
        if error:
            return
        self._advance(screen)

    def _on_skip(self, screen: QuestionScreen) -> None:
        if screen.question.skip is not None:
            screen.question.skip()
        else:
            screen.question.clear()
        screen.show_error(None)
        self._advance(screen)

    # helpers ----------------------------------------------------------------------------------

    def _advance(self, screen: QuestionScreen) -> None:
        indexes = self._relevant_indexes()
        position = indexes.index(self.screens.index(screen))
        if position + 1 < len(indexes):
            self._show_screen(indexes[position + 1])
        else:
            self._show_result()

    def _relevant_indexes(self) -> list[int]:
        return [i for i, s in enumerate(self.screens) if s.question.relevant()]

    def _show_screen(self, index: int) -> None:
        """第N步 with no total (the number of questions can depend on the answers, and a total
        that changes on the way confuses); the last question's button says 查看结果."""
        if not self.screens:
            return
        indexes = self._relevant_indexes()
        screen = self.screens[index]
        if index in indexes:
            screen.progress.setText(
                self.texts.common.step_number.format(current=indexes.index(index) + 1)
            )
        self._label_next(screen)
        self.stack.setCurrentWidget(screen)

    def _label_next(self, screen: QuestionScreen) -> None:
        indexes = self._relevant_indexes()
        index = self.screens.index(screen)
        last = bool(indexes) and index == indexes[-1]
        common = self.texts.common
        screen.next_button.setText(common.show_result if last else common.next)

    def _show_result(self) -> None:
        try:
            presentation = self.present()
        except InputError as exc:
            key = self.question_for_field(exc.field)
            target = (
                self.question_screen(key) if key else self.screens[self._relevant_indexes()[-1]]
            )
            self._show_screen(self.screens.index(target))
            target.show_error(self.error_text(exc))
            return
        self._earlier_results = []
        self.show_presentation(presentation)

    def show_presentation(self, presentation: Presentation, *, on_top: bool = False) -> None:
        """Show ``presentation`` as the result; ``on_top``: over the one shown (a comparison
        opened from it), which 返回 brings back."""
        if on_top and self.presentation is not None:
            self._earlier_results.append(self.presentation)
        self._drop_result()
        self.presentation = presentation
        content = ResultView(presentation, self.texts)
        self.result_view = content
        self.decorate(content)
        shell = self._result_shell or self._make_result_shell()  # made by add_questions
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(MARGIN, 24, MARGIN, 24)
        column.addWidget(content)
        shell.scroller.setWidget(inner)
        shell.scroller.scroll_to_top()
        if self.take_away is not None:
            self._result_actions = self.take_away.actions(self.sheet, self.texts)
            self._result_actions.setParent(shell)
            row = self._result_actions.layout()
            if row is not None:  # the frame's row has the margins
                row.setContentsMargins(0, 0, 0, 0)
            shell.set_take_away(self._result_actions)
        self.result_area = shell
        self.stack.setCurrentWidget(shell)
        self.result_shown.emit()

    def _make_result_shell(self) -> ResultFrame:
        """The result's frame, made once and refilled. (Each new scroll area would register a
        gesture type, of which PySide keeps a Python class for good.)"""
        frame = ResultFrame(texts=self.texts)
        frame.change_button.clicked.connect(lambda: self._show_screen(self._relevant_indexes()[0]))
        frame.again_button.clicked.connect(self.reset)
        frame.home_button.clicked.connect(self.home_requested)
        self.stack.addWidget(frame)
        self._result_shell = frame
        return frame

    def _drop_result(self) -> None:
        """The shown result's widgets let go (the frame stays, empty, for the next one)."""
        shell = self._result_shell
        shown = shell.scroller.takeWidget() if shell is not None else None
        if shown is not None:
            shown.hide()
            shown.setParent(None)  # gone from findChildren now, deleted later
            shown.deleteLater()
        if self._result_actions is not None:
            self._result_actions.discard()
            self._result_actions = None
            if shell is not None:
                shell.set_take_away(None)
        self.result_area = None
        self.result_view = None
