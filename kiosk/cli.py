"""``kiosk-calc``: the rules from the command line, one JSON object on stdout.

Amounts are strings with 2 decimals, months are integers, year-months are ``YYYY-MM``. Bad input
exits with status 2 and one line on stderr naming the field; a broken data file exits with 1; a
``--pdf`` that cannot be written exits with 3 (one line, and no partial file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from kiosk import resources
from kiosk.content import commands as content_commands
from kiosk.content.texts import LANGUAGES, SECTIONS, check_placeholders, load_texts
from kiosk.rules import (
    Category,
    ContributionResult,
    DataFileError,
    InputError,
    PaymentPeriod,
    PensionResult,
    RetirementResult,
    RulesData,
    WorkerKind,
    YearMonth,
    contribution,
    load_rules,
    pension,
    retirement,
)
from kiosk.rules.loader import RULE_FILES
from kiosk.rules.money import money_text

EXIT_BAD_INPUT = 2
EXIT_BAD_DATA = 1
EXIT_NOT_WRITTEN = 3  # --pdf: the sheet could not be written (nothing is left at the path)


class PdfNotWritten(Exception):
    """``--pdf PATH`` could not be written: a full disk, a missing or read-only folder, or a
    path that is not a regular file (``/dev/full``)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (and exits 2) instead of usage + error."""

    def error(self, message: str) -> NoReturn:
        one_line = message.replace("\r", "\\r").replace("\n", "\\n")  # a stray "a\nb" argument
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {one_line}\n")


def _reject_empty_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Python 3.11's argparse takes ``--wage=--`` as an empty list instead of an error."""
    for name, value in vars(args).items():
        if isinstance(value, list):
            parser.error(f"argument --{name.replace('_', '-')}: expected one argument")


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"不是有效数字: {text!r}") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"不是有效数字: {text!r}")
    return value


def _year_month(text: str) -> YearMonth:
    try:
        return YearMonth.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 YYYY-MM 格式: {text!r}") from None


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 YYYY-MM-DD 格式: {text!r}") from None


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数: {text!r}")
    return value


def _year(text: str) -> int:
    value = _non_negative_int(text)
    if not 1900 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"年份应在1900至2100之间: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk-calc", description="威海社保自助终端的测算规则（命令行）")
    parser.add_argument(
        "--resources", type=Path, help="resources folder (default: the bundled one)"
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ret = commands.add_parser("retirement", help="法定退休年龄与资格")
    ret.add_argument("--birth", type=_year_month, required=True, help="出生年月 YYYY-MM")
    ret.add_argument("--category", choices=[c.value for c in Category], required=True)
    ret.add_argument("--contribution-months", type=_non_negative_int, help="累计缴费月数（含视同）")
    ret.add_argument("--as-of", type=_iso_date, help="测算日期 YYYY-MM-DD（默认今天）")

    con = commands.add_parser("contribution", help="缴费测算")
    con.add_argument("--kind", choices=[k.value for k in WorkerKind], required=True)
    con.add_argument("--year", type=_year, required=True)
    amount = con.add_mutually_exclusive_group(required=True)
    amount.add_argument("--wage", type=_decimal, help="企业职工月工资（元）")
    amount.add_argument("--base", type=_decimal, help="灵活就业人员缴费基数（元）")
    amount.add_argument("--base-percent", type=_decimal, help="灵活就业人员缴费档次（60-300）")
    con.add_argument("--period", choices=[p.value for p in PaymentPeriod], default="month")
    con.add_argument("--as-of", type=_iso_date, help="测算日期 YYYY-MM-DD（默认今天）")

    pen = commands.add_parser("pension", help="养老金测算")
    base = pen.add_mutually_exclusive_group(required=True)
    base.add_argument("--pension-base", type=_decimal, help="计发基数（元）")
    base.add_argument("--retirement-year", type=_year, help="退休年份（查计发基数）")
    pen.add_argument("--index", type=_decimal, required=True, help="平均缴费指数")
    pen.add_argument("--contribution-months", type=_non_negative_int, required=True)
    pen.add_argument("--pre-account-months", type=_non_negative_int, required=True)
    pen.add_argument("--account-balance", type=_decimal, required=True)
    pen.add_argument("--retirement-age-months", type=_non_negative_int, required=True)
    pen.add_argument("--payment-months", type=_decimal, help="计发月数（默认按退休年龄查表）")

    for sub in (ret, con, pen):
        sub.add_argument("--pdf", type=Path, help="同时把测算单写成 PDF 文件（A4）")
    commands.add_parser("check", help="校验全部内置数据文件")
    commands.add_parser("faq-list", help="全部常见问题（JSON：id、category、question）")
    faq_search = commands.add_parser("faq-search", help="搜索常见问题（汉字、全拼或首字母）")
    faq_search.add_argument("query", help="例如 退休年龄、tuixiu、txnl")
    faq_search.add_argument("--limit", type=_non_negative_int, help="最多列出几条")
    faq_pinyin = commands.add_parser(
        "faq-pinyin", help="为搜索生成常见问题的拼音（content/pinyin.toml）"
    )
    faq_pinyin.add_argument(
        "--write", action="store_true", help="写入 content/pinyin.toml（默认只报告）"
    )
    return parser


def retirement_json(result: RetirementResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "birth": str(result.birth),
        "category": result.category.value,
        "original_age_months": result.original_age_months,
        "original_retirement_month": str(result.original_retirement_month),
        "statutory_age_months": result.statutory_age_months,
        "statutory_age_text": result.statutory_age_text,
        "statutory_retirement_month": str(result.statutory_retirement_month),
        "delay_months": result.delay_months,
        "minimum_contribution_months": result.minimum_contribution_months,
        "earliest_flexible_retirement_month": str(result.earliest_flexible_retirement_month),
        "latest_flexible_retirement_month": str(result.latest_flexible_retirement_month),
        "months_until_retirement": result.months_until_retirement,
        "as_of": result.as_of.isoformat(),
    }
    if result.contribution_months is not None:
        data |= {
            "contribution_months": result.contribution_months,
            "meets_minimum": result.meets_minimum,
            "shortfall_months": result.shortfall_months,
            "options": [option.value for option in result.options],
        }
    return data | _explain(result.steps, result.legal_basis)


def contribution_json(result: ContributionResult) -> dict[str, Any]:
    employer = result.employer_monthly
    return {
        "kind": result.kind.value,
        "year": result.year,
        "parameter_year": result.parameter_year,
        "provisional": result.provisional,
        "base": money_text(result.base),
        "base_floor": money_text(result.base_floor),
        "base_ceiling": money_text(result.base_ceiling),
        "base_adjustment": result.base_adjustment.value,
        "individual_monthly": money_text(result.individual_monthly),
        "employer_monthly": None if employer is None else money_text(employer),
        "personal_account_monthly": money_text(result.personal_account_monthly),
        "pooled_fund_monthly": money_text(result.pooled_fund_monthly),
        "period": result.period.value,
        "period_months": result.period_months,
        "per_payment": money_text(result.per_payment),
        "annual": money_text(result.annual),
    } | _explain(result.steps, result.legal_basis)


def pension_json(result: PensionResult) -> dict[str, Any]:
    return {
        "pension_base": money_text(result.pension_base.amount),
        "pension_base_year": result.pension_base.year,
        "contribution_years": f"{result.contribution_years:.2f}",
        "pre_account_years": f"{result.pre_account_years:.2f}",
        "indexed_monthly_wage": money_text(result.indexed_monthly_wage),
        "payment_months": f"{result.payment_months:.1f}",
        "basic_pension": money_text(result.basic_pension),
        "personal_account_pension": money_text(result.personal_account_pension),
        "transitional_pension": money_text(result.transitional_pension),
        "total": money_text(result.total),
        "provisional": result.provisional,
    } | _explain(result.steps, result.legal_basis)


def _explain(steps: Sequence[Any], basis: Sequence[str]) -> dict[str, Any]:
    return {"steps": [step.as_json() for step in steps], "legal_basis": list(basis)}


def run(args: argparse.Namespace, rules: RulesData) -> dict[str, Any]:
    today = args.as_of if getattr(args, "as_of", None) else date.today()
    if args.command == "retirement":
        ret = retirement(
            args.birth,
            Category(args.category),
            rules.retirement,
            as_of=today,
            contribution_months=args.contribution_months,
        )
        _write_sheet(args, rules, ret)
        return retirement_json(ret)
    if args.command == "contribution":
        con = contribution(
            WorkerKind(args.kind),
            args.year,
            rules.contribution,
            rules.rates,
            as_of=today,
            wage=args.wage,
            base=args.base,
            base_percent=args.base_percent,
            period=PaymentPeriod(args.period),
        )
        _write_sheet(args, rules, con)
        return contribution_json(con)
    if args.command == "pension":
        pen = pension(
            rules.pension,
            pension_base=args.pension_base,
            retirement_year=args.retirement_year,
            average_index=args.index,
            contribution_months=args.contribution_months,
            pre_account_months=args.pre_account_months,
            account_balance=args.account_balance,
            retirement_age_months=args.retirement_age_months,
            payment_months=args.payment_months,
        )
        _write_sheet(args, rules, pen)
        return pension_json(pen)
    text_dir = resources.text_dir(args.resources or resources.resources_dir())
    catalogues = {language: load_texts(text_dir, language) for language in LANGUAGES}
    check_placeholders(text_dir, catalogues)
    languages = list(catalogues)
    checked_content = content_commands.check(args.resources or resources.resources_dir(), rules)
    return {
        "ok": True,
        "rules_updated": rules.updated.isoformat(),
        "checked": [f"rules/{name}" for name in RULE_FILES]
        + [f"text/{language}/{name}.toml" for language in languages for name in SECTIONS]
        + checked_content,
    }


def _write_sheet(
    args: argparse.Namespace,
    rules: RulesData,
    result: RetirementResult | ContributionResult | PensionResult,
) -> None:
    """``--pdf PATH``: the same 测算单 the screen prints. Qt is imported only here, offscreen."""
    if getattr(args, "pdf", None) is None:
        return
    from datetime import datetime

    from kiosk import sheet

    root = args.resources or resources.resources_dir()
    texts = load_texts(resources.text_dir(root))
    moment = datetime.now()
    if getattr(args, "as_of", None):
        moment = datetime.combine(args.as_of, moment.time())
    if isinstance(result, RetirementResult):
        built = sheet.retirement_sheet(texts, result, created=moment, rules_updated=rules.updated)
    elif isinstance(result, ContributionResult):
        built = sheet.contribution_sheet(texts, result, created=moment, rules_updated=rules.updated)
    else:
        answers = sheet.PensionAnswers(
            retirement_age_months=args.retirement_age_months,
            contribution_months=args.contribution_months,
            pre_account_months=args.pre_account_months,
            account_balance=args.account_balance,
        )
        built = sheet.pension_sheet(
            texts, result, answers, created=moment, rules_updated=rules.updated
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.sheet_render import SheetRenderError, write_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    family = register_fonts(resources.fonts_dir(root))
    try:
        write_pdf(built, args.pdf, font_family=family)
    except SheetRenderError as exc:
        raise PdfNotWritten(f"无法写入 {args.pdf}: {exc}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _reject_empty_values(parser, args)
    root = args.resources or resources.resources_dir()
    try:
        rules = load_rules(resources.rules_dir(root))
    except DataFileError as exc:
        print(f"kiosk-calc: {exc}", file=sys.stderr)
        return EXIT_BAD_DATA
    try:
        if args.command in content_commands.COMMANDS:
            output = content_commands.run(args, root, rules)
        else:
            output = run(args, rules)
    except content_commands.ProblemsFound as found:
        for problem in found.problems:
            print(f"kiosk-calc: {problem}", file=sys.stderr)
        return EXIT_BAD_DATA
    except DataFileError as exc:
        print(f"kiosk-calc: {exc}", file=sys.stderr)
        return EXIT_BAD_DATA
    except InputError as exc:
        print(f"kiosk-calc: {exc.field}: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PdfNotWritten as exc:
        print(f"kiosk-calc: pdf: {exc}", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    try:
        json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
