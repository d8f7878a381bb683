"""How a result was reached, as data: the screens, the printed sheet and the CLI show these steps.

A step names the rule (``key``), the figures it used (``values``, already formatted as text), the
legal basis it rests on, and whether it rests on a figure that is not verified (``assumption``).
The wording of each step lives in the text catalogue, keyed by :class:`StepKey`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class StepKey(StrEnum):
    # retirement
    RET_ORIGINAL = "ret_original"
    RET_NOT_AFFECTED = "ret_not_affected"
    RET_DELAY = "ret_delay"
    RET_STATUTORY = "ret_statutory"
    RET_MINIMUM = "ret_minimum"
    RET_FLEX_EARLY = "ret_flex_early"
    RET_FLEX_LATE = "ret_flex_late"
    RET_MEETS = "ret_meets"
    RET_SHORTFALL = "ret_shortfall"
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
    # personal-account estimate
    EST_BASE = "est_base"
    EST_RATES = "est_rates"
    EST_RESULT = "est_result"


@dataclass(frozen=True, slots=True)
class Step:
    key: StepKey
    values: Mapping[str, str] = field(default_factory=dict)
    basis: str = ""
    assumption: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key.value,
            "values": dict(self.values),
            "basis": self.basis,
            "assumption": self.assumption,
        }


class InputError(ValueError):
    """An input outside what the rules accept. ``field`` names it; ``message`` says why, in Chinese.

    ``code`` and ``limits`` let a screen word the message itself from its own text catalogue.
    """

    def __init__(self, field: str, code: str, message: str, **limits: str) -> None:
        self.field = field
        self.code = code
        self.message = message
        self.limits = limits
        super().__init__(f"{field}: {message}")
