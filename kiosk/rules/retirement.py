"""退休年龄与资格: statutory retirement age and month under the 2025 reform, the minimum contribution
years, the flexible early/late window (only where the reform applies), whether a monthly pension is
within reach and, for someone short of years, the first month it can start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.rules.models import Category, RetirementData
from kiosk.rules.steps import Age, Basis, Duration, ErrorCode, InputError, Step, StepKey
from kiosk.rules.yearmonth import YearMonth

EARLIEST_BIRTH = YearMonth(1930, 1)
LATEST_BIRTH = YearMonth(2100, 12)  # the rules data reach 2100; far later months leave the calendar
EARLIEST_AS_OF = date(1990, 1, 1)
LATEST_AS_OF = date(2100, 12, 31)
MAX_CONTRIBUTION_MONTHS = 70 * 12
MINIMUM_WORKING_AGE_MONTHS = 16 * 12  # nobody pays contributions before their 16th birthday


class ShortfallOption(StrEnum):
    """What a person short of the minimum years can do (办法第二条, 人社部令第13号)."""

    EXTEND = "extend"  # 延长缴费至满最低缴费年限
    LUMP_SUM = "lump_sum"  # 一次性缴费（2011-07-01前参保、延长5年后仍不足的）
    TRANSFER = "transfer"  # 转入城乡居民基本养老保险
    TERMINATE = "terminate"  # 书面申请终止关系，个人账户一次性支付


class RetirementKind(StrEnum):
    """How a chosen retirement age relates to the statutory one."""

    EARLY = "early"  # 弹性提前退休
    STATUTORY = "statutory"  # 按法定退休年龄
    LATE = "late"  # 弹性延迟退休
    EXTENDED = "extended"  # 延长缴费：缴满最低年限后退休，过了法定时间、不在弹性窗口内
    OVERDUE = "overdue"  # 已过法定退休时间、最低年限已满，不在弹性窗口内（例如改革前到龄未办）


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
    reform_applies: bool
    """The statutory month is in 2025 or later: the reform's flexible window exists."""
    earliest_flexible_age_months: int | None
    earliest_flexible_retirement_month: YearMonth | None
    latest_flexible_age_months: int | None
    latest_flexible_retirement_month: YearMonth | None
    months_until_retirement: int
    as_of: date
    contribution_months: int | None
    meets_minimum: bool | None
    shortfall_months: int | None
    earliest_pension_month: YearMonth | None
    """With contributions every month from the as-of month: the first month of a monthly pension."""
    first_insured_before_2011_07: bool | None
    options: tuple[ShortfallOption, ...]
    steps: tuple[Step, ...]
    legal_basis: tuple[Basis, ...]

    @property
    def as_of_month(self) -> YearMonth:
        return YearMonth.of(self.as_of)

    @property
    def reached(self) -> bool:
        """The statutory retirement month is this month or already past."""
        return self.months_until_retirement == 0

    @property
    def made_up_month(self) -> YearMonth | None:
        """For someone short of the minimum who cannot pay it by the statutory month: the month
        the missing years are made up and a monthly pension can start (延长缴费); else None. Being
        past the statutory month with the minimum met is not making anything up."""
        month = self.earliest_pension_month
        if not self.shortfall_months or month is None:
            return None
        return month if month > self.statutory_retirement_month else None

    @property
    def earliest_pension_age_months(self) -> int | None:
        if self.earliest_pension_month is None:
            return None
        return self.birth.months_until(self.earliest_pension_month)

    def kind_of(self, age_months: int) -> RetirementKind:
        """Early, statutory or late retirement at ``age_months``."""
        if age_months < self.statutory_age_months:
            return RetirementKind.EARLY
        if age_months > self.statutory_age_months:
            return RetirementKind.LATE
        return RetirementKind.STATUTORY

    def in_window(self, month: YearMonth) -> bool:
        """``month`` lies inside the flexible window (False where the reform does not apply)."""
        early, late = self.earliest_flexible_retirement_month, self.latest_flexible_retirement_month
        return early is not None and late is not None and early <= month <= late


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


def possible_contribution_months(birth: YearMonth, as_of: date) -> int:
    """The most months anyone born in ``birth`` can have paid by ``as_of``: those from the month
    of their 16th birthday up to and including the as-of month (0 before it)."""
    first = birth.plus_months(MINIMUM_WORKING_AGE_MONTHS)
    return max(0, first.months_until(YearMonth.of(as_of)) + 1)


def check_as_of(as_of: date) -> None:
    if not EARLIEST_AS_OF <= as_of <= LATEST_AS_OF:
        raise InputError(
            "as_of",
            ErrorCode.OUT_OF_RANGE,
            low=YearMonth.of(EARLIEST_AS_OF),
            high=YearMonth.of(LATEST_AS_OF),
        )


def check_birth(birth: YearMonth, as_of: date) -> None:
    latest = min(YearMonth.of(as_of), LATEST_BIRTH)
    if not EARLIEST_BIRTH <= birth <= latest:
        raise InputError("birth", ErrorCode.OUT_OF_RANGE, low=EARLIEST_BIRTH, high=latest)


def check_contribution_months(months: int, birth: YearMonth, as_of: date) -> None:
    """Within 0..840 months, and no more than :func:`possible_contribution_months`."""
    if not 0 <= months <= MAX_CONTRIBUTION_MONTHS:
        raise InputError(
            "contribution_months",
            ErrorCode.OUT_OF_RANGE,
            low=Duration(0),
            high=Duration(MAX_CONTRIBUTION_MONTHS),
        )
    possible = possible_contribution_months(birth, as_of)
    if months > possible:
        raise InputError(
            "contribution_months",
            ErrorCode.EXCEEDS_POSSIBLE,
            high=Duration(possible),
            since=birth.plus_months(MINIMUM_WORKING_AGE_MONTHS),
        )


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

    ``contribution_months`` is the cumulative total so far: actual plus deemed (视同缴费年限).
    """
    check_as_of(as_of)
    check_birth(birth, as_of)
    if contribution_months is not None:
        check_contribution_months(contribution_months, birth, as_of)

    row = rules.reform(category)
    basis = rules.legal_basis
    today = YearMonth.of(as_of)
    original_age = row.original_age_years * 12
    original_month = birth.plus_months(original_age)
    delay = delay_months_for(birth, category, rules)
    statutory_age = original_age + delay
    statutory_month = birth.plus_months(statutory_age)
    minimum = rules.minimum_contribution.months_for(statutory_month.year)
    flexible = rules.flexible
    reform_applies = statutory_month >= YearMonth.of(flexible.effective_from)
    earliest_age = latest_age = None
    if reform_applies:
        earliest_age = max(statutory_age - flexible.early_max_months, original_age)
        latest_age = statutory_age + flexible.late_max_months

    steps: list[Step] = [
        Step(
            StepKey.RET_ORIGINAL,
            {"original_age": Age(original_age), "original_month": original_month},
            basis.cite("reform"),
        ),
    ]
    if delay == 0:
        steps.append(
            Step(StepKey.RET_NOT_AFFECTED, {"first": row.first_affected}, basis.cite("reform"))
        )
    else:
        steps.append(
            Step(
                StepKey.RET_DELAY,
                {
                    "birth": birth,
                    "first": row.first_affected,
                    "months_after": row.first_affected.months_until(birth),
                    "step": row.step_months,
                    "cap": row.cap_months,
                    "delay": delay,
                },
                basis.cite("reform"),
            )
        )
    steps += [
        Step(
            StepKey.RET_STATUTORY,
            {
                "original_age": Age(original_age),
                "delay": delay,
                "age": Age(statutory_age),
                "month": statutory_month,
            },
            basis.cite("reform"),
        ),
        Step(
            StepKey.RET_MINIMUM,
            {"year": statutory_month.year, "minimum": Duration(minimum)},
            basis.cite("minimum_years"),
        ),
    ]
    if earliest_age is not None and latest_age is not None:
        steps += [
            Step(
                StepKey.RET_FLEX_EARLY,
                {
                    "age": Age(statutory_age),
                    "early": flexible.early_max_months,
                    "original_age": Age(original_age),
                    "earliest_age": Age(earliest_age),
                    "earliest_month": birth.plus_months(earliest_age),
                },
                basis.cite("flexible"),
            ),
            Step(
                StepKey.RET_FLEX_LATE,
                {
                    "age": Age(statutory_age),
                    "late": flexible.late_max_months,
                    "latest_age": Age(latest_age),
                    "latest_month": birth.plus_months(latest_age),
                },
                basis.cite("flexible"),
            ),
        ]
    else:
        steps.append(
            Step(
                StepKey.RET_PRE_REFORM,
                {"month": statutory_month, "reform": YearMonth.of(flexible.effective_from)},
                basis.cite("flexible"),
            )
        )

    meets: bool | None = None
    shortfall: int | None = None
    earliest_pension: YearMonth | None = None
    options: tuple[ShortfallOption, ...] = ()
    if contribution_months is not None:
        shortfall = max(0, minimum - contribution_months)
        meets = shortfall == 0
        earliest_pension = max(statutory_month, today.plus_months(shortfall))
        if meets:
            steps.append(
                Step(
                    StepKey.RET_MEETS,
                    {"total": Duration(contribution_months), "minimum": Duration(minimum)},
                    basis.cite("minimum_years"),
                )
            )
        else:
            extension_months = rules.shortfall.lump_sum_after_extension_years * 12
            options = shortfall_options(rules, shortfall, first_insured_before_2011_07)
            steps += [
                Step(
                    StepKey.RET_SHORTFALL,
                    {
                        "total": Duration(contribution_months),
                        "minimum": Duration(minimum),
                        "shortfall": Duration(shortfall),
                    },
                    basis.cite("shortfall"),
                ),
                Step(
                    StepKey.RET_EARLIEST_PENSION,
                    {
                        "as_of": today,
                        "shortfall": Duration(shortfall),
                        "statutory_month": statutory_month,
                        "month": earliest_pension,
                        "age": Age(birth.months_until(earliest_pension)),
                    },
                    basis.cite("shortfall"),
                    assumption=True,
                ),
            ]
            if ShortfallOption.LUMP_SUM in options:
                steps.append(
                    Step(
                        StepKey.RET_LUMP_SUM,
                        {
                            "insured_before": YearMonth.of(rules.shortfall.lump_sum_insured_before),
                            "extension": Duration(extension_months),
                        },
                        basis.cite("shortfall"),
                    )
                )

    cited = ["reform", "minimum_years"] + (["flexible"] if reform_applies else [])
    if shortfall:
        cited.append("shortfall")
    return RetirementResult(
        birth=birth,
        category=category,
        original_age_months=original_age,
        original_retirement_month=original_month,
        delay_months=delay,
        statutory_age_months=statutory_age,
        statutory_retirement_month=statutory_month,
        minimum_contribution_months=minimum,
        reform_applies=reform_applies,
        earliest_flexible_age_months=earliest_age,
        earliest_flexible_retirement_month=(
            birth.plus_months(earliest_age) if earliest_age is not None else None
        ),
        latest_flexible_age_months=latest_age,
        latest_flexible_retirement_month=(
            birth.plus_months(latest_age) if latest_age is not None else None
        ),
        months_until_retirement=max(0, today.months_until(statutory_month)),
        as_of=as_of,
        contribution_months=contribution_months,
        meets_minimum=meets,
        shortfall_months=shortfall,
        earliest_pension_month=earliest_pension,
        first_insured_before_2011_07=first_insured_before_2011_07,
        options=options,
        steps=tuple(steps),
        legal_basis=tuple(basis.cite(name) for name in cited),
    )


def shortfall_options(
    rules: RetirementData, shortfall: int, first_insured_before_2011_07: bool | None = None
) -> tuple[ShortfallOption, ...]:
    """What someone ``shortfall`` months short can do (nothing when 0). Extending is always open;
    the lump sum only for people insured before 2011-07-01 (or not known) who are still short after
    the years of extension (人社部令第13号第二条)."""
    if shortfall <= 0:
        return ()
    extension_months = rules.shortfall.lump_sum_after_extension_years * 12
    options = [ShortfallOption.EXTEND]
    if first_insured_before_2011_07 is not False and shortfall > extension_months:
        options.append(ShortfallOption.LUMP_SUM)
    options += [ShortfallOption.TRANSFER, ShortfallOption.TERMINATE]
    return tuple(options)
