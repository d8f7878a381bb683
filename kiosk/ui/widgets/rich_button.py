"""A big button with a title and a wrapped line of explanation (tiles, option choices)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets.style import label, set_property


class RichButton(QPushButton):
    """A checkable-or-not push button whose face is an optional icon, a title and a detail line.

    The labels ignore the mouse, so a touch anywhere on the face presses the button.
    """

    def __init__(
        self,
        title: str,
        detail: str = "",
        *,
        role: str = "option",
        icon: QIcon | None = None,
        icon_size: int = 72,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Not QPushButton's (Minimum, Fixed): never narrower than the one-line text and never
        # taller than that, which pushed the third home tile off a 1366 px window. Now the text
        # wraps and the button grows to the height the wrapped text needs.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.title_label = label(title, "subheading")
        self.detail_label = label(detail)
        self.icon_label = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(20)
        if icon is not None:
            self.icon_label.setPixmap(icon.pixmap(QSize(icon_size, icon_size)))
            self.icon_label.setFixedSize(icon_size, icon_size)
            row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title_label)
        if detail:
            text.addWidget(self.detail_label)
        row.addLayout(text, 1)
        for unused in (self.detail_label, self.icon_label):
            if unused.parent() is None:  # not laid out: owned and hidden, not a stray window
                unused.setParent(self)
                unused.hide()
        for child in (self.title_label, self.detail_label, self.icon_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.toggled.connect(self._on_toggled)

    def natural_width(self) -> int:
        """The width at which the title fits on one line (layouts use it to choose columns)."""
        layout = self.layout()
        margins = (
            layout.contentsMargins().left() + layout.contentsMargins().right() if layout else 0
        )
        icon = 0 if self.icon_label.pixmap().isNull() else self.icon_label.width() + 20
        title = self.title_label.fontMetrics().horizontalAdvance(self.title_label.text())
        return title + icon + margins + 8

    def _on_toggled(self, checked: bool) -> None:
        """Checked options are filled with the primary colour: their text turns light too."""
        for child in (self.title_label, self.detail_label):
            set_property(child, "selected", checked)

    def text(self) -> str:
        return self.title_label.text()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return (
            layout.totalHeightForWidth(width)
            if layout is not None
            else super().heightForWidth(width)
        )
