"""养老金测算 walked: a woman (原55岁) born 1971-05, 30 years so far of which 4 before the account,
contributing at the average wage, balance known, at the age offered; and a man born 1962-05,
past his statutory age (2022-05) with 170 months, from the home tile to the pension he can draw
once the minimum is paid."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QPushButton

from kiosk.content import format as fmt
from kiosk.rules import Category, YearMonth
from kiosk.rules.compare import compare_retirement
from kiosk.rules.estimate import estimate_pension, retirement_choices
from kiosk.ui.pages.journey import Journey
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.walks import Walk, WalkContext


def _pension(journey: Journey) -> PensionJourney:
    assert isinstance(journey, PensionJourney)
    return journey


def _pen_category(journey: Journey) -> None:
    _pension(journey).category.button(Category.FEMALE_55.value).click()
    journey.next()


def _pen_birth(journey: Journey) -> None:
    page = _pension(journey)
    page.birth.year.set_value(1971)
    page.birth.month_buttons[5].click()
    journey.next()


def _pen_total(journey: Journey) -> None:
    _pension(journey).total.set_total_months(30 * 12)
    journey.next()


def _pen_pre_account(journey: Journey) -> None:
    _pension(journey).pre_account.set_total_months(4 * 12)
    journey.next()


def _pen_level(journey: Journey) -> None:
    _pension(journey).level.button("1.0").click()
    journey.next()


def _pen_balance(journey: Journey) -> None:
    _pension(journey).balance.button("known").click()
    journey.next()


def _pen_amount(journey: Journey) -> None:
    _pension(journey).amount.set_text("120000")
    journey.next()


def _pen_expected(context: WalkContext) -> list[str]:
    """What the rules give for these answers, at the age the page offers first: the statutory
    age, or the nearest month a pension can start."""
    birth, category, total = YearMonth(1971, 5), Category.FEMALE_55, 30 * 12
    choices = retirement_choices(
        context.rules,
        birth=birth,
        category=category,
        contribution_months=total,
        as_of=context.today,
    )
    statutory = choices.window.statutory_age_months
    age = min(max(statutory, choices.first_age_months), choices.last_age_months)
    result = estimate_pension(
        context.rules,
        birth=birth,
        category=category,
        retirement_age_months=age,
        contribution_months=total,
        pre_account_months=4 * 12,
        average_index=Decimal("1.0"),
        account_balance=Decimal(120000),
        as_of=context.today,
    ).pension
    common = context.texts.common
    parts = (result.basic_pension, result.personal_account_pension, result.transitional_pension)
    return [fmt.money(common, value) for value in (result.total, *(p for p in parts if p))]


WALKS: tuple[Walk, ...] = (
    Walk(
        "pension",
        "pension",
        (
            _pen_category,
            _pen_birth,
            _pen_total,
            lambda journey: journey.next(),  # the age offered: statutory, or the first possible
            _pen_pre_account,
            _pen_level,
            _pen_balance,
            _pen_amount,
        ),
        _pen_expected,
        error_at=(1, 3, 5, 8),  # category, years so far, years before the account, the balance
    ),
)


def _man_category(journey: Journey) -> None:
    _pension(journey).category.button(Category.MALE.value).click()
    journey.next()


def _man_birth(journey: Journey) -> None:
    page = _pension(journey)
    page.birth.year.set_value(1962)
    page.birth.month_buttons[5].click()
    journey.next()


def _man_total(journey: Journey) -> None:
    _pension(journey).total.set_total_months(170)
    journey.next()


def _no_pre_account(journey: Journey) -> None:
    _pension(journey).pre_account.set_total_months(0)
    journey.next()


def _man_level(journey: Journey) -> None:
    _pension(journey).level.button("0.6").click()
    journey.next()


def _man_balance(journey: Journey) -> None:
    _pension(journey).balance.button("estimate").click()
    journey.next()


def _man_expected(context: WalkContext) -> list[str]:
    birth, total = YearMonth(1962, 5), 170
    choices = retirement_choices(
        context.rules,
        birth=birth,
        category=Category.MALE,
        contribution_months=total,
        as_of=context.today,
    )
    result = estimate_pension(
        context.rules,
        birth=birth,
        category=Category.MALE,
        retirement_age_months=choices.first_age_months,
        contribution_months=total,
        pre_account_months=0,
        average_index=Decimal("0.6"),
        account_balance=None,
        as_of=context.today,
    ).pension
    common = context.texts.common
    parts = (result.basic_pension, result.personal_account_pension, result.transitional_pension)
    return [fmt.money(common, value) for value in (result.total, *(p for p in parts if p))]


WALKS = (
    *WALKS,
    Walk(
        "pension-past-age",
        "pension",
        (
            _man_category,
            _man_birth,
            _man_total,
            lambda journey: journey.next(),  # the first month he can draw a pension
            _no_pre_account,
            _man_level,
            _man_balance,
        ),
        _man_expected,
    ),
)


# 比较不同退休时间: a man born 1970-06 with 22 years, from his estimate to the comparison ---------


def _cmp_birth(journey: Journey) -> None:
    page = _pension(journey)
    page.birth.year.set_value(1970)
    page.birth.month_buttons[6].click()
    journey.next()


def _cmp_total(journey: Journey) -> None:
    _pension(journey).total.set_total_months(22 * 12)
    journey.next()


def _cmp_level(journey: Journey) -> None:
    _pension(journey).level.button("1.0").click()
    journey.next()


def _cmp_open(journey: Journey) -> None:
    view = journey.result_view
    assert view is not None
    button = view.findChild(QPushButton, "to_compare")
    assert button is not None
    button.click()


def _cmp_expected(context: WalkContext) -> list[str]:
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


WALKS = (
    *WALKS,
    Walk(
        "pension-compare",
        "pension",
        (
            _man_category,
            _cmp_birth,
            _cmp_total,
            lambda journey: journey.next(),  # the statutory age, as offered
            _no_pre_account,
            _cmp_level,
            _man_balance,
            _cmp_open,
        ),
        _cmp_expected,
    ),
)
