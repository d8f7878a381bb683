"""The focus frame: a thick ring around the control the keys are on, drawn over everything and
shown only while the keys are in use (a touch hides it; touch use looks as it always did).

Black, yellow, black: whatever the control and the background (a white option, a blue or yellow
primary button, the high-contrast theme's black), one ring of it stands out. As thick as 0.4 of
the body text (10 / 14 / 17 px at 标准 / 大 / 特大), drawn outside the control so its words stay
clear, and clipped to the scroll area the control is in.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

EDGE = QColor("#000000")
BAND = QColor("#FFD400")
THICKNESS_OF_BODY = 0.4


class FocusFrame(QWidget):
    """A transparent child of the window: :meth:`follow` a control, or :meth:`hide`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus_frame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.thickness = 10
        self._ring = QRect()
        self.hide()

    def set_body_px(self, body_px: int) -> None:
        """The text size in use (the frame grows with it)."""
        self.thickness = max(6, round(body_px * THICKNESS_OF_BODY))

    def follow(self, target: QWidget | None) -> None:
        """Frame ``target`` where it is now (None, or a target not shown: no frame)."""
        self.target = target
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        t = self.thickness
        ring = QRect(target.mapTo(window, QPoint(0, 0)), target.size()).adjusted(-t, -t, t, t)
        bounds = _visible_bounds(target, window).adjusted(-t, -t, t, t)
        shown = ring.intersected(bounds).intersected(window.rect())
        if shown.isEmpty():
            self.hide()
            return
        self._ring = ring.translated(-shown.topLeft())  # in this widget's coordinates
        self.setGeometry(shown)
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        t = self.thickness
        edge = max(2, t // 4)
        rect = self._ring
        _fill_ring(painter, rect, t, EDGE)  # black, with a yellow band inside it
        _fill_ring(painter, rect.adjusted(edge, edge, -edge, -edge), t - 2 * edge, BAND)
        painter.end()


def _fill_ring(painter: QPainter, outer: QRect, width: int, colour: QColor) -> None:
    """A ``width`` wide ring just inside ``outer``."""
    if width <= 0:
        return
    w = width
    painter.fillRect(QRect(outer.left(), outer.top(), outer.width(), w), colour)
    painter.fillRect(QRect(outer.left(), outer.bottom() - w + 1, outer.width(), w), colour)
    painter.fillRect(QRect(outer.left(), outer.top(), w, outer.height()), colour)
    painter.fillRect(QRect(outer.right() - w + 1, outer.top(), w, outer.height()), colour)


def _visible_bounds(target: QWidget, window: QWidget) -> QRect:
    """The part of the window ``target`` can be seen in: the viewport of each scroll area it is
    in, else the whole window."""
    bounds = window.rect()
    parent = target.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            bounds = bounds.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return bounds


__all__ = ["FocusFrame"]
