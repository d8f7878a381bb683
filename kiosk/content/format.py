"""Numbers in the words of the text catalogue: ages, durations, months, money, calculation steps.
Qt-free, so the screens and the printed sheet word them the same way."""

from __future__ import annotations

from decimal import Decimal

from kiosk.content.texts import CommonTexts, Texts
from kiosk.rules import Step, YearMonth
from kiosk.rules.money import to_fen


def age(texts: CommonTexts, months: int) -> str:
    """``60岁2个月`` / ``63岁``, as the official calculator writes an age."""
    years, rest = divmod(months, 12)
    if rest:
        return texts.age_years_months.format(years=years, months=rest)
    return texts.age_years.format(years=years)


def duration(texts: CommonTexts, months: int) -> str:
    """``15年6个月`` / ``20年`` / ``8个月``."""
    years, rest = divmod(months, 12)
    if years and rest:
        return texts.years_months.format(years=years, months=rest)
    if years:
        return texts.years_only.format(years=years)
    return texts.months_only.format(months=rest)


def year_month(texts: CommonTexts, month: YearMonth) -> str:
    """``2025年9月``."""
    return texts.year_month.format(year=month.year, month=month.month)


def money(texts: CommonTexts, amount: Decimal) -> str:
    """``1,524.20元``: thousands separated, always two decimals."""
    return texts.yuan.format(amount=f"{to_fen(amount):,.2f}")


def money_monthly(texts: CommonTexts, amount: Decimal) -> str:
    return texts.yuan_per_month.format(amount=f"{to_fen(amount):,.2f}")


def step_text(texts: Texts, step: Step) -> str:
    """A calculation step in words with the person's numbers; months (``2025-09``) in words
    (``2025年9月``), and ``（假设）`` after a step that rests on an unverified figure."""
    values = {name: _readable(texts.common, value) for name, value in step.values.items()}
    text = texts.step_template(step.key).format(**values)
    return f"{text}{texts.common.assumption_badge}" if step.assumption else text


def _readable(texts: CommonTexts, value: str) -> str:
    try:
        return year_month(texts, YearMonth.parse(value))
    except ValueError:
        return value
