"""Where the keys go (:mod:`kiosk.ui.keys`): the reading order of the controls for Tab, and the
control an arrow moves to, one straight ahead before one off to the side (Android's focus
search, simplified). Geometry only, in the window's coordinates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

BEAM_WEIGHT = 13  # how much a control straight ahead beats one off to the side (Android's figure)


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    """``widget``'s rectangle in ``window``'s coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


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
        rect = rect_in(widget, window)
        if not _ahead(current, rect, direction):
            continue
        if direction in ("up", "down"):
            beam = rect.right() >= current.left() and rect.left() <= current.right()
            minor = abs(rect.center().x() - current.center().x())
            major = (
                rect.top() - current.bottom()
                if direction == "down"
                else current.top() - rect.bottom()
            )
        else:
            beam = rect.bottom() >= current.top() and rect.top() <= current.bottom()
            minor = abs(rect.center().y() - current.center().y())
            major = (
                rect.left() - current.right()
                if direction == "right"
                else current.left() - rect.right()
            )
        score = (0 if beam else 1, BEAM_WEIGHT * max(0, major) ** 2 + minor**2)
        if best is None or score < best[0]:
            best = (score, widget)
    return best[1] if best is not None else None


def _ahead(current: QRect, rect: QRect, direction: str) -> bool:
    if direction == "down":
        return (current.top() < rect.top() or current.bottom() <= rect.top()) and (
            current.bottom() < rect.bottom()
        )
    if direction == "up":
        return (current.bottom() > rect.bottom() or current.top() >= rect.bottom()) and (
            current.top() > rect.top()
        )
    if direction == "right":
        return (current.left() < rect.left() or current.right() <= rect.left()) and (
            current.right() < rect.right()
        )
    return (current.right() > rect.right() or current.left() >= rect.right()) and (
        current.left() > rect.left()
    )


__all__ = ["nearest", "reading_order", "rect_in"]
