"""Wording every presenter shares: categories, periods, shortfall options, kinds of retirement,
steps, the legal basis with its gloss in other languages, and the parameter-year line."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import Basis, Category, PaymentPeriod, RetirementKind, ShortfallOption, Step

Worded = Category | PaymentPeriod | ShortfallOption | RetirementKind

# Where each kind of choice is worded: its catalogue section and the prefix of its keys; the key
# of a member is the prefix and the member's name (category_female_55, period_half_year,
# option_lump_sum, kind_early).
WORDING: dict[type[Worded], tuple[str, str]] = {
    Category: ("retirement", "category"),
    PaymentPeriod: ("contribution", "period"),
    ShortfallOption: ("retirement", "option"),
    RetirementKind: ("pension", "kind"),
}


def name_of(texts: Texts, value: Worded) -> str:
    """A category, payment period, shortfall option or kind of retirement, in words."""
    section, prefix = WORDING[type(value)]
    text = getattr(getattr(texts, section), f"{prefix}_{value.name.lower()}")
    assert isinstance(text, str), (section, prefix, value)
    return text


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
