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
