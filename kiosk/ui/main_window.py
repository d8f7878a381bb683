"""The main window: header, one page at a time, footer. Knows pages only by :class:`PageId`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.chrome import Footer, Header
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.journey import Journey
from kiosk.ui.theme import Preset, stylesheet

PageFactory = Callable[[str], tuple[Texts, Mapping[PageId, QWidget], str]]
"""A language -> its texts, a fresh set of wired pages, and the footer's rules note."""


class MainWindow(QMainWindow):
    page_changed = Signal(PageId)
    pages_replaced = Signal()  # after a language switch: the pages are new widgets

    def __init__(
        self,
        *,
        texts: Texts,
        pages: Mapping[PageId, QWidget],
        rules_note: str,
        font_family: str,
        default_preset: Preset = Preset.STANDARD,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(texts.common.window_title)
        self.pages = dict(pages)
        self.language = texts.language
        self._default_language = texts.language
        self._page_factory: PageFactory | None = None
        self._font_family = font_family
        self._default_preset = default_preset
        self.preset = default_preset
        self.header = Header(texts=texts)
        self.footer = Footer(texts=texts, rules_note=rules_note)
        self.stack = QStackedWidget()
        for widget in self.pages.values():
            self.stack.addWidget(widget)
        central = QWidget()
        central.setObjectName("Central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.footer)
        self.setCentralWidget(central)
        self._connect_signals()
        self.set_preset(default_preset)
        self.show_page(PageId.HOME)

    def _connect_signals(self) -> None:
        self.header.back_requested.connect(self.go_back)
        self.header.home_requested.connect(self.go_home)
        self.footer.preset_chosen.connect(self.set_preset)
        self._connect_pages()

    def _connect_pages(self) -> None:
        for widget in self.pages.values():
            if isinstance(widget, Journey):
                widget.home_requested.connect(self.go_home)

    # public API -------------------------------------------------------------------------------

    def current_page(self) -> PageId:
        widget = self.stack.currentWidget()
        return next(page for page, w in self.pages.items() if w is widget)

    def show_page(self, page: PageId) -> None:
        self.stack.setCurrentWidget(self.pages[page])
        self.header.set_navigation_visible(page is not PageId.HOME)
        self.page_changed.emit(page)

    def go_back(self) -> None:
        """返回: one step back inside a journey; from its first question, home (answers cleared)."""
        widget = self.pages[self.current_page()]
        if isinstance(widget, Journey) and widget.go_back():
            return
        self.go_home()

    def go_home(self) -> None:
        """首页: every journey's answers are cleared (nothing personal stays on screen)."""
        self.clear_answers()
        self.show_page(PageId.HOME)

    def clear_answers(self) -> None:
        for widget in self.pages.values():
            if isinstance(widget, Journey):
                widget.reset()

    def set_preset(self, preset: Preset) -> None:
        self.preset = preset
        # The one place the theme is applied: on the window, not the QApplication, which would
        # re-polish every widget of the process (four times slower).
        self.setStyleSheet(stylesheet(preset, self._font_family))
        self.footer.mark_preset(preset)

    def reset_session(self) -> None:
        """Back to a fresh session: answers cleared, default text size and language, home."""
        self.set_preset(self._default_preset)
        self.set_language(self._default_language)
        self.go_home()

    # languages --------------------------------------------------------------------------------

    def set_page_factory(self, factory: PageFactory, *, default_language: str) -> None:
        """What :meth:`set_language` builds pages with; ``default_language`` is a fresh
        session's."""
        self._page_factory = factory
        self._default_language = default_language

    def set_language(self, language: str) -> None:
        """Rebuild every page in ``language`` (only offered on the home screen: nothing is lost)."""
        if language == self.language or self._page_factory is None:
            return
        texts, pages, rules_note = self._page_factory(language)
        self.replace_pages(texts, pages, rules_note=rules_note)

    def replace_pages(
        self, texts: Texts, pages: Mapping[PageId, QWidget], *, rules_note: str
    ) -> None:
        """Swap the stack's pages for ``pages`` and retitle the header and footer; home shows."""
        old = list(self.pages.values())
        self.pages = dict(pages)
        for widget in self.pages.values():
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(self.pages[PageId.HOME])
        for widget in old:
            self.stack.removeWidget(widget)
            widget.hide()  # until the event loop deletes it, it must not catch a touch
            widget.deleteLater()
        self.language = texts.language
        self.setWindowTitle(texts.common.window_title)
        self.header.retitle(texts)
        self.footer.retitle(texts, rules_note=rules_note)
        self._connect_pages()
        self.pages_replaced.emit()
        self.show_page(PageId.HOME)
