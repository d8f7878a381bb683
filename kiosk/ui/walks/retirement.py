"""退休年龄与资格 walked: a man born 1966-03 with 20 years paid; a woman born 1965-03 who worked in a
factory (原50岁退休), 13 years paid, on from her result to a pension estimate that starts in the
month the two missing years are paid; and a woman (原50岁) born 1950-03 with 5 years, insured
before 2011-07, on to the pension journey, which cannot estimate a pension that starts at 86: it
says why, when and what she can do, and sends her to the window."""

from __future__ import annotations

from kiosk.content import format as fmt
from kiosk.rules import Category, YearMonth, retirement
from kiosk.ui.walks import ContinuedWalk, Walk, WalkContext
from kiosk.ui.walks.answers import born, choose, on, paid, take_offered, tap
from kiosk.ui.walks.pension import no_estimate_figures, pension_figures

FEMALE_50 = Category.FEMALE_50.value


def _statutory(context: WalkContext) -> list[str]:
    result = retirement(
        YearMonth(1966, 3),
        Category.MALE,
        context.rules.retirement,
        as_of=context.today,
        contribution_months=240,
    )
    common = context.texts.common
    return [
        fmt.age(common, result.statutory_age_months),
        fmt.year_month(common, result.statutory_retirement_month),
        context.texts.retirement.delay_value.format(months=result.delay_months),
    ]


WALKS = (
    Walk(
        "retirement",
        "retirement",
        (choose("category", Category.MALE.value), born(1966, 3), paid("years", 20 * 12)),
        _statutory,
        error_at=(1, 2, 3),
    ),
    # past the statutory age (2015-03) and short of the minimum; 接着估算养老金 goes on to the
    # pension at the earliest month it can start
    ContinuedWalk(
        "retirement-short",
        "retirement",
        (
            choose("category", FEMALE_50),
            born(1965, 3),
            paid("years", 13 * 12),
            tap("to_pension"),
            on("pension", take_offered),  # 13 years, carried over: confirmed
            on("pension", take_offered),  # the age offered: the first month possible
            on("pension", paid("pre_account", 0)),  # none before the account
            on("pension", choose("level", "0.6")),
            on("pension", choose("balance", "estimate")),
        ),
        lambda context: pension_figures(
            context, birth=YearMonth(1965, 3), category=Category.FEMALE_50, total=156, index="0.6"
        ),
        result_page="pension",
    ),
    # 10 years short in 2026: the minimum is made up at 86, past the 计发月数 table (70)
    ContinuedWalk(
        "retirement-no-estimate",
        "retirement",
        (
            choose("category", FEMALE_50),
            born(1950, 3),
            paid("years", 5 * 12),
            choose("insured", "before"),  # the lump sum applies to her
            tap("to_pension"),
            on("pension", take_offered),  # 5 years, carried over: 查看结果
        ),
        lambda context: no_estimate_figures(
            context, birth=YearMonth(1950, 3), category=Category.FEMALE_50, total=5 * 12
        ),
        result_page="pension",
    ),
)
