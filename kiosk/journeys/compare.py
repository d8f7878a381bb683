"""``kiosk-calc compare``: the pension for every month the person can retire in (issue: which
month should I retire?), registered with the pension journey."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from kiosk.journeys import CliRun, args

if TYPE_CHECKING:
    from kiosk.content.texts import Texts
    from kiosk.rules import RulesData
    from kiosk.rules.compare import RetirementOption


def arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.rules import Category

    parser.add_argument("--birth", type=args.year_month, required=True, help="出生年月 YYYY-MM")
    parser.add_argument("--category", choices=[c.value for c in Category], required=True)
    args.add_paid_so_far(parser)
    args.add_as_of(parser)


def option_json(option: RetirementOption) -> dict[str, Any]:
    from kiosk.rules.money import money_text

    r = option.estimate.pension
    return {
        "retirement_month": str(option.month),
        "age_months": option.age_months,
        "kind": option.kind.value,
        "contribution_months": option.estimate.contribution_months,
        "total": money_text(r.total),
        "basic_pension": money_text(r.basic_pension),
        "personal_account_pension": money_text(r.personal_account_pension),
        "transitional_pension": money_text(r.transitional_pension),
        "account_balance": money_text(option.estimate.account_balance),
        "payment_months": f"{r.payment_months:.1f}",
        "cumulative_to_80": money_text(option.cumulative_to_80),
        "cumulative_to_life_expectancy": money_text(option.cumulative_to_life_expectancy),
        "provisional": r.provisional,
    }


def run(ns: argparse.Namespace, rules: RulesData, today: date, texts: Texts) -> CliRun:
    from kiosk.present.compare import present_comparison
    from kiosk.rules import Category
    from kiosk.rules.compare import compare_retirement

    comparison = compare_retirement(
        rules,
        birth=ns.birth,
        category=Category(ns.category),
        contribution_months=ns.contribution_months,
        pre_account_months=ns.pre_account_months,
        average_index=ns.index,
        account_balance=ns.account_balance,
        as_of=today,
    )
    presentation = present_comparison(comparison, texts)
    life = comparison.life_expectancy
    fields = {
        "options": [option_json(option) for option in comparison.options],
        "assumptions": list(presentation.steps),
        "provisional": comparison.provisional,
        "life_expectancy": {"years": f"{life.years}", "year": life.year, "source": life.source},
    }
    return CliRun.of(fields, (), comparison.legal_basis, presentation)
