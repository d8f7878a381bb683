"""Where the arrows and Tab go (kiosk/ui/focus_search.py), on controls placed by hand:

[a]  [b]
[c]       [d]
     [e]
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.ui.focus_search import nearest, reading_order, rect_in

PLACES = {"a": (0, 0), "b": (200, 10), "c": (0, 100), "d": (400, 110), "e": (200, 200)}


@pytest.fixture
def placed(qtbot: Any) -> tuple[QWidget, dict[str, QWidget]]:
    window = QWidget()
    qtbot.add_widget(window)
    window.resize(600, 300)
    controls = {}
    for name, (x, y) in PLACES.items():
        control = QWidget(window)
        control.setGeometry(x, y, 100, 60)
        controls[name] = control
    return window, controls


def test_tab_reads_rows_left_to_right(placed: tuple[QWidget, dict[str, QWidget]]) -> None:
    window, controls = placed
    order = reading_order(list(reversed(controls.values())), window)
    assert [next(n for n, c in controls.items() if c is w) for w in order] == list("abcde")


@pytest.mark.parametrize(
    ("start", "direction", "lands"),
    [
        ("a", "right", "b"),  # level with it, before d further off
        ("a", "down", "c"),  # straight below before e
        ("c", "right", "d"),  # in its row, though e is nearer
        ("b", "down", "e"),  # straight below, past the row beside it
        ("e", "up", "b"),
        ("d", "left", "c"),
        ("a", "up", None),  # nothing that way: the keys stay
    ],
)
def test_an_arrow_goes_straight_ahead_first(
    placed: tuple[QWidget, dict[str, QWidget]], start: str, direction: str, lands: str | None
) -> None:
    window, controls = placed
    focus = controls[start]
    found = nearest(rect_in(focus, window), list(controls.values()), focus, direction, window)
    assert found is (controls[lands] if lands else None)
