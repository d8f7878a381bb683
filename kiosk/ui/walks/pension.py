"""养老金测算 walked: a woman (原55岁) born 1971-05, 30 years so far of which 4 before the account,
contributing at the average wage, balance known, at the age offered; a man born 1962-05, past his
statutory age (2022-05) with 170 months, from the home tile to the pension he can draw once the
minimum is paid; a man born 1970-06 with 22 years, from his estimate to 比较不同退休时间; and a man
born 1954-06 with 20 years, over the 计发月数 table's oldest age, to why there is no estimate and
where to ask."""

from __future__ import annotations

from decimal import Decimal

from kiosk.content import format as fmt
from kiosk.rules import Category, YearMonth
from kiosk.rules.compare import compare_retirement
from kiosk.rules.estimate import RetirementChoices, estimate_pension, retirement_choices
from kiosk.ui.walks import Walk, WalkContext
from kiosk.ui.walks.answers import born, choose, paid, take_offered, tap, typed

MALE, FEMALE_55 = Category.MALE.value, Category.FEMALE_55.value


def pension_figures(
    context: WalkContext,
    *,
    birth: YearMonth,
    category: Category,
    total: int,
    pre_account: int = 0,
    index: str,
    balance: Decimal | None = None,
) -> list[str]:
    """What the rules give for these answers at the age the page offers first (the statutory
    age, or the nearest month a pension can start): the total, then its non-zero parts."""
    choices = _choices(context, birth, category, total)
    statutory = choices.window.statutory_age_months
    age = min(max(statutory, choices.first_age_months), choices.last_age_months)
    result = estimate_pension(
        context.rules,
        birth=birth,
        category=category,
        retirement_age_months=age,
        contribution_months=total,
        pre_account_months=pre_account,
        average_index=Decimal(index),
        account_balance=balance,
        as_of=context.today,
    ).pension
    parts = (result.basic_pension, result.personal_account_pension, result.transitional_pension)
    common = context.texts.common
    return [fmt.money(common, value) for value in (result.total, *(p for p in parts if p))]


def no_estimate_figures(
    context: WalkContext, *, birth: YearMonth, category: Category, total: int
) -> list[str]:
    """For a pension that can only start past the 计发月数 table: when it can start, the age
    then and the years still to pay (short of years); the age now (the minimum met)."""
    choices = _choices(context, birth, category, total)
    assert not choices.estimable, "the walk is for someone the kiosk cannot estimate"
    common = context.texts.common
    age = fmt.age(common, choices.first_age_months)
    short = choices.window.shortfall_months
    if not short:
        return [age]
    return [fmt.year_month(common, choices.first), age, fmt.duration(common, short)]


def _choices(
    context: WalkContext, birth: YearMonth, category: Category, total: int
) -> RetirementChoices:
    return retirement_choices(
        context.rules,
        birth=birth,
        category=category,
        contribution_months=total,
        as_of=context.today,
    )


def _compared(context: WalkContext) -> list[str]:
    comparison = compare_retirement(
        context.rules,
        birth=YearMonth(1970, 6),
        category=Category.MALE,
        contribution_months=22 * 12,
        pre_account_months=0,
        average_index=Decimal("1.0"),
        account_balance=None,
        as_of=context.today,
    )
    shown = [comparison.options[0], comparison.statutory, comparison.options[-1]]
    common = context.texts.common
    return [fmt.money(common, option.total) for option in shown if option is not None]


WALKS: tuple[Walk, ...] = (
    Walk(
        "pension",
        "pension",
        (
            choose("category", FEMALE_55),
            born(1971, 5),
            paid("total", 30 * 12),
            take_offered,  # the age offered: statutory, or the first possible
            paid("pre_account", 4 * 12),
            choose("level", "1.0"),
            choose("balance", "known"),
            typed("amount", "120000"),
        ),
        lambda context: pension_figures(
            context,
            birth=YearMonth(1971, 5),
            category=Category.FEMALE_55,
            total=30 * 12,
            pre_account=4 * 12,
            index="1.0",
            balance=Decimal(120000),
        ),
        error_at=(1, 3, 5, 8),  # category, years so far, years before the account, the balance
    ),
    Walk(
        "pension-past-age",
        "pension",
        (
            choose("category", MALE),
            born(1962, 5),
            paid("total", 170),
            take_offered,  # the first month he can draw a pension
            paid("pre_account", 0),
            choose("level", "0.6"),
            choose("balance", "estimate"),
        ),
        lambda context: pension_figures(
            context, birth=YearMonth(1962, 5), category=Category.MALE, total=170, index="0.6"
        ),
    ),
    Walk(
        "pension-compare",
        "pension",
        (
            choose("category", MALE),
            born(1970, 6),
            paid("total", 22 * 12),
            take_offered,  # the statutory age, as offered
            paid("pre_account", 0),
            choose("level", "1.0"),
            choose("balance", "estimate"),
            tap("to_compare"),
        ),
        _compared,
    ),
    Walk(
        "pension-no-estimate",
        "pension",
        (
            choose("category", MALE),
            born(1954, 6),
            paid("total", 20 * 12),  # 查看结果: no more questions for him
        ),
        lambda context: no_estimate_figures(
            context, birth=YearMonth(1954, 6), category=Category.MALE, total=20 * 12
        ),
    ),
)
