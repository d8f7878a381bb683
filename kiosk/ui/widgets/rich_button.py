"""A big button with a title and a wrapped line of explanation (tiles, option choices)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets.icons import themed_icon
from kiosk.ui.widgets.style import label, set_property


class RichButton(QPushButton):
    """A checkable-or-not push button whose face is an optional icon, a title and a detail line.

    The labels ignore the mouse, so a touch anywhere on the face presses the button. The icon is
    left of the text, both centred in the height (:meth:`set_vertical`: the icon above the text,
    both at the top-left, for a narrow tile whose title must not wrap).
    """

    def __init__(
        self,
        title: str,
        detail: str = "",
        *,
        role: str = "option",
        icon: QIcon | None = None,
        icon_file: Path | None = None,
        icon_size: int = 72,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # by the keys only, as style.button
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
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(24, 16, 24, 16)
        self._row.setSpacing(20)
        self._icon_file = icon_file
        if icon_file is not None:
            self.icon_label.setPixmap(QPixmap(icon_size, icon_size))  # drawn when styled
        elif icon is not None:
            self.icon_label.setPixmap(icon.pixmap(QSize(icon_size, icon_size)))
        if icon_file is not None or icon is not None:
            self.icon_label.setFixedSize(icon_size, icon_size)
            self._row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self._text = QVBoxLayout()
        self._text.setSpacing(6)
        self._text.addStretch(1)
        self._text.addWidget(self.title_label)
        if detail:
            self._text.addWidget(self.detail_label)
        self._text.addStretch(1)
        self._row.addLayout(self._text, 1)
        # around icon and text: what a tall tile has to spare when the icon is above the text
        self._row.insertStretch(0, 0)
        self._row.addStretch(0)
        for unused in (self.detail_label, self.icon_label):
            if unused.parent() is None:  # not laid out: owned and hidden, not a stray window
                unused.setParent(self)
                unused.hide()
        for child in (self.title_label, self.detail_label, self.icon_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.toggled.connect(self._on_toggled)

    def set_vertical(self, vertical: bool) -> None:
        """The icon above the text (a narrow tile) or left of it."""
        direction = (
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        if self._row.direction() == direction:
            return
        self._row.setDirection(direction)
        align = Qt.AlignmentFlag.AlignLeft if vertical else Qt.AlignmentFlag.AlignVCenter
        self._row.setAlignment(self.icon_label, align)
        self._row.setSpacing(8 if vertical else 20)
        self._row.setContentsMargins(*((20, 12, 20, 12) if vertical else (24, 16, 24, 16)))
        self._row.setStretchFactor(self._text, 0 if vertical else 1)
        self._row.setStretch(0, 1 if vertical else 0)
        self._row.setStretch(self._row.count() - 1, 1 if vertical else 0)

    def natural_width(self) -> int:
        """The width at which the title fits on one line (layouts use it to choose columns)."""
        margins = self._row.contentsMargins().left() + self._row.contentsMargins().right()
        icon = 0 if self.icon_label.pixmap().isNull() else self.icon_label.width() + 20
        if self._row.direction() == QBoxLayout.Direction.TopToBottom:
            icon = 0
        title = self.title_label.fontMetrics().horizontalAdvance(self.title_label.text())
        return title + icon + margins + 8

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._icon_file is not None and event.type() in (
            QEvent.Type.StyleChange,
            QEvent.Type.PaletteChange,
        ):
            side = self.icon_label.width()
            self.icon_label.setPixmap(themed_icon(self._icon_file, self, side))

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
