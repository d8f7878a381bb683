"""Find what a person would see as broken on the page being shown: text cut off, widgets on top of
each other, a control or a choice out of sight with no 向下 / 更多选项 to reach it, targets too small
to touch, dead gaps between keys. Used by the self-test and tests.

The limits (kiosk/ui/theme.py): every tap target at least :data:`MIN_TARGET_PX` on both sides,
a primary action :data:`MIN_PRIMARY_PX` high, keypad and keyboard keys :data:`MIN_KEY_PX` on both
sides with no gap between neighbours, and no target smaller than 1.5 times its own text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QWidget,
)

from kiosk.ui.focus_search import rect_in, span
from kiosk.ui.theme import MAX_KEY_GAP_PX, MIN_KEY_PX, MIN_PRIMARY_PX, MIN_TARGET_PX
from kiosk.ui.widgets.kinetic import ScrollPager
from kiosk.ui.widgets.option_group import OptionGroup
from kiosk.ui.widgets.rich_button import RichButton

TOLERANCE_PX = 1
TEXT_TO_TARGET = 1.5  # a target is at least this many times its text's pixel size
KEY_ROLES = frozenset({"key", "kbkey", "step"})


@dataclass(frozen=True, slots=True)
class LayoutProblem:
    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.problem}"


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{name} {text[:24]!r}" if text else name


def _visible_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for child in root.findChildren(QWidget):
        if child.isVisibleTo(root) and child.width() > 0 and child.height() > 0:
            found.append(child)
    return found


def _scroll_area_of(viewport: QWidget) -> QAbstractScrollArea | None:
    area = viewport.parentWidget()
    if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport:
        return area
    return None


def _pager_reaches(area: QAbstractScrollArea, window: QWidget) -> bool:
    """The scroll area has a visible 向上 / 向下 row (a :class:`ScrollPager`'s)."""
    owner = area.parentWidget()
    return isinstance(owner, ScrollPager) and owner.pager.isVisibleTo(window)


def _hidden_part(widget: QWidget, window: QWidget) -> str | None:
    """Where ``widget`` is cut off by an ancestor (a scroll area's viewport with a pager to scroll
    with does not count), or None when all of it can be seen."""
    rect = rect_in(widget, window)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = _scroll_area_of(parent)
        bounds = rect_in(parent, window)
        if area is not None:
            if rect.left() < bounds.left() - TOLERANCE_PX or (
                rect.right() > bounds.right() + TOLERANCE_PX
            ):
                return "wider than its scroll area"
            if _pager_reaches(area, window):
                return None  # below the fold, with 向下 to get there
            if not bounds.adjusted(0, -TOLERANCE_PX, 0, TOLERANCE_PX).contains(rect):
                return "out of sight in a scroll area with no Down pager to reach it"
        elif not bounds.adjusted(-TOLERANCE_PX, -TOLERANCE_PX, TOLERANCE_PX, TOLERANCE_PX).contains(
            rect
        ):
            return f"cut off by {describe(parent)}"
        parent = parent.parentWidget()
    if not window.rect().contains(rect):
        return f"outside the window at {rect}"
    return None


def _inside_rich_button(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, RichButton):
            return True
        parent = parent.parentWidget()
    return False


def _text_clipped(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        room = widget.contentsRect()
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + TOLERANCE_PX:
                return f"wrapped text needs {needed}px height, has {widget.height()}px"
        else:
            needed = widget.fontMetrics().horizontalAdvance(widget.text())
            if needed > room.width() + TOLERANCE_PX:
                return f"text needs {needed}px width, has {room.width()}px"
            lines = widget.text().count("\n") + 1
            if widget.fontMetrics().height() * lines > room.height() + TOLERANCE_PX:
                return f"text needs {widget.fontMetrics().height() * lines}px height"
    if isinstance(widget, QAbstractButton) and not isinstance(widget, RichButton):
        text = widget.text()
        if text:
            needed = max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
            if needed > widget.width() - 8:
                return f"button text needs {needed}px, button is {widget.width()}px wide"
    return None


def _target_problem(widget: QAbstractButton) -> str | None:
    """A tap target under the floors, or smaller than its own text."""
    role = str(widget.property("role") or "")
    width, height = widget.width(), widget.height()
    text_px = widget.font().pixelSize()
    floor = MIN_TARGET_PX
    if text_px > 0:
        floor = max(floor, math.ceil(TEXT_TO_TARGET * text_px))
    if role in KEY_ROLES:
        floor = max(floor, MIN_KEY_PX)
    if min(width, height) < floor:
        return f"target {width}x{height}px, needs {floor}px"
    if role == "primary" and height < MIN_PRIMARY_PX:
        return f"primary action {height}px high, needs {MIN_PRIMARY_PX}px"
    return None


def _key_gaps(widgets: list[QWidget], window: QWidget) -> list[LayoutProblem]:
    """Neighbouring keys touch: a finger between two keys still presses one (their visible gap is
    their own margin)."""
    keys = [
        w
        for w in widgets
        if isinstance(w, QAbstractButton) and str(w.property("role") or "") in KEY_ROLES
    ]
    rects = {id(key): rect_in(key, window) for key in keys}
    problems = []
    for key in keys:
        neighbours = [rects[id(o)] for o in keys if o.parentWidget() is key.parentWidget()]
        for side, direction in (("right", "right"), ("below", "down")):
            here = span(rects[id(key)], direction)
            gaps = [
                there.start - here.end - 1
                for there in (span(other, direction) for other in neighbours)
                if there.middle > here.end
                and there.side_start < here.side_end
                and there.side_end > here.side_start
            ]
            # a gap as wide as a key is no gap between neighbours (a stepper's number display)
            if gaps and MAX_KEY_GAP_PX + TOLERANCE_PX < min(gaps) < MIN_KEY_PX:
                problems.append(
                    LayoutProblem(describe(key), f"{min(gaps)}px dead gap to the key {side}")
                )
    return problems


def _paging(widgets: list[QWidget], window: QWidget) -> list[LayoutProblem]:
    """A choice group showing some of its choices shows its 更多选项 row too."""
    problems = []
    for group in widgets:
        if not isinstance(group, OptionGroup):
            continue
        hidden = set(group.keys()) - set(group.shown())
        if hidden and not group.pager.isVisibleTo(window):
            problems.append(
                LayoutProblem(describe(group), f"{len(hidden)} choices hidden with no pager")
            )
    return problems


def check_layout(window: QWidget) -> list[LayoutProblem]:
    """Everything wrong with what ``window`` shows now (it must have been laid out and shown)."""
    problems: list[LayoutProblem] = []
    widgets = _visible_widgets(window)
    for widget in widgets:
        if not isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            continue
        hidden = _hidden_part(widget, window)
        if hidden:
            problems.append(LayoutProblem(describe(widget), hidden))
        clipped = _text_clipped(widget)
        if clipped:
            problems.append(LayoutProblem(describe(widget), clipped))
        if isinstance(widget, QAbstractButton):
            small = _target_problem(widget)
            if small:
                problems.append(LayoutProblem(describe(widget), small))
    problems += _overlaps(widgets)
    problems += _key_gaps(widgets, window)
    problems += _paging(widgets, window)
    return problems


def _overlaps(widgets: list[QWidget]) -> list[LayoutProblem]:
    problems: list[LayoutProblem] = []
    by_parent: dict[int, list[QWidget]] = {}
    for widget in widgets:
        if isinstance(widget, QLabel | QAbstractButton) and not _inside_rich_button(widget):
            parent = widget.parentWidget()
            by_parent.setdefault(id(parent), []).append(widget)
    for siblings in by_parent.values():
        for i, first in enumerate(siblings):
            for second in siblings[i + 1 :]:
                overlap = first.geometry().intersected(second.geometry())
                if overlap.width() > TOLERANCE_PX and overlap.height() > TOLERANCE_PX:
                    problems.append(LayoutProblem(describe(first), f"overlaps {describe(second)}"))
    return problems
