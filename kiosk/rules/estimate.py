"""养老金测算 for a person: the pension formula (:mod:`kiosk.rules.pension`) at a chosen retirement
month, with what the screen and the sheet need beside it, decided here once: which months can be
chosen, early / statutory / late retirement, the minimum years and the shortfall, the months still
to be paid, the personal account (given and carried forward, or estimated) and the document of the
计发基数 used.

The person gives what they have paid *so far* (as of the as-of month); the estimate assumes they
keep paying every month at the same level until the month before they retire (rules.md §1.8),
and says so in its steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.rules.account_estimate import AccountEstimate, estimate_account_balance
from kiosk.rules.models import Category, RulesData
from kiosk.rules.pension import PensionResult, pension
from kiosk.rules.retirement import RetirementKind, RetirementResult, ShortfallOption, retirement
from kiosk.rules.steps import Age, Basis, Duration, ErrorCode, InputError, Step, StepKey, cited
from kiosk.rules.yearmonth import YearMonth


@dataclass(frozen=True, slots=True)
class RetirementChoices:
    """The months a pension estimate can be made for, oldest-first bounds inclusive: from the
    earliest the person may retire and draw a pension, never before the as-of month, to the
    latest the flexible window allows (or the earliest, where there is no later choice)."""

    window: RetirementResult
    first: YearMonth
    last: YearMonth
    oldest_age_months: (
        int  # the 计发月数 table's last age: no estimate for a pension starting later
    )

    @property
    def estimable(self) -> bool:
        """A pension can be estimated: it can start by the oldest age of the 计发月数 table. (Not
        so for someone over that age now, or who can only make up the minimum years after it:
        the kiosk says so and sends them to the counter.)"""
        return self.first_age_months <= self.oldest_age_months

    @property
    def first_age_months(self) -> int:
        return self.window.birth.months_until(self.first)

    @property
    def last_age_months(self) -> int:
        return self.window.birth.months_until(self.last)

    def __contains__(self, month: object) -> bool:
        return isinstance(month, YearMonth) and self.first <= month <= self.last

    def kind(self, month: YearMonth) -> RetirementKind:
        return retirement_kind(self.window, month)


def retirement_kind(window: RetirementResult, month: YearMonth) -> RetirementKind:
    """Early, statutory or late retirement in ``month``; retirement once the missing years are
    paid (延长缴费) by someone who cannot meet the minimum by the statutory month; or, the minimum
    met, a month past the statutory one outside any flexible window (overdue: e.g. someone who
    reached the age before the reform and has not retired)."""
    kind = window.kind_of(window.birth.months_until(month))
    if kind is not RetirementKind.LATE:
        return kind
    if window.made_up_month is not None:
        return RetirementKind.EXTENDED
    return kind if window.in_window(month) else RetirementKind.OVERDUE


@dataclass(frozen=True, slots=True)
class PensionEstimate:
    """A pension estimate and its circumstances. ``window`` (the person's retirement result) is
    None when neither birth nor category is known (``kiosk-calc pension`` with the bare formula)."""

    window: RetirementResult | None
    retirement_age_months: int
    contribution_months: int
    """At retirement: the months paid so far and the ``extension_months`` still to come."""
    pre_account_months: int
    average_index: Decimal
    account_balance: Decimal
    """At retirement (given, carried forward, or estimated)."""
    pension: PensionResult
    account_estimate: AccountEstimate | None
    extension_months: int = 0
    steps: tuple[Step, ...] = ()  # the plan's own steps (months still to be paid)

    @property
    def retirement_month(self) -> YearMonth | None:
        if self.window is None:
            return None
        return self.window.birth.plus_months(self.retirement_age_months)

    @property
    def kind(self) -> RetirementKind | None:
        """Early, statutory or late retirement; or retirement once the years are made up, past
        the statutory month and outside any flexible window."""
        month = self.retirement_month
        if self.window is None or month is None:
            return None
        return retirement_kind(self.window, month)

    @property
    def minimum_contribution_months(self) -> int | None:
        return self.window.minimum_contribution_months if self.window else None

    @property
    def shortfall_so_far(self) -> int:
        """Months missing to the minimum as of now (0 when met or not known)."""
        return (self.window.shortfall_months or 0) if self.window else 0

    @property
    def made_up_month(self) -> YearMonth | None:
        """For someone who cannot pay the minimum by the statutory month: the month the missing
        years are made up and a monthly pension can start (延长缴费); else None."""
        return self.window.made_up_month if self.window else None

    @property
    def options(self) -> tuple[ShortfallOption, ...]:
        """What someone short of years can do (none when the minimum is met)."""
        return self.window.options if self.window else ()

    @property
    def provisional(self) -> bool:
        return self.pension.provisional

    @property
    def all_steps(self) -> tuple[Step, ...]:
        """Every step shown: the plan's, the formula's, the account estimate's."""
        estimate = self.account_estimate.steps if self.account_estimate else ()
        return self.steps + self.pension.steps + estimate

    @property
    def legal_basis(self) -> tuple[Basis, ...]:
        """The documents the estimate rests on, each once: the formula's, the minimum years',
        the flexible window's when the age is not the statutory one, the estimate's."""
        documents = list(self.pension.legal_basis)
        if self.window is not None:
            wanted = ["minimum_years"]
            if self.kind in (RetirementKind.EARLY, RetirementKind.LATE):
                wanted.append("flexible")
            if self.made_up_month is not None:
                wanted.append("shortfall")
            documents += [b for b in self.window.legal_basis if b.key.rpartition(".")[2] in wanted]
        return cited(documents, self.all_steps)


def retirement_choices(
    rules: RulesData,
    *,
    birth: YearMonth,
    category: Category,
    contribution_months: int,
    as_of: date,
    first_insured_before_2011_07: bool | None = None,
) -> RetirementChoices:
    """When the person can retire with a pension, having paid ``contribution_months`` so far and
    paying on every month: from the earliest allowed month (the flexible window's start where the
    reform applies and the minimum is met by then, the statutory month before the reform, the
    end of the extension for someone short of years), never before the as-of month, to the end
    of the flexible window (or that first month, when there is no later choice).
    ``first_insured_before_2011_07`` decides whether the lump sum is among the window's options."""
    window = retirement(
        birth,
        category,
        rules.retirement,
        as_of=as_of,
        contribution_months=contribution_months,
        first_insured_before_2011_07=first_insured_before_2011_07,
    )
    today = YearMonth.of(as_of)
    # paying every month from now on, the minimum (of the statutory year) is met in this month
    paid = window.minimum_contribution_months - contribution_months
    minimum_met = today.plus_months(max(0, paid))
    start = window.earliest_flexible_retirement_month or window.statutory_retirement_month
    first = max(start, today, minimum_met)
    last = max(first, window.latest_flexible_retirement_month or first)
    oldest = max(rules.pension.payment_months.table) * 12
    return RetirementChoices(window, first, last, oldest)


def estimate_pension(
    rules: RulesData,
    *,
    birth: YearMonth,
    category: Category,
    retirement_age_months: int,
    contribution_months: int,
    pre_account_months: int,
    average_index: Decimal,
    account_balance: Decimal | None,
    as_of: date,
    choices: RetirementChoices | None = None,
) -> PensionEstimate:
    """The basic pension if the person retires at ``retirement_age_months``, one of
    :func:`retirement_choices`. ``contribution_months`` and ``account_balance`` are what has been
    paid and saved so far (as of ``as_of``); the months until retirement are added, and the
    account carried forward, at the same contribution level. Without ``account_balance`` the
    whole account is estimated from the index. ``choices``: the person's, when already known
    (the comparison estimates every month of the same choices)."""
    if choices is None:
        choices = retirement_choices(
            rules,
            birth=birth,
            category=category,
            contribution_months=contribution_months,
            as_of=as_of,
        )
    window = choices.window
    month = birth.plus_months(retirement_age_months)
    if not choices.estimable:
        raise InputError(
            "retirement_age_months",
            ErrorCode.PAST_PAYMENT_TABLE,
            high=Age(choices.oldest_age_months),
            earliest=Age(choices.first_age_months),
            month=choices.first,
        )
    if month not in choices:
        raise InputError(
            "retirement_age_months",
            ErrorCode.OUT_OF_RANGE,
            low=Age(choices.first_age_months),
            high=Age(choices.last_age_months),
        )
    today = YearMonth.of(as_of)
    extension = max(0, today.months_until(month))
    total = contribution_months + extension
    steps: tuple[Step, ...] = ()
    shortfall_basis = rules.retirement.legal_basis.cite("shortfall")
    if extension:
        steps = (
            Step(
                StepKey.PEN_EXTENSION,
                {
                    "so_far": Duration(contribution_months),
                    "as_of": today,
                    "last": month.plus_months(-1),
                    "extension": Duration(extension),
                    "total": Duration(total),
                },
                shortfall_basis if window.shortfall_months else None,  # 延长缴费
                assumption=True,
            ),
        )
    estimate: AccountEstimate | None = None
    if account_balance is None:
        estimate = _account(rules, average_index, max(0, total - pre_account_months), month)
        balance = estimate.balance
    elif extension:
        estimate = _account(rules, average_index, extension, month, opening=account_balance)
        balance = estimate.balance
    else:
        balance = account_balance
    result = pension(
        rules.pension,
        retirement_year=month.year,
        average_index=average_index,
        contribution_months=total,
        pre_account_months=pre_account_months,
        account_balance=balance,
        retirement_age_months=retirement_age_months,
    )
    return PensionEstimate(
        window=window,
        retirement_age_months=retirement_age_months,
        contribution_months=total,
        pre_account_months=pre_account_months,
        average_index=average_index,
        account_balance=balance,
        pension=result,
        account_estimate=estimate,
        extension_months=extension,
        steps=steps,
    )


def _account(
    rules: RulesData,
    index: Decimal,
    months: int,
    month: YearMonth,
    *,
    opening: Decimal = Decimal(0),
) -> AccountEstimate:
    return estimate_account_balance(
        average_index=index,
        account_months=months,
        retirement_month=month,
        contribution=rules.contribution,
        rates=rules.rates,
        pension=rules.pension,
        opening_balance=opening,
    )
