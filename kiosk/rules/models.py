"""Validated models of the bundled rules data (resources/rules/*.toml).

Every model is frozen and rejects unknown keys, so a misspelt key in a data file is an error and
not a silent default. Every figure carries its ``source``, its ``status`` and the period it is in
force.

Each model is a frozen dataclass whose fields pydantic checks (types, ranges, unknown keys) when a
rules file is loaded (:func:`kiosk.datafile.validate_file`); the checks that span fields are its
``__post_init__``. No pydantic is imported to build one, so a start from a snapshot of a validated
bundle (:mod:`kiosk.snapshot`) never imports it.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, Any, ClassVar, Literal, TypeVar, dataclass_transform

from annotated_types import Ge, Gt, Le, Lt, MinLen

from kiosk.datafile import FieldError, Places
from kiosk.rules.steps import Basis
from kiosk.rules.yearmonth import YearMonth

Money = Annotated[Decimal, Gt(0), Places(2, max_digits=12)]
Rate = Annotated[Decimal, Ge(0), Le(1), Places(4)]
Text = Annotated[str, MinLen(1)]
Level = Annotated[Decimal, Ge(Decimal("0.3")), Le(3), Places(2)]  # a 平均缴费指数
Year = Annotated[int, Ge(2000), Le(2100)]


class Status(StrEnum):
    """How well a figure is established (see rules.md, "How to read this file")."""

    VERIFIED = "verified"
    SINGLE_SOURCE = "single-source"
    DERIVED = "derived"
    UNVERIFIED = "unverified"

    @property
    def is_fact(self) -> bool:
        """Verified figures are shown as facts; every other status is shown as an assumption."""
        return self is Status.VERIFIED


class Category(StrEnum):
    """人员类型: the original (pre-reform) statutory retirement age group."""

    MALE = "male"  # 男职工，原60岁
    FEMALE_55 = "female-55"  # 原法定退休年龄五十五周岁的女职工（干部/管理岗）
    FEMALE_50 = "female-50"  # 原法定退休年龄五十周岁的女职工（工人岗）


@dataclass_transform(frozen_default=True, kw_only_default=True)
class _Model:
    """A frozen dataclass (made so here; no decorator needed): unknown keys are errors, text is
    stripped. Each ``__post_init__`` calls its base's, so every check of a row runs."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
    }

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)

    def __post_init__(self) -> None:
        """The checks across fields of a subclass (none here)."""


class _LegalBasis(_Model):
    """A data file's ``[legal_basis]``: the public title of each document its rules rest on."""

    section: ClassVar[str]

    def cite(self, name: str) -> Basis:
        """The document ``name`` (a field of this table) as a :class:`Basis`."""
        return Basis(f"{self.section}.{name}", getattr(self, name))


class _DataFile(_Model):
    """What every rules file starts with: its schema version and the day it was last checked."""

    schema_version: Literal[1]
    updated: date  # the day the figures in this file were last checked


class _Sourced(_Model):
    status: Status  # verified / single-source / derived / unverified
    source: Text  # where the figure comes from


class _Period(_Sourced):
    effective_from: date  # the first day the figure applies
    effective_to: date | None = None  # the last day (inclusive); open if absent

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


_PeriodT = TypeVar("_PeriodT", bound=_Period)


def in_force(periods: tuple[_PeriodT, ...], day: date) -> _PeriodT | None:
    """The row of ``periods`` in force on ``day``: the one covering it, else the latest that had
    begun by then (a figure stays in force until the next is published); None before the first.
    The one rule for every dated figure."""
    covering = next((row for row in periods if row.covers(day)), None)
    if covering is not None:
        return covering
    begun = [row for row in periods if row.effective_from <= day]
    return max(begun, key=lambda row: row.effective_from, default=None)


def _reject_overlaps(periods: tuple[_Period, ...], what: str) -> None:
    ordered = sorted(periods, key=lambda p: p.effective_from)
    for earlier, later in pairwise(ordered):
        if earlier.effective_to is None or later.effective_from <= earlier.effective_to:
            raise FieldError(
                what,
                f"{what}: periods overlap ({earlier.effective_from} … and {later.effective_from} …)",
            )


# --- retirement.toml ----------------------------------------------------------------------------


class ReformCategory(_Sourced):
    """One row of the reform's parameters (办法第一条)."""

    id: Category
    first_affected_birth: str  # YYYY-MM: the first birth month whose age is delayed
    original_age_years: Annotated[int, Ge(40), Le(70)]
    step_months: Annotated[int, Ge(1), Le(12)]  # cohort months per extra month of delay
    cap_months: Annotated[int, Ge(1), Le(120)]  # the largest delay in months
    effective_from: date

    def __post_init__(self) -> None:
        super().__post_init__()
        try:
            YearMonth.parse(self.first_affected_birth)
        except ValueError as exc:
            raise FieldError("first_affected_birth", str(exc)) from None

    @property
    def first_affected(self) -> YearMonth:
        return YearMonth.parse(self.first_affected_birth)


class MinimumContribution(_Sourced):
    """最低缴费年限 schedule (办法第二条 and its annex 4)."""

    base_months: Annotated[int, Gt(0), Le(600)]
    base_until_year: Year
    increase_months_per_year: Annotated[int, Ge(0), Le(12)]
    final_months: Annotated[int, Gt(0), Le(600)]
    effective_from: date
    year_counted: Literal["statutory"]
    note: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.final_months < self.base_months:
            raise ValueError("final_months is below base_months")

    def months_for(self, retirement_year: int) -> int:
        if retirement_year <= self.base_until_year:
            return self.base_months
        rise = self.increase_months_per_year * (retirement_year - self.base_until_year)
        return min(self.final_months, self.base_months + rise)


class FlexibleRetirement(_Sourced):
    """弹性提前 / 延迟退休 windows (办法第三条, 人社部发〔2024〕94号)."""

    early_max_months: Annotated[int, Ge(0), Le(120)]
    late_max_months: Annotated[int, Ge(0), Le(120)]
    early_notice_months: Annotated[int, Ge(0), Le(12)]
    late_agreement_months: Annotated[int, Ge(0), Le(12)]
    effective_from: date


class ShortfallRules(_Sourced):
    """What someone short of the minimum years can do (社会保险法第十六条, 人社部令第13号)."""

    lump_sum_insured_before: date
    lump_sum_after_extension_years: Annotated[int, Ge(0), Le(20)]


class RetirementLegalBasis(_LegalBasis):
    section = "retirement"

    reform: Text
    minimum_years: Text
    flexible: Text
    shortfall: Text


class RetirementData(_DataFile):
    legal_basis: RetirementLegalBasis
    category: Annotated[tuple[ReformCategory, ...], MinLen(1)]
    minimum_contribution: MinimumContribution
    flexible: FlexibleRetirement
    shortfall: ShortfallRules

    def __post_init__(self) -> None:
        super().__post_init__()
        ids = [row.id for row in self.category]
        if sorted(ids) != sorted(set(ids)) or set(ids) != set(Category):
            raise FieldError(
                "category", f"each of {[c.value for c in Category]} must appear exactly once"
            )

    def reform(self, category: Category) -> ReformCategory:
        return next(row for row in self.category if row.id is category)


# --- contribution.toml --------------------------------------------------------------------------


class ContributionYear(_Period):
    """One year's provincial average wage and contribution-base limits (缴费基数上下限)."""

    contribution_year: Year
    statistics_year: Annotated[int, Ge(1999), Le(2099)]
    average_wage_annual: Money
    average_wage_monthly: Money
    base_floor: Money
    base_ceiling: Money
    document: str = ""
    published: date | None = None  # the notice's date; before it the year is provisional

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.base_floor >= self.base_ceiling:
            raise ValueError("base_floor must be below base_ceiling")
        if not self.base_floor <= self.average_wage_monthly <= self.base_ceiling:
            raise ValueError("average_wage_monthly must lie between base_floor and base_ceiling")
        if self.statistics_year != self.contribution_year - 1:
            raise ValueError("statistics_year must be contribution_year - 1")


class ContributionLegalBasis(_LegalBasis):
    section = "contribution"

    limits: Text


class ContributionTiers(_Sourced):
    """缴费档次 offered to a flexible worker on screen, in percent of the provincial average
    (any base between the limits is allowed; these are the usual choices)."""

    percents: Annotated[tuple[int, ...], MinLen(1)]

    def __post_init__(self) -> None:
        super().__post_init__()
        percents = self.percents
        if list(percents) != sorted(set(percents)) or not 60 <= percents[0] <= percents[-1] <= 300:
            raise FieldError("percents", "percents must rise, each once, within 60..300")


class ContributionData(_DataFile):
    legal_basis: ContributionLegalBasis
    tiers: ContributionTiers
    year: Annotated[tuple[ContributionYear, ...], MinLen(1)]

    def __post_init__(self) -> None:
        super().__post_init__()
        years = [row.contribution_year for row in self.year]
        if len(years) != len(set(years)):
            raise FieldError("year", "a contribution_year appears twice")
        _reject_overlaps(self.year, "year")


# --- rates.toml ---------------------------------------------------------------------------------


class PensionRates(_Period):
    """养老保险费率: employer / individual, and the flexible worker's 20% with its 8% to the account."""

    employer: Rate
    individual: Rate
    flexible_total: Rate
    flexible_personal_account: Rate

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.flexible_personal_account > self.flexible_total:
            raise ValueError("flexible_personal_account exceeds flexible_total")


class UnemploymentRates(_Period):
    employer: Rate
    individual: Rate


class RatesLegalBasis(_LegalBasis):
    section = "rates"

    pension: Text
    unemployment: Text


class RatesData(_DataFile):
    legal_basis: RatesLegalBasis
    pension: Annotated[tuple[PensionRates, ...], MinLen(1)]
    unemployment: Annotated[tuple[UnemploymentRates, ...], MinLen(1)]

    def __post_init__(self) -> None:
        super().__post_init__()
        _reject_overlaps(self.pension, "pension")
        _reject_overlaps(self.unemployment, "unemployment")


# --- pension.toml -------------------------------------------------------------------------------


class TransitionalRule(_Period):
    coefficient: Rate


class Rounding(_Sourced):
    years_decimals: Literal[2]
    money_decimals: Literal[2]
    payment_months_decimals: Literal[1]


class PensionBase(_Sourced):
    """计发基数 for pensions starting in ``year``."""

    year: Year
    amount: Money
    document: str = ""
    note: str = ""


class PaymentMonthsTable(_Sourced):
    """计发月数 by whole age (国发〔2005〕38号 annex) and the monthly interpolation rule."""

    interpolation: Text
    interpolation_status: Status
    interpolation_source: Text
    table: Annotated[dict[int, Annotated[Decimal, Gt(0), Le(300)]], MinLen(1)]

    def __post_init__(self) -> None:
        super().__post_init__()
        table = self.table
        ages = sorted(table)
        if ages != list(range(ages[0], ages[-1] + 1)):
            raise FieldError("table", "ages must be contiguous whole years")
        for younger, older in pairwise(ages):
            if table[older] >= table[younger]:
                raise FieldError("table", f"months must fall with age (age {older})")


class IndexLevels(_Sourced):
    """平均缴费指数 levels the pension journey offers (one per usual contribution tier)."""

    values: Annotated[tuple[Level, ...], MinLen(1)]

    def __post_init__(self) -> None:
        super().__post_init__()
        if list(self.values) != sorted(set(self.values)):
            raise FieldError("values", "values must rise, each once")


class LifeExpectancy(_Sourced):
    """人均预期寿命 (at birth) the comparison of retirement months counts the pension up to."""

    years: Annotated[Decimal, Gt(50), Lt(100), Places(1)]
    year: Year  # the year the figure is for
    published: date

    @property
    def months(self) -> int:
        return int((self.years * 12).to_integral_value())


class CreditingRate(_Sourced):
    """记账利率 for ``year`` (national uniform rate since 2016)."""

    year: Annotated[int, Ge(1990), Le(2100)]
    rate: Annotated[Decimal, Ge(0), Le(Decimal("0.2"))]


class PensionLegalBasis(_LegalBasis):
    section = "pension"

    formula: Text
    transitional: Text
    payment_months: Text
    crediting_rate: Text


class PensionData(_DataFile):
    legal_basis: PensionLegalBasis
    transitional: TransitionalRule
    rounding: Rounding
    pension_base: Annotated[tuple[PensionBase, ...], MinLen(1)]
    payment_months: PaymentMonthsTable
    index_levels: IndexLevels
    life_expectancy: LifeExpectancy
    crediting_rate: Annotated[tuple[CreditingRate, ...], MinLen(1)]

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("pension_base", "crediting_rate"):
            rows: tuple[PensionBase | CreditingRate, ...] = getattr(self, name)
            if len({row.year for row in rows}) != len(rows):
                raise FieldError(name, f"{name}: a year appears twice")


class RulesData(_Model):
    """Everything in resources/rules/, validated together."""

    retirement: RetirementData
    contribution: ContributionData
    rates: RatesData
    pension: PensionData

    @property
    def updated(self) -> date:
        """The latest date any rules file was checked (shown in the footer and the admin panel)."""
        return max(
            self.retirement.updated,
            self.contribution.updated,
            self.rates.updated,
            self.pension.updated,
        )
