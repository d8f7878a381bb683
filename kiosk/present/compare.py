"""比较不同退休时间 presented: the earliest, statutory and latest choice as figures, one row a year
(and the statutory month) with the monthly pension and what it adds up to, the assumptions, the
basis. The chart on screen and on the sheet draws :func:`chart_bars`."""

from __future__ import annotations

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present.common import basis_lines, name_of, step_lines
from kiosk.present.model import Bar, Line, Notice, Presentation, Tone
from kiosk.present.pension import level_text
from kiosk.rules import RetirementKind
from kiosk.rules.compare import Comparison, RetirementOption

JOURNEY = "compare"


def chart_bars(comparison: Comparison, texts: Texts) -> tuple[Bar, ...]:
    """The options the chart shows: one a year from the first, the statutory month, the last."""
    common = texts.common
    return tuple(
        Bar(
            label=fmt.year_month(common, option.month),
            caption=f"{fmt.age(common, option.age_months)} · {name_of(texts, option.kind)}",
            value=option.total,
            amount=fmt.money(common, option.total),
            statutory=option.kind is RetirementKind.STATUTORY,
        )
        for option in comparison.yearly()
    )


def present_comparison(comparison: Comparison, texts: Texts) -> Presentation:
    t, s, common = texts.pension, texts.sheet, texts.common
    first, last = comparison.options[0], comparison.options[-1]
    statutory = comparison.statutory
    life = comparison.life_expectancy

    def when(option: RetirementOption) -> str:
        return t.detail_age_value.format(
            age=fmt.age(common, option.age_months), month=fmt.year_month(common, option.month)
        )

    headline = t.compare_headline.format(
        first=when(first),
        first_total=fmt.money(common, first.total),
        last=when(last),
        last_total=fmt.money(common, last.total),
    )

    def said(option: RetirementOption) -> str:
        return texts.speech.when.format(
            age=fmt.age(texts.speech, option.age_months),
            month=fmt.spoken_month(texts, option.month),
        )

    spoken = texts.speech.compare.format(
        first=said(first),
        first_total=fmt.spoken_money(texts, first.total),
        last=said(last),
        last_total=fmt.spoken_money(texts, last.total),
    )
    figures = [Line("first", t.compare_first, fmt.money(common, first.total))]
    if statutory is not None and statutory is not first and statutory is not last:
        figures.append(Line("statutory", t.compare_statutory, fmt.money(common, statutory.total)))
    if last is not first:
        figures.append(Line("last", t.compare_last, fmt.money(common, last.total)))
    rows = tuple(
        Line(
            str(option.month),
            f"{when(option)} · {name_of(texts, option.kind)}",
            t.compare_row.format(
                total=fmt.money(common, option.total),
                years=fmt.duration(common, option.estimate.contribution_months),
                to80=fmt.money(common, option.cumulative_to_80),
                life_years=fmt.number(life.years),
                to_life=fmt.money(common, option.cumulative_to_life_expectancy),
            ),
        )
        for option in comparison.yearly()
    )
    window = comparison.choices.window
    level = level_text(texts, first.estimate.average_index)
    answers = (
        Line("category", s.category, name_of(texts, window.category)),
        Line("birth", s.birth, fmt.year_month(common, window.birth)),
        Line(
            "total_years", t.compare_so_far, fmt.duration(common, window.contribution_months or 0)
        ),
        Line("pre_years", s.pre_years, fmt.duration(common, first.estimate.pre_account_months)),
        Line("tier", s.tier, level.title)
        if level is not None
        else Line("index", s.index, fmt.number(first.estimate.average_index)),
    )
    notices = []
    if comparison.provisional:
        notices.append(Notice("provisional", t.compare_provisional, Tone.PROVISIONAL))
    return Presentation(
        journey=JOURNEY,
        title=t.compare_title,
        sheet_title=t.compare_sheet_title,
        headline=headline,
        spoken=spoken,
        figures=tuple(figures),
        parts=(),
        notices=tuple(notices),
        answers=answers,
        details_title=t.compare_table_title,
        details=rows,
        parameters=(),
        steps=step_lines(texts, comparison.steps),
        basis=basis_lines(texts, comparison.legal_basis),
        disclaimer=common.disclaimer,
        provisional=comparison.provisional,
        chart=chart_bars(comparison, texts),
        summary_extra=tuple(
            s.line.format(label=when(option), value=fmt.money(common, option.total))
            for option in comparison.yearly()
        ),
    )
