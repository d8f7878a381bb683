"""退休年龄与资格: statutory retirement age and month under the 2025 reform, the minimum contribution
years, the flexible early/late window and whether a monthly pension is within reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.rules.models import Category, RetirementData
from kiosk.rules.steps import InputError, Step, StepKey
from kiosk.rules.yearmonth import YearMonth

EARLIEST_BIRTH = YearMonth(1930, 1)
LATEST_BIRTH = YearMonth(2100, 12)  # the rules data reach 2100; far later months leave the calendar
MAX_CONTRIBUTION_MONTHS = 70 * 12


class ShortfallOption(StrEnum):
    """What a person short of the minimum years can do (办法第二条, 人社部令第13号)."""

    EXTEND = "extend"  # 延长缴费至满最低缴费年限
    LUMP_SUM = "lump_sum"  # 一次性缴费（2011-07-01前参保、延长5年后仍不足的）
    TRANSFER = "transfer"  # 转入城乡居民基本养老保险
    TERMINATE = "terminate"  # 书面申请终止关系，个人账户一次性支付


@dataclass(frozen=True, slots=True)
class RetirementResult:
    birth: YearMonth
    category: Category
    original_age_months: int
    original_retirement_month: YearMonth
    delay_months: int
    statutory_age_months: int
    statutory_retirement_month: YearMonth
    minimum_contribution_months: int
    earliest_flexible_age_months: int
    earliest_flexible_retirement_month: YearMonth
    latest_flexible_age_months: int
    latest_flexible_retirement_month: YearMonth
    months_until_retirement: int
    as_of: date
    contribution_months: int | None
    meets_minimum: bool | None
    shortfall_months: int | None
    options: tuple[ShortfallOption, ...]
    steps: tuple[Step, ...]
    legal_basis: tuple[str, ...]

    @property
    def statutory_age_text(self) -> str:
        return official_age_text(self.statutory_age_months)

    @property
    def reached(self) -> bool:
        """The statutory retirement month is this month or already past."""
        return self.months_until_retirement == 0


def official_age_text(age_months: int) -> str:
    """An age as the MOHRSS calculator writes it: ``60岁2个月``, ``63岁``."""
    years, months = divmod(age_months, 12)
    return f"{years}岁{months}个月" if months else f"{years}岁"


def years_months_text(months: int) -> str:
    """A duration as ``15年6个月`` / ``20年`` / ``8个月``."""
    years, rest = divmod(months, 12)
    if years and rest:
        return f"{years}年{rest}个月"
    if years:
        return f"{years}年"
    return f"{rest}个月"


def delay_months_for(birth: YearMonth, category: Category, rules: RetirementData) -> int:
    """延迟月数: ``min(cap, floor(d / step) + 1)`` for births from the first affected month on."""
    row = rules.reform(category)
    months_after = row.first_affected.months_until(birth)
    if months_after < 0:
        return 0
    return min(row.cap_months, months_after // row.step_months + 1)


def statutory_age_months(birth: YearMonth, category: Category, rules: RetirementData) -> int:
    row = rules.reform(category)
    return row.original_age_years * 12 + delay_months_for(birth, category, rules)


def retirement(
    birth: YearMonth,
    category: Category,
    rules: RetirementData,
    *,
    as_of: date,
    contribution_months: int | None = None,
    first_insured_before_2011_07: bool | None = None,
) -> RetirementResult:
    """The statutory retirement age and month, and eligibility if ``contribution_months`` is given.

    ``contribution_months`` is the cumulative total: actual plus deemed (视同缴费年限).
    """
    today = YearMonth.of(as_of)
    latest = min(today, LATEST_BIRTH)
    if birth < EARLIEST_BIRTH or birth > latest:
        raise InputError(
            "birth",
            "out_of_range",
            f"出生年月须在{EARLIEST_BIRTH.year}年1月至{latest.year}年{latest.month}月之间",
            low=str(EARLIEST_BIRTH),
            high=str(latest),
        )
    if contribution_months is not None and not 0 <= contribution_months <= MAX_CONTRIBUTION_MONTHS:
        raise InputError(
            "contribution_months",
            "out_of_range",
            f"累计缴费月数须在0至{MAX_CONTRIBUTION_MONTHS}之间",
            low="0",
            high=str(MAX_CONTRIBUTION_MONTHS),
        )

    row = rules.reform(category)
    basis = rules.legal_basis
    original_age = row.original_age_years * 12
    original_month = birth.plus_months(original_age)
    delay = delay_months_for(birth, category, rules)
    statutory_age = original_age + delay
    statutory_month = birth.plus_months(statutory_age)
    minimum = rules.minimum_contribution.months_for(statutory_month.year)
    flexible = rules.flexible
    earliest_age = max(statutory_age - flexible.early_max_months, original_age)
    latest_age = statutory_age + flexible.late_max_months

    steps: list[Step] = [
        Step(
            StepKey.RET_ORIGINAL,
            {
                "original_age": official_age_text(original_age),
                "original_month": str(original_month),
            },
            basis.reform,
        ),
    ]
    if delay == 0:
        steps.append(
            Step(StepKey.RET_NOT_AFFECTED, {"first": str(row.first_affected)}, basis.reform)
        )
    else:
        steps.append(
            Step(
                StepKey.RET_DELAY,
                {
                    "birth": str(birth),
                    "first": str(row.first_affected),
                    "months_after": str(row.first_affected.months_until(birth)),
                    "step": str(row.step_months),
                    "cap": str(row.cap_months),
                    "delay": str(delay),
                },
                basis.reform,
            )
        )
    steps += [
        Step(
            StepKey.RET_STATUTORY,
            {
                "original_age": official_age_text(original_age),
                "delay": str(delay),
                "age": official_age_text(statutory_age),
                "month": str(statutory_month),
            },
            basis.reform,
        ),
        Step(
            StepKey.RET_MINIMUM,
            {"year": str(statutory_month.year), "minimum": years_months_text(minimum)},
            basis.minimum_years,
        ),
        Step(
            StepKey.RET_FLEX_EARLY,
            {
                "age": official_age_text(statutory_age),
                "early": str(flexible.early_max_months),
                "original_age": official_age_text(original_age),
                "earliest_age": official_age_text(earliest_age),
                "earliest_month": str(birth.plus_months(earliest_age)),
            },
            basis.flexible,
        ),
        Step(
            StepKey.RET_FLEX_LATE,
            {
                "age": official_age_text(statutory_age),
                "late": str(flexible.late_max_months),
                "latest_age": official_age_text(latest_age),
                "latest_month": str(birth.plus_months(latest_age)),
            },
            basis.flexible,
        ),
    ]

    meets: bool | None = None
    shortfall: int | None = None
    options: tuple[ShortfallOption, ...] = ()
    if contribution_months is not None:
        shortfall = max(0, minimum - contribution_months)
        meets = shortfall == 0
        if meets:
            steps.append(
                Step(
                    StepKey.RET_MEETS,
                    {
                        "total": years_months_text(contribution_months),
                        "minimum": years_months_text(minimum),
                    },
                    basis.minimum_years,
                )
            )
        else:
            options = _shortfall_options(first_insured_before_2011_07)
            steps.append(
                Step(
                    StepKey.RET_SHORTFALL,
                    {
                        "total": years_months_text(contribution_months),
                        "minimum": years_months_text(minimum),
                        "shortfall": years_months_text(shortfall),
                    },
                    basis.shortfall,
                )
            )

    return RetirementResult(
        birth=birth,
        category=category,
        original_age_months=original_age,
        original_retirement_month=original_month,
        delay_months=delay,
        statutory_age_months=statutory_age,
        statutory_retirement_month=statutory_month,
        minimum_contribution_months=minimum,
        earliest_flexible_age_months=earliest_age,
        earliest_flexible_retirement_month=birth.plus_months(earliest_age),
        latest_flexible_age_months=latest_age,
        latest_flexible_retirement_month=birth.plus_months(latest_age),
        months_until_retirement=max(0, today.months_until(statutory_month)),
        as_of=as_of,
        contribution_months=contribution_months,
        meets_minimum=meets,
        shortfall_months=shortfall,
        options=options,
        steps=tuple(steps),
        legal_basis=(basis.reform, basis.minimum_years, basis.flexible),
    )


def _shortfall_options(first_insured_before_2011_07: bool | None) -> tuple[ShortfallOption, ...]:
    """Extending is always open; the lump sum only for people insured before 2011-07-01 (or unknown)."""
    options = [ShortfallOption.EXTEND]
    if first_insured_before_2011_07 is not False:
        options.append(ShortfallOption.LUMP_SUM)
    options += [ShortfallOption.TRANSFER, ShortfallOption.TERMINATE]
    return tuple(options)
