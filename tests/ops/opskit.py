"""Helpers of the kiosk-operations tests (imported by name: tests/ops is on sys.path)."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 29)
PIN = "246813"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Quit:
    calls: int = 0

    def __call__(self) -> None:
        self.calls += 1


@dataclass
class OpsEnv:
    """Where a test window writes: its log file and usage file; and the quit it was given."""

    root: Path
    quit: Quit = field(default_factory=Quit)

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "kiosk.log"

    @property
    def usage_file(self) -> Path:
        return self.root / "state" / "usage.json"


def operations(window: Any) -> Any:
    from kiosk.ui.ops.install import Operations

    found = window.findChild(Operations)
    assert isinstance(found, Operations)
    return found


def free_window(main_window: Any) -> None:
    """Delete a window now (as tests/conftest.py's helper does)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    main_window.close()
    main_window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def input_state(window: Any) -> dict[str, object]:
    """Every input of every journey page, its screen and its result, by widget path."""
    from kiosk.ui.pages.journey import Journey
    from kiosk.ui.widgets.age_picker import AgePicker
    from kiosk.ui.widgets.duration_picker import DurationPicker
    from kiosk.ui.widgets.keypad import NumericKeypad
    from kiosk.ui.widgets.option_group import OptionGroup
    from kiosk.ui.widgets.year_month_picker import YearMonthPicker

    state: dict[str, object] = {"preset": window.preset.value, "page": str(window.current_page())}
    for page_id, page in window.pages.items():
        if not isinstance(page, Journey):
            continue
        state[f"{page_id}.screen"] = page.stack.currentIndex()
        state[f"{page_id}.result"] = page.result_area is not None
        kinds: tuple[tuple[type, Any], ...] = (
            (OptionGroup, lambda w: w.value()),
            (YearMonthPicker, lambda w: w.value()),
            (NumericKeypad, lambda w: w.text()),
            (DurationPicker, lambda w: w.total_months()),
            (AgePicker, lambda w: w.value()),
        )
        for kind, read in kinds:
            # every question's, in the page's order, whether its screen has joined the page yet
            # (a journey adds its other questions after its first paint) or not
            widgets = [w for screen in page.screens for w in screen.findChildren(kind)]
            widgets += [w for w in page.findChildren(kind) if w not in widgets]
            for i, widget in enumerate(widgets):
                state[f"{page_id}.{kind.__name__}[{i}]"] = read(widget)
    return state


def fill_every_journey(window: Any) -> None:
    """Answer questions on every journey page with distinctive values (and show one result)."""
    from kiosk.rules import Category, WorkerKind
    from kiosk.ui.theme import Preset

    window.set_preset(Preset.LARGE)
    retirement = window.pages["retirement"]
    window.show_page("retirement")
    retirement.category.button(Category.MALE.value).click()
    retirement.next()
    retirement.birth.year.set_value(1966)
    retirement.birth.month_buttons[7].click()
    retirement.next()
    retirement.years.set_total_months(31 * 12 + 5)
    retirement.next()
    assert retirement.showing_result()

    contribution = window.pages["contribution"]
    contribution.kind.button(WorkerKind.EMPLOYEE.value).click()
    contribution.next()
    contribution.year.button(contribution.year.keys()[0]).click()
    contribution.next()
    contribution.wage.set_text("98765.43")

    pension = window.pages["pension"]
    pension.category.button(Category.FEMALE_55.value).click()
    pension.next()
    pension.birth.year.set_value(1966)
    pension.birth.month_buttons[7].click()
    pension.balance.button("known").click()
    pension.amount.set_text("123456.78")
