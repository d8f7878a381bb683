"""暂停服务: the whole screen of a hall terminal whose bundle or settings are broken.

In the citizen's words only: the terminal cannot be used now, where to go instead (the hall's
service window when the settings say which), and that it comes back by itself. The technical
detail is in the log and on the admin panel, which the admin corner still opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.texts.ops import OutOfServiceTexts
from kiosk.ui.widgets.style import label

CARD_MAX_WIDTH = 1200


class OutOfServicePage(QWidget):
    """A top-level window: title, why not, where to go, it comes back by itself."""

    def __init__(
        self,
        *,
        texts: OutOfServiceTexts,
        centre: str,
        service_window: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OutOfService")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(f"{centre} · {texts.title}")
        self.centre = label(centre, "attract-centre")
        self.title = label(texts.title, "out-of-service-title")
        self.title.setObjectName("out_of_service_title")
        self.body = label(texts.body)
        where = texts.window.format(window=service_window) if service_window else texts.desk
        self.where = label(where, "strong")
        self.where.setObjectName("out_of_service_where")
        self.back = label(texts.back, "muted")
        self._setup_ui()

    def _setup_ui(self) -> None:
        card = QFrame()
        card.setObjectName("OverlayCard")
        card.setMaximumWidth(CARD_MAX_WIDTH)
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(28)
        for widget in (self.title, self.body, self.where, self.back):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        self.centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addWidget(self.centre)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
