"""The shape every calculation journey shares: one question per screen, then the result.

Going back keeps every answer; :meth:`Journey.reset` (首页, 重新开始, idle) clears them all.
A subclass lists its :class:`Question` objects and turns the answers into a
:class:`~kiosk.present.Presentation`; the result view, the sheet and its QR code all draw that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present import Presentation, Sheet, make_sheet
from kiosk.rules import InputError
from kiosk.ui.widgets.kinetic import KineticScrollArea
from kiosk.ui.widgets.result_view import ResultView
from kiosk.ui.widgets.style import button, label

if TYPE_CHECKING:
    from kiosk.ui.print_actions import SheetActions, TakeAway

LAYOUT_PASSES = 3  # content, scroll area, screen


def _always() -> bool:
    return True


@dataclass
class Question:
    """One screen of a journey. ``validate`` returns an error message (naming the field) or None."""

    key: str
    title: str
    body: QWidget
    validate: Callable[[], str | None]
    clear: Callable[[], None]
    help: str = ""
    optional: bool = False
    skip: Callable[[], None] | None = None
    relevant: Callable[[], bool] = field(default=_always)


class QuestionScreen(QWidget):
    """A question's screen: progress, the question, its help, the input, an error line, 下一步."""

    def __init__(self, question: Question, texts: Texts, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        common = texts.common
        self.progress = label("", "small")
        self.heading = label(question.title, "heading")
        self.help = label(question.help, "muted")
        self.error = label("", "error")
        self.error.setObjectName("error")
        self.error.hide()
        self.next_button = button(common.next, "primary", name="next")
        self.skip_button = button(common.skip, name="skip")
        self.skip_button.setVisible(question.optional)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(20)
        column.addWidget(self.progress)
        column.addWidget(self.heading)
        if question.help:
            column.addWidget(self.help)
        else:  # owned and hidden, not a stray window until the garbage collector runs
            self.help.setParent(self)
            self.help.hide()
        column.addWidget(question.body)
        column.addWidget(self.error)
        column.addStretch(1)
        nav = QHBoxLayout()
        nav.setContentsMargins(40, 12, 40, 16)
        nav.setSpacing(24)
        nav.addWidget(self.skip_button, 1)
        nav.addWidget(self.next_button, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll_area = KineticScrollArea(content)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(nav)

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the inline message under the input, scrolled into view."""
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        if message:
            # once the layouts have grown to hold the message (below a tall keypad, say)
            QTimer.singleShot(0, self, self._reveal_error)

    def _reveal_error(self) -> None:
        if self.error.isVisible():
            for _ in range(LAYOUT_PASSES):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.scroll_area.ensureWidgetVisible(self.error)


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
        self._result_shell: QWidget | None = None
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

    def _required(self, value: object, field_name: str) -> str | None:
        """A question's check: the answer (None if not given yet) is required."""
        return (
            None if value is not None else self.texts.common.error_required.format(field=field_name)
        )

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
        """A rule's refusal in this journey's words, naming the answer as its question does."""
        return fmt.error_text(self.texts, error, field=self.field_name(error.field))

    def field_name(self, field_name: str) -> str | None:
        """What this journey's questions call the rules' input ``field_name`` (None: the name
        the catalogue gives it)."""
        return None

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
        indexes = self._relevant_indexes()
        position = indexes.index(self.screens.index(screen))
        if position + 1 < len(indexes):
            self._show_screen(indexes[position + 1])
        else:
            self._show_result()

    def _on_skip(self, screen: QuestionScreen) -> None:
        if screen.question.skip is not None:
            screen.question.skip()
        else:
            screen.question.clear()
        screen.show_error(None)
        indexes = self._relevant_indexes()
        position = indexes.index(self.screens.index(screen))
        if position + 1 < len(indexes):
            self._show_screen(indexes[position + 1])
        else:
            self._show_result()

    # helpers ----------------------------------------------------------------------------------

    def _relevant_indexes(self) -> list[int]:
        return [i for i, s in enumerate(self.screens) if s.question.relevant()]

    def _show_screen(self, index: int) -> None:
        if not self.screens:
            return
        indexes = self._relevant_indexes()
        screen = self.screens[index]
        if index in indexes:
            screen.progress.setText(
                self.texts.common.step_of.format(
                    current=indexes.index(index) + 1, total=len(indexes)
                )
            )
        self.stack.setCurrentWidget(screen)

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
        column.setContentsMargins(40, 24, 40, 24)
        column.addWidget(content)
        self._result_scroll.setWidget(inner)
        if self.take_away is not None:
            self._result_actions = self.take_away.actions(self.sheet, self.texts)
            self._shell_column.insertWidget(1, self._result_actions)
        self.result_area = shell
        self.stack.setCurrentWidget(shell)
        self.result_shown.emit()

    def _make_result_shell(self) -> QWidget:
        """The result's frame, made once and refilled: the result scrolls; the take-away row and
        修改回答 / 重新开始 / 首页 stay pinned below it. (Each new scroll area would register a
        gesture type, of which PySide keeps a Python class for good.)"""
        common = self.texts.common
        frame = QWidget()
        frame.setObjectName("result")
        self._shell_column = QVBoxLayout(frame)
        self._shell_column.setContentsMargins(0, 0, 0, 0)
        self._shell_column.setSpacing(0)
        self._result_scroll = KineticScrollArea()
        self._shell_column.addWidget(self._result_scroll, 1)
        row = QHBoxLayout()
        row.setContentsMargins(40, 12, 40, 16)
        row.setSpacing(16)
        change = button(common.change_answer, name="change_answer")
        again = button(common.start_over, name="start_over")
        home = button(common.home, "primary", name="result_home")
        change.clicked.connect(lambda: self._show_screen(self._relevant_indexes()[0]))
        again.clicked.connect(self.reset)
        home.clicked.connect(self.home_requested)
        for widget in (change, again, home):
            row.addWidget(widget, 1)
        self._shell_column.addLayout(row)
        self.stack.addWidget(frame)
        self._result_shell = frame
        return frame

    def _drop_result(self) -> None:
        """The shown result's widgets let go (the frame stays, empty, for the next one)."""
        shown = self._result_scroll.takeWidget() if self._result_shell is not None else None
        if shown is not None:
            shown.hide()
            shown.setParent(None)  # gone from findChildren now, deleted later
            shown.deleteLater()
        if self._result_actions is not None:
            self._result_actions.discard()
            self._result_actions = None
        self.result_area = None
        self.result_view = None
