"""A scroll area that scrolls with a flick of the finger, or a drag of the mouse for the clerk;
and :class:`ScrollPager`, the same with a large 向上 / 向下 row under it whenever its content is
taller than the screen (a thin scroll bar is not a cue an older citizen notices)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.content.texts import CommonTexts
from kiosk.ui.widgets.pager import Pager

PAGE_OVERLAP = 0.15  # of the visible height, kept in view when 向下 turns the page


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


BESIDE_RATIO = 1.6  # a pager this much wider than tall puts 向上 / 向下 in a column beside


class ScrollPager(QWidget):
    """A :class:`KineticScrollArea` (:attr:`area`) and, while its content does not fit, a pager
    under it: 向上 · 第N页，共M页 · 向下, each turning one screenful (with a little overlap).
    With ``beside`` the pager stands in a column at the right when the area is much wider than
    tall (a landscape screen has width to spare and little height)."""

    def __init__(
        self,
        content: QWidget | None = None,
        *,
        texts: CommonTexts,
        name: str = "scroll_pager",
        inset: int = 40,
        beside: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.area = KineticScrollArea(content)
        self.pager = Pager(
            texts=texts, previous=texts.scroll_up, next_caption=texts.scroll_down, name=name
        )
        self.pager.hide()
        self._inset = inset
        self._beside = beside
        self._column = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(8)
        self._column.addWidget(self.area, 1)
        self._pager_row = QVBoxLayout()
        self._pager_row.setContentsMargins(inset, 0, inset, 12)
        self._pager_row.addWidget(self.pager)
        self._column.addLayout(self._pager_row)
        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._refresh())
        bar.valueChanged.connect(lambda _value: self._refresh())
        self.pager.next_requested.connect(lambda: self.turn(1))
        self.pager.previous_requested.connect(lambda: self.turn(-1))
        self.area.viewport().installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        """Room for the pager and two lines of what scrolls, at the least."""
        if self._column.direction() == QBoxLayout.Direction.LeftToRight:
            return QSize(0, self.pager.minimumSizeHint().height())
        lines = self.fontMetrics().height()
        if self.pager.isHidden():  # all of it fits: it may shrink until the pager is needed
            return QSize(0, min(lines, self.area.sizeHint().height()))
        return QSize(0, self.pager.sizeHint().height() + 8 + lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        beside = self._beside and size.width() >= BESIDE_RATIO * size.height()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._column.direction() != direction:
            self._column.setDirection(direction)
            self.pager.set_vertical(beside)
            inset = self._inset
            self._pager_row.setContentsMargins(
                *((0, 24, inset, 24) if beside else (inset, 0, inset, 12))
            )
        super().resizeEvent(event)

    def set_texts(self, texts: CommonTexts) -> None:
        self.pager.set_texts(texts, previous=texts.scroll_up, next_caption=texts.scroll_down)
        self._refresh()

    def setWidget(self, widget: QWidget) -> None:
        self.area.setWidget(widget)

    def takeWidget(self) -> QWidget | None:
        return self.area.takeWidget()

    def scroll_to_top(self) -> None:
        self.area.verticalScrollBar().setValue(0)

    def turn(self, pages: int) -> None:
        """Scroll ``pages`` screenfuls down (negative: up)."""
        bar = self.area.verticalScrollBar()
        step = max(1, round(self.area.viewport().height() * (1 - PAGE_OVERLAP)))
        target = min(max(bar.value() + pages * step, bar.minimum()), bar.maximum())
        scroller = QScroller.scroller(self.area.viewport())
        scroller.stop()
        bar.setValue(target)

    def _refresh(self) -> None:
        bar = self.area.verticalScrollBar()
        overflowing = bar.maximum() > 0
        if self.pager.isHidden() == overflowing:
            self.pager.setVisible(overflowing)
            self.updateGeometry()  # its minimum grows by the pager's row
        if not overflowing:
            return
        view = max(1, self.area.viewport().height())
        step = max(1, round(view * (1 - PAGE_OVERLAP)))
        pages = 1 + -(-bar.maximum() // step)
        page = pages - 1 if bar.value() >= bar.maximum() else min(pages - 1, bar.value() // step)
        self.pager.show_page(page, pages)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize:
            self._refresh()
        return False
