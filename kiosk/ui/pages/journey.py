"""The shape every calculation journey shares: one question per screen, then the result.

Going back keeps every answer; :meth:`Journey.reset` (首页, 重新开始, idle) clears them all.
A subclass lists its :class:`Question` objects and turns the answers into a
:class:`~kiosk.present.Presentation`; the result view, the sheet and its QR code all draw that.
The question's screen is :mod:`~kiosk.ui.pages.question_screen`, the result's frame
:mod:`~kiosk.ui.pages.result_frame`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present import Presentation, Sheet, make_sheet
from kiosk.rules import InputError, RulesData
from kiosk.ui.after_paint import after_first_paint
from kiosk.ui.pages.question import Question
from kiosk.ui.pages.question_screen import MARGIN, QuestionScreen
from kiosk.ui.pages.result_frame import ResultFrame
from kiosk.ui.session import SessionAnswers
from kiosk.ui.settle import settle_layouts
from kiosk.ui.widgets.result_view import ResultView

if TYPE_CHECKING:
    from kiosk.ui.print_actions import SheetActions, TakeAway

__all__ = ["CalculationJourney", "Journey", "Question", "QuestionScreen", "ResultFrame"]


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
        self.result_view: ResultView | None = None  # the view while it shows a result
        self._view: ResultView | None = None  # made for the first result, refilled since
        self.stack = QStackedWidget()
        self.screens: list[QuestionScreen] = []
        self.result_area: QWidget | None = None  # the result frame while it holds a result
        self._result_shell: ResultFrame | None = None
        self._result_actions: SheetActions | None = None  # the result's take-away row
        self._attaching = False  # the screens not in the page yet are being added
        self._shown: set[QWidget] = set()  # the screens shown at least once
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
        # a screen joins the page after the first one's paint: one deleted before then has no
        # parent to take it along, so the page deletes it itself
        self.destroyed.connect(partial(_delete_waiting, self.screens))
        self._show_screen(0)  # the first screen in the page; the others join it later

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

    def service_window(self) -> int | None:
        """The hall's window (号窗口) to send a citizen to when the kiosk cannot answer: the
        settings' ``service_window``, which the take-away service carries; None: the hall's
        windows in general."""
        return self.take_away.service_window if self.take_away is not None else None

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
            screen.words.scroll_to_top()  # nothing of the last visit, its scrolling included
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
        self._attach(screen)
        if self.stack.currentWidget() is not screen:  # a question arrived at reads from its top
            screen.words.scroll_to_top()
        self.stack.setCurrentWidget(screen)
        if screen not in self._shown:  # its first show: sized for its polished fonts now
            self._shown.add(screen)
            for widget in screen.findChildren(QWidget):
                widget.updateGeometry()
            settle_layouts()

    def _attach(self, screen: QWidget) -> None:
        """``screen`` into the page now, and the screens not in it yet soon after its paint,
        one per turn of the event loop: a first open styles and lays out only what it shows."""
        if self.stack.indexOf(screen) < 0:
            self._add(screen)
        if not self._attaching:
            self._attaching = True
            after_first_paint(screen, self._attach_next)

    def _add(self, screen: QWidget) -> None:
        self.stack.addWidget(screen)
        screen.ensurePolished()  # styled before it is laid out (its fonts decide its sizes)

    def _attach_next(self) -> None:
        waiting = [s for s in self.screens if self.stack.indexOf(s) < 0]
        if waiting:
            self._add(waiting[0])
            QTimer.singleShot(0, self, self._attach_next)
        elif self._result_shell is None:
            self._make_result_shell()

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
        self._drop_result(empty=False)  # refilled next
        self.presentation = presentation
        shell = self._result_shell or self._make_result_shell()  # made after the first paint
        content = self._view
        if content is None:  # the first result: its view made, then refilled for every other
            content = self._view = ResultView(presentation, self.texts)
            inner = QWidget()
            column = QVBoxLayout(inner)
            column.setContentsMargins(MARGIN, 24, MARGIN, 24)
            column.addWidget(content)
            shell.scroller.setWidget(inner)
        else:
            content.fill(presentation)
        self.result_view = content
        self.decorate(content)
        shell.scroller.scroll_to_top()
        if self._result_actions is not None:  # made for the first result, cleared since
            self._result_actions.look_for_printer()
        elif self.take_away is not None:
            self._result_actions = self.take_away.actions(self.sheet, self.texts)
            self._result_actions.setParent(shell)
            row = self._result_actions.layout()
            if row is not None:  # the frame's row has the margins
                row.setContentsMargins(0, 0, 0, 0)
        if self._result_actions is not None:
            shell.set_take_away(self._result_actions)  # arranged for its buttons now
        self.result_area = shell
        self.stack.setCurrentWidget(shell)
        # the refilled view's new sizes laid out now, not a frame late (a label shown again
        # after a text size change while it was hidden needs one round more than a new one)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
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

    def _drop_result(self, *, empty: bool = True) -> None:
        """The shown result let go: what its take-away row holds, and (``empty``) its words
        (the frame, its view and its take-away row stay for the next one)."""
        if empty and self.result_view is not None:
            self.result_view.clear()
        if self._result_actions is not None:
            self._result_actions.clear()
        self.result_area = None
        self.result_view = None


class CalculationJourney(Journey):
    """A calculation of the journey registry (:mod:`kiosk.journeys`), built as ``Class(texts=,
    rules=, today=, session=)``: a subclass builds its inputs and questions in ``_setup_ui`` and
    wires them in ``_connect_signals``. ``session``: what other journeys learnt this visit."""

    def __init__(
        self,
        *,
        texts: Texts,
        rules: RulesData,
        today: Callable[[], date],
        session: SessionAnswers | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(texts=texts, rules_updated=rules.updated, parent=parent)
        self._rules = rules
        self._today = today
        self._session = session if session is not None else SessionAnswers()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        raise NotImplementedError

    def _connect_signals(self) -> None:
        """Nothing more to wire (a subclass with signals of its own connects them here)."""


def _delete_waiting(screens: list[QuestionScreen]) -> None:
    """The screens of a deleted page that had not joined it yet (no parent of theirs)."""
    for screen in screens:
        if shiboken6.isValid(screen) and screen.parent() is None:
            shiboken6.delete(screen)
