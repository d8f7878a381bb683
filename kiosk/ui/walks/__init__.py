"""Sample visits through each journey, driven through the real widgets, and what their results
must show according to the rules module. The self-test and the tests walk these; each journey's
walks are named by its registration (``kiosk.journeys``), the FAQ's are here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.content.texts import Texts
from kiosk.rules import RulesData
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey


@dataclass(frozen=True, slots=True)
class WalkContext:
    rules: RulesData
    texts: Texts
    today: date


Answer = Callable[[Journey], None]


@dataclass(frozen=True, slots=True)
class Walk:
    name: str
    page: str
    answers: Sequence[Answer]
    expected: Callable[[WalkContext], list[str]]
    # screens (from 1) where 下一步 is pressed first with nothing answered: the error must show
    error_at: tuple[int, ...] = ()

    def ended_on(self, journey: Journey) -> Journey:
        """The journey whose result the walk ends on (its own, unless it goes on to another)."""
        return journey

    def check(self, journey: Journey, context: WalkContext) -> tuple[bool, str]:
        shown = shown_figures(journey)
        wanted = self.expected(context)
        if shown == wanted:
            return True, " | ".join(shown)
        return False, f"shown {shown}, rules say {wanted}"


@dataclass(frozen=True, slots=True)
class ContinuedWalk(Walk):
    """A walk that goes on from its journey's result into another journey (``result_page``,
    through the window): its answers after the switch find that page themselves, and the
    figures checked are that page's."""

    result_page: str = ""

    def ended_on(self, journey: Journey) -> Journey:
        return page_of(journey, self.result_page)

    def check(self, journey: Journey, context: WalkContext) -> tuple[bool, str]:
        return Walk.check(self, self.ended_on(journey), context)


def page_of(journey: Journey, page: str) -> Journey:
    """Another page of ``journey``'s window (built if needed)."""
    window = journey.window()
    target = window.page(page)  # type: ignore[attr-defined]
    assert isinstance(target, Journey), page
    return target


def shown_figures(journey: Journey) -> list[str]:
    """The figures on the journey's result screen, in order: the big ones, then the parts."""
    view = journey.result_view
    if view is None or journey.result_area is None:
        return []
    parts = view.parts.values if view.parts is not None else []
    return [value.text() for value in (*view.figures.values, *parts)]


# 常见问题 and 办事指南: categories -> guide -> (home tile) a category -> a question -> a related
# one -> back, search with no match, then "txnl" on the touch keyboard ----------------------------


def _faq(journey: Journey) -> FaqPage:
    assert isinstance(journey, FaqPage)
    return journey


def _faq_open_guide(journey: Journey) -> None:
    _faq(journey).categories.guide_button.click()


def _faq_category_from_home(journey: Journey) -> None:
    page = _faq(journey)
    window = page.window()
    window.header.home_button.click()  # type: ignore[attr-defined]
    home = window.pages[PageId.HOME]  # type: ignore[attr-defined]
    assert isinstance(home, HomePage)
    home.info_tiles[PageId.FAQ].click()
    next(iter(page.categories.tiles.values())).click()


def _faq_question(journey: Journey) -> None:
    _faq(journey).questions.question_buttons()[0].click()


def _faq_related(journey: Journey) -> None:
    _faq(journey).answer.related.buttons[0].click()


def _faq_search_nothing(journey: Journey) -> None:
    page = _faq(journey)
    while page.go_back():
        pass
    page.categories.search_button.click()
    for key in "zzzq":
        page.search.keyboard.press(key)


def _faq_search_initials(journey: Journey) -> None:
    keyboard = _faq(journey).search.keyboard
    for key in ("clear", *FAQ_QUERY):
        keyboard.press(key)


FAQ_QUERY = "txnl"


@dataclass(frozen=True, slots=True)
class FaqWalk(Walk):
    """Its result is the search screen: it must list what the search index ranks, in order."""

    def check(self, journey: Journey, context: WalkContext) -> tuple[bool, str]:
        search = _faq(journey).search
        shown = search.shown_questions()
        wanted = [hit.entry.question for hit in search.index.search(FAQ_QUERY)][: len(shown)]
        if shown and shown == wanted and search.query() == FAQ_QUERY:
            return True, f"{FAQ_QUERY}: {len(shown)} | {shown[0]}"
        return False, f"shown {shown}, search says {wanted}"


FAQ_WALK = FaqWalk(
    "faq",
    PageId.FAQ,
    (
        _faq_open_guide,
        _faq_category_from_home,
        _faq_question,
        _faq_related,
        _faq_search_nothing,
        _faq_search_initials,
    ),
    lambda context: [],
)


__all__ = ["FAQ_WALK", "Answer", "ContinuedWalk", "Walk", "WalkContext", "page_of", "shown_figures"]
