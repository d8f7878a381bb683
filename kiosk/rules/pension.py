"""养老金测算: the basic pension of a Shandong enterprise employee or flexible worker.

基础养老金 = (计发基数 + 指数化月平均缴费工资) / 2 × 累计缴费年限 × 1%
个人账户养老金 = 个人账户储存额 / 计发月数
过渡性养老金 = 指数化月平均缴费工资 × 建账前缴费年限（含视同） × 1.3%
Rounding as on Shandong forms: years to 2 decimals, the indexed wage and each part to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.rules.models import PensionData
from kiosk.rules.money import months_to_years, to_fen, to_tenth
from kiosk.rules.retirement import MAX_CONTRIBUTION_MONTHS
from kiosk.rules.steps import (
    Age,
    Amount,
    Basis,
    Duration,
    ErrorCode,
    InputError,
    Number,
    Step,
    StepKey,
    Value,
)

MIN_INDEX = Decimal("0.3")
MAX_INDEX = Decimal("3")
MAX_BALANCE = Decimal("100000000")
MIN_PAYMENT_MONTHS = Decimal(1)
MAX_PAYMENT_MONTHS = Decimal(300)  # the largest 计发月数 the data files accept
ONE_PERCENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class PensionBaseChoice:
    """The 计发基数 used for a retirement year, and whether it is a provisional stand-in."""

    amount: Decimal
    year: int | None
    requested_year: int | None
    provisional: bool
    document: str = ""  # the notice that published it (鲁人社字〔2025〕100号)


@dataclass(frozen=True, slots=True)
class PensionResult:
    pension_base: PensionBaseChoice
    average_index: Decimal
    contribution_years: Decimal
    pre_account_years: Decimal
    indexed_monthly_wage: Decimal
    payment_months: Decimal
    retirement_age_months: int
    basic_pension: Decimal
    personal_account_pension: Decimal
    transitional_pension: Decimal
    total: Decimal
    steps: tuple[Step, ...]
    legal_basis: tuple[Basis, ...]

    @property
    def provisional(self) -> bool:
        return self.pension_base.provisional


def pension_base_for(year: int, data: PensionData) -> PensionBaseChoice:
    """计发基数 for pensions starting in ``year``; before it is published, the latest earlier one."""
    exact = next((row for row in data.pension_base if row.year == year), None)
    if exact is not None:
        return PensionBaseChoice(
            exact.amount, exact.year, year, provisional=False, document=exact.document
        )
    earlier = [row for row in data.pension_base if row.year < year]
    if not earlier:
        first = min(row.year for row in data.pension_base)
        raise InputError("retirement_year", ErrorCode.NO_FIGURES, low=first, year=year)
    latest = max(earlier, key=lambda row: row.year)
    return PensionBaseChoice(
        latest.amount, latest.year, year, provisional=True, document=latest.document
    )


def payment_months_for(age_months: int, data: PensionData) -> Decimal:
    """计发月数 for a retirement age in months, interpolated by month and rounded to 0.1."""
    table = data.payment_months.table
    low_age, high_age = min(table), max(table)
    if not low_age * 12 <= age_months <= high_age * 12:
        raise InputError(
            "retirement_age_months",
            ErrorCode.OUT_OF_RANGE,
            low=Age(low_age * 12),
            high=Age(high_age * 12),
        )
    years, months = divmod(age_months, 12)
    if months == 0:
        return to_tenth(table[years])
    here, next_year = table[years], table[years + 1]
    return to_tenth(here - (here - next_year) * months / 12)


def pension(
    data: PensionData,
    *,
    pension_base: Decimal | None = None,
    retirement_year: int | None = None,
    average_index: Decimal,
    contribution_months: int,
    pre_account_months: int,
    account_balance: Decimal,
    retirement_age_months: int,
    payment_months: Decimal | None = None,
) -> PensionResult:
    """The three parts of the basic pension and their total.

    ``pension_base`` or ``retirement_year`` (to look the base up) must be given. ``payment_months``
    overrides the 计发月数 looked up from the age (for reproducing a form that states it).
    """
    choice = _choose_base(data, pension_base, retirement_year)
    _check_inputs(average_index, contribution_months, pre_account_months, account_balance)
    looked_up = payment_months_for(retirement_age_months, data)  # checks the age, even if given
    months = payment_months if payment_months is not None else looked_up
    if not months.is_finite() or not MIN_PAYMENT_MONTHS <= months <= MAX_PAYMENT_MONTHS:
        raise InputError(
            "payment_months",
            ErrorCode.OUT_OF_RANGE,
            low=Number(MIN_PAYMENT_MONTHS),
            high=Number(MAX_PAYMENT_MONTHS),
        )
    basis = data.legal_basis
    base = choice.amount
    years = months_to_years(contribution_months)
    pre_years = months_to_years(pre_account_months)
    indexed = to_fen(base * average_index)
    basic = to_fen((base + indexed) / 2 * years * ONE_PERCENT)
    account = to_fen(account_balance / months)
    coefficient = data.transitional.coefficient
    transitional = to_fen(indexed * pre_years * coefficient)
    total = basic + account + transitional

    formula = basis.cite("formula")
    steps = [_base_step(choice, formula)]
    steps += [
        Step(
            StepKey.PEN_YEARS,
            {
                "months": contribution_months,
                "years": Number(years, 2),
                "pre_months": pre_account_months,
                "pre_years": Number(pre_years, 2),
            },
            formula,
        ),
        Step(
            StepKey.PEN_INDEXED,
            {"base": Amount(base), "index": Number(average_index), "indexed": Amount(indexed)},
            formula,
        ),
        Step(
            StepKey.PEN_BASIC,
            {
                "base": Amount(base),
                "indexed": Amount(indexed),
                "years": Number(years, 2),
                "basic": Amount(basic),
            },
            formula,
        ),
        Step(
            StepKey.PEN_MONTHS,
            {"age": Age(retirement_age_months), "months": Number(months, 1)},
            basis.cite("payment_months"),
            assumption=retirement_age_months % 12 != 0
            and not data.payment_months.interpolation_status.is_fact,
        ),
        Step(
            StepKey.PEN_ACCOUNT,
            {
                "balance": Amount(account_balance),
                "months": Number(months, 1),
                "account": Amount(account),
            },
            formula,
        ),
        Step(
            StepKey.PEN_TRANSITIONAL,
            {
                "indexed": Amount(indexed),
                "pre_years": Number(pre_years, 2),
                "coefficient": Number(coefficient * 100),
                "transitional": Amount(transitional),
            },
            basis.cite("transitional"),
        ),
        Step(
            StepKey.PEN_TOTAL,
            {
                "basic": Amount(basic),
                "account": Amount(account),
                "transitional": Amount(transitional),
                "total": Amount(total),
            },
            formula,
        ),
    ]
    return PensionResult(
        pension_base=choice,
        average_index=average_index,
        contribution_years=years,
        pre_account_years=pre_years,
        indexed_monthly_wage=indexed,
        payment_months=months,
        retirement_age_months=retirement_age_months,
        basic_pension=basic,
        personal_account_pension=account,
        transitional_pension=transitional,
        total=total,
        steps=tuple(steps),
        legal_basis=(formula, basis.cite("transitional"), basis.cite("payment_months")),
    )


def _choose_base(
    data: PensionData, pension_base: Decimal | None, retirement_year: int | None
) -> PensionBaseChoice:
    if (pension_base is None) == (retirement_year is None):
        raise InputError("pension_base", ErrorCode.ONE_OF, other="retirement_year")
    if pension_base is not None:
        if not pension_base.is_finite() or not Decimal(0) < pension_base <= MAX_BALANCE:
            raise InputError(
                "pension_base",
                ErrorCode.OUT_OF_RANGE,
                low=Amount(Decimal("0.01")),
                high=Amount(MAX_BALANCE),
            )
        return PensionBaseChoice(to_fen(pension_base), None, None, provisional=False)
    assert retirement_year is not None
    return pension_base_for(retirement_year, data)


def check_index(index: Decimal) -> None:
    """平均缴费指数 within 0.3-3 (and a number); else InputError on ``index``."""
    if not index.is_finite() or not MIN_INDEX <= index <= MAX_INDEX:
        raise InputError(
            "index", ErrorCode.OUT_OF_RANGE, low=Number(MIN_INDEX), high=Number(MAX_INDEX)
        )


def _check_inputs(
    index: Decimal, contribution_months: int, pre_account_months: int, balance: Decimal
) -> None:
    check_index(index)
    if not 0 < contribution_months <= MAX_CONTRIBUTION_MONTHS:
        raise InputError(
            "contribution_months",
            ErrorCode.OUT_OF_RANGE,
            low=Duration(1),
            high=Duration(MAX_CONTRIBUTION_MONTHS),
        )
    if not 0 <= pre_account_months <= contribution_months:
        raise InputError(
            "pre_account_months",
            ErrorCode.EXCEEDS_TOTAL,
            high=Duration(contribution_months),
            total="contribution_months",
        )
    check_balance(balance)


def check_balance(balance: Decimal) -> None:
    """个人账户储存额 within 0-100,000,000 yuan (and a number); else InputError on
    ``account_balance``."""
    if not balance.is_finite() or not Decimal(0) <= balance <= MAX_BALANCE:
        raise InputError(
            "account_balance",
            ErrorCode.OUT_OF_RANGE,
            low=Amount(Decimal(0)),
            high=Amount(MAX_BALANCE),
        )


def _base_step(choice: PensionBaseChoice, basis: Basis) -> Step:
    if choice.year is None:
        return Step(StepKey.PEN_BASE_GIVEN, {"base": Amount(choice.amount)}, basis)
    values: dict[str, Value] = {
        "base": Amount(choice.amount),
        "year": choice.year,
        "requested_year": choice.requested_year or choice.year,
    }
    if choice.provisional:
        return Step(StepKey.PEN_BASE_PROVISIONAL, values, basis, assumption=True)
    return Step(StepKey.PEN_BASE, values, basis)
