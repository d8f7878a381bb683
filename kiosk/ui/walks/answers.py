"""What a walk does on one screen, declared: touch an option, pick a birth month, set a number of
years, type an amount, or take what is offered, then 下一步; or touch a button of the result.
Inputs are named by the page's attribute (``"category"``, ``"total"``...); ``on`` does the same on
another page of the window, after a result's button went there (接着估算养老金)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from kiosk.ui.pages.journey import Journey
from kiosk.ui.walks import Answer, page_of


def choose(widget: str, key: str) -> Answer:
    """Touch the option ``key`` of an option group (or the category chooser)."""
    return _then_next(lambda page: getattr(page, widget).button(key).click())


def choose_first(widget: str) -> Answer:
    """Touch the first option offered (a year that depends on today)."""
    return _then_next(lambda page: _first(getattr(page, widget)).click())


def born(year: int, month: int) -> Answer:
    """Pick the birth month on the page's year-and-month picker."""

    def pick(page: Any) -> None:
        page.birth.year.set_value(year)
        page.birth.month_buttons[month].click()

    return _then_next(pick)


def paid(widget: str, months: int) -> Answer:
    """Set a years-and-months picker to ``months``."""
    return _then_next(lambda page: getattr(page, widget).set_total_months(months))


def typed(widget: str, text: str) -> Answer:
    """Type ``text`` on a numeric keypad."""
    return _then_next(lambda page: getattr(page, widget).set_text(text))


def take_offered(journey: Journey) -> None:
    """下一步 on what the screen offers already (the age offered, the years carried over)."""
    journey.next()


def tap(name: str) -> Answer:
    """Touch the result's button named ``name`` (its object name)."""

    def touch(journey: Journey) -> None:
        view = journey.result_view
        assert view is not None, name
        found = view.findChild(QPushButton, name)
        assert found is not None, name
        found.click()

    return touch


def on(page: str, answer: Answer) -> Answer:
    """``answer`` on the window's page ``page`` (a walk that went on to another journey)."""
    return lambda journey: answer(page_of(journey, page))


def _then_next(act: Any) -> Answer:
    def answer(journey: Journey) -> None:
        act(journey)
        journey.next()

    return answer


def _first(options: Any) -> QPushButton:
    button: QPushButton = options.button(options.keys()[0])
    return button
