"""The pension rules: pure functions over validated data, typed results, no words in any language.
Never imports Qt (a contract checks it)."""

from kiosk.rules.account_estimate import AccountEstimate, estimate_account_balance
from kiosk.rules.contribution import (
    BaseAdjustment,
    ContributionResult,
    PaymentPeriod,
    WorkerKind,
    base_for_percent,
    contribution,
    figures_for_year,
)
from kiosk.rules.loader import DataFileError, load_rules
from kiosk.rules.models import Category, RulesData, Status
from kiosk.rules.pension import PensionResult, payment_months_for, pension, pension_base_for
from kiosk.rules.retirement import (
    RetirementKind,
    RetirementResult,
    ShortfallOption,
    retirement,
    statutory_age_months,
)
from kiosk.rules.steps import (
    Age,
    Amount,
    Basis,
    Duration,
    ErrorCode,
    InputError,
    Number,
    Percent,
    Step,
    StepKey,
    Value,
    YearSpan,
)
from kiosk.rules.yearmonth import YearMonth

__all__ = [
    "AccountEstimate",
    "Age",
    "Amount",
    "BaseAdjustment",
    "Basis",
    "Category",
    "ContributionResult",
    "DataFileError",
    "Duration",
    "ErrorCode",
    "InputError",
    "Number",
    "PaymentPeriod",
    "PensionResult",
    "Percent",
    "RetirementKind",
    "RetirementResult",
    "RulesData",
    "ShortfallOption",
    "Status",
    "Step",
    "StepKey",
    "Value",
    "WorkerKind",
    "YearMonth",
    "YearSpan",
    "base_for_percent",
    "contribution",
    "estimate_account_balance",
    "figures_for_year",
    "load_rules",
    "payment_months_for",
    "pension",
    "pension_base_for",
    "retirement",
    "statutory_age_months",
]
