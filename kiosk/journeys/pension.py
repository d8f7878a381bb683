"""养老金测算: the journey's registration."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from kiosk.journeys import CliCommand, CliRun, args, bundled, compare

if TYPE_CHECKING:
    from kiosk.content.texts import Texts
    from kiosk.rules import RulesData
    from kiosk.rules.estimate import PensionEstimate


def _arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.rules import Category

    base = parser.add_mutually_exclusive_group()
    base.add_argument("--pension-base", type=args.decimal, help="计发基数（元）")
    base.add_argument("--retirement-year", type=args.year, help="退休年份（查计发基数）")
    parser.add_argument(
        "--birth", type=args.year_month, help="出生年月 YYYY-MM（与 --category 一起）"
    )
    parser.add_argument("--category", choices=[c.value for c in Category])
    args.add_paid_so_far(parser)
    parser.add_argument("--retirement-age-months", type=args.non_negative_int, required=True)
    parser.add_argument(
        "--payment-months", type=args.decimal, help="计发月数（默认按退休年龄查表）"
    )
    args.add_as_of(parser)


def _estimate(ns: argparse.Namespace, rules: RulesData, today: date) -> PensionEstimate:
    """With birth and category, the person's estimate (the year, the window, the eligibility);
    without, the bare formula for a base or year given."""
    from kiosk.rules import Category, ErrorCode, InputError, pension
    from kiosk.rules.estimate import PensionEstimate, estimate_pension

    person = ns.birth is not None or ns.category is not None
    if person:
        if ns.birth is None or ns.category is None:
            raise InputError("birth" if ns.birth is None else "category", ErrorCode.REQUIRED)
        if ns.pension_base is not None or ns.payment_months is not None:
            raise InputError("pension_base", ErrorCode.ONE_OF, other="birth")
        return estimate_pension(
            rules,
            birth=ns.birth,
            category=Category(ns.category),
            retirement_age_months=ns.retirement_age_months,
            contribution_months=ns.contribution_months,
            pre_account_months=ns.pre_account_months,
            average_index=ns.index,
            account_balance=ns.account_balance,
            as_of=today,
        )
    if ns.account_balance is None:
        raise InputError("account_balance", ErrorCode.REQUIRED)
    result = pension(
        rules.pension,
        pension_base=ns.pension_base,
        retirement_year=ns.retirement_year,
        average_index=ns.index,
        contribution_months=ns.contribution_months,
        pre_account_months=ns.pre_account_months,
        account_balance=ns.account_balance,
        retirement_age_months=ns.retirement_age_months,
        payment_months=ns.payment_months,
    )
    return PensionEstimate(
        window=None,
        retirement_age_months=ns.retirement_age_months,
        contribution_months=ns.contribution_months,
        pre_account_months=ns.pre_account_months,
        average_index=ns.index,
        account_balance=ns.account_balance,
        pension=result,
        account_estimate=None,
    )


def _run(ns: argparse.Namespace, rules: RulesData, today: date, texts: Texts) -> CliRun:
    from kiosk.present import present_pension
    from kiosk.rules.money import money_text

    e = _estimate(ns, rules, today)
    r = e.pension
    fields: dict[str, object] = {
        "pension_base": money_text(r.pension_base.amount),
        "pension_base_year": r.pension_base.year,
        "contribution_years": f"{r.contribution_years:.2f}",
        "pre_account_years": f"{r.pre_account_years:.2f}",
        "indexed_monthly_wage": money_text(r.indexed_monthly_wage),
        "payment_months": f"{r.payment_months:.1f}",
        "basic_pension": money_text(r.basic_pension),
        "personal_account_pension": money_text(r.personal_account_pension),
        "transitional_pension": money_text(r.transitional_pension),
        "total": money_text(r.total),
        "provisional": r.provisional,
    }
    if e.window is not None:
        fields |= {
            "retirement_month": str(e.retirement_month),
            "retirement_kind": e.kind.value if e.kind else None,
            "minimum_contribution_months": e.minimum_contribution_months,
            "shortfall_months": e.shortfall_so_far,
            "extension_months": e.extension_months,
            "contribution_months_at_retirement": e.contribution_months,
            "account_balance": money_text(e.account_balance),
            "account_balance_estimated": e.account_estimate is not None,
        }
    return CliRun.of(fields, e.all_steps, e.legal_basis, present_pension(e, texts))


SPEC = bundled(
    "pension",
    "PensionJourney",
    CliCommand("pension", "养老金测算", _arguments, _run),
    CliCommand("compare", "比较不同退休时间的养老金", compare.arguments, compare.run),
)
