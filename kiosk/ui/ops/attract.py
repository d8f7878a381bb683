"""The attract screen: a large pictogram and 请触摸屏幕开始, what can be done here (one tip at a time,
slowly), the hall's service hours and where the service desk is (from the settings); a tap
anywhere starts. Portrait stacks it all; landscape puts the pictogram beside the tips."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.widgets.style import label

PICTOGRAM_SHARE = 0.3  # of the screen's shorter side (portrait)
LANDSCAPE_PICTOGRAM_SHARE = 0.22
TIP_MAX_WIDTH = 1300
MARGIN = 48


@dataclass(frozen=True, slots=True)
class HallInfo:
    """The hall's own facts from the settings (``service_hours``, ``service_desk``); either may be
    unset, and then it is not shown."""

    hours: str | None = None
    desk: str | None = None


class AttractScreen(Overlay):
    """Loops through ``texts.ops.cards`` every ``card_ms``; copes with no cards at all (then the
    pictogram, 请触摸屏幕开始 and the hall's facts show). :attr:`dismissed` when touched."""

    dismissed = Signal()

    def __init__(
        self,
        host: QWidget,
        *,
        texts: Texts,
        hall: HallInfo | None = None,
        icons: Path | None = None,
        card_ms: int = 6000,
    ) -> None:
        super().__init__(host, name="AttractScreen", card=False)
        ops = texts.ops
        hall = hall or HallInfo()
        self.cards = ops.cards
        self.index = 0
        self._icon = QIcon(str(icons / "touch.svg")) if icons is not None else QIcon()
        self.centre = label(texts.common.centre_name, "attract-centre")
        self.pictogram = QLabel()
        self.pictogram.setObjectName("attract_pictogram")
        self.prompt = label(ops.attract_prompt, "attract-prompt")
        self.heading = label(ops.attract_heading, "attract-small")
        self.card_title = label("", "attract-title")
        self.card_line = label("", "attract-line")
        self.dots = label("", "attract-line", wrap=False)
        self.hours = label(ops.attract_hours.format(hours=hall.hours or ""), "attract-small")
        self.hours.setObjectName("attract_hours")
        self.desk = label(ops.attract_desk.format(desk=hall.desk or ""), "attract-small")
        self.desk.setObjectName("attract_desk")
        self.privacy = label(ops.attract_privacy, "attract-small")
        self._setup_ui()
        self.hours.setVisible(bool(hall.hours))
        self.desk.setVisible(bool(hall.desk))

        for widget in (self.heading, self.card_title, self.card_line, self.dots):
            widget.setVisible(bool(self.cards))
        self._timer = QTimer(self)
        self._timer.setInterval(card_ms)
        self._timer.timeout.connect(self.next_card)

    def _setup_ui(self) -> None:
        labels = (
            self.centre,
            self.pictogram,
            self.prompt,
            self.heading,
            self.card_title,
            self.card_line,
            self.dots,
            self.hours,
            self.desk,
            self.privacy,
        )
        for widget in labels:
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        start = QVBoxLayout()
        start.setSpacing(24)
        start.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignHCenter)
        start.addWidget(self.prompt, 0, Qt.AlignmentFlag.AlignHCenter)
        self.tip = QFrame()
        self.tip.setObjectName("AttractTip")
        self.tip.setMaximumWidth(TIP_MAX_WIDTH)
        self.tip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        tip = QVBoxLayout(self.tip)
        tip.setContentsMargins(32, 20, 32, 24)
        tip.setSpacing(8)
        top = QHBoxLayout()  # 您可以在这里, and which of the tips shows
        top.addWidget(self.heading, 1)
        top.addWidget(self.dots)
        tip.addLayout(top)
        for widget in (self.card_title, self.card_line):
            tip.addWidget(widget)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tip.setVisible(bool(self.cards))
        self.hall = QFrame()
        self.hall.setObjectName("AttractHall")
        self.hall.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        hall = QVBoxLayout(self.hall)
        hall.setContentsMargins(0, 12, 0, 0)
        hall.setSpacing(4)
        for widget in (self.hours, self.desk, self.privacy):
            hall.addWidget(widget)
        self._middle = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._middle.setSpacing(48)
        self._middle.addLayout(start, 1)
        self._middle.addWidget(self.tip, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, 24, MARGIN, 16)
        column.setSpacing(16)
        column.addWidget(self.centre)
        column.addStretch(1)
        column.addLayout(self._middle)
        column.addStretch(1)
        column.addWidget(self.hall)

    def open(self) -> None:
        self.index = 0
        self._show_card()
        super().open()
        if len(self.cards) > 1:
            self._timer.start()

    def close_overlay(self) -> None:
        self._timer.stop()
        super().close_overlay()

    def next_card(self) -> None:
        if self.cards:
            self.index = (self.index + 1) % len(self.cards)
            self._show_card()

    def _show_card(self) -> None:
        if self.cards:
            card = self.cards[self.index]
            self.card_title.setText(card.title)
            self.card_line.setText(card.line)
            self.dots.setText(
                " ".join("\u25cf" if i == self.index else "\u25cb" for i in range(len(self.cards)))
            )

    def _dismiss(self) -> None:
        if self.isVisible():
            self.close_overlay()
            self.dismissed.emit()

    # Qt overrides ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        landscape = size.width() > size.height()
        self._middle.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        share = PICTOGRAM_SHARE if not landscape else LANDSCAPE_PICTOGRAM_SHARE
        side = round(min(size.width(), size.height()) * share)
        if not self._icon.isNull() and self.pictogram.width() != side:
            self.pictogram.setPixmap(self._icon.pixmap(QSize(side, side)))
            self.pictogram.setFixedSize(side, side)
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._dismiss()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        self._dismiss()
