"""Validated models of the bundled rules data (resources/rules/*.toml).

Every model is frozen and rejects unknown keys, so a misspelt key in a data file is an error and
not a silent default. Every figure carries its ``source``, its ``status`` and the period it is in
force.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, ClassVar, Literal, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.rules.steps import Basis
from kiosk.rules.yearmonth import YearMonth

Money = Annotated[Decimal, Field(gt=0, max_digits=12, decimal_places=2)]
Rate = Annotated[Decimal, Field(ge=0, le=1, decimal_places=4)]


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


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )


class _LegalBasis(_Model):
    """A data file's ``[legal_basis]``: the public title of each document its rules rest on."""

    section: ClassVar[str]

    def cite(self, name: str) -> Basis:
        """The document ``name`` (a field of this table) as a :class:`Basis`."""
        return Basis(f"{self.section}.{name}", getattr(self, name))


class _DataFile(_Model):
    """What every rules file starts with: its schema version and the day it was last checked."""

    schema_version: Literal[1]
    updated: date = Field(description="date the figures in this file were last checked")


class _Sourced(_Model):
    status: Status = Field(description="verified / single-source / derived / unverified")
    source: str = Field(min_length=1, description="where the figure comes from")


class _Period(_Sourced):
    effective_from: date = Field(description="first day the figure applies")
    effective_to: date | None = Field(
        default=None, description="last day (inclusive); open if absent"
    )

    @model_validator(mode="after")
    def _check_period(self) -> Self:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

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
            raise ValueError(
                f"{what}: periods overlap ({earlier.effective_from} … and {later.effective_from} …)"
            )


# --- retirement.toml ----------------------------------------------------------------------------


class ReformCategory(_Sourced):
    """One row of the reform's parameters (办法第一条)."""

    id: Category
    first_affected_birth: str = Field(description="YYYY-MM: first birth month whose age is delayed")
    original_age_years: int = Field(ge=40, le=70)
    step_months: int = Field(ge=1, le=12, description="cohort months per extra month of delay")
    cap_months: int = Field(ge=1, le=120, description="largest delay in months")
    effective_from: date

    @field_validator("first_affected_birth")
    @classmethod
    def _valid_month(cls, value: str) -> str:
        YearMonth.parse(value)
        return value

    @property
    def first_affected(self) -> YearMonth:
        return YearMonth.parse(self.first_affected_birth)


class MinimumContribution(_Sourced):
    """最低缴费年限 schedule (办法第二条 and its annex 4)."""

    base_months: int = Field(gt=0, le=600)
    base_until_year: int = Field(ge=2000, le=2100)
    increase_months_per_year: int = Field(ge=0, le=12)
    final_months: int = Field(gt=0, le=600)
    effective_from: date
    year_counted: Literal["statutory"]
    note: str = ""

    @model_validator(mode="after")
    def _final_not_below_base(self) -> Self:
        if self.final_months < self.base_months:
            raise ValueError("final_months is below base_months")
        return self

    def months_for(self, retirement_year: int) -> int:
        if retirement_year <= self.base_until_year:
            return self.base_months
        rise = self.increase_months_per_year * (retirement_year - self.base_until_year)
        return min(self.final_months, self.base_months + rise)


class FlexibleRetirement(_Sourced):
    """弹性提前 / 延迟退休 windows (办法第三条, 人社部发〔2024〕94号)."""

    early_max_months: int = Field(ge=0, le=120)
    late_max_months: int = Field(ge=0, le=120)
    early_notice_months: int = Field(ge=0, le=12)
    late_agreement_months: int = Field(ge=0, le=12)
    effective_from: date


class ShortfallRules(_Sourced):
    """What someone short of the minimum years can do (社会保险法第十六条, 人社部令第13号)."""

    lump_sum_insured_before: date
    lump_sum_after_extension_years: int = Field(ge=0, le=20)


class RetirementLegalBasis(_LegalBasis):
    section = "retirement"

    reform: str = Field(min_length=1)
    minimum_years: str = Field(min_length=1)
    flexible: str = Field(min_length=1)
    shortfall: str = Field(min_length=1)


class RetirementData(_DataFile):
    legal_basis: RetirementLegalBasis
    category: tuple[ReformCategory, ...] = Field(min_length=1)
    minimum_contribution: MinimumContribution
    flexible: FlexibleRetirement
    shortfall: ShortfallRules

    @field_validator("category")
    @classmethod
    def _each_category_once(cls, rows: tuple[ReformCategory, ...]) -> tuple[ReformCategory, ...]:
        ids = [row.id for row in rows]
        if sorted(ids) != sorted(set(ids)) or set(ids) != set(Category):
            raise ValueError(f"each of {[c.value for c in Category]} must appear exactly once")
        return rows

    def reform(self, category: Category) -> ReformCategory:
        return next(row for row in self.category if row.id is category)


# --- contribution.toml --------------------------------------------------------------------------


class ContributionYear(_Period):
    """One year's provincial average wage and contribution-base limits (缴费基数上下限)."""

    contribution_year: int = Field(ge=2000, le=2100)
    statistics_year: int = Field(ge=1999, le=2099)
    average_wage_annual: Money
    average_wage_monthly: Money
    base_floor: Money
    base_ceiling: Money
    document: str = ""
    published: date | None = Field(
        default=None, description="date the notice was published; before it the year is provisional"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.base_floor >= self.base_ceiling:
            raise ValueError("base_floor must be below base_ceiling")
        if not self.base_floor <= self.average_wage_monthly <= self.base_ceiling:
            raise ValueError("average_wage_monthly must lie between base_floor and base_ceiling")
        if self.statistics_year != self.contribution_year - 1:
            raise ValueError("statistics_year must be contribution_year - 1")
        return self


class ContributionLegalBasis(_LegalBasis):
    section = "contribution"

    limits: str = Field(min_length=1)


class ContributionTiers(_Sourced):
    """缴费档次 offered to a flexible worker on screen, in percent of the provincial average
    (any base between the limits is allowed; these are the usual choices)."""

    percents: tuple[int, ...] = Field(min_length=1)

    @field_validator("percents")
    @classmethod
    def _rising_within_limits(cls, percents: tuple[int, ...]) -> tuple[int, ...]:
        if list(percents) != sorted(set(percents)) or not 60 <= percents[0] <= percents[-1] <= 300:
            raise ValueError("percents must rise, each once, within 60..300")
        return percents


class ContributionData(_DataFile):
    legal_basis: ContributionLegalBasis
    tiers: ContributionTiers
    year: tuple[ContributionYear, ...] = Field(min_length=1)

    @field_validator("year")
    @classmethod
    def _no_overlap(cls, rows: tuple[ContributionYear, ...]) -> tuple[ContributionYear, ...]:
        years = [row.contribution_year for row in rows]
        if len(years) != len(set(years)):
            raise ValueError("a contribution_year appears twice")
        _reject_overlaps(rows, "year")
        return rows


# --- rates.toml ---------------------------------------------------------------------------------


class PensionRates(_Period):
    """养老保险费率: employer / individual, and the flexible worker's 20% with its 8% to the account."""

    employer: Rate
    individual: Rate
    flexible_total: Rate
    flexible_personal_account: Rate

    @model_validator(mode="after")
    def _account_within_total(self) -> Self:
        if self.flexible_personal_account > self.flexible_total:
            raise ValueError("flexible_personal_account exceeds flexible_total")
        return self


class UnemploymentRates(_Period):
    employer: Rate
    individual: Rate


class RatesLegalBasis(_LegalBasis):
    section = "rates"

    pension: str = Field(min_length=1)
    unemployment: str = Field(min_length=1)


class RatesData(_DataFile):
    legal_basis: RatesLegalBasis
    pension: tuple[PensionRates, ...] = Field(min_length=1)
    unemployment: tuple[UnemploymentRates, ...] = Field(min_length=1)

    @field_validator("pension", "unemployment")
    @classmethod
    def _no_overlap(cls, rows: tuple[_PeriodT, ...], info: ValidationInfo) -> tuple[_PeriodT, ...]:
        _reject_overlaps(rows, info.field_name or "")
        return rows


# --- pension.toml -------------------------------------------------------------------------------


class TransitionalRule(_Period):
    coefficient: Rate


class Rounding(_Sourced):
    years_decimals: Literal[2]
    money_decimals: Literal[2]
    payment_months_decimals: Literal[1]


class PensionBase(_Sourced):
    """计发基数 for pensions starting in ``year``."""

    year: int = Field(ge=2000, le=2100)
    amount: Money
    document: str = ""
    note: str = ""


class PaymentMonthsTable(_Sourced):
    """计发月数 by whole age (国发〔2005〕38号 annex) and the monthly interpolation rule."""

    interpolation: str = Field(min_length=1)
    interpolation_status: Status
    interpolation_source: str = Field(min_length=1)
    table: dict[int, Annotated[Decimal, Field(gt=0, le=300)]] = Field(min_length=1)

    @field_validator("table")
    @classmethod
    def _contiguous_and_falling(cls, table: dict[int, Decimal]) -> dict[int, Decimal]:
        ages = sorted(table)
        if ages != list(range(ages[0], ages[-1] + 1)):
            raise ValueError("ages must be contiguous whole years")
        for younger, older in pairwise(ages):
            if table[older] >= table[younger]:
                raise ValueError(f"months must fall with age (age {older})")
        return table


class IndexLevels(_Sourced):
    """平均缴费指数 levels the pension journey offers (one per usual contribution tier)."""

    values: tuple[Annotated[Decimal, Field(ge=Decimal("0.3"), le=3, decimal_places=2)], ...] = (
        Field(min_length=1)
    )

    @field_validator("values")
    @classmethod
    def _rising(cls, values: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
        if list(values) != sorted(set(values)):
            raise ValueError("values must rise, each once")
        return values


class LifeExpectancy(_Sourced):
    """人均预期寿命 (at birth) the comparison of retirement months counts the pension up to."""

    years: Annotated[Decimal, Field(gt=50, lt=100, decimal_places=1)]
    year: int = Field(ge=2000, le=2100, description="the year the figure is for")
    published: date

    @property
    def months(self) -> int:
        return int((self.years * 12).to_integral_value())


class CreditingRate(_Sourced):
    """记账利率 for ``year`` (national uniform rate since 2016)."""

    year: int = Field(ge=1990, le=2100)
    rate: Annotated[Decimal, Field(ge=0, le=Decimal("0.2"))]


_YearRowT = TypeVar("_YearRowT", PensionBase, CreditingRate)


class PensionLegalBasis(_LegalBasis):
    section = "pension"

    formula: str = Field(min_length=1)
    transitional: str = Field(min_length=1)
    payment_months: str = Field(min_length=1)
    crediting_rate: str = Field(min_length=1)


class PensionData(_DataFile):
    legal_basis: PensionLegalBasis
    transitional: TransitionalRule
    rounding: Rounding
    pension_base: tuple[PensionBase, ...] = Field(min_length=1)
    payment_months: PaymentMonthsTable
    index_levels: IndexLevels
    life_expectancy: LifeExpectancy
    crediting_rate: tuple[CreditingRate, ...] = Field(min_length=1)

    @field_validator("pension_base", "crediting_rate")
    @classmethod
    def _unique_years(
        cls, rows: tuple[_YearRowT, ...], info: ValidationInfo
    ) -> tuple[_YearRowT, ...]:
        years = [row.year for row in rows]
        if len(years) != len(set(years)):
            raise ValueError(f"{info.field_name}: a year appears twice")
        return rows


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
