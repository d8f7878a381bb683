"""退休年龄与资格: the journey's registration."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from kiosk.journeys import CliCommand, CliRun, args, bundled

if TYPE_CHECKING:
    from kiosk.content.texts import Texts
    from kiosk.rules import RulesData


def _arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.rules import Category

    parser.add_argument("--birth", type=args.year_month, required=True, help="出生年月 YYYY-MM")
    parser.add_argument("--category", choices=[c.value for c in Category], required=True)
    parser.add_argument(
        "--contribution-months", type=args.non_negative_int, help="到目前为止累计缴费月数（含视同）"
    )
    parser.add_argument(
        "--first-insured-before-2011-07",
        type=args.yes_no,
        help="2011年7月1日以前是否已参保（yes/no；缴费不足时决定能否一次性缴费）",
    )
    args.add_as_of(parser)


def _run(ns: argparse.Namespace, rules: RulesData, today: date, texts: Texts) -> CliRun:
    from kiosk.content import format as fmt
    from kiosk.present import present_retirement
    from kiosk.rules import Category, retirement

    result = retirement(
        ns.birth,
        Category(ns.category),
        rules.retirement,
        as_of=today,
        contribution_months=ns.contribution_months,
        first_insured_before_2011_07=ns.first_insured_before_2011_07,
    )

    def month(value: object) -> str | None:
        return None if value is None else str(value)

    fields: dict[str, object] = {
        "birth": str(result.birth),
        "category": result.category.value,
        "original_age_months": result.original_age_months,
        "original_retirement_month": str(result.original_retirement_month),
        "statutory_age_months": result.statutory_age_months,
        "statutory_age_text": fmt.age(texts.common, result.statutory_age_months),
        "statutory_retirement_month": str(result.statutory_retirement_month),
        "delay_months": result.delay_months,
        "minimum_contribution_months": result.minimum_contribution_months,
        "reform_applies": result.reform_applies,
        "earliest_flexible_retirement_month": month(result.earliest_flexible_retirement_month),
        "latest_flexible_retirement_month": month(result.latest_flexible_retirement_month),
        "months_until_retirement": result.months_until_retirement,
        "reached_statutory_age": result.reached,
        "as_of": result.as_of.isoformat(),
    }
    if result.contribution_months is not None:
        fields |= {
            "contribution_months": result.contribution_months,
            "meets_minimum": result.meets_minimum,
            "shortfall_months": result.shortfall_months,
            "earliest_pension_month": month(result.earliest_pension_month),
            "options": [option.value for option in result.options],
        }
    return CliRun.of(fields, result.steps, result.legal_basis, present_retirement(result, texts))


SPEC = bundled(
    "retirement",
    "RetirementJourney",
    CliCommand("retirement", "法定退休年龄与资格", _arguments, _run),
)
