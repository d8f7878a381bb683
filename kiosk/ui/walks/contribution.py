"""缴费测算 walked: a flexible worker at the 80% tier paying quarterly (the current year)."""

from __future__ import annotations

from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.rules import PaymentPeriod, WorkerKind, contribution
from kiosk.ui.pages.contribution import ContributionJourney
from kiosk.ui.pages.journey import Journey
from kiosk.ui.walks import Walk, WalkContext


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


WALKS = (
    Walk(
        "contribution",
        "contribution",
        (_con_kind, _con_year, _con_tier, _con_period),
        _con_expected,
        error_at=(1, 3),
    ),
)
