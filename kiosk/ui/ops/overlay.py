"""A full-window layer over the main window's pages (a child of the window, raised on top)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

CARD_MAX_WIDTH = 960


class Overlay(QWidget):
    """Covers the whole of ``host`` while open and follows its size (rotation, new screen).

    Subclasses fill :attr:`card` (a centred panel, at most ``CARD_MAX_WIDTH`` wide) or lay out the
    overlay themselves. Styled by the theme through ``objectName``.
    """

    def __init__(
        self, host: QWidget, *, name: str, card: bool = True, card_width: int = CARD_MAX_WIDTH
    ) -> None:
        super().__init__(host)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.hide()
        self._host = host
        host.installEventFilter(self)
        self.card = QFrame(self)  # a child even when unused: deleted with the overlay
        self.card.setObjectName("OverlayCard")
        self.card.setMaximumWidth(card_width)
        self.card_column = QVBoxLayout(self.card)
        self.card_column.setContentsMargins(48, 40, 48, 40)
        self.card_column.setSpacing(28)
        if card:
            row = QHBoxLayout()
            row.setContentsMargins(32, 32, 32, 32)
            row.addStretch(1)
            row.addWidget(self.card, 100)
            row.addStretch(1)
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addStretch(1)
            outer.addLayout(row)
            outer.addStretch(1)
        else:  # the subclass lays itself out
            self.card.hide()

    def open(self) -> None:
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()

    def close_overlay(self) -> None:
        self.hide()

    def is_open(self) -> bool:
        return self.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False
