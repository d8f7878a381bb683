"""缴费测算: the journey's registration."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from kiosk.journeys import CliCommand, CliRun, args, bundled

if TYPE_CHECKING:
    from kiosk.content.texts import Texts
    from kiosk.rules import RulesData


def _arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.rules import PaymentPeriod, WorkerKind

    parser.add_argument("--kind", choices=[k.value for k in WorkerKind], required=True)
    parser.add_argument("--year", type=args.year, required=True)
    amount = parser.add_mutually_exclusive_group(required=True)
    amount.add_argument("--wage", type=args.decimal, help="企业职工月工资（元）")
    amount.add_argument("--base", type=args.decimal, help="灵活就业人员缴费基数（元）")
    amount.add_argument("--base-percent", type=args.decimal, help="灵活就业人员缴费档次（60-300）")
    parser.add_argument("--period", choices=[p.value for p in PaymentPeriod], default="month")
    args.add_as_of(parser)


def _run(ns: argparse.Namespace, rules: RulesData, today: date, texts: Texts) -> CliRun:
    from kiosk.present import present_contribution
    from kiosk.rules import PaymentPeriod, WorkerKind, contribution
    from kiosk.rules.money import money_text

    r = contribution(
        WorkerKind(ns.kind),
        ns.year,
        rules.contribution,
        rules.rates,
        as_of=today,
        wage=ns.wage,
        base=ns.base,
        base_percent=ns.base_percent,
        period=PaymentPeriod(ns.period),
    )
    employer = r.employer_monthly
    fields = {
        "kind": r.kind.value,
        "year": r.year,
        "parameter_year": r.parameter_year,
        "provisional": r.provisional,
        "base": money_text(r.base),
        "base_floor": money_text(r.base_floor),
        "base_ceiling": money_text(r.base_ceiling),
        "base_adjustment": r.base_adjustment.value,
        "individual_monthly": money_text(r.individual_monthly),
        "employer_monthly": None if employer is None else money_text(employer),
        "personal_account_monthly": money_text(r.personal_account_monthly),
        "pooled_fund_monthly": money_text(r.pooled_fund_monthly),
        "period": r.period.value,
        "period_months": r.period_months,
        "per_payment": money_text(r.per_payment),
        "annual": money_text(r.annual),
    }
    return CliRun.of(fields, r.steps, r.legal_basis, present_contribution(r, texts))


SPEC = bundled(
    "contribution",
    "ContributionJourney",
    CliCommand("contribution", "缴费测算", _arguments, _run),
)
