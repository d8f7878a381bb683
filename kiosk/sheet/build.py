"""Build a :class:`Sheet` from a result and the answers that produced it.

The result screens and ``kiosk-calc --pdf`` both call these, so the sheet says what the screen
says: the same captions and figures, the steps worded from the catalogue, the legal basis, the
parameter year and the 仅供参考 note. Only the answers appear; no name or ID number exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.content.texts import Texts
from kiosk.rules import (
    AccountEstimate,
    BaseAdjustment,
    Category,
    ContributionResult,
    PaymentPeriod,
    PensionResult,
    RetirementResult,
    ShortfallOption,
    Status,
    Step,
    StepKey,
    WorkerKind,
    YearMonth,
)
from kiosk.sheet import words
from kiosk.sheet.model import Line, Section, Sheet, SheetKind


@dataclass(frozen=True, slots=True)
class PensionAnswers:
    """What the person told the pension journey (or ``kiosk-calc pension``).

    ``statutory_age_months`` and ``minimum_contribution_months`` come from the retirement rules
    when category and birth are known; ``legal_basis`` is what the screen lists (the result's own
    documents when empty).
    """

    retirement_age_months: int
    contribution_months: int
    pre_account_months: int
    account_balance: Decimal
    category: Category | None = None
    birth: YearMonth | None = None
    level_title: str | None = None
    statutory_age_months: int | None = None
    minimum_contribution_months: int | None = None
    legal_basis: tuple[str, ...] = ()


def retirement_sheet(
    texts: Texts, result: RetirementResult, *, created: datetime, rules_updated: date
) -> Sheet:
    t, s = texts.retirement, texts.sheet
    r = result
    contribution = (
        fmt.duration(texts.common, r.contribution_months)
        if r.contribution_months is not None
        else s.no_contribution_years
    )
    answers = (
        Line(s.category, category_name(texts, r.category)),
        Line(s.birth, fmt.year_month(texts.common, r.birth)),
        Line(s.contribution_years, contribution),
    )
    figures = (
        Line(t.statutory_age, fmt.age(texts.common, r.statutory_age_months)),
        Line(t.statutory_month, fmt.year_month(texts.common, r.statutory_retirement_month)),
        Line(t.delay, t.delay_value.format(months=r.delay_months)),
    )
    minimum = fmt.duration(texts.common, r.minimum_contribution_months)
    if r.contribution_months is None:
        eligibility = [t.eligibility_unknown.format(minimum=minimum)]
    elif r.meets_minimum:
        eligibility = [
            t.eligibility_meets.format(
                total=fmt.duration(texts.common, r.contribution_months), minimum=minimum
            )
        ]
    else:
        eligibility = [
            t.eligibility_short.format(
                total=fmt.duration(texts.common, r.contribution_months),
                shortfall=fmt.duration(texts.common, r.shortfall_months or 0),
                minimum=minimum,
            )
        ]
        eligibility += [f"· {_option(texts, option)}" for option in r.options]
    time_left = (
        t.time_reached.format(month=fmt.year_month(texts.common, r.statutory_retirement_month))
        if r.reached
        else t.time_left_value.format(
            duration=fmt.duration(texts.common, r.months_until_retirement)
        )
    )
    details = (
        Line(
            t.original,
            t.original_value.format(
                age=fmt.age(texts.common, r.original_age_months),
                month=fmt.year_month(texts.common, r.original_retirement_month),
            ),
        ),
        Line(
            t.minimum_years,
            t.minimum_value.format(minimum=minimum, year=r.statutory_retirement_month.year),
        ),
        Line(
            t.flexible_early,
            t.flexible_value.format(
                age=fmt.age(texts.common, r.earliest_flexible_age_months),
                month=fmt.year_month(texts.common, r.earliest_flexible_retirement_month),
            ),
        ),
        Line(
            t.flexible_late,
            t.flexible_value.format(
                age=fmt.age(texts.common, r.latest_flexible_age_months),
                month=fmt.year_month(texts.common, r.latest_flexible_retirement_month),
            ),
        ),
        Line(t.time_left, time_left),
    )
    return _assemble(
        texts,
        SheetKind.RETIREMENT,
        s.retirement_title,
        created=created,
        rules_updated=rules_updated,
        answers=answers,
        figures=figures,
        notices=tuple(eligibility),
        details=details,
        parameters=(),
        steps=r.steps,
        legal_basis=r.legal_basis,
    )


def contribution_sheet(
    texts: Texts, result: ContributionResult, *, created: datetime, rules_updated: date
) -> Sheet:
    t, s, common = texts.contribution, texts.sheet, texts.common
    r = result

    def m(amount: Decimal) -> str:
        return fmt.money(texts.common, amount)

    percent = _step_value(r.steps, StepKey.CON_BASE_PERCENT, "percent")
    year_title = (
        t.year_option_provisional.format(year=r.year, used_year=r.parameter_year)
        if r.provisional
        else t.year_option.format(year=r.year)
    )
    floor, ceiling = m(r.base_floor), m(r.base_ceiling)
    if r.kind is WorkerKind.EMPLOYEE:
        kind = t.kind_employee
        answers = [Line(s.kind, kind), Line(s.year, year_title)]
        if r.wage is not None:
            answers.append(Line(s.wage, m(r.wage)))
        figures = (
            Line(t.figure_base, m(r.base)),
            Line(t.figure_individual, m(r.individual_monthly)),
            Line(t.figure_employer, m(r.employer_monthly or Decimal(0))),
        )
        base_reason = {
            BaseAdjustment.RAISED_TO_FLOOR: t.base_raised,
            BaseAdjustment.CAPPED_AT_CEILING: t.base_capped,
            BaseAdjustment.NONE: t.base_within,
        }[r.base_adjustment].format(wage=m(r.wage or Decimal(0)), floor=floor, ceiling=ceiling)
        details = [
            Line(t.detail_base, base_reason),
            Line(
                t.detail_account_employee,
                t.split_employee.format(
                    monthly=m(r.personal_account_monthly), annual=m(r.personal_account_annual)
                ),
            ),
            Line(
                t.detail_pooled_employee,
                t.split_employee.format(
                    monthly=m(r.employer_monthly or Decimal(0)),
                    annual=m(r.employer_annual or Decimal(0)),
                ),
            ),
            Line(
                t.detail_total_employee, t.total_employee_value.format(monthly=m(r.total_monthly))
            ),
        ]
    else:
        kind = t.kind_flexible
        period = period_name(texts, r.period)
        answers = [Line(s.kind, kind), Line(s.year, year_title)]
        if percent is not None:
            answers.append(Line(s.tier, s.tier_value.format(percent=percent)))
            base_reason = t.base_tier.format(percent=percent, average=m(r.average_wage_monthly))
        else:
            answers.append(Line(s.base, m(r.base)))
            base_reason = t.base_amount.format(base=m(r.base), floor=floor, ceiling=ceiling)
        answers.append(Line(s.period, period))
        figures = (
            Line(t.figure_base, m(r.base)),
            Line(t.figure_per_payment.format(period=period), m(r.per_payment)),
            Line(t.figure_annual, m(r.annual)),
        )
        details = [
            Line(t.detail_base, base_reason),
            Line(
                t.detail_account_flexible,
                t.split_flexible.format(
                    monthly=m(r.personal_account_monthly),
                    per_payment=m(r.personal_account_per_payment),
                    annual=m(r.personal_account_annual),
                ),
            ),
            Line(
                t.detail_pooled_flexible,
                t.split_flexible.format(
                    monthly=m(r.pooled_fund_monthly),
                    per_payment=m(r.pooled_fund_per_payment),
                    annual=m(r.pooled_fund_annual),
                ),
            ),
        ]
    details.append(
        Line(
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
    if r.figures_status != Status.VERIFIED.value:
        notices.append(t.figures_assumed.format(year=r.parameter_year))
    return _assemble(
        texts,
        SheetKind.CONTRIBUTION,
        s.contribution_title,
        created=created,
        rules_updated=rules_updated,
        answers=tuple(answers),
        figures=figures,
        notices=tuple(notices),
        details=tuple(details),
        parameters=(_parameter_line(texts, r.parameter_year, r.provisional),),
        steps=r.steps,
        legal_basis=r.legal_basis,
    )


def pension_sheet(
    texts: Texts,
    result: PensionResult,
    answers: PensionAnswers,
    *,
    created: datetime,
    rules_updated: date,
    estimate: AccountEstimate | None = None,
) -> Sheet:
    t, s = texts.pension, texts.sheet
    r, a = result, answers

    def m(amount: Decimal) -> str:
        return fmt.money(texts.common, amount)

    retirement_month = a.birth.plus_months(a.retirement_age_months) if a.birth is not None else None
    age_text = fmt.age(texts.common, a.retirement_age_months)
    if retirement_month is not None:
        age_text = t.detail_age_value.format(
            age=age_text, month=fmt.year_month(texts.common, retirement_month)
        )
    balance = (
        s.balance_estimated.format(amount=m(a.account_balance))
        if estimate
        else m(a.account_balance)
    )
    given: list[Line] = []
    if a.category is not None:
        given.append(Line(s.category, category_name(texts, a.category)))
    if a.birth is not None:
        given.append(Line(s.birth, fmt.year_month(texts.common, a.birth)))
    given += [
        Line(s.retirement_age, age_text),
        Line(s.total_years, fmt.duration(texts.common, a.contribution_months)),
        Line(s.pre_years, fmt.duration(texts.common, a.pre_account_months)),
        Line(s.tier, a.level_title) if a.level_title else Line(s.index, _number(r.average_index)),
        Line(s.balance, balance),
    ]
    shortfall = 0
    notices: list[str] = []
    if a.minimum_contribution_months is not None and retirement_month is not None:
        minimum = a.minimum_contribution_months
        shortfall = max(0, minimum - a.contribution_months)
        wording = t.eligibility_short if shortfall else t.eligibility_meets
        notices.append(
            wording.format(
                total=fmt.duration(texts.common, a.contribution_months),
                year=retirement_month.year,
                minimum=fmt.duration(texts.common, minimum),
                shortfall=fmt.duration(texts.common, shortfall),
            )
        )
    if estimate is not None:
        notices.append(t.estimate_note)
    figures = (
        Line(t.total_caption_short if shortfall else t.total_caption, m(r.total)),
        Line(t.basic_caption, m(r.basic_pension)),
        Line(
            t.account_caption_estimated if estimate else t.account_caption,
            m(r.personal_account_pension),
        ),
        Line(t.transitional_caption, m(r.transitional_pension)),
    )
    choice = r.pension_base
    details: list[Line] = []
    if a.statutory_age_months is not None:
        age, statutory = a.retirement_age_months, a.statutory_age_months
        kind = (
            t.kind_statutory
            if age == statutory
            else t.kind_early
            if age < statutory
            else t.kind_late
        )
        details.append(Line(t.detail_kind, kind))
    details += [
        Line(t.detail_base, t.detail_base_value.format(amount=m(choice.amount), year=choice.year)),
        Line(t.detail_months, _number(r.payment_months)),
        Line(t.detail_index, _number(r.average_index)),
        Line(t.detail_indexed, m(r.indexed_monthly_wage)),
        Line(
            t.detail_total_years,
            t.detail_years_value.format(
                duration=fmt.duration(texts.common, a.contribution_months),
                years=f"{r.contribution_years:.2f}",
            ),
        ),
        Line(
            t.detail_pre_years,
            t.detail_years_value.format(
                duration=fmt.duration(texts.common, a.pre_account_months),
                years=f"{r.pre_account_years:.2f}",
            ),
        ),
    ]
    steps = r.steps + (estimate.steps if estimate else ())
    basis = a.legal_basis or (
        *r.legal_basis,
        *(step.basis for step in (estimate.steps if estimate else ()) if step.basis),
    )
    parameter_year = choice.year if choice.year is not None else created.year
    return _assemble(
        texts,
        SheetKind.PENSION,
        s.pension_title,
        created=created,
        rules_updated=rules_updated,
        answers=tuple(given),
        figures=figures,
        notices=tuple(notices),
        details=tuple(details),
        parameters=(_parameter_line(texts, parameter_year, r.provisional),),
        steps=steps,
        legal_basis=basis,
    )


# shared wording ---------------------------------------------------------------------------------


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


def _option(texts: Texts, option: ShortfallOption) -> str:
    t = texts.retirement
    return {
        ShortfallOption.EXTEND: t.option_extend,
        ShortfallOption.LUMP_SUM: t.option_lump_sum,
        ShortfallOption.TRANSFER: t.option_transfer,
        ShortfallOption.TERMINATE: t.option_terminate,
    }[option]


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _step_value(steps: Sequence[Step], key: StepKey, name: str) -> str | None:
    return next((step.values.get(name) for step in steps if step.key is key), None)


def _parameter_line(texts: Texts, year: int, provisional: bool) -> str:
    s = texts.sheet
    return (s.parameter_year_provisional if provisional else s.parameter_year).format(year=year)


def _assemble(
    texts: Texts,
    kind: SheetKind,
    title: str,
    *,
    created: datetime,
    rules_updated: date,
    answers: tuple[Line, ...],
    figures: tuple[Line, ...],
    notices: tuple[str, ...],
    details: tuple[Line, ...],
    parameters: tuple[str, ...],
    steps: Sequence[Step],
    legal_basis: Sequence[str],
) -> Sheet:
    s, common = texts.sheet, texts.common
    when = words.when(texts, created)
    footer = common.rules_footer.format(date=rules_updated.isoformat())
    summary_lines = [
        s.qr_header.format(centre=common.centre_name, title=title, when=when),
        *(s.line.format(label=line.label, value=line.value) for line in answers + figures),
        *parameters,
        s.qr_note,
    ]
    return Sheet(
        kind=kind,
        centre=common.centre_name,
        title=title,
        created=created,
        created_text=s.created.format(when=when),
        answers=Section(s.answers_title, lines=answers),
        results_title=s.results_title,
        figures=figures,
        notices=notices,
        details=Section(s.details_title, lines=details),
        parameters=Section(s.parameters_title, paragraphs=(*parameters, footer)),
        steps=Section(
            common.steps_title,
            paragraphs=tuple(fmt.step_text(texts, step) for step in steps),
            numbered=True,
        ),
        legal_basis=Section(common.legal_basis_title, paragraphs=tuple(dict.fromkeys(legal_basis))),
        note=common.disclaimer,
        qr_caption=s.qr_caption,
        summary="\n".join(summary_lines),
        file_name=s.file_name.format(title=title, date=created.strftime("%Y-%m-%d_%H%M")),
    )
