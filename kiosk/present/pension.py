"""养老金测算 presented: the monthly total first, its non-zero parts, whether the minimum years are
met (and what to do if not), the figures used, the steps and the basis."""

from __future__ import annotations

from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.content.texts.pension import LevelText
from kiosk.present.common import basis_lines, name_of, parameter_line, step_lines
from kiosk.present.model import Line, Notice, Presentation, Tone
from kiosk.rules.estimate import PensionEstimate

JOURNEY = "pension"


def level_text(texts: Texts, index: Decimal) -> LevelText | None:
    """The words of the contribution tier whose 平均缴费指数 is ``index`` (``0.6`` -> ``p60``),
    None for an index that is no tier's."""
    found = getattr(texts.pension.levels, f"p{int(index * 100)}", None)
    return found if isinstance(found, LevelText) and index * 100 == int(index * 100) else None


def present_pension(estimate: PensionEstimate, texts: Texts) -> Presentation:
    t, s, common = texts.pension, texts.sheet, texts.common
    e, r = estimate, estimate.pension

    def m(amount: Decimal) -> str:
        return fmt.money(common, amount)

    estimated = e.account_estimate is not None
    headline = t.headline.format(total=m(r.total))
    say = fmt.spoken_money
    made_up = e.made_up_month
    spoken = (
        texts.speech.pension_made_up.format(
            month=fmt.spoken_month(texts, made_up), total=say(texts, r.total)
        )
        if made_up is not None
        else texts.speech.pension.format(
            total=say(texts, r.total),
            basic=say(texts, r.basic_pension),
            account=say(texts, r.personal_account_pension),
            transitional=say(texts, r.transitional_pension),
        )
    )
    figures = (Line("total", t.total_caption, m(r.total)),)
    parts = tuple(
        line
        for line, amount in (
            (Line("basic", t.basic_caption, m(r.basic_pension)), r.basic_pension),
            (
                Line(
                    "account",
                    t.account_caption_estimated if estimated else t.account_caption,
                    m(r.personal_account_pension),
                ),
                r.personal_account_pension,
            ),
            (
                Line("transitional", t.transitional_caption, m(r.transitional_pension)),
                r.transitional_pension,
            ),
        )
        if amount
    )

    notices: list[Notice] = []
    eligibility = _eligibility(e, texts)
    if eligibility is not None:
        notices.append(eligibility)
    choice = r.pension_base
    if choice.provisional and choice.year is not None:
        notices.append(
            Notice(
                "provisional", common.provisional_badge.format(year=choice.year), Tone.PROVISIONAL
            )
        )
    if estimated:
        notices.append(Notice("estimate", t.estimate_note, Tone.PROVISIONAL))

    level = level_text(texts, e.average_index)
    age = fmt.age(common, e.retirement_age_months)
    month = e.retirement_month
    age_text = (
        t.detail_age_value.format(age=age, month=fmt.year_month(common, month)) if month else age
    )
    balance = (
        t.detail_balance_estimated.format(amount=m(e.account_balance))
        if estimated
        else m(e.account_balance)
    )

    def years(months: int, in_years: Decimal) -> str:
        """``15年6个月（折合15.50年）``."""
        return t.detail_years_value.format(
            duration=fmt.duration(common, months), years=f"{in_years:.2f}"
        )

    details = [Line("age", t.detail_age, age_text)]
    if e.kind is not None:
        details.append(Line("kind", t.detail_kind, name_of(texts, e.kind)))
    base_template = t.detail_base_document if choice.document else t.detail_base_value
    details += [
        Line(
            "base",
            t.detail_base,
            base_template.format(
                amount=m(choice.amount), year=choice.year, document=choice.document
            ),
        ),
        Line("payment_months", t.detail_months, fmt.number(r.payment_months)),
    ]
    if level is not None:
        details.append(Line("level", t.detail_level, level.title))
    details += [
        Line("index", t.detail_index, fmt.number(r.average_index)),
        Line("indexed", t.detail_indexed, m(r.indexed_monthly_wage)),
        Line(
            "total_years",
            t.detail_total_years,
            years(e.contribution_months, r.contribution_years),
        ),
        Line("pre_years", t.detail_pre_years, years(e.pre_account_months, r.pre_account_years)),
        Line("balance", t.detail_balance, balance),
    ]
    if not r.transitional_pension:
        details.append(Line("transitional", t.transitional_caption, m(r.transitional_pension)))

    answers: list[Line] = []
    if e.window is not None:
        answers += [
            Line("category", s.category, name_of(texts, e.window.category)),
            Line("birth", s.birth, fmt.year_month(common, e.window.birth)),
        ]
    answers += [
        Line("retirement_age", s.retirement_age, age_text),
        Line("total_years", s.total_years, fmt.duration(common, e.contribution_months)),
        Line("pre_years", s.pre_years, fmt.duration(common, e.pre_account_months)),
        Line("tier", s.tier, level.title)
        if level is not None
        else Line("index", s.index, fmt.number(e.average_index)),
        Line("balance", s.balance, balance),
    ]
    parameter_year = choice.year if choice.year is not None else choice.requested_year
    return Presentation(
        journey=JOURNEY,
        title=t.title,
        sheet_title=texts.sheet.pension_title,
        headline=headline,
        spoken=spoken,
        figures=figures,
        parts=parts,
        notices=tuple(notices),
        answers=tuple(answers),
        details_title=t.details_title,
        details=tuple(details),
        parameters=(
            (parameter_line(texts, parameter_year, r.provisional),)
            if parameter_year is not None
            else ()
        ),
        steps=step_lines(texts, e.all_steps),
        basis=basis_lines(texts, e.legal_basis),
        disclaimer=common.disclaimer,
        provisional=r.provisional,
    )


def _eligibility(e: PensionEstimate, texts: Texts) -> Notice | None:
    """Whether the minimum years are met at retirement; for someone short of them now, when they
    are made up and what else can be done."""
    t, common = texts.pension, texts.common
    minimum, month, window = e.minimum_contribution_months, e.retirement_month, e.window
    if minimum is None or month is None or window is None:
        return None
    total = fmt.duration(common, e.contribution_months)
    made_up = e.made_up_month
    if made_up is None:
        return Notice(
            "eligibility",
            t.eligibility_meets.format(
                total=total, year=month.year, minimum=fmt.duration(common, minimum)
            ),
            Tone.GOOD,
        )
    return Notice(
        "eligibility",
        t.eligibility_made_up.format(
            so_far=fmt.duration(common, window.contribution_months or 0),
            shortfall=fmt.duration(common, e.shortfall_so_far),
            minimum=fmt.duration(common, minimum),
            month=fmt.year_month(common, made_up),
            retire=fmt.year_month(common, month),
            total=total,
        ),
        Tone.WARNING,
        tuple(name_of(texts, option) for option in e.options),
    )
