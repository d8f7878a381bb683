"""常见问题: categories -> the questions of one -> the answer, and a search with its own keyboard.

A page with screens of its own: the header's 返回 steps back through the screens the citizen came
through (it is a :class:`Journey` without questions, so the main window treats it like one: 返回
goes back one screen, 首页 and the idle reset clear it).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from kiosk.content.faq import Content
from kiosk.content.search import SearchIndex
from kiosk.content.texts import Texts
from kiosk.ui.pages.faq_answer import FaqAnswerScreen
from kiosk.ui.pages.faq_browse import FaqCategoriesScreen, FaqListScreen
from kiosk.ui.pages.faq_search import FaqSearchScreen
from kiosk.ui.pages.journey import Journey


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
        self.categories = FaqCategoriesScreen(
            texts=texts, content=content, search_icon=search_icon, guide_icon=guide_icon
        )
        self.questions = FaqListScreen(texts=texts, content=content)
        self.answer = FaqAnswerScreen(texts=texts, content=content, journey_titles=journey_titles)
        self.search = FaqSearchScreen(texts=texts, content=content, index=index)
        for screen in (self.categories, self.questions, self.answer, self.search):
            self.stack.addWidget(screen)
        self._history: list[tuple[QWidget, str]] = []  # (screen, category or entry id)
        self._key = ""
        self._connect_signals()
        self.stack.setCurrentWidget(self.categories)

    def _connect_signals(self) -> None:
        self.categories.category_chosen.connect(self.open_category)
        self.categories.search_requested.connect(self.open_search)
        self.categories.guide_requested.connect(self.guide_requested)
        self.questions.entry_chosen.connect(self.open_entry)
        self.search.entry_chosen.connect(self.open_entry)
        self.search.category_chosen.connect(self.open_category)
        self.answer.related_chosen.connect(self.open_entry)
        self.answer.entry_opened.connect(self.entry_opened)
        self.answer.journey_requested.connect(self.journey_requested)

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
        self.search.clear()
        self.questions.clear()
        self.answer.clear()
        self._show(self.categories, "", counted=False)

    # helpers ----------------------------------------------------------------------------------

    def _go(self, screen: QWidget, key: str) -> None:
        self._history.append((self.current(), self._key))
        self._show(screen, key, counted=True)

    def _show(self, screen: QWidget, key: str, *, counted: bool) -> None:
        if screen is self.questions:
            self.questions.show_category(self.content.category(key), self.content.in_category(key))
        elif screen is self.answer:
            self.answer.show_entry(self.content.entry(key), counted=counted)
        self._key = key
        self.stack.setCurrentWidget(screen)
