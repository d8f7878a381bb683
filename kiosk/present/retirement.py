"""退休年龄与资格 presented: the official calculator's three figures, whether a monthly pension is
within reach (and, short of years, when it can start), the flexible window where the reform
applies, the steps and the basis."""

from __future__ import annotations

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present.common import basis_lines, name_of, step_lines
from kiosk.present.model import Line, Notice, Presentation, Tone
from kiosk.rules import RetirementResult, YearMonth

JOURNEY = "retirement"


def present_retirement(result: RetirementResult, texts: Texts) -> Presentation:
    """The retirement result in ``texts``' language (the answers are in the result)."""
    t, common, s = texts.retirement, texts.common, texts.sheet
    r = result

    def ym(month: YearMonth) -> str:
        return fmt.year_month(common, month)

    def age(months: int) -> str:
        return fmt.age(common, months)

    def when(months: int, month: YearMonth) -> str:
        """``63岁（2028年7月）``, marked 已过 when that month has passed."""
        text = t.flexible_value.format(age=age(months), month=ym(month))
        return t.past_suffix.format(value=text) if month < r.as_of_month else text

    headline = (
        t.headline_reached.format(
            age=age(r.statutory_age_months), month=ym(r.statutory_retirement_month)
        )
        if r.reached
        else t.headline_future.format(
            age=age(r.statutory_age_months),
            month=ym(r.statutory_retirement_month),
            left=fmt.duration(common, r.months_until_retirement),
        )
    )
    spoken = (
        texts.speech.retirement_reached if r.reached else texts.speech.retirement_future
    ).format(
        age=fmt.age(texts.speech, r.statutory_age_months),
        month=fmt.spoken_month(texts, r.statutory_retirement_month),
        eligibility=_spoken_eligibility(r, texts),
    )
    figures = (
        Line("statutory_age", t.statutory_age, age(r.statutory_age_months)),
        Line("statutory_month", t.statutory_month, ym(r.statutory_retirement_month)),
        Line("delay", t.delay, t.delay_value.format(months=r.delay_months)),
    )
    minimum = fmt.duration(common, r.minimum_contribution_months)
    notices = [eligibility_notice(r, texts)]
    if r.reform_applies:
        notices.append(Notice("flexible", t.flexible_note))
    else:
        notices.append(
            Notice(
                "pre_reform",
                t.pre_reform_note.format(month=ym(r.statutory_retirement_month)),
            )
        )

    details = [
        Line(
            "original",
            t.original,
            t.original_value.format(
                age=age(r.original_age_months), month=ym(r.original_retirement_month)
            ),
        ),
        Line(
            "minimum",
            t.minimum_years,
            t.minimum_value.format(minimum=minimum, year=r.statutory_retirement_month.year),
        ),
    ]
    early, late = r.earliest_flexible_retirement_month, r.latest_flexible_retirement_month
    if r.earliest_flexible_age_months is not None and early is not None:
        details.append(
            Line("flexible_early", t.flexible_early, when(r.earliest_flexible_age_months, early))
        )
    if r.latest_flexible_age_months is not None and late is not None:
        details.append(
            Line("flexible_late", t.flexible_late, when(r.latest_flexible_age_months, late))
        )
    details.append(
        Line(
            "time_left",
            t.time_left,
            t.time_reached.format(month=ym(r.statutory_retirement_month))
            if r.reached
            else t.time_left_value.format(duration=fmt.duration(common, r.months_until_retirement)),
        )
    )
    pension_age = r.earliest_pension_age_months
    if r.shortfall_months and r.earliest_pension_month is not None and pension_age is not None:
        details.append(
            Line(
                "earliest_pension",
                t.earliest_pension,
                t.earliest_pension_value.format(
                    month=ym(r.earliest_pension_month), age=age(pension_age)
                ),
            )
        )

    contribution = (
        fmt.duration(common, r.contribution_months)
        if r.contribution_months is not None
        else s.no_contribution_years
    )
    answers = [
        Line("category", s.category, name_of(texts, r.category)),
        Line("birth", s.birth, ym(r.birth)),
        Line("contribution_years", s.contribution_years, contribution),
    ]
    if r.first_insured_before_2011_07 is not None:
        answers.append(
            Line(
                "first_insured",
                s.first_insured,
                common.yes if r.first_insured_before_2011_07 else common.no,
            )
        )
    return Presentation(
        journey=JOURNEY,
        title=t.title,
        sheet_title=texts.sheet.retirement_title,
        headline=headline,
        spoken=spoken,
        figures=figures,
        parts=(),
        notices=tuple(notices),
        answers=tuple(answers),
        details_title=t.details_title,
        details=tuple(details),
        parameters=(),
        steps=step_lines(texts, r.steps),
        basis=basis_lines(texts, r.legal_basis),
        disclaimer=common.disclaimer,
        provisional=False,
    )


def _spoken_eligibility(r: RetirementResult, texts: Texts) -> str:
    speech = texts.speech
    minimum = fmt.duration(speech, r.minimum_contribution_months)
    if r.contribution_months is None:
        return speech.eligibility_unknown.format(minimum=minimum)
    total = fmt.duration(speech, r.contribution_months)
    if r.meets_minimum or r.earliest_pension_month is None:
        return speech.eligibility_meets.format(total=total)
    return speech.eligibility_short.format(
        total=total,
        shortfall=fmt.duration(speech, r.shortfall_months or 0),
        minimum=minimum,
        month=fmt.spoken_month(texts, r.earliest_pension_month),
    )


def eligibility_notice(r: RetirementResult, texts: Texts) -> Notice:
    """Whether a monthly pension is within reach; short of years, when it can start and what the
    person can do."""
    t, common = texts.retirement, texts.common
    minimum = fmt.duration(common, r.minimum_contribution_months)
    if r.contribution_months is None:
        return Notice("eligibility", t.eligibility_unknown.format(minimum=minimum))
    total = fmt.duration(common, r.contribution_months)
    if r.meets_minimum:
        return Notice(
            "eligibility", t.eligibility_meets.format(total=total, minimum=minimum), Tone.GOOD
        )
    text = t.eligibility_short.format(
        total=total, shortfall=fmt.duration(common, r.shortfall_months or 0), minimum=minimum
    )
    month, age = r.earliest_pension_month, r.earliest_pension_age_months
    if month is not None and age is not None:
        text += t.eligibility_short_pension.format(
            as_of=fmt.year_month(common, r.as_of_month),
            month=fmt.year_month(common, month),
            age=fmt.age(common, age),
        )
    return Notice(
        "eligibility",
        text + t.eligibility_you_can,
        Tone.WARNING,
        tuple(name_of(texts, option) for option in r.options),
    )
