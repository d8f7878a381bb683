"""Find what a person would see as broken on the page being shown: text cut off, widgets on top of
each other, controls outside the window or too small to touch. Used by the self-test and tests."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from kiosk.ui.widgets.rich_button import RichButton

MIN_TARGET_PX = 44
TOLERANCE_PX = 1


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


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _scroll_viewport(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return parent
        parent = grand
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
    if isinstance(widget, QAbstractButton) and not isinstance(widget, RichButton):
        text = widget.text()
        if text:
            needed = max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
            if needed > widget.width() - 8:
                return f"button text needs {needed}px, button is {widget.width()}px wide"
    return None


def check_layout(window: QWidget) -> list[LayoutProblem]:
    """Everything wrong with what ``window`` shows now (it must have been laid out and shown)."""
    problems: list[LayoutProblem] = []
    bounds = window.rect()
    widgets = _visible_widgets(window)
    for widget in widgets:
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        rect = _rect_in(widget, window)
        viewport = _scroll_viewport(widget)
        if viewport is None:
            if not bounds.contains(rect):
                problems.append(LayoutProblem(describe(widget), f"outside the window at {rect}"))
        else:
            view = _rect_in(viewport, window)
            if (
                rect.left() < view.left() - TOLERANCE_PX
                or rect.right() > view.right() + TOLERANCE_PX
            ):
                problems.append(LayoutProblem(describe(widget), "wider than its scroll area"))
        clipped = _text_clipped(widget)
        if clipped:
            problems.append(LayoutProblem(describe(widget), clipped))
        if (
            isinstance(widget, QAbstractButton)
            and min(widget.width(), widget.height()) < MIN_TARGET_PX
        ):
            problems.append(
                LayoutProblem(describe(widget), f"target {widget.width()}x{widget.height()}px")
            )
    problems += _overlaps(widgets)
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
