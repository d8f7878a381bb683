"""缴费测算: monthly pension contributions for an enterprise employee (企业职工) or a self-employed /
flexible worker (个体工商户、灵活就业人员), per payment and per year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kiosk.rules.models import (
    ContributionData,
    ContributionYear,
    PensionRates,
    RatesData,
    in_force,
)
from kiosk.rules.money import to_fen, to_yuan
from kiosk.rules.steps import (
    Amount,
    Basis,
    ErrorCode,
    InputError,
    Number,
    Percent,
    Step,
    StepKey,
)

MIN_PERCENT = Decimal(60)
MAX_PERCENT = Decimal(300)
MAX_WAGE = Decimal("10000000")


class WorkerKind(StrEnum):
    EMPLOYEE = "employee"  # 企业职工
    FLEXIBLE = "flexible"  # 个体工商户 / 灵活就业人员


class PaymentPeriod(StrEnum):
    """缴费方式 for flexible workers: 按月 / 按季 / 按半年 / 按年."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half-year"
    YEAR = "year"

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "half-year": 6, "year": 12}[self.value]


class BaseAdjustment(StrEnum):
    NONE = "none"
    RAISED_TO_FLOOR = "raised_to_floor"
    CAPPED_AT_CEILING = "capped_at_ceiling"


@dataclass(frozen=True, slots=True)
class YearFigures:
    """The figures a calculation for ``requested_year`` actually used."""

    requested_year: int
    row: ContributionYear
    provisional: bool

    @property
    def parameter_year(self) -> int:
        return self.row.contribution_year


@dataclass(frozen=True, slots=True)
class ContributionResult:
    kind: WorkerKind
    year: int
    parameter_year: int
    provisional: bool
    figures_status: str
    base: Decimal
    base_floor: Decimal
    base_ceiling: Decimal
    average_wage_monthly: Decimal
    base_adjustment: BaseAdjustment
    individual_monthly: Decimal
    employer_monthly: Decimal | None
    personal_account_monthly: Decimal
    pooled_fund_monthly: Decimal
    period: PaymentPeriod
    per_payment: Decimal
    annual: Decimal
    wage: Decimal | None
    base_percent: Decimal | None  # the tier chosen (60-300), None for an amount or a wage
    document: str  # the notice that published the year's limits
    personal_account_per_payment: Decimal
    personal_account_annual: Decimal
    pooled_fund_per_payment: Decimal
    pooled_fund_annual: Decimal
    employer_annual: Decimal | None
    steps: tuple[Step, ...]
    legal_basis: tuple[Basis, ...]

    @property
    def period_months(self) -> int:
        return self.period.months

    @property
    def total_monthly(self) -> Decimal:
        return self.individual_monthly + (self.employer_monthly or Decimal(0))


def figures_for_year(year: int, data: ContributionData, *, as_of: date) -> YearFigures:
    """The limits for ``year``; before its notice is out, the latest published year's, provisionally."""
    published = [row for row in data.year if row.published is None or row.published <= as_of]
    exact = next((row for row in published if row.contribution_year == year), None)
    if exact is not None:
        return YearFigures(year, exact, provisional=False)
    earlier = [row for row in published if row.contribution_year < year]
    if not earlier:
        first = min(row.contribution_year for row in data.year)
        raise InputError("year", ErrorCode.NO_FIGURES, low=first, year=year)
    return YearFigures(year, max(earlier, key=lambda row: row.contribution_year), provisional=True)


def pension_rates_on(day: date, rates: RatesData) -> PensionRates:
    row = in_force(rates.pension, day)
    if row is None:
        raise InputError("year", ErrorCode.NO_RATES, year=day.year)
    return row


def contribution(
    kind: WorkerKind,
    year: int,
    data: ContributionData,
    rates: RatesData,
    *,
    as_of: date,
    wage: Decimal | None = None,
    base: Decimal | None = None,
    base_percent: Decimal | None = None,
    period: PaymentPeriod = PaymentPeriod.MONTH,
) -> ContributionResult:
    """Employees give ``wage``; flexible workers give ``base`` or ``base_percent`` (60–300)."""
    figures = figures_for_year(year, data, as_of=as_of)
    row = figures.row
    rate = pension_rates_on(date(row.contribution_year, 12, 31), rates)
    floor, ceiling = row.base_floor, row.base_ceiling
    limits_basis, pension_basis = data.legal_basis.cite("limits"), rates.legal_basis.cite("pension")
    steps = [
        Step(
            StepKey.CON_PARAMS,
            {
                "year": row.contribution_year,
                "average": Amount(row.average_wage_monthly),
                "floor": Amount(floor),
                "ceiling": Amount(ceiling),
                "document": row.document,
            },
            limits_basis,
            assumption=not row.status.is_fact,
        )
    ]
    if figures.provisional:
        steps.append(
            Step(
                StepKey.CON_PROVISIONAL,
                {"year": year, "used_year": row.contribution_year},
                limits_basis,
                assumption=True,
            )
        )

    if kind is WorkerKind.EMPLOYEE:
        if period is not PaymentPeriod.MONTH:
            raise InputError("period", ErrorCode.EMPLOYEE_MONTHLY)
        if wage is None or base is not None or base_percent is not None:
            raise InputError("wage", ErrorCode.REQUIRED)
        if not wage.is_finite() or not Decimal(0) < wage <= MAX_WAGE:
            raise InputError(
                "wage",
                ErrorCode.OUT_OF_RANGE,
                low=Amount(Decimal("0.01")),
                high=Amount(MAX_WAGE),
            )
        wage = to_fen(wage)
        chosen, adjustment = _clamp(wage, floor, ceiling)
        steps.append(_base_step(adjustment, wage, chosen, floor, ceiling, limits_basis))
        individual = to_fen(chosen * rate.individual)
        employer = to_fen(chosen * rate.employer)
        personal_account, pooled, employer_monthly = individual, employer, employer
        steps.append(
            Step(
                StepKey.CON_EMPLOYEE,
                {
                    "base": Amount(chosen),
                    "individual_rate": _percent(rate.individual),
                    "employer_rate": _percent(rate.employer),
                    "individual": Amount(individual),
                    "employer": Amount(employer),
                },
                pension_basis,
            )
        )
    else:
        chosen, step = _flexible_base(row, base, base_percent, limits_basis)
        adjustment = BaseAdjustment.NONE
        steps.append(step)
        individual = to_fen(chosen * rate.flexible_total)
        personal_account = to_fen(chosen * rate.flexible_personal_account)
        pooled = individual - personal_account
        employer_monthly = None
        steps.append(
            Step(
                StepKey.CON_FLEXIBLE,
                {
                    "base": Amount(chosen),
                    "total_rate": _percent(rate.flexible_total),
                    "account_rate": _percent(rate.flexible_personal_account),
                    "pooled_rate": _percent(rate.flexible_total - rate.flexible_personal_account),
                    "total": Amount(individual),
                    "account": Amount(personal_account),
                    "pooled": Amount(pooled),
                },
                pension_basis,
            )
        )

    months = period.months
    per_payment = individual * months
    annual = individual * 12
    employer_annual = None if employer_monthly is None else employer_monthly * 12
    if kind is WorkerKind.FLEXIBLE:
        steps.append(
            Step(
                StepKey.CON_PERIOD,
                {
                    "monthly": Amount(individual),
                    "months": months,
                    "per_payment": Amount(per_payment),
                    "annual": Amount(annual),
                },
                pension_basis,
            )
        )
    else:
        assert employer_annual is not None and employer_monthly is not None
        steps.append(
            Step(
                StepKey.CON_ANNUAL,
                {
                    "monthly": Amount(individual),
                    "annual": Amount(annual),
                    "employer": Amount(employer_monthly),
                    "employer_annual": Amount(employer_annual),
                },
                pension_basis,
            )
        )
    return ContributionResult(
        kind=kind,
        year=year,
        parameter_year=row.contribution_year,
        provisional=figures.provisional,
        figures_status=row.status.value,
        base=chosen,
        base_floor=floor,
        base_ceiling=ceiling,
        average_wage_monthly=row.average_wage_monthly,
        base_adjustment=adjustment,
        individual_monthly=individual,
        employer_monthly=employer_monthly,
        personal_account_monthly=personal_account,
        pooled_fund_monthly=pooled,
        period=period,
        per_payment=per_payment,
        annual=annual,
        wage=wage if kind is WorkerKind.EMPLOYEE else None,
        base_percent=base_percent if kind is WorkerKind.FLEXIBLE else None,
        document=row.document,
        personal_account_per_payment=personal_account * months,
        personal_account_annual=personal_account * 12,
        pooled_fund_per_payment=pooled * months,
        pooled_fund_annual=pooled * 12,
        employer_annual=employer_annual,
        steps=tuple(steps),
        legal_basis=(limits_basis, pension_basis),
    )


def base_for_percent(percent: Decimal, row: ContributionYear) -> Decimal:
    """A base tier: percent of the monthly average, to a whole yuan, kept within the limits.

    60% gives exactly the published floor and 300% the published ceiling.
    """
    if not percent.is_finite() or not MIN_PERCENT <= percent <= MAX_PERCENT:
        raise InputError(
            "base_percent",
            ErrorCode.OUT_OF_RANGE,
            low=Percent(MIN_PERCENT),
            high=Percent(MAX_PERCENT),
        )
    raw = to_yuan(row.average_wage_monthly * percent / 100)
    return min(max(raw, row.base_floor), row.base_ceiling)


def _clamp(value: Decimal, floor: Decimal, ceiling: Decimal) -> tuple[Decimal, BaseAdjustment]:
    if value < floor:
        return floor, BaseAdjustment.RAISED_TO_FLOOR
    if value > ceiling:
        return ceiling, BaseAdjustment.CAPPED_AT_CEILING
    return value, BaseAdjustment.NONE


def _base_step(
    adjustment: BaseAdjustment,
    wage: Decimal,
    chosen: Decimal,
    floor: Decimal,
    ceiling: Decimal,
    basis: Basis,
) -> Step:
    key = {
        BaseAdjustment.NONE: StepKey.CON_BASE_WAGE,
        BaseAdjustment.RAISED_TO_FLOOR: StepKey.CON_BASE_RAISED,
        BaseAdjustment.CAPPED_AT_CEILING: StepKey.CON_BASE_CAPPED,
    }[adjustment]
    values = {
        "wage": Amount(wage),
        "base": Amount(chosen),
        "floor": Amount(floor),
        "ceiling": Amount(ceiling),
    }
    return Step(key, values, basis)


def _flexible_base(
    row: ContributionYear,
    base: Decimal | None,
    base_percent: Decimal | None,
    basis: Basis,
) -> tuple[Decimal, Step]:
    floor, ceiling = row.base_floor, row.base_ceiling
    if (base is None) == (base_percent is None):
        raise InputError("base", ErrorCode.ONE_OF, other="base_percent")
    if base_percent is not None:
        chosen = base_for_percent(base_percent, row)
        step = Step(
            StepKey.CON_BASE_PERCENT,
            {
                "percent": Number(base_percent),
                "average": Amount(row.average_wage_monthly),
                "base": Amount(chosen),
            },
            basis,
            assumption=base_percent not in (MIN_PERCENT, MAX_PERCENT),
        )
        return chosen, step
    assert base is not None
    chosen = to_fen(base) if base.is_finite() and abs(base) <= MAX_WAGE else base
    if not chosen.is_finite() or not floor <= chosen <= ceiling:
        raise InputError("base", ErrorCode.OUT_OF_RANGE, low=Amount(floor), high=Amount(ceiling))
    step = Step(
        StepKey.CON_BASE_AMOUNT,
        {"base": Amount(chosen), "floor": Amount(floor), "ceiling": Amount(ceiling)},
        basis,
    )
    return chosen, step


def _percent(rate: Decimal) -> Number:
    """``Decimal('0.08')`` -> 8 (percent)."""
    return Number(rate * 100)
