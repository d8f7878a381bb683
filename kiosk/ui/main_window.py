"""The main window: header, one page at a time, footer. Knows pages only by name: a
:class:`PageId` or a journey's id.

Pages are built on demand: the home page at once, every other page when it is first shown (or
:attr:`MainWindow.pages` is read), so a visit holds only the screens it opened.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ops.heap import release_freed_memory
from kiosk.ui.appearance import AppearancePanel
from kiosk.ui.chrome import Footer, Header
from kiosk.ui.look import apply_look
from kiosk.ui.navigation import PageId, Steps
from kiosk.ui.theme import Preset, Theme

# the calculations: their screens carry the footer's line on the basis of their figures

PageBuilder = Callable[[], QWidget]
PageBuilders = Mapping[str, PageBuilder]
PageFactory = Callable[[str], tuple[Texts, PageBuilders, str]]
"""A language -> its texts, a builder of each wired page, and the footer's rules note."""


class MainWindow(QMainWindow):
    page_changed = Signal(str)
    first_painted = Signal()  # once, as the window first paints
    page_built = Signal(str, QWidget)  # a page has just been built and added to the stack
    pages_replaced = Signal()  # after a language switch: the pages are another language's
    session_reset = Signal()  # a fresh session: the voice's settings go back too

    def __init__(
        self,
        *,
        texts: Texts,
        pages: PageBuilders,
        rules_note: str,
        font_family: str,
        default_preset: Preset = Preset.STANDARD,
        default_theme: Theme = Theme.STANDARD,
        calculations: Collection[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``calculations``: the pages that show the rules' basis in the footer (the journeys)."""
        super().__init__(parent)
        self.setWindowTitle(texts.common.window_title)
        self._built: dict[str, QWidget] = {}
        self._builders: dict[str, PageBuilder] = dict(pages)
        self._sets = {texts.language: _PageSet(texts, rules_note, self._built, self._builders)}
        self._styled: tuple[Preset, Theme] | None = None
        self._painted = False
        self.language = texts.language
        self._default_language = texts.language
        self._page_factory: PageFactory | None = None
        self._font_family = font_family
        self._calculations = frozenset(calculations)
        self._default_preset = default_preset
        self._default_theme = default_theme
        self.preset = default_preset
        self.theme = default_theme
        self.header = Header(texts=texts)
        self.footer = Footer(texts=texts, rules_note=rules_note)
        self.stack = QStackedWidget()
        central = QWidget()
        central.setObjectName("Central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.footer)
        self.setCentralWidget(central)
        self.appearance = AppearancePanel(central, texts=texts)
        self._connect_signals()
        self.set_appearance(default_preset, default_theme)
        self.show_page(PageId.HOME)

    def _connect_signals(self) -> None:
        self.header.back_requested.connect(self.go_back)
        self.header.home_requested.connect(self.go_home)
        self.header.appearance_requested.connect(self.appearance.open)
        self.appearance.preset_chosen.connect(self.set_preset)
        self.appearance.theme_chosen.connect(self.set_theme)
        self.appearance.done.connect(self.appearance.close_overlay)

    # pages, built on demand -------------------------------------------------------------------

    @property
    def pages(self) -> dict[str, QWidget]:
        """Every page, each built now if it has not been yet."""
        for page in list(self._builders):
            self.page(page)
        return dict(self._built)

    def build_every_language(self) -> None:
        """Build every page not built yet of every language shown so far (tests count widgets
        in this state: what exists no longer depends on which pages a visit happened to open)."""
        current = self._built, self._builders
        for page_set in self._sets.values():
            self._built, self._builders = page_set.built, page_set.builders
            for page in list(self._builders):
                self.page(page)
        self._built, self._builders = current

    def built_pages(self) -> dict[str, QWidget]:
        """The pages built so far (one not built yet has nothing to clear or count)."""
        return dict(self._built)

    def page(self, page: str) -> QWidget:
        """``page``'s widget, built now if it has not been yet."""
        widget = self._built.get(page)
        if widget is None:
            widget = self._builders.pop(page)()
            self._built[page] = widget
            self.stack.addWidget(widget)
            self.page_built.emit(page, widget)
        return widget

    def painted(self) -> bool:
        """Whether the window has painted (and :attr:`first_painted` has been emitted)."""
        return self._painted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # public API -------------------------------------------------------------------------------

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next(page for page, w in self._built.items() if w is widget)

    def show_page(self, page: str) -> None:
        self.stack.setCurrentWidget(self.page(page))
        self.header.set_navigation_visible(page != PageId.HOME)
        self.footer.show_rules_note(page in self._calculations)
        self.page_changed.emit(page)

    def go_back(self) -> None:
        """返回: one step back inside a journey; from its first question, home (answers cleared)."""
        widget = self._built[self.current_page()]
        if isinstance(widget, Steps) and widget.go_back():
            return
        self.go_home()

    def go_home(self) -> None:
        """首页: every journey's answers are cleared (nothing personal stays on screen)."""
        self.clear_answers()
        self.show_page(PageId.HOME)

    def clear_answers(self) -> None:
        """Every journey's answers, in every language's pages, cleared."""
        for page_set in self._sets.values():
            for widget in page_set.built.values():
                if isinstance(widget, Steps):
                    widget.reset()

    def set_preset(self, preset: Preset) -> None:
        """The text size (字号), in the current colours."""
        self.set_appearance(preset, self.theme)

    def set_theme(self, theme: Theme) -> None:
        """The colours (对比), at the current text size."""
        self.set_appearance(self.preset, theme)

    def set_appearance(self, preset: Preset, theme: Theme) -> None:
        self.preset, self.theme = preset, theme
        # The one place the theme is applied (kiosk/ui/look.py): the palette and body font on the
        # window, then its widgets re-polished. Restyling every page takes about 0.1 s, so a reset
        # that keeps the look does not restyle.
        if (preset, theme) != self._styled:
            apply_theme(self, preset, theme, self._font_family)
            self._styled = (preset, theme)
            # A hidden page or overlay does not hear of its widgets' new sizes (Qt stops there at
            # a hidden widget), and would show laid out for the old text size.
            for layout in self.findChildren(QLayout):
                layout.invalidate()
        self.appearance.mark(preset, theme)

    def reset_session(self) -> None:
        """Back to a fresh session: answers cleared, default text size, colours and language,
        home; then, once the event loop has deleted what the visit left, the heap it freed given
        back to the system (:mod:`kiosk.ops.heap`)."""
        self.appearance.close_overlay()
        self.set_appearance(self._default_preset, self._default_theme)
        self.set_language(self._default_language)
        self.go_home()
        self.session_reset.emit()
        QTimer.singleShot(0, release_freed_memory)

    # languages --------------------------------------------------------------------------------

    def set_page_factory(self, factory: PageFactory, *, default_language: str) -> None:
        """What :meth:`set_language` builds pages with; ``default_language`` is a fresh
        session's."""
        self._page_factory = factory
        self._default_language = default_language

    def set_language(self, language: str) -> None:
        """Show the pages in ``language`` (offered on the home screen only: nothing is lost).

        Each language's pages are built the first time it is chosen and kept: switching back and
        forth builds nothing, and never registers new gesture types, of which PySide keeps a
        Python class each for good."""
        if language == self.language:
            return
        page_set = self._sets.get(language)
        if page_set is None:
            if self._page_factory is None:
                return
            texts, pages, rules_note = self._page_factory(language)
            page_set = _PageSet(texts, rules_note, built={}, builders=dict(pages))
            self._sets[language] = page_set
        self._show_set(page_set)

    def _show_set(self, page_set: _PageSet) -> None:
        """Make ``page_set`` the window's pages and retitle the header and footer; home shows."""
        self._built, self._builders = page_set.built, page_set.builders
        self.stack.setCurrentWidget(self.page(PageId.HOME))
        texts = page_set.texts
        self.language = texts.language
        self.setWindowTitle(texts.common.window_title)
        self.header.retitle(texts)
        self.footer.retitle(texts, rules_note=page_set.rules_note)
        self.appearance.retitle(texts)
        self.pages_replaced.emit()
        self.show_page(PageId.HOME)


def apply_theme(window: QWidget, preset: Preset, theme: Theme, font_family: str) -> None:
    """The one call that styles a top-level window: the main window, or the 暂停服务 page that
    stands in for it (:mod:`kiosk.ui.ops.out_of_service`)."""
    apply_look(window, preset, theme, font_family)


@dataclass
class _PageSet:
    """One language's pages: those built so far and the builders of the rest."""

    texts: Texts
    rules_note: str
    built: dict[str, QWidget]
    builders: dict[str, PageBuilder]
