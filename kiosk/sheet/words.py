"""Numbers in the catalogue's words, as the result screens write them (``63岁``, ``2028年7月``,
``1,524.20元``). The same wording as ``kiosk.ui.format``, kept here so the sheet stays Qt-free."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kiosk.content.texts import Texts
from kiosk.rules import Step, YearMonth
from kiosk.rules.money import to_fen


def age(texts: Texts, months: int) -> str:
    years, rest = divmod(months, 12)
    common = texts.common
    if rest:
        return common.age_years_months.format(years=years, months=rest)
    return common.age_years.format(years=years)


def duration(texts: Texts, months: int) -> str:
    years, rest = divmod(months, 12)
    common = texts.common
    if years and rest:
        return common.years_months.format(years=years, months=rest)
    if years:
        return common.years_only.format(years=years)
    return common.months_only.format(months=rest)


def year_month(texts: Texts, month: YearMonth) -> str:
    return texts.common.year_month.format(year=month.year, month=month.month)


def money(texts: Texts, amount: Decimal) -> str:
    return texts.common.yuan.format(amount=f"{to_fen(amount):,.2f}")


def when(texts: Texts, moment: datetime) -> str:
    """``2026年11月29日 10:05``."""
    return texts.sheet.date_time.format(
        year=moment.year,
        month=moment.month,
        day=moment.day,
        hour=f"{moment.hour:02d}",
        minute=f"{moment.minute:02d}",
    )


def step_text(texts: Texts, step: Step) -> str:
    """A calculation step in words with the person's numbers, as 计算过程 on screen shows it."""
    values = {name: _readable(texts, value) for name, value in step.values.items()}
    text = texts.step_template(step.key).format(**values)
    return f"{text}{texts.common.assumption_badge}" if step.assumption else text


def _readable(texts: Texts, value: str) -> str:
    try:
        return year_month(texts, YearMonth.parse(value))
    except ValueError:
        return value
