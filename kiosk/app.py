"""``build_main_window``: the one place where the window, its pages and their inputs are created
and wired. ``main()`` and the end-to-end tests both use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk import resources
from kiosk.content.texts import Texts, load_texts
from kiosk.rules import RulesData, load_rules
from kiosk.ui.fonts import register_fonts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.contribution import ContributionJourney
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.session import SessionAnswers
from kiosk.ui.theme import Preset


@dataclass(frozen=True)
class Bundle:
    """Everything loaded from resources/ and validated before the window is built."""

    root: Path
    rules: RulesData
    texts: Texts
    font_family: str


def load_bundle(root: Path | None = None) -> Bundle:
    """Load and validate rules, texts and fonts; raises DataFileError naming the file and field.

    Needs a QApplication (fonts are registered with Qt).
    """
    root = root or resources.resources_dir()
    rules = load_rules(resources.rules_dir(root))
    texts = load_texts(resources.text_dir(root))
    family = register_fonts(resources.fonts_dir(root))
    return Bundle(root=root, rules=rules, texts=texts, font_family=family)


def rules_note(bundle: Bundle) -> str:
    """The footer's line: the legal basis and the date of the parameters."""
    return bundle.texts.common.rules_footer.format(date=bundle.rules.updated.isoformat())


def build_main_window(
    bundle: Bundle,
    *,
    today: Callable[[], date] = date.today,
    default_preset: Preset = Preset.STANDARD,
) -> MainWindow:
    texts, rules = bundle.texts, bundle.rules
    session = SessionAnswers()

    home = HomePage(texts=texts, icons=resources.icons_dir(bundle.root))
    retirement = RetirementJourney(texts=texts, rules=rules, today=today, session=session)
    pension = PensionJourney(texts=texts, rules=rules, today=today, session=session)
    pages: dict[PageId, QWidget] = {
        PageId.HOME: home,
        PageId.RETIREMENT: retirement,
        PageId.CONTRIBUTION: ContributionJourney(texts=texts, rules=rules, today=today),
        PageId.PENSION: pension,
    }
    window = MainWindow(
        texts=texts,
        pages=pages,
        rules_note=rules_note(bundle),
        font_family=bundle.font_family,
        default_preset=default_preset,
    )
    home.journey_chosen.connect(window.show_page)
    window.page_changed.connect(lambda page: session.clear() if page is PageId.HOME else None)

    def continue_to_pension() -> None:
        pension.start_from_session()
        window.show_page(PageId.PENSION)

    retirement.pension_requested.connect(continue_to_pension)
    return window
