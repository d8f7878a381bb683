"""缴费测算 presented: the base, each share and the yearly total, how the base was set, and which
year's limits were used."""

from __future__ import annotations

from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.present.common import basis_lines, name_of, parameter_line, step_lines
from kiosk.present.model import Line, Notice, Presentation, Tone
from kiosk.rules import BaseAdjustment, ContributionResult, Status, WorkerKind

JOURNEY = "contribution"


def year_title(texts: Texts, result: ContributionResult) -> str:
    """``2026年`` or ``2026年（暂按2025年）``: the year asked for and the figures used."""
    t = texts.contribution
    if result.provisional:
        return t.year_option_provisional.format(year=result.year, used_year=result.parameter_year)
    return t.year_option.format(year=result.year)


def present_contribution(result: ContributionResult, texts: Texts) -> Presentation:
    t, s, common = texts.contribution, texts.sheet, texts.common
    r = result

    def m(amount: Decimal) -> str:
        return fmt.money(common, amount)

    def say(amount: Decimal) -> str:
        return fmt.spoken_money(texts, amount)

    floor, ceiling = m(r.base_floor), m(r.base_ceiling)
    answers = [Line("kind", s.kind, _kind(texts, r)), Line("year", s.year, year_title(texts, r))]
    details = [
        Line("kind", t.detail_kind, _kind(texts, r)),
        Line("year", t.detail_year, year_title(texts, r)),
    ]
    if r.kind is WorkerKind.EMPLOYEE:
        employer = r.employer_monthly or Decimal(0)
        if r.wage is not None:
            answers.append(Line("wage", s.wage, m(r.wage)))
        headline = t.headline_employee.format(
            individual=m(r.individual_monthly), employer=m(employer)
        )
        spoken = texts.speech.contribution_employee.format(
            base=say(r.base), individual=say(r.individual_monthly), employer=say(employer)
        )
        figures = (
            Line("base", t.figure_base, m(r.base)),
            Line("individual", t.figure_individual, m(r.individual_monthly)),
            Line("employer", t.figure_employer, m(employer)),
        )
        details += [
            Line("base_reason", t.detail_base, _base_reason(texts, r)),
            Line(
                "account",
                t.detail_account_employee,
                t.split_employee.format(
                    monthly=m(r.personal_account_monthly), annual=m(r.personal_account_annual)
                ),
            ),
            Line(
                "pooled",
                t.detail_pooled_employee,
                t.split_employee.format(
                    monthly=m(employer), annual=m(r.employer_annual or Decimal(0))
                ),
            ),
            Line(
                "total",
                t.detail_total_employee,
                t.total_employee_value.format(monthly=m(r.total_monthly)),
            ),
        ]
    else:
        period = name_of(texts, r.period)
        if r.base_percent is not None:
            answers.append(
                Line("tier", s.tier, s.tier_value.format(percent=fmt.number(r.base_percent)))
            )
        else:
            answers.append(Line("base", s.base, m(r.base)))
        answers.append(Line("period", s.period, period))
        headline = t.headline_flexible.format(
            period=period, per_payment=m(r.per_payment), annual=m(r.annual)
        )
        spoken = texts.speech.contribution_flexible.format(
            base=say(r.base), period=period, per_payment=say(r.per_payment), annual=say(r.annual)
        )
        figures = (
            Line("base", t.figure_base, m(r.base)),
            Line("per_payment", t.figure_per_payment.format(period=period), m(r.per_payment)),
            Line("annual", t.figure_annual, m(r.annual)),
        )
        details.append(Line("base_reason", t.detail_base, _base_reason(texts, r)))
        for key, caption, monthly, per_payment, annual in (
            (
                "account",
                t.detail_account_flexible,
                r.personal_account_monthly,
                r.personal_account_per_payment,
                r.personal_account_annual,
            ),
            (
                "pooled",
                t.detail_pooled_flexible,
                r.pooled_fund_monthly,
                r.pooled_fund_per_payment,
                r.pooled_fund_annual,
            ),
        ):
            details.append(
                Line(
                    key,
                    caption,
                    t.split_flexible.format(
                        monthly=m(monthly), per_payment=m(per_payment), annual=m(annual)
                    ),
                )
            )
    details.append(
        Line(
            "limits",
            t.detail_limits,
            t.limits_value.format(
                parameters=common.parameter_year.format(year=r.parameter_year),
                floor=floor,
                ceiling=ceiling,
                average=m(r.average_wage_monthly),
            ),
        )
    )
    notices = []
    if r.provisional:
        notices.append(
            Notice(
                "provisional",
                common.provisional_badge.format(year=r.parameter_year),
                Tone.PROVISIONAL,
            )
        )
    if r.figures_status != Status.VERIFIED.value:
        notices.append(
            Notice("assumed", t.figures_assumed.format(year=r.parameter_year), Tone.PROVISIONAL)
        )
    return Presentation(
        journey=JOURNEY,
        title=t.title,
        sheet_title=texts.sheet.contribution_title,
        headline=headline,
        spoken=spoken,
        figures=figures,
        parts=(),
        notices=tuple(notices),
        answers=tuple(answers),
        details_title=t.details_title,
        details=tuple(details),
        parameters=(parameter_line(texts, r.parameter_year, r.provisional),),
        steps=step_lines(texts, r.steps),
        basis=basis_lines(texts, r.legal_basis),
        disclaimer=common.disclaimer,
        provisional=r.provisional,
    )


def _kind(texts: Texts, r: ContributionResult) -> str:
    t = texts.contribution
    return t.kind_employee if r.kind is WorkerKind.EMPLOYEE else t.kind_flexible


def _base_reason(texts: Texts, r: ContributionResult) -> str:
    t, common = texts.contribution, texts.common
    floor, ceiling = fmt.money(common, r.base_floor), fmt.money(common, r.base_ceiling)
    if r.kind is WorkerKind.EMPLOYEE:
        wage = fmt.money(common, r.wage or Decimal(0))
        return {
            BaseAdjustment.RAISED_TO_FLOOR: t.base_raised,
            BaseAdjustment.CAPPED_AT_CEILING: t.base_capped,
            BaseAdjustment.NONE: t.base_within,
        }[r.base_adjustment].format(wage=wage, floor=floor, ceiling=ceiling)
    if r.base_percent is None:
        return t.base_amount.format(base=fmt.money(common, r.base), floor=floor, ceiling=ceiling)
    return t.base_tier.format(
        percent=fmt.number(r.base_percent), average=fmt.money(common, r.average_wage_monthly)
    )
