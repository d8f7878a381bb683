"""养老金测算 for someone whose pension can only start past the oldest age of the 计发月数 table
(over it now, or making up the minimum years only after it): the kiosk cannot estimate the amount.
It says so in plain words, shows when the pension can start and what the person can do, and sends
them to the hall's window with the answers so far (扫码带走, 打印) or back to change them."""

from __future__ import annotations

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present.common import basis_lines, name_of, step_lines
from kiosk.present.model import Line, Notice, Presentation, Tone
from kiosk.present.retirement import eligibility_notice
from kiosk.rules.estimate import RetirementChoices

JOURNEY = "pension"


def present_no_estimate(
    choices: RetirementChoices, texts: Texts, *, service_window: int | None
) -> Presentation:
    """Why there is no estimate, when the pension can start, what to do and where to ask
    (``service_window``: the hall's window from the settings, None: the hall's windows)."""
    t, s, common, speech = texts.pension, texts.sheet, texts.common, texts.speech
    window = choices.window
    month, age = choices.first, choices.first_age_months
    counter = (
        t.no_estimate_window.format(window=service_window)
        if service_window is not None
        else t.no_estimate_desk
    )
    spoken_counter = (
        speech.counter_window.format(window=service_window)
        if service_window is not None
        else speech.counter_desk
    )
    if window.shortfall_months:  # making up the minimum years takes them past the table
        headline = t.no_estimate_headline.format(
            month=fmt.year_month(common, month), age=fmt.age(common, age)
        )
        spoken = speech.no_estimate.format(
            month=fmt.spoken_month(texts, month), counter=spoken_counter
        )
        figures: tuple[Line, ...] = (
            Line("earliest_pension", t.no_estimate_month, fmt.year_month(common, month)),
            Line("age", t.no_estimate_age, fmt.age(common, age)),
            Line(
                "shortfall",
                t.no_estimate_shortfall,
                fmt.duration(common, window.shortfall_months),
            ),
        )
    else:  # the minimum met, but over the table's oldest age already
        headline = t.no_estimate_headline_over.format(age=fmt.age(common, age))
        spoken = speech.no_estimate_over.format(
            oldest=fmt.age(speech, choices.oldest_age_months), counter=spoken_counter
        )
        figures = (Line("age", t.no_estimate_age_now, fmt.age(common, age)),)
    so_far = window.contribution_months or 0
    return Presentation(
        journey=JOURNEY,
        title=t.title,
        sheet_title=texts.sheet.pension_title,
        headline=headline,
        spoken=spoken,
        figures=figures,
        parts=(),
        notices=(
            Notice(
                "no_estimate",
                t.no_estimate_why.format(oldest=fmt.age(common, choices.oldest_age_months)),
                Tone.WARNING,
            ),
            Notice("counter", f"{counter}{t.no_estimate_next}"),
            eligibility_notice(window, texts),
        ),
        answers=(
            Line("category", s.category, name_of(texts, window.category)),
            Line("birth", s.birth, fmt.year_month(common, window.birth)),
            Line("total_years", s.total_years, fmt.duration(common, so_far)),
        ),
        details_title=t.details_title,
        details=(
            Line(
                "statutory",
                t.no_estimate_statutory,
                t.detail_age_value.format(
                    age=fmt.age(common, window.statutory_age_months),
                    month=fmt.year_month(common, window.statutory_retirement_month),
                ),
            ),
            Line(
                "minimum",
                t.no_estimate_minimum,
                fmt.duration(common, window.minimum_contribution_months),
            ),
        ),
        parameters=(),
        steps=step_lines(texts, window.steps),
        basis=basis_lines(texts, window.legal_basis),
        disclaimer=common.disclaimer,
        provisional=False,
    )
