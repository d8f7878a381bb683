"""The frame a journey's result is shown in: the result scrolling above, the take-away actions and
the way on (修改回答 / 重新开始 / 首页) under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.pages.question_screen import MARGIN
from kiosk.ui.widgets.kinetic import ScrollPager
from kiosk.ui.widgets.style import button

ACTION_SPACING = 12


class ResultFrame(QWidget):
    """A result's frame, made once and refilled: the result scrolls, with 向上 / 向下 under it
    when it is longer than the screen; the take-away actions (打印 / 保存PDF / 扫码带走) and
    修改回答 / 重新开始 / 首页 share one row under it, or two when one row would not hold them."""

    def __init__(self, *, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        common = texts.common
        self.setObjectName("result")
        self.scroller = ScrollPager(texts=common, name="result_pager", beside=True)
        self.change_button = button(common.change_answer, name="change_answer")
        self.again_button = button(common.start_over, name="start_over")
        self.home_button = button(common.home, "primary", name="result_home")
        self.take_away: QWidget | None = None
        self._actions = QVBoxLayout()
        self._actions.setContentsMargins(MARGIN, 8, MARGIN, 16)
        self._actions.setSpacing(ACTION_SPACING)
        self._first_row = QHBoxLayout()
        self._second_row = QHBoxLayout()
        for row in (self._first_row, self._second_row):
            row.setSpacing(ACTION_SPACING)
            self._actions.addLayout(row)
        self._rows = 0
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.scroller, 1)
        column.addLayout(self._actions)
        self._arrange(1)
        self.setMinimumSize(1, 1)

    def set_take_away(self, actions: QWidget | None) -> None:
        """The result's take-away row (its parent is this frame: its QR view covers the frame)."""
        self.take_away = actions
        self._rows = 0
        self._arrange(self._rows_needed(self.width()))

    def nav_buttons(self) -> list[QPushButton]:
        return [self.change_button, self.again_button, self.home_button]

    def _rows_needed(self, width: int) -> int:
        if self.take_away is None:
            return 1
        margins = self._actions.contentsMargins()
        widgets: list[QWidget] = [self.take_away, *self.nav_buttons()]
        for widget in widgets:
            widget.ensurePolished()  # measured in the theme's fonts, not the default ones
            for child in widget.findChildren(QWidget):
                child.ensurePolished()
        # the take-away row shares its width out evenly: each of its buttons as wide as the widest
        shown = [b for b in self.take_away.findChildren(QPushButton) if not b.isHidden()]
        widest = max((b.sizeHint().width() for b in shown), default=0)
        take_away = len(shown) * (widest + ACTION_SPACING)
        needed = take_away + sum(w.sizeHint().width() + ACTION_SPACING for w in self.nav_buttons())
        return 1 if needed <= width - margins.left() - margins.right() else 2

    def _arrange(self, rows: int) -> None:
        if rows == self._rows:
            return
        self._rows = rows
        widgets: list[QWidget] = [*self.nav_buttons()]
        if self.take_away is not None:
            widgets.insert(0, self.take_away)
        for row in (self._first_row, self._second_row):
            for widget in widgets:
                row.removeWidget(widget)
        nav_row = self._first_row
        if self.take_away is not None:
            self._first_row.addWidget(self.take_away, 1)
            if rows == 2:
                nav_row = self._second_row
        for widget in self.nav_buttons():
            # each as wide as its words (a stretch would share the row out regardless of them)
            nav_row.addWidget(widget, 0 if rows == 1 and self.take_away is not None else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._rows_needed(event.size().width()))
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:  # a new text size
            self._arrange(self._rows_needed(self.width()))
        return super().event(event)
