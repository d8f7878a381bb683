"""Sample visits through each journey, driven through the real widgets, and what their results
must show according to the rules module. The self-test and the tests walk these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import (
    Category,
    PaymentPeriod,
    RulesData,
    WorkerKind,
    YearMonth,
    contribution,
    pension,
    retirement,
)
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.contribution import ContributionJourney
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.widgets.results import FigureGrid


@dataclass(frozen=True, slots=True)
class WalkContext:
    rules: RulesData
    texts: Texts
    today: date


Answer = Callable[[Journey], None]


@dataclass(frozen=True, slots=True)
class Walk:
    name: str
    page: PageId
    answers: Sequence[Answer]
    expected: Callable[[WalkContext], list[str]]
    # screens (from 1) where 下一步 is pressed first with nothing answered: the error must show
    error_at: tuple[int, ...] = ()

    def check(self, journey: Journey, context: WalkContext) -> tuple[bool, str]:
        shown = shown_figures(journey)
        wanted = self.expected(context)
        if shown == wanted:
            return True, " | ".join(shown)
        return False, f"shown {shown}, rules say {wanted}"


def shown_figures(journey: Journey) -> list[str]:
    """The big figures on the journey's result screen, in order."""
    if journey.result_area is None:
        return []
    grids = journey.result_area.findChildren(FigureGrid)
    return [value.text() for grid in grids for value in grid.values]


def _retirement(journey: Journey) -> RetirementJourney:
    assert isinstance(journey, RetirementJourney)
    return journey


def _ret_category(journey: Journey) -> None:
    _retirement(journey).category.button(Category.MALE.value).click()
    journey.next()


def _ret_birth(journey: Journey) -> None:
    page = _retirement(journey)
    page.birth.year.set_value(1966)
    page.birth.month_buttons[3].click()
    journey.next()


def _ret_years(journey: Journey) -> None:
    _retirement(journey).years.set_total_months(20 * 12)
    journey.next()


def _ret_expected(context: WalkContext) -> list[str]:
    result = retirement(
        YearMonth(1966, 3),
        Category.MALE,
        context.rules.retirement,
        as_of=context.today,
        contribution_months=240,
    )
    common = context.texts.common
    return [
        fmt.age(common, result.statutory_age_months),
        fmt.year_month(common, result.statutory_retirement_month),
        context.texts.retirement.delay_value.format(months=result.delay_months),
    ]


RETIREMENT_WALK = Walk(
    "retirement",
    PageId.RETIREMENT,
    (_ret_category, _ret_birth, _ret_years),
    _ret_expected,
    error_at=(1, 2, 3),
)

# 缴费测算: a flexible worker at the 80% tier paying quarterly (the current year) --------------


def _contribution(journey: Journey) -> ContributionJourney:
    assert isinstance(journey, ContributionJourney)
    return journey


def _con_kind(journey: Journey) -> None:
    _contribution(journey).kind.button(WorkerKind.FLEXIBLE.value).click()
    journey.next()


def _con_year(journey: Journey) -> None:
    page = _contribution(journey)
    page.year.button(page.year.keys()[0]).click()
    journey.next()


def _con_tier(journey: Journey) -> None:
    _contribution(journey).tier.button("80").click()
    journey.next()


def _con_period(journey: Journey) -> None:
    _contribution(journey).period.button(PaymentPeriod.QUARTER.value).click()
    journey.next()


def _con_expected(context: WalkContext) -> list[str]:
    result = contribution(
        WorkerKind.FLEXIBLE,
        context.today.year,
        context.rules.contribution,
        context.rules.rates,
        as_of=context.today,
        base_percent=Decimal(80),
        period=PaymentPeriod.QUARTER,
    )
    common = context.texts.common
    return [fmt.money(common, value) for value in (result.base, result.per_payment, result.annual)]


CONTRIBUTION_WALK = Walk(
    "contribution",
    PageId.CONTRIBUTION,
    (_con_kind, _con_year, _con_tier, _con_period),
    _con_expected,
    error_at=(1, 3),
)


# 养老金测算: a woman (原55岁) born 1971-05, statutory age, 30 years of which 4 before the account,
# contributing at the average wage, balance known ------------------------------------------------


def _pension(journey: Journey) -> PensionJourney:
    assert isinstance(journey, PensionJourney)
    return journey


def _pen_category(journey: Journey) -> None:
    _pension(journey).category.button(Category.FEMALE_55.value).click()
    journey.next()


def _pen_birth(journey: Journey) -> None:
    page = _pension(journey)
    page.birth.year.set_value(1971)
    page.birth.month_buttons[5].click()
    journey.next()


def _pen_total(journey: Journey) -> None:
    _pension(journey).total.set_total_months(30 * 12)
    journey.next()


def _pen_pre_account(journey: Journey) -> None:
    _pension(journey).pre_account.set_total_months(4 * 12)
    journey.next()


def _pen_level(journey: Journey) -> None:
    _pension(journey).level.button("1.0").click()
    journey.next()


def _pen_balance(journey: Journey) -> None:
    _pension(journey).balance.button("known").click()
    journey.next()


def _pen_amount(journey: Journey) -> None:
    _pension(journey).amount.set_text("120000")
    journey.next()


def _pen_expected(context: WalkContext) -> list[str]:
    birth = YearMonth(1971, 5)
    ret = retirement(birth, Category.FEMALE_55, context.rules.retirement, as_of=context.today)
    result = pension(
        context.rules.pension,
        retirement_year=ret.statutory_retirement_month.year,
        average_index=Decimal("1.0"),
        contribution_months=30 * 12,
        pre_account_months=4 * 12,
        account_balance=Decimal(120000),
        retirement_age_months=ret.statutory_age_months,
    )
    common = context.texts.common
    return [
        fmt.money(common, value)
        for value in (
            result.total,
            result.basic_pension,
            result.personal_account_pension,
            result.transitional_pension,
        )
    ]


PENSION_WALK = Walk(
    "pension",
    PageId.PENSION,
    (
        _pen_category,
        _pen_birth,
        lambda journey: journey.next(),  # the statutory age, as offered
        _pen_total,
        _pen_pre_account,
        _pen_level,
        _pen_balance,
        _pen_amount,
    ),
    _pen_expected,
    error_at=(1, 4, 5, 8),
)


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

WALKS: tuple[Walk, ...] = (RETIREMENT_WALK, CONTRIBUTION_WALK, PENSION_WALK, FAQ_WALK)
