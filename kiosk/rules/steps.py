"""How a result was reached, as data: the screens, the printed sheet and the CLI show these steps.

A step names the rule (``key``), the figures it used (``values``, typed: months, ages, amounts,
year-months; never words), the legal basis it rests on, and whether it rests on a figure that is
not verified (``assumption``). The wording of each step lives in the text catalogue, keyed by
:class:`StepKey`, and :mod:`kiosk.content.format` words the values; the rules speak no language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kiosk.rules.yearmonth import YearMonth


@dataclass(frozen=True, slots=True)
class Age:
    """An age in months (``60岁2个月`` once worded)."""

    months: int


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time in months (``15年6个月`` once worded)."""

    months: int


@dataclass(frozen=True, slots=True)
class Amount:
    """Money in yuan, shown with two decimals."""

    value: Decimal


@dataclass(frozen=True, slots=True)
class Number:
    """A plain number: ``places`` decimals, or as few as it needs when ``places`` is None
    (a rate in percent, an index)."""

    value: Decimal
    places: int | None = None

    def __str__(self) -> str:
        if self.places is None:
            return f"{self.value.normalize():f}"
        return f"{self.value:.{self.places}f}"


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage (``60`` is 60%), worded with its sign."""

    value: Decimal

    def __str__(self) -> str:
        return f"{self.value.normalize():f}"


@dataclass(frozen=True, slots=True)
class YearSpan:
    """A range of years (``2016–2024``); empty when ``first`` is None."""

    first: int | None
    last: int | None

    def __str__(self) -> str:
        if self.first is None or self.last is None:
            return ""
        return str(self.first) if self.first == self.last else f"{self.first}\u2013{self.last}"


@dataclass(frozen=True, slots=True)
class Basis:
    """A document a result rests on: ``key`` (``retirement.reform``) names it for the catalogue's
    gloss in other languages; ``title`` is its public title from the rules data."""

    key: str
    title: str


Value = int | str | YearMonth | Age | Duration | Amount | Number | Percent | YearSpan
"""What a step or an error carries: typed, worded only by kiosk.content.format. A ``str`` is a
proper name from the data (a document number), never a sentence."""


def value_json(value: Value) -> object:
    """A value as the CLI prints it: language-free (months as integers, amounts as strings with
    two decimals, year-months as ``YYYY-MM``)."""
    if isinstance(value, Age | Duration):
        return value.months
    if isinstance(value, Amount):
        return f"{value.value:.2f}"
    if isinstance(value, int | str):
        return value
    return str(value)


class StepKey(StrEnum):
    # retirement
    RET_ORIGINAL = "ret_original"
    RET_NOT_AFFECTED = "ret_not_affected"
    RET_DELAY = "ret_delay"
    RET_STATUTORY = "ret_statutory"
    RET_MINIMUM = "ret_minimum"
    RET_FLEX_EARLY = "ret_flex_early"
    RET_FLEX_LATE = "ret_flex_late"
    RET_PRE_REFORM = "ret_pre_reform"
    RET_MEETS = "ret_meets"
    RET_SHORTFALL = "ret_shortfall"
    RET_EARLIEST_PENSION = "ret_earliest_pension"
    RET_LUMP_SUM = "ret_lump_sum"
    # contribution
    CON_PARAMS = "con_params"
    CON_PROVISIONAL = "con_provisional"
    CON_BASE_WAGE = "con_base_wage"
    CON_BASE_RAISED = "con_base_raised"
    CON_BASE_CAPPED = "con_base_capped"
    CON_BASE_PERCENT = "con_base_percent"
    CON_BASE_AMOUNT = "con_base_amount"
    CON_EMPLOYEE = "con_employee"
    CON_FLEXIBLE = "con_flexible"
    CON_PERIOD = "con_period"
    CON_ANNUAL = "con_annual"
    # pension
    PEN_BASE = "pen_base"
    PEN_BASE_GIVEN = "pen_base_given"
    PEN_BASE_PROVISIONAL = "pen_base_provisional"
    PEN_YEARS = "pen_years"
    PEN_INDEXED = "pen_indexed"
    PEN_BASIC = "pen_basic"
    PEN_MONTHS = "pen_months"
    PEN_ACCOUNT = "pen_account"
    PEN_TRANSITIONAL = "pen_transitional"
    PEN_TOTAL = "pen_total"
    PEN_EXTENSION = "pen_extension"
    # comparison of retirement months
    CMP_ASSUMPTIONS = "cmp_assumptions"
    CMP_CUMULATIVE = "cmp_cumulative"
    # personal-account estimate
    EST_OPENING = "est_opening"
    EST_BASE = "est_base"
    EST_RATES = "est_rates"
    EST_RESULT = "est_result"


@dataclass(frozen=True, slots=True)
class Step:
    key: StepKey
    values: Mapping[str, Value] = field(default_factory=dict)
    basis: Basis | None = None
    assumption: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key.value,
            "values": {name: value_json(value) for name, value in self.values.items()},
            "basis": self.basis.title if self.basis else "",
            "assumption": self.assumption,
        }


def cited(documents: Iterable[Basis], steps: Iterable[Step]) -> tuple[Basis, ...]:
    """The documents a result rests on, then those its steps cite, each once, in that order."""
    every = [*documents, *(step.basis for step in steps if step.basis is not None)]
    return tuple(dict.fromkeys(every))


class ErrorCode(StrEnum):
    """Why an input was refused; the catalogue words each (``errors.<code>``)."""

    REQUIRED = "required"  # nothing given
    OUT_OF_RANGE = "out_of_range"  # outside ``low``..``high``
    NO_FIGURES = "no_figures"  # no data for that year (``low``: the first year there is)
    NO_RATES = "no_rates"  # no contribution rates in force that day
    EMPLOYEE_MONTHLY = "employee_monthly"  # employees pay monthly through their employer
    EXCEEDS_POSSIBLE = "exceeds_possible"  # more months than the person can have worked (``high``)
    EXCEEDS_TOTAL = "exceeds_total"  # a part larger than its whole (``high``)
    ONE_OF = "one_of"  # give exactly one of two inputs (``other``: the other field)
    PAST_PAYMENT_TABLE = "past_payment_table"  # a pension first drawn (``month``, at ``earliest``)
    # past the 计发月数 table's oldest age (``high``): no estimate can be made


FIELDS = frozenset(
    {
        # what a rule may name in an InputError; each has a name in the catalogue (errors.fields)
        "as_of",
        "birth",
        "category",
        "contribution_months",
        "first_insured",
        "year",
        "wage",
        "base",
        "base_percent",
        "period",
        "pension_base",
        "retirement_year",
        "retirement_month",
        "retirement_age_months",
        "index",
        "pre_account_months",
        "account_balance",
        "account_months",
        "payment_months",
        "assumed_rate",
    }
)


class InputError(ValueError):
    """An input outside what the rules accept: ``field`` names it, ``code`` says why and
    ``limits`` carries the figures a message needs (``low``, ``high``...), typed. Worded by
    :func:`kiosk.content.format.error_text` in the catalogue's language."""

    def __init__(self, field: str, code: ErrorCode, **limits: Value) -> None:
        assert field in FIELDS, field
        self.field = field
        self.code = code
        self.limits = limits
        details = ", ".join(f"{name}={value_json(value)}" for name, value in limits.items())
        super().__init__(f"{field}: {code.value}" + (f" ({details})" if details else ""))
