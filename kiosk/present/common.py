"""Wording every presenter shares: categories, periods, shortfall options, kinds of retirement,
steps, the legal basis with its gloss in other languages, and the parameter-year line."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import Basis, Category, PaymentPeriod, RetirementKind, ShortfallOption, Step


def category_name(texts: Texts, category: Category) -> str:
    t = texts.retirement
    return {
        Category.MALE: t.category_male,
        Category.FEMALE_55: t.category_female_55,
        Category.FEMALE_50: t.category_female_50,
    }[category]


def period_name(texts: Texts, period: PaymentPeriod) -> str:
    t = texts.contribution
    return {
        PaymentPeriod.MONTH: t.period_month,
        PaymentPeriod.QUARTER: t.period_quarter,
        PaymentPeriod.HALF_YEAR: t.period_half_year,
        PaymentPeriod.YEAR: t.period_year,
    }[period]


def option_text(texts: Texts, option: ShortfallOption) -> str:
    t = texts.retirement
    return {
        ShortfallOption.EXTEND: t.option_extend,
        ShortfallOption.LUMP_SUM: t.option_lump_sum,
        ShortfallOption.TRANSFER: t.option_transfer,
        ShortfallOption.TERMINATE: t.option_terminate,
    }[option]


def kind_text(texts: Texts, kind: RetirementKind) -> str:
    """Early, statutory or late retirement, or retirement once the missing years are paid."""
    t = texts.pension
    return {
        RetirementKind.EARLY: t.kind_early,
        RetirementKind.STATUTORY: t.kind_statutory,
        RetirementKind.LATE: t.kind_late,
        RetirementKind.EXTENDED: t.kind_extended,
    }[kind]


def step_lines(texts: Texts, steps: Iterable[Step]) -> tuple[str, ...]:
    return tuple(fmt.step_text(texts, step) for step in steps)


def basis_lines(texts: Texts, cited: Iterable[Basis]) -> tuple[str, ...]:
    """Each document once, by its public title; in a language other than the documents' own, with
    the catalogue's gloss."""
    lines = []
    for basis in dict.fromkeys(cited):
        gloss = texts.common.basis_glosses.get(basis.key)
        lines.append(
            texts.common.basis_glossed.format(title=basis.title, gloss=gloss)
            if gloss
            else basis.title
        )
    return tuple(dict.fromkeys(lines))


def parameter_line(texts: Texts, year: int, provisional: bool) -> str:
    s = texts.sheet
    return (s.parameter_year_provisional if provisional else s.parameter_year).format(year=year)
