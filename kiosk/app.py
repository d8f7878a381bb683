"""``build_kiosk``: the one place where the window, its pages, the take-away actions and the
kiosk operations are created and wired; it returns them together. ``main()``, the self-test and
the end-to-end tests all use it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from kiosk import resources
from kiosk.bundle import Bundle, open_bundle
from kiosk.content.texts import DEFAULT_LANGUAGE, LANGUAGES, Texts
from kiosk.journeys import JOURNEYS, JourneySpec, load
from kiosk.ops.usage import FAQ_OPENED, UsageCounter
from kiosk.settings import KioskSettings
from kiosk.ui.fonts import register_fonts
from kiosk.ui.main_window import MainWindow, PageBuilder
from kiosk.ui.navigation import PageId
from kiosk.ui.ops.install import Operations, OpsHooks, install_operations
from kiosk.ui.pages.home import HomePage, JourneyTile
from kiosk.ui.session import SessionAnswers
from kiosk.ui.speech import NoEngine, Problem, SpeechEngine
from kiosk.ui.take_away import TakeAway, show_print_dialog
from kiosk.ui.theme import Preset, Theme

if TYPE_CHECKING:
    from kiosk.ops.print_jobs import Spooler
    from kiosk.ui.keys import KeyNavigator
    from kiosk.ui.voice import VoiceGuide

__all__ = ["Bundle", "Kiosk", "build_kiosk", "build_main_window", "load_bundle", "rules_note"]


def load_bundle(
    root: Path | None = None,
    *,
    journeys: Sequence[JourneySpec] = JOURNEYS,
    cache: Path | None = None,
) -> Bundle:
    """:func:`~kiosk.bundle.validate_bundle` (with ``cache``, a folder: from the snapshot an
    earlier start left there if nothing changed, :func:`~kiosk.bundle.open_bundle`), then the
    fonts registered with Qt (needs a QApplication); raises DataFileError naming the file and
    field."""
    bundle = open_bundle(root, cache=cache, journeys=journeys)
    return bundle.with_font(register_fonts(resources.fonts_dir(bundle.root)))


def rules_note(bundle: Bundle, texts: Texts | None = None) -> str:
    """The footer's line: the legal basis and the date of the parameters."""
    texts = texts or bundle.texts
    return texts.common.rules_footer.format(date=bundle.rules_updated.isoformat())


@dataclass
class Kiosk:
    """What :func:`build_kiosk` made: the window, the take-away service under every result and,
    with settings, the kiosk operations (idle reset, attract screen, admin gate, lockdown)."""

    window: MainWindow
    take_away: TakeAway
    operations: Operations | None
    access: VoiceAndKeys

    @property
    def voice(self) -> VoiceGuide:
        """读给我听 (once installed: at once, or after the first paint of a real start)."""
        assert self.access.voice is not None
        return self.access.voice

    @property
    def keys(self) -> KeyNavigator:
        assert self.access.keys is not None
        return self.access.keys


@dataclass(eq=False)
class VoiceAndKeys:
    """读给我听 and the keys of one window (:mod:`kiosk.ui.voice`, :mod:`kiosk.ui.keys`),
    installed by :meth:`install`: at once, or on a real start after the first paint (nobody
    listens to or presses keys on a blank screen, and their modules load then)."""

    window: MainWindow
    bundle: Bundle
    engine: Callable[[], SpeechEngine]
    _: KW_ONLY
    typing: bool
    voice: VoiceGuide | None = field(default=None, init=False)
    keys: KeyNavigator | None = field(default=None, init=False)
    operations: Operations | None = field(default=None, init=False)

    def install(self) -> None:
        from kiosk.ui.keys import KeyNavigator
        from kiosk.ui.voice import VoiceGuide

        # before the idle watcher's event filter: it must see every key before the keys take it
        self.keys = KeyNavigator(self.window, typing=self.typing)
        self.voice = VoiceGuide(self.window, self.engine(), catalogue=self.bundle.catalogue)
        self.keys.focus_moved.connect(self.voice.read_control)
        if self.operations is not None:
            self.voice.watch_countdown(self.operations.idle)

    def status_lines(self) -> list[str]:
        """The admin panel's lines about the voice (per language: which, or why none)."""
        if self.voice is None:
            return []
        return self.voice.status_lines(self.bundle.texts.ops, LANGUAGES)


@dataclass(eq=False)
class _Pages:
    """Builds each page of one language, wired to the window (at start and on a switch). The
    window builds home at once and each other page when it is first shown; what the pages are
    made of (the bundle's validated models, each page's module) is loaded after the first paint,
    one piece per turn of the event loop (:meth:`prepare`), so a first open only builds."""

    bundle: Bundle
    _: KW_ONLY
    journeys: Sequence[JourneySpec]
    today: Callable[[], date]
    take_away: TakeAway
    usage: UsageCounter
    session: SessionAnswers = field(default_factory=SessionAnswers, init=False)
    window: MainWindow | None = field(default=None, init=False)

    def __call__(self, language: str) -> tuple[Texts, dict[str, PageBuilder], str]:
        texts = self.bundle.catalogue(language)
        builders: dict[str, PageBuilder] = {PageId.HOME: lambda: self._home(texts)}
        for spec in self.journeys:
            builders[spec.id] = lambda spec=spec: self._journey(spec, texts)  # type: ignore[misc]
        builders[PageId.FAQ] = lambda: self._faq(texts)
        builders[PageId.GUIDE] = lambda: self._guide(texts)
        return texts, builders, rules_note(self.bundle, texts)

    def prepare(self) -> None:
        """Load, one per turn of the event loop, what the pages not built yet are made of."""
        steps: list[Callable[[], object]] = [self.bundle.validated.get]
        steps += [lambda spec=spec: load(spec.page) for spec in self.journeys]  # type: ignore[misc]
        steps.append(lambda: importlib.import_module("kiosk.ui.pages.faq"))
        steps.append(lambda: self.bundle.search)  # the FAQ's index

        def next_step() -> None:
            steps.pop(0)()
            if steps:
                QTimer.singleShot(0, next_step)

        QTimer.singleShot(0, next_step)

    # pages ------------------------------------------------------------------------------------

    def _home(self, texts: Texts) -> QWidget:
        tiles = []
        for spec in self.journeys:
            tile = spec.tile(texts)
            tiles.append(JourneyTile(spec.id, tile.title, tile.line, spec.icon))
        widget = HomePage(texts=texts, icons=self._icons(), journeys=tiles)
        widget.journey_chosen.connect(self._show)
        widget.language_requested.connect(self._switch_language)
        return widget

    def _journey(self, spec: JourneySpec, texts: Texts) -> QWidget:
        from kiosk.ui.pages.journey import Journey

        page = load(spec.page)(
            texts=texts, rules=self.bundle.rules, today=self.today, session=self.session
        )
        assert isinstance(page, Journey), spec.page
        page.take_away = self.take_away
        page.continue_requested.connect(self._continue)  # a result's button to another journey
        page.home_requested.connect(self._go_home)  # a result's 首页
        return page

    def _faq(self, texts: Texts) -> QWidget:
        from kiosk.ui.pages.faq import FaqPage

        icons = self._icons()
        widget = FaqPage(
            texts=texts,
            content=self.bundle.content,
            index=self.bundle.search,
            search_icon=QIcon(str(icons / "search.svg")),
            guide_icon=QIcon(str(icons / "guide.svg")),
            journey_titles={spec.id: spec.tile(texts).title for spec in self.journeys},
        )
        widget.home_requested.connect(self._go_home)
        widget.journey_requested.connect(self._show)  # an answer's 去测算 button
        widget.guide_requested.connect(lambda: self._show(PageId.GUIDE))
        widget.entry_opened.connect(lambda _entry: self.usage.count(FAQ_OPENED))
        return widget

    def _guide(self, texts: Texts) -> QWidget:
        from kiosk.ui.pages.guide import GuidePage

        return GuidePage(texts=texts, guide=self.bundle.content.guide)

    # navigation -------------------------------------------------------------------------------

    def _icons(self) -> Path:
        return resources.icons_dir(self.bundle.root)

    def _show(self, page: str) -> None:
        assert self.window is not None
        self.window.show_page(page)

    def _go_home(self) -> None:
        assert self.window is not None
        self.window.go_home()

    def _continue(self, page: str) -> None:
        """Start ``page``'s journey afresh from what this visit's answers already say."""
        from kiosk.ui.pages.journey import Journey

        assert self.window is not None
        target = self.window.page(page)
        if isinstance(target, Journey):
            target.start_from_session()
        self.window.show_page(page)

    def _switch_language(self) -> None:
        assert self.window is not None
        others = [language for language in LANGUAGES if language != self.window.language]
        self.window.set_language(others[0])


def build_kiosk(
    bundle: Bundle,
    *,
    journeys: Sequence[JourneySpec] = JOURNEYS,
    today: Callable[[], date] = date.today,
    default_preset: Preset = Preset.STANDARD,
    default_theme: Theme = Theme.STANDARD,
    take_away: TakeAway | None = None,
    settings: KioskSettings | None = None,
    usage: UsageCounter | None = None,
    ops_hooks: OpsHooks | None = None,
    language: str | None = None,
    speech: SpeechEngine | None = None,
    desk_typing: bool | None = None,
) -> Kiosk:
    """The kiosk for ``bundle``. ``take_away``: the 打印 / 保存PDF / 扫码带走 service (default:
    chosen by the settings' mode). ``language``: a fresh session's (default: the settings', else
    zh_CN); the home screen's button switches for one session. With ``settings`` the window gets
    its kiosk behaviour and its default text size. ``speech``: the engine behind 朗读 (default:
    the terminal's own with settings that allow it, else none). ``desk_typing``: numbers and dates
    typed on a keyboard (default: on the clerk's desk, the windowed and demo modes)."""
    if settings is not None:
        default_preset = Preset(settings.default_preset)
        default_theme = Theme(settings.default_theme)
    usage = usage or UsageCounter(settings.resolved_usage_file() if settings else None)
    default_language = language or (settings.language if settings else DEFAULT_LANGUAGE)
    # the printed sheet stays Chinese for the counter, whatever the screen's language
    take_away = take_away or take_away_for(
        settings, texts=bundle.texts, font_family=bundle.font_family
    )
    pages = _Pages(bundle, journeys=journeys, today=today, take_away=take_away, usage=usage)
    texts, builders, note = pages(default_language)
    window = MainWindow(
        texts=texts,
        pages=builders,
        rules_note=note,
        font_family=bundle.font_family,
        default_preset=default_preset,
        default_theme=default_theme,
        calculations=[spec.id for spec in journeys],
    )
    pages.window = window
    window.first_painted.connect(pages.prepare)
    window.set_page_factory(pages, default_language=default_language)
    window.page_changed.connect(lambda page: pages.session.clear() if page == PageId.HOME else None)
    take_away.setParent(window)
    if desk_typing is None:
        desk_typing = settings is not None and settings.mode != "kiosk"
    access = VoiceAndKeys(
        window, bundle, lambda: speech or speech_engine_for(settings), typing=desk_typing
    )
    if ops_hooks is not None and ops_hooks.watch_after_paint and not window.painted():
        window.first_painted.connect(access.install)  # before the operations' idle watcher
    else:
        access.install()
    operations = None
    if settings is not None:
        operations = install_operations(window, bundle, settings, usage=usage, hooks=ops_hooks)
        idle = operations.idle
        # never reset the screen while a sheet is being printed
        take_away.busy_changed.connect(lambda busy: idle.hold() if busy else idle.release())
        access.operations = operations
        if access.voice is not None:
            access.voice.watch_countdown(idle)
        operations.check_lines.append(access.status_lines)
    return Kiosk(window=window, take_away=take_away, operations=operations, access=access)


def speech_engine_for(settings: KioskSettings | None) -> SpeechEngine:
    """The terminal's own speech engine where the settings allow it (without settings, as in
    tests and the self-test, none: they pass the engine they want)."""
    if settings is None:
        return NoEngine(Problem.TURNED_OFF)
    if not settings.read_aloud:
        return NoEngine(Problem.TURNED_OFF)
    from kiosk.ui.speech_qt import QtSpeechEngine

    return QtSpeechEngine(LANGUAGES)


def build_main_window(bundle: Bundle, **options: Any) -> MainWindow:
    """:func:`build_kiosk`'s window (tests that need nothing else)."""
    return build_kiosk(bundle, **options).window


def cups_spooler() -> Spooler | None:
    """The terminal's CUPS, when first printed to (its library is not loaded at start-up)."""
    from kiosk.ops.cups import cups_spooler as find

    return find()


def take_away_for(settings: KioskSettings | None, *, texts: Texts, font_family: str) -> TakeAway:
    """打印 on a hall terminal (straight to the default printer, no dialog) and for the clerk
    (with the print dialog), followed through CUPS where there is CUPS; 保存PDF for the clerk and
    the demo; the demo never prints. Without settings (tests, the self-test) every action is on,
    nothing opens a dialog and printing goes through Qt."""
    if settings is None:
        return TakeAway(texts=texts, font_family=font_family)
    mode = settings.mode
    return TakeAway(
        texts=texts,
        font_family=font_family,
        printing_enabled=mode != "demo",
        save_pdf_enabled=mode != "kiosk",
        print_dialog=show_print_dialog if mode == "windowed" else None,
        find_spooler=cups_spooler if mode != "demo" else None,  # None without CUPS (Windows)
        print_limit_s=settings.print_timeout_s,
        service_window=settings.service_window,
    )
