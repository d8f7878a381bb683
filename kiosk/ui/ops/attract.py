"""The attract screen: what can be done here, one card at a time, slowly; a tap anywhere starts."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.texts import Texts
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.widgets.style import label

ATTRACT_CARD_WIDTH = 1400


class AttractScreen(Overlay):
    """Loops through ``texts.ops.cards`` every ``card_ms``; copes with no cards at all (then only
    the heading and 轻触屏幕开始 show). :attr:`dismissed` when touched."""

    dismissed = Signal()

    def __init__(self, host: QWidget, *, texts: Texts, card_ms: int = 6000) -> None:
        super().__init__(host, name="AttractScreen", card_width=ATTRACT_CARD_WIDTH)
        self.card_column.setSpacing(20)
        self.card_column.setContentsMargins(24, 8, 24, 8)
        ops = texts.ops
        self.cards = ops.cards
        self.index = 0
        self.centre = label(texts.common.centre_name, "attract-centre")
        self.heading = label(ops.attract_heading, "attract-heading")
        self.card_title = label("", "attract-title")
        self.card_line = label("", "attract-line")
        self.prompt = label(ops.attract_prompt, "attract-prompt")
        self.privacy = label(ops.attract_privacy, "attract-small")
        for widget in (
            self.centre,
            self.heading,
            self.card_title,
            self.card_line,
            self.prompt,
            self.privacy,
        ):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.card_column.addWidget(widget)
        self.card.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.card_title.setVisible(bool(self.cards))
        self.card_line.setVisible(bool(self.cards))
        self._timer = QTimer(self)
        self._timer.setInterval(card_ms)
        self._timer.timeout.connect(self.next_card)

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

    def _dismiss(self) -> None:
        if self.isVisible():
            self.close_overlay()
            self.dismissed.emit()

    # Qt overrides ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._dismiss()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        self._dismiss()
