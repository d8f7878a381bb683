"""A scroll area that scrolls with a flick of the finger, or a drag of the mouse for the clerk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QWidget


class KineticScrollArea(QScrollArea):
    """Vertical-only, kinetic scrolling on touch and left-mouse drag."""

    def __init__(self, content: QWidget | None = None, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One grab: a second one would replace it (Qt ungrabs the first), and each grab registers
        # a new gesture type that PySide keeps a Python enum class of for good (about 3 KiB).
        # A finger drags it too, through the mouse events Qt makes from unhandled touches.
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        if content is not None:
            self.setWidget(content)
