"""缴费测算 walked: a flexible worker at the 80% tier paying quarterly (the current year)."""

from __future__ import annotations

from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.rules import PaymentPeriod, WorkerKind, contribution
from kiosk.ui.walks import Walk, WalkContext
from kiosk.ui.walks.answers import choose, choose_first


def _paid(context: WalkContext) -> list[str]:
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
        (
            choose("kind", WorkerKind.FLEXIBLE.value),
            choose_first("year"),
            choose("tier", "80"),
            choose("period", PaymentPeriod.QUARTER.value),
        ),
        _paid,
        error_at=(1, 3),
    ),
)
