"""Every typed value in the words of the text catalogue: ages, durations, months, money, calculation
steps and refused inputs. Qt-free; the one place a number becomes words, so the screens, the
printed sheet, the QR summary and the CLI word them the same way."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Protocol

from kiosk.content.texts import CommonTexts, Texts
from kiosk.rules import (
    Age,
    Amount,
    Duration,
    ErrorCode,
    InputError,
    Number,
    Percent,
    Step,
    Value,
    YearMonth,
    YearSpan,
)
from kiosk.rules.money import to_fen

REFERENCED_FIELDS = ("total", "other")  # error limits that name another input, not a figure


class DurationWords(Protocol):
    """The templates that word an age or a duration (the screen's CommonTexts, the spoken
    SpeechTexts)."""

    @property
    def age_years_months(self) -> str: ...
    @property
    def age_years(self) -> str: ...
    @property
    def years_months(self) -> str: ...
    @property
    def years_only(self) -> str: ...
    @property
    def months_only(self) -> str: ...


def age(texts: DurationWords, months: int) -> str:
    """``60岁2个月`` / ``63岁``, as the official calculator writes an age."""
    years, rest = divmod(months, 12)
    if rest:
        return texts.age_years_months.format(years=years, months=rest)
    return texts.age_years.format(years=years)


def duration(texts: DurationWords, months: int) -> str:
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


def spoken_month(texts: Texts, month: YearMonth) -> str:
    """``2025年9月`` / ``September 2025``: a month as said."""
    speech = texts.speech
    return speech.year_month.format(year=month.year, month_name=speech.month_names[month.month - 1])


def spoken_money(texts: Texts, amount: Decimal) -> str:
    """An amount for the ear: ``3750.64元``, no thousands separator a speech engine would read."""
    return texts.speech.money.format(amount=f"{to_fen(amount):.2f}")


def money_monthly(texts: CommonTexts, amount: Decimal) -> str:
    return texts.yuan_per_month.format(amount=f"{to_fen(amount):,.2f}")


def number(value: Decimal) -> str:
    """``Decimal('1.50')`` -> ``1.5``: as few decimals as the value needs."""
    return f"{value.normalize():f}"


def value_text(texts: CommonTexts, value: Value, *, units: bool = True) -> str:
    """One typed value in words. ``units=False`` leaves the 元 off amounts (a step's template
    writes it) and keeps them without thousands separators, as approval forms print them."""
    if isinstance(value, Age):
        return age(texts, value.months)
    if isinstance(value, Duration):
        return duration(texts, value.months)
    if isinstance(value, YearMonth):
        return year_month(texts, value)
    if isinstance(value, Amount):
        return money(texts, value.value) if units else f"{to_fen(value.value):.2f}"
    if isinstance(value, Percent):
        return texts.percent.format(value=value)
    if isinstance(value, Number | YearSpan):
        return str(value)
    return str(value)


def step_text(texts: Texts, step: Step) -> str:
    """A calculation step in words with the person's numbers, and ``（假设）`` after a step that
    rests on an unverified figure."""
    values = {name: value_text(texts.common, v, units=False) for name, v in step.values.items()}
    text = texts.step_template(step.key).format(**values)
    return f"{text}{texts.common.assumption_badge}" if step.assumption else text


def field_name(texts: Texts, field: str) -> str:
    """An input's name for a citizen (``wage`` -> ``月工资``)."""
    return texts.errors.fields.get(field, field)


def error_text(texts: Texts, error: InputError, *, field: str | None = None) -> str:
    """A refused input in the catalogue's words, naming the input (``field`` overrides its name:
    a screen says what its own question calls it) and the real limits."""
    values: dict[str, str] = {"field": field or field_name(texts, error.field)}
    for name, value in error.limits.items():
        if name in REFERENCED_FIELDS and isinstance(value, str):
            values[name] = field_name(texts, value)
        else:
            values[name] = value_text(texts.common, value)
    template: str = getattr(texts.errors, error.code.value)
    if error.code is ErrorCode.OUT_OF_RANGE and values.get("low") == values.get("high"):
        template = texts.errors.out_of_range_one  # 只能是X, never 应在X到X之间
    return template.format_map(_Missing(values))


class _Missing(dict[str, str]):
    """A format mapping that leaves an unknown ``{name}`` as it is (never a KeyError on screen)."""

    def __init__(self, values: Mapping[str, str]) -> None:
        super().__init__(values)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
