"""比较不同退休时间 on screen: opened from the pension estimate, a bar per year (and the statutory
month) drawn by the routine the sheet uses, a tap shows that choice, 返回 goes back, the sheet
and its QR code carry the comparison."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kiosk.app import build_main_window
from kiosk.content import format as fmt
from kiosk.rules import Category, YearMonth
from kiosk.rules.compare import compare_retirement
from kiosk.ui.pages.pension import PensionJourney
from kiosk.ui.sheet_render import render_image
from tests.conftest import free_window

TODAY = date(2026, 12, 7)


def estimate(window, birth: YearMonth, category: Category, months: int) -> PensionJourney:  # type: ignore[no-untyped-def]
    window.show_page("pension")
    page = window.page("pension")
    assert isinstance(page, PensionJourney)
    page.category.button(category.value).click()
    page.next()
    page.birth.year.set_value(birth.year)
    page.birth.month_buttons[birth.month].click()
    page.next()
    page.total.set_total_months(months)
    page.next()
    page.next()  # the age offered
    page.pre_account.set_total_months(0)  # none before the account
    page.next()
    page.level.button("1.0").click()
    page.next()
    page.balance.button("estimate").click()
    page.next()
    assert page.showing_result()
    return page


def test_the_comparison_from_the_estimate(qtbot, bundle) -> None:
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        window.resize(1920, 1080)
        window.show()
        page = estimate(window, YearMonth(1970, 6), Category.MALE, 264)
        pension_total = page.result_view.figure_texts()  # type: ignore[union-attr]
        button = page.result_view.findChild(QPushButton, "to_compare")  # type: ignore[union-attr]
        assert button is not None and button.isVisible()
        button.click()
        view = page.result_view
        assert view is not None and view.chart is not None
        comparison = compare_retirement(
            bundle.rules, birth=YearMonth(1970, 6), category=Category.MALE,
            contribution_months=264, pre_account_months=0,
            average_index=Decimal("1.0"), account_balance=None, as_of=TODAY,
        )  # fmt: skip
        yearly = comparison.yearly()
        common = bundle.texts.common
        assert [bar.amount for bar in view.chart.bars] == [
            fmt.money(common, option.total) for option in yearly
        ]
        assert [bar.statutory for bar in view.chart.bars].count(True) == 1
        # the statutory month, the estimate's own choice, is marked at first
        assert view.chart.selected == next(
            i for i, o in enumerate(yearly) if o.month == YearMonth(2031, 11)
        )
        qtbot.wait_until(lambda: bool(view.chart._slots))
        QTest.mouseClick(
            view.chart, Qt.MouseButton.LeftButton, pos=view.chart._slots[0].center().toPoint()
        )
        assert view.chart.selected == 0
        assert fmt.money(common, yearly[0].total) in view.chart_detail.text()
        sheet = page.sheet(datetime(2026, 12, 7, 10, 0))
        assert sheet is not None and sheet.chart == view.chart.bars
        assert all(bar.amount in sheet.summary for bar in sheet.chart)  # the options in the QR
        assert not render_image(sheet, font_family=bundle.font_family, dpi=60).isNull()
        assert page.go_back()  # 返回: the estimate again
        assert page.result_view is not None and page.result_view.chart is None
        assert page.result_view.figure_texts() == pension_total
    finally:
        free_window(window)


def test_no_comparison_when_there_is_one_month_to_retire_in(qtbot, bundle) -> None:
    """Born 1965-03, 原50岁, 13 years: only 2028-12, when the missing years are paid."""
    window = build_main_window(bundle, today=lambda: TODAY)
    try:
        window.show()
        page = estimate(window, YearMonth(1965, 3), Category.FEMALE_50, 156)
        assert page.result_view.findChild(QPushButton, "to_compare") is None  # type: ignore[union-attr]
    finally:
        free_window(window)
