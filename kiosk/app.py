"""``build_main_window``: the one place where the window, its pages and their inputs are created
and wired. ``main()`` and the end-to-end tests both use it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from kiosk import resources
from kiosk.content.commands import check_font
from kiosk.content.faq import Content, content_dir, load_content
from kiosk.content.pinyin import Readings, load_readings
from kiosk.content.search import SearchIndex
from kiosk.content.texts import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Texts,
    check_placeholders,
    load_texts,
)
from kiosk.ops.install import OpsHooks, install_operations
from kiosk.ops.usage import FAQ_OPENED, UsageCounter
from kiosk.rules import RulesData, load_rules
from kiosk.settings import KioskSettings
from kiosk.ui.fonts import register_fonts
from kiosk.ui.main_window import MainWindow, PageBuilder
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey
from kiosk.ui.print_actions import TakeAway, show_print_dialog
from kiosk.ui.session import SessionAnswers
from kiosk.ui.theme import Preset, Theme


@dataclass(frozen=True)
class Bundle:
    """Everything loaded from resources/ and validated before the window is built."""

    root: Path
    rules: RulesData
    texts: Texts
    font_family: str
    content: Content  # FAQ and service guide, placeholders resolved at load
    readings: Readings  # the FAQ's pinyin, checked at load (content/pinyin.toml)
    # every bundled language's catalogue; ``texts`` is the zh_CN one (the printed sheet's too)
    catalogues: Mapping[str, Texts] = field(default_factory=dict)

    def catalogue(self, language: str) -> Texts:
        return self.catalogues.get(language, self.texts)

    @cached_property
    def search(self) -> SearchIndex:
        """The FAQ search index, built when the FAQ page is (after the first paint)."""
        return SearchIndex(self.content, self.readings)


def load_bundle(root: Path | None = None) -> Bundle:
    """Load and validate rules, texts and fonts; raises DataFileError naming the file and field.

    Needs a QApplication (fonts are registered with Qt).
    """
    root = root or resources.resources_dir()
    rules = load_rules(resources.rules_dir(root))
    catalogues = {
        language: load_texts(resources.text_dir(root), language) for language in LANGUAGES
    }
    check_placeholders(resources.text_dir(root), catalogues)
    texts = catalogues[DEFAULT_LANGUAGE]
    content = load_content(content_dir(root), rules, as_of=date.today())
    check_font(root, content)  # every string on screen has its glyphs in the bundled font
    family = register_fonts(resources.fonts_dir(root))
    return Bundle(
        root=root,
        rules=rules,
        texts=texts,
        font_family=family,
        content=content,
        readings=load_readings(content_dir(root)),
        catalogues=catalogues,
    )


def rules_note(bundle: Bundle, texts: Texts | None = None) -> str:
    """The footer's line: the legal basis and the date of the parameters."""
    texts = texts or bundle.texts
    return texts.common.rules_footer.format(date=bundle.rules.updated.isoformat())


def build_main_window(
    bundle: Bundle,
    *,
    today: Callable[[], date] = date.today,
    default_preset: Preset = Preset.STANDARD,
    default_theme: Theme = Theme.STANDARD,
    take_away: TakeAway | None = None,
    settings: KioskSettings | None = None,
    usage: UsageCounter | None = None,
    ops_hooks: OpsHooks | None = None,
    language: str | None = None,
) -> MainWindow:
    """``take_away``: the 打印 / 保存PDF / 扫码带走 service (default: every action on, the system's
    default printer, no print dialog, a save dialog). ``language``: a fresh session's (default:
    ``settings.language``, else zh_CN); the home screen's button switches for one session."""
    rules = bundle.rules
    # With ``settings`` the window gets its kiosk behaviour (kiosk.ops: idle reset, attract
    # screen, admin gate, lockdown) and its default preset; ``usage.count("faq_opened")``.
    if settings is not None:
        default_preset = Preset(settings.default_preset)
        default_theme = Theme(settings.default_theme)
    usage = usage or UsageCounter(settings.resolved_usage_file() if settings else None)
    session = SessionAnswers()

    default_language = language or (settings.language if settings else DEFAULT_LANGUAGE)
    # the printed sheet stays Chinese for the counter, whatever the screen's language
    if take_away is None:
        take_away = take_away_for(settings, texts=bundle.texts, font_family=bundle.font_family)
    window: MainWindow | None = None

    def create_pages(language: str) -> tuple[Texts, dict[PageId, PageBuilder], str]:
        """A builder of every page in ``language``, wired to the window: at build time and on a
        switch. The window builds home at once and the rest after its first paint."""
        texts = bundle.catalogue(language)
        icons = resources.icons_dir(bundle.root)

        def show(page: PageId) -> None:
            assert window is not None
            window.show_page(page)

        def page(page_id: PageId) -> QWidget:
            assert window is not None
            return window.page(page_id)

        def home() -> QWidget:
            widget = HomePage(texts=texts, icons=icons)
            widget.journey_chosen.connect(show)
            widget.language_requested.connect(switch_language)
            return widget

        def switch_language() -> None:
            assert window is not None
            other = DEFAULT_LANGUAGE if texts.language != DEFAULT_LANGUAGE else "en"
            window.set_language(other)

        # Each page's module is imported by its builder, after the first paint (start-up time).
        def retirement() -> QWidget:
            from kiosk.ui.pages.retirement import RetirementJourney

            widget = RetirementJourney(texts=texts, rules=rules, today=today, session=session)
            widget.pension_requested.connect(continue_to_pension)
            return journey(widget)

        def continue_to_pension() -> None:
            from kiosk.ui.pages.pension import PensionJourney

            pension = page(PageId.PENSION)
            assert isinstance(pension, PensionJourney)
            pension.start_from_session()
            show(PageId.PENSION)

        def journey(widget: Journey) -> Journey:
            widget.take_away = take_away
            return widget

        def contribution() -> QWidget:
            from kiosk.ui.pages.contribution import ContributionJourney

            return journey(ContributionJourney(texts=texts, rules=rules, today=today))

        def pension() -> QWidget:
            from kiosk.ui.pages.pension import PensionJourney

            return journey(PensionJourney(texts=texts, rules=rules, today=today, session=session))

        def faq() -> QWidget:
            from kiosk.ui.pages.faq import FaqPage

            widget = FaqPage(
                texts=texts,
                content=bundle.content,
                index=bundle.search,
                search_icon=QIcon(str(icons / "search.svg")),
                guide_icon=QIcon(str(icons / "guide.svg")),
            )
            widget.journey_requested.connect(show)  # an answer's 去测算 button
            widget.guide_requested.connect(lambda: show(PageId.GUIDE))
            widget.entry_opened.connect(lambda _entry: usage.count(FAQ_OPENED))
            return widget

        def guide() -> QWidget:
            from kiosk.ui.pages.guide import GuidePage

            return GuidePage(texts=texts, guide=bundle.content.guide)

        builders: dict[PageId, PageBuilder] = {
            PageId.HOME: home,
            PageId.RETIREMENT: retirement,
            PageId.CONTRIBUTION: contribution,
            PageId.PENSION: pension,
            PageId.FAQ: faq,
            PageId.GUIDE: guide,
        }
        return texts, builders, rules_note(bundle, texts)

    texts, pages, note = create_pages(default_language)
    window = MainWindow(
        texts=texts,
        pages=pages,
        rules_note=note,
        font_family=bundle.font_family,
        default_preset=default_preset,
        default_theme=default_theme,
    )
    window.set_page_factory(create_pages, default_language=default_language)
    window.page_changed.connect(lambda page: session.clear() if page is PageId.HOME else None)
    take_away.setParent(window)
    if settings is not None:
        operations = install_operations(window, bundle, settings, usage=usage, hooks=ops_hooks)
        # never reset the screen while a sheet is being printed
        take_away.busy_changed.connect(
            lambda busy: operations.idle.hold() if busy else operations.idle.release()
        )
    return window


def take_away_for(settings: KioskSettings | None, *, texts: Texts, font_family: str) -> TakeAway:
    """打印 on a hall terminal (straight to the default printer, no dialog) and for the clerk
    (with the print dialog); 保存PDF for the clerk and the demo; the demo never prints. Without
    settings (tests, the self-test) every action is on and nothing opens a dialog."""
    if settings is None:
        return TakeAway(texts=texts, font_family=font_family)
    mode = settings.mode
    return TakeAway(
        texts=texts,
        font_family=font_family,
        printing_enabled=mode != "demo",
        save_pdf_enabled=mode != "kiosk",
        print_dialog=show_print_dialog if mode == "windowed" else None,
    )
