"""Where the keys go (:mod:`kiosk.ui.keys`): the reading order of the controls for Tab, and the
control an arrow moves to, one straight ahead before one off to the side (Android's focus
search, simplified). Geometry only, in the window's coordinates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

BEAM_WEIGHT = 13  # how much a control straight ahead beats one off to the side (Android's figure)


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    """``widget``'s rectangle in ``window``'s coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


class Span(NamedTuple):
    """A rectangle seen going one way: where it starts, ends and has its middle along that way
    (negated going up or left, so that further ahead is always more), and the same across it."""

    start: int
    end: int
    middle: int
    side_start: int
    side_end: int
    side_middle: int


def span(rect: QRect, direction: str) -> Span:
    """``rect`` going ``direction``: ``"up"``, ``"down"``, ``"left"`` or ``"right"``."""
    centre = rect.center()
    if direction in ("up", "down"):
        along = (rect.top(), rect.bottom(), centre.y())
        side = (rect.left(), rect.right(), centre.x())
    else:
        along = (rect.left(), rect.right(), centre.x())
        side = (rect.top(), rect.bottom(), centre.y())
    start, end, middle = along
    if direction in ("up", "left"):
        start, end, middle = -end, -start, -middle
    return Span(start, end, middle, *side)


def reading_order(widgets: Sequence[QWidget], window: QWidget) -> list[QWidget]:
    """Top to bottom in rows, each row left to right (a control whose middle is level with a
    row's first control is in that row)."""
    placed = sorted(
        ((rect_in(w, window), w) for w in widgets), key=lambda p: (p[0].top(), p[0].left())
    )
    rows: list[list[tuple[QRect, QWidget]]] = []
    for rect, widget in placed:
        if rows and rows[-1][0][0].top() <= rect.center().y() <= rows[-1][0][0].bottom():
            rows[-1].append((rect, widget))
        else:
            rows.append([(rect, widget)])
    return [w for row in rows for _, w in sorted(row, key=lambda p: p[0].left())]


def nearest(
    current: QRect,
    candidates: Sequence[QWidget],
    focus: QWidget,
    direction: str,
    window: QWidget,
) -> QWidget | None:
    """The control to move to from ``current`` in ``direction``: one straight ahead before one
    off to the side, then the nearest (Android's focus search, simplified)."""
    best: tuple[tuple[int, int], QWidget] | None = None
    for widget in candidates:
        if widget is focus:
            continue
        here, there = span(current, direction), span(rect_in(widget, window), direction)
        if not _ahead(here, there):
            continue
        beam = there.side_end >= here.side_start and there.side_start <= here.side_end
        minor = abs(there.side_middle - here.side_middle)
        major = there.start - here.end
        score = (0 if beam else 1, BEAM_WEIGHT * max(0, major) ** 2 + minor**2)
        if best is None or score < best[0]:
            best = (score, widget)
    return best[1] if best is not None else None


def _ahead(here: Span, there: Span) -> bool:
    return (here.start < there.start or here.end <= there.start) and here.end < there.end


__all__ = ["Span", "nearest", "reading_order", "rect_in", "span"]
