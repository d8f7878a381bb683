"""Argument types of ``kiosk-calc``'s journey commands: a bad value is one line naming it."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.rules import YearMonth


def decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"不是有效数字: {text!r}") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"不是有效数字: {text!r}")
    return value


def year_month(text: str) -> YearMonth:
    from kiosk.rules import YearMonth

    try:
        return YearMonth.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 YYYY-MM 格式: {text!r}") from None


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 YYYY-MM-DD 格式: {text!r}") from None


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数: {text!r}")
    return value


def year(text: str) -> int:
    value = non_negative_int(text)
    if not 1900 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"年份应在1900至2100之间: {text!r}")
    return value


def yes_no(text: str) -> bool:
    if text in ("yes", "no"):
        return text == "yes"
    raise argparse.ArgumentTypeError(f"应为 yes 或 no: {text!r}")


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=iso_date, help="测算日期 YYYY-MM-DD（默认今天）")


def add_paid_so_far(parser: argparse.ArgumentParser) -> None:
    """What the pension and its comparison take about the contributions so far: 累计 and 建账前
    months, 平均缴费指数 and (optional: estimated without it) the 个人账户储存额."""
    parser.add_argument(
        "--contribution-months",
        type=non_negative_int,
        required=True,
        help="到目前为止累计缴费月数（含视同），此后按每月连续缴费估算（只给计发基数时为全部）",
    )
    parser.add_argument("--pre-account-months", type=non_negative_int, required=True)
    parser.add_argument("--index", type=decimal, required=True, help="平均缴费指数")
    parser.add_argument(
        "--account-balance",
        type=decimal,
        help="目前的个人账户储存额（元；有出生年月时可省略，按估算）",
    )
