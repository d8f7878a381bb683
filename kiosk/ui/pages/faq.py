"""常见问题: categories -> the questions of one -> the answer, and a search with its own keyboard.

A page with screens of its own: the header's 返回 steps back through the screens the citizen came
through (it is a :class:`Journey` without questions, so the main window treats it like one: 返回
goes back one screen, 首页 and the idle reset clear it).

Only the categories are built with the page (its first open shows them); the list, answer and
search screens are built in the turns of the event loop after the page's first paint, one per
turn, or at once when one is needed before that.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from kiosk.content.faq import Content
from kiosk.content.search import SearchIndex
from kiosk.content.texts import Texts
from kiosk.ui.after_paint import after_first_paint
from kiosk.ui.pages.faq_answer import FaqAnswerScreen
from kiosk.ui.pages.faq_browse import FaqCategoriesScreen, FaqListScreen
from kiosk.ui.pages.faq_search import FaqSearchScreen
from kiosk.ui.pages.journey import Journey

S = TypeVar("S", bound=QWidget)


class FaqPage(Journey):
    """``entry_opened(id)`` each time an answer is shown (usage counts); ``journey_requested``
    when an answer's calculation button is touched."""

    entry_opened = Signal(str)
    journey_requested = Signal(str)
    guide_requested = Signal()

    def __init__(
        self,
        *,
        texts: Texts,
        content: Content,
        index: SearchIndex,
        search_icon: QIcon,
        guide_icon: QIcon,
        journey_titles: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(texts=texts, parent=parent)
        self.content = content
        self._index = index
        self._journey_titles = journey_titles
        self.categories = FaqCategoriesScreen(
            texts=texts, content=content, search_icon=search_icon, guide_icon=guide_icon
        )
        self.stack.addWidget(self.categories)
        self._history: list[tuple[QWidget, str]] = []  # (screen, category or entry id)
        self._key = ""
        self._later = ["questions", "answer", "search"]  # built after the first paint
        after_first_paint(self.categories, self._build_next)
        self.categories.category_chosen.connect(self.open_category)
        self.categories.search_requested.connect(self.open_search)
        self.categories.guide_requested.connect(self.guide_requested)
        self.stack.setCurrentWidget(self.categories)

    @cached_property
    def questions(self) -> FaqListScreen:
        screen = FaqListScreen(texts=self.texts, content=self.content)
        screen.entry_chosen.connect(self.open_entry)
        return self._built(screen, "questions")

    @cached_property
    def answer(self) -> FaqAnswerScreen:
        screen = FaqAnswerScreen(
            texts=self.texts, content=self.content, journey_titles=self._journey_titles
        )
        screen.related_chosen.connect(self.open_entry)
        screen.entry_opened.connect(self.entry_opened)
        screen.journey_requested.connect(self.journey_requested)
        return self._built(screen, "answer")

    @cached_property
    def search(self) -> FaqSearchScreen:
        screen = FaqSearchScreen(texts=self.texts, content=self.content, index=self._index)
        screen.entry_chosen.connect(self.open_entry)
        screen.category_chosen.connect(self.open_category)
        return self._built(screen, "search")

    def built_screens(self) -> list[QWidget]:
        """The screens built so far (the categories first)."""
        return [self.stack.widget(i) or self for i in range(self.stack.count())]

    def _built(self, screen: S, name: str) -> S:
        self._later.remove(name)
        self.stack.addWidget(screen)
        return screen

    def _build_next(self) -> None:
        if self._later:
            getattr(self, self._later[0])
        if self._later:
            QTimer.singleShot(0, self, self._build_next)  # one screen per turn

    # public API -------------------------------------------------------------------------------

    def current(self) -> QWidget:
        """The screen shown now (categories, questions, answer or search)."""
        widget = self.stack.currentWidget()
        assert widget is not None
        return widget

    def open_category(self, category_id: str) -> None:
        self._go(self.questions, category_id)

    def open_entry(self, entry_id: str) -> None:
        self._go(self.answer, entry_id)

    def open_search(self) -> None:
        self._go(self.search, "")
        self.search.focus_field()

    # Journey ------------------------------------------------------------------------------------

    def go_back(self) -> bool:
        """One screen back, as it was (an answer opened from another goes back to that one)."""
        if not self._history:
            return False
        screen, key = self._history.pop()
        self._show(screen, key, counted=False)
        return True

    def reset(self) -> None:
        """Back to the categories; the search, the way back and the last list and answer
        cleared (nothing of the last visit is kept, shown or not)."""
        self._history.clear()
        built = self.__dict__  # a screen not built yet holds nothing to clear
        for screen in ("search", "questions", "answer"):
            if screen in built:
                built[screen].clear()
        self._show(self.categories, "", counted=False)

    # helpers ----------------------------------------------------------------------------------

    def _go(self, screen: QWidget, key: str) -> None:
        self._history.append((self.current(), self._key))
        self._show(screen, key, counted=True)

    def _show(self, screen: QWidget, key: str, *, counted: bool) -> None:
        if isinstance(screen, FaqListScreen):
            screen.show_category(self.content.category(key), self.content.in_category(key))
        elif isinstance(screen, FaqAnswerScreen):
            screen.show_entry(self.content.entry(key), counted=counted)
        self._key = key
        self.stack.setCurrentWidget(screen)
