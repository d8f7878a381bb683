"""The pension rules: pure functions over validated data. Never imports Qt (a contract checks it)."""

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
    RetirementResult,
    ShortfallOption,
    official_age_text,
    retirement,
    statutory_age_months,
    years_months_text,
)
from kiosk.rules.steps import InputError, Step, StepKey
from kiosk.rules.yearmonth import YearMonth

__all__ = [
    "AccountEstimate",
    "BaseAdjustment",
    "Category",
    "ContributionResult",
    "DataFileError",
    "InputError",
    "PaymentPeriod",
    "PensionResult",
    "RetirementResult",
    "RulesData",
    "ShortfallOption",
    "Status",
    "Step",
    "StepKey",
    "WorkerKind",
    "YearMonth",
    "base_for_percent",
    "contribution",
    "estimate_account_balance",
    "figures_for_year",
    "load_rules",
    "official_age_text",
    "payment_months_for",
    "pension",
    "pension_base_for",
    "retirement",
    "statutory_age_months",
    "years_months_text",
]
