"""Which month should I retire? The pension for every month a person can retire in (from
:func:`~kiosk.rules.estimate.retirement_choices`), each one exactly the single-month estimate of
:func:`~kiosk.rules.estimate.estimate_pension`, with what it adds up to by age 80 and by the
average life expectancy the data states.

The assumptions (contributions at the same level every month until retirement, the latest
计发基数 and the account's assumed crediting rate carried forward, pensions not raised after
retirement) are returned as steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.rules.estimate import (
    PensionEstimate,
    RetirementChoices,
    estimate_pension,
    retirement_choices,
)
from kiosk.rules.models import Category, LifeExpectancy, RulesData
from kiosk.rules.retirement import RetirementKind
from kiosk.rules.steps import Age, Amount, Basis, Number, Step, StepKey, cited
from kiosk.rules.yearmonth import YearMonth

CUMULATIVE_AGE_MONTHS = 80 * 12  # the age the sums of the comparison run to, beside life expectancy


@dataclass(frozen=True, slots=True)
class RetirementOption:
    """Retiring in ``month``: the estimate, and the pension received by age 80 and by the average
    life expectancy (0 when retiring after that age)."""

    estimate: PensionEstimate
    cumulative_to_80: Decimal
    cumulative_to_life_expectancy: Decimal

    @property
    def month(self) -> YearMonth:
        month = self.estimate.retirement_month
        assert month is not None  # a person's estimate
        return month

    @property
    def age_months(self) -> int:
        return self.estimate.retirement_age_months

    @property
    def kind(self) -> RetirementKind:
        kind = self.estimate.kind
        assert kind is not None
        return kind

    @property
    def total(self) -> Decimal:
        return self.estimate.pension.total


@dataclass(frozen=True, slots=True)
class Comparison:
    choices: RetirementChoices
    options: tuple[RetirementOption, ...]  # every month from the first choice to the last
    life_expectancy: LifeExpectancy
    steps: tuple[Step, ...]  # the assumptions every option rests on

    @property
    def provisional(self) -> bool:
        return any(option.estimate.provisional for option in self.options)

    @property
    def statutory(self) -> RetirementOption | None:
        return next((o for o in self.options if o.kind is RetirementKind.STATUTORY), None)

    def option(self, month: YearMonth) -> RetirementOption:
        return next(option for option in self.options if option.month == month)

    def yearly(self) -> tuple[RetirementOption, ...]:
        """The options to show side by side: the first, one a year after it, the statutory
        month and the last."""
        first = self.options[0].month
        keep = [
            o
            for o in self.options
            if first.months_until(o.month) % 12 == 0
            or o.kind is RetirementKind.STATUTORY
            or o is self.options[-1]
        ]
        return tuple(keep)

    @property
    def legal_basis(self) -> tuple[Basis, ...]:
        options = [basis for option in self.options for basis in option.estimate.legal_basis]
        return cited(options, self.steps)


def compare_retirement(
    rules: RulesData,
    *,
    birth: YearMonth,
    category: Category,
    contribution_months: int,
    pre_account_months: int,
    average_index: Decimal,
    account_balance: Decimal | None,
    as_of: date,
) -> Comparison:
    """The pension for each month the person can retire in, with the same inputs as
    :func:`estimate_pension` (months paid and balance so far)."""
    choices = retirement_choices(
        rules, birth=birth, category=category, contribution_months=contribution_months, as_of=as_of
    )
    life = rules.pension.life_expectancy
    options = []
    for index in range(choices.first.index, choices.last.index + 1):
        month = YearMonth.from_index(index)
        age = birth.months_until(month)
        estimate = estimate_pension(
            rules,
            birth=birth,
            category=category,
            retirement_age_months=age,
            contribution_months=contribution_months,
            pre_account_months=pre_account_months,
            average_index=average_index,
            account_balance=account_balance,
            as_of=as_of,
            choices=choices,
        )
        total = estimate.pension.total
        options.append(
            RetirementOption(
                estimate=estimate,
                cumulative_to_80=total * max(0, CUMULATIVE_AGE_MONTHS - age),
                cumulative_to_life_expectancy=total * max(0, life.months - age),
            )
        )
    latest_base = max(rules.pension.pension_base, key=lambda row: row.year)
    steps = (
        Step(
            StepKey.CMP_ASSUMPTIONS,
            {
                "index": Number(average_index),
                "base_year": latest_base.year,
                "base": Amount(latest_base.amount),
            },
            rules.pension.legal_basis.cite("formula"),
            assumption=True,
        ),
        Step(
            StepKey.CMP_CUMULATIVE,
            {
                "age": Age(CUMULATIVE_AGE_MONTHS),
                "life": Age(life.months),
                "life_years": Number(life.years),
                "life_year": life.year,
            },
            assumption=not life.status.is_fact,
        ),
    )
    return Comparison(choices=choices, options=tuple(options), life_expectancy=life, steps=steps)
