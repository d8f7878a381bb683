"""The layout check fails on what a person at the terminal would see as broken (issue 14): a choice
pushed below the fold with no way to it, a key under 80 px, a clipped error, a target smaller than
its text, a dead gap between keys, a window stretched past its screen. Each check is shown to
fail on a deliberately broken layout and to pass on the same layout put right, so none of them
can pass by never looking."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.selftest import settle
from kiosk.ui.layout_check import check_layout
from kiosk.ui.look import THEMED, apply_look
from kiosk.ui.theme import Preset, Theme
from kiosk.ui.widgets.kinetic import KineticScrollArea, ScrollPager
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.style import button, label


@pytest.fixture
def screen(qtbot, bundle) -> Iterator[QWidget]:
    """A 1080x600 'window' in the kiosk's theme at the standard size."""
    widget = QWidget()
    apply_look(widget, Preset.STANDARD, Theme.STANDARD, bundle.font_family)
    widget.resize(1080, 600)
    qtbot.add_widget(widget)
    yield widget


@pytest.fixture
def bare(qtbot) -> Iterator[QWidget]:
    """A 1080x600 'window' without the theme, whose sizes would undo the breakage."""
    widget = QWidget()
    widget.setProperty(THEMED, False)  # plain Fusion, though the look is the application's style
    widget.resize(1080, 600)
    qtbot.add_widget(widget)
    yield widget


def show(widget: QWidget) -> list[str]:
    widget.show()
    settle()
    return problems_now(widget)


def problems_now(widget: QWidget) -> list[str]:
    return [str(problem) for problem in check_layout(widget)]


# a choice pushed below the fold ------------------------------------------------------------------


def choices(count: int) -> list[QPushButton]:
    return [button(f"choice {i}", "option", name=f"choice_{i}") for i in range(count)]


def test_a_choice_below_the_fold_of_a_scroll_area_fails(screen: QWidget) -> None:
    content = QWidget()
    column = QVBoxLayout(content)
    for widget in choices(12):
        column.addWidget(widget)
    QVBoxLayout(screen).addWidget(KineticScrollArea(content))
    problems = show(screen)
    assert any("choice_11" in p and "no Down pager" in p for p in problems), problems


def test_the_same_choices_with_a_down_pager_pass(screen: QWidget, texts) -> None:
    content = QWidget()
    column = QVBoxLayout(content)
    for widget in choices(12):
        column.addWidget(widget)
    pager = ScrollPager(content, texts=texts.common)
    QVBoxLayout(screen).addWidget(pager)
    assert show(screen) == []
    assert pager.pager.isVisible()


def test_a_choice_pushed_out_of_its_box_fails(screen: QWidget) -> None:
    box = QWidget(screen)
    box.setGeometry(0, 0, 1080, 300)
    first, second = choices(2)
    for widget, top in ((first, 20), (second, 280)):  # the second reaches below the box
        widget.setParent(box)
        widget.setGeometry(20, top, 600, 80)
    problems = show(screen)
    assert any("choice_1" in p and "cut off" in p for p in problems), problems


def test_paged_choices_pass_and_hidden_ones_without_a_pager_fail(screen: QWidget, texts) -> None:
    group = OptionGroup(
        [Option(str(i), f"choice {i}", "a line to explain it") for i in range(9)],
        texts=texts.common,
    )
    QVBoxLayout(screen).addWidget(group)
    assert show(screen) == []
    assert len(group.pages) > 1 and group.pager.isVisible()
    group.pager.hide()  # the 更多选项 row gone: the choices on the other pages are out of reach
    problems = problems_now(screen)
    assert any("choices hidden with no pager" in p for p in problems), problems


# keys ----------------------------------------------------------------------------------------------


def keypad(screen: QWidget, side: int, gap: int = 0) -> list[QPushButton]:
    grid = QGridLayout(screen)
    grid.setSpacing(gap)
    keys = []
    for i in range(9):
        key = button(str(i + 1), "key", name=f"key_{i + 1}")
        key.setFixedSize(side, side)
        grid.addWidget(key, i // 3, i % 3)
        keys.append(key)
    grid.setRowStretch(3, 1)
    grid.setColumnStretch(3, 1)
    return keys


def test_a_60_px_key_fails(bare: QWidget) -> None:
    keypad(bare, 60)
    problems = show(bare)
    assert any("key_1" in p and "target 60x60px" in p for p in problems), problems


def test_88_px_keys_pass(screen: QWidget) -> None:
    keypad(screen, 88)
    assert show(screen) == []


def test_a_dead_gap_between_keys_fails(bare: QWidget) -> None:
    keypad(bare, 88, gap=30)
    problems = show(bare)
    assert any("dead gap" in p for p in problems), problems


def test_a_button_smaller_than_its_text_fails(bare: QWidget) -> None:
    """Never a target under 1.5 times the size of its text (a 64 px button with 50 px text)."""
    widget = button("OK", name="tiny")
    widget.setParent(bare)
    font = widget.font()
    font.setPixelSize(50)
    widget.setFont(font)
    widget.setGeometry(10, 10, 200, 64)
    problems = show(bare)
    assert any("tiny" in p and "needs 75px" in p for p in problems), problems


def test_a_primary_action_under_96_px_fails(bare: QWidget) -> None:
    widget = button("next", "primary", name="next")
    widget.setParent(bare)
    widget.setGeometry(10, 10, 400, 80)
    problems = show(bare)
    assert any("next" in p and "primary action 80px" in p for p in problems), problems


# a clipped error ---------------------------------------------------------------------------------


def test_a_clipped_error_fails(screen: QWidget) -> None:
    """The issue's 请先填写“人员类型” cut in half by 下一步: the message squeezed below its height."""
    error = label("请点一下您的人员类型。" * 6, "error")
    error.setObjectName("error")
    column = QVBoxLayout(screen)
    column.addWidget(error)
    error.setMaximumHeight(30)
    problems = show(screen)
    assert any(p.startswith("error") and "wrapped text needs" in p for p in problems), problems


def test_an_error_under_another_widget_fails(screen: QWidget) -> None:
    error = label("请点一下您的人员类型。", "error")
    error.setObjectName("error")
    error.setParent(screen)
    error.setGeometry(10, 10, 900, 80)
    cover = button("next", "primary", name="next")
    cover.setParent(screen)
    cover.setGeometry(10, 40, 900, 100)
    problems = show(screen)
    assert any("overlaps" in p for p in problems), problems


def test_text_outside_the_window_fails(screen: QWidget) -> None:
    text = QLabel("far away", screen)
    text.setGeometry(1000, 10, 300, 40)
    problems = show(screen)
    assert any("outside the window" in p for p in problems), problems
