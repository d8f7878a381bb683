"""The in-app letter keyboard for searching: digits, a-z, 空格, 删除 and 清空.

No system keyboard is needed (it hides behind a fullscreen window on most platforms). The keyboard
never takes the focus, so a clerk's hardware keyboard keeps typing into the search field. Its keys
say what they type (lower case, as the field shows it), touch each other (their margins are the
visible gap, so a finger between two keys still presses one) and are as tall as the theme's keys,
or less where the screen is short, never under the kiosk's 80 px.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets.style import button

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


class TouchKeyboard(QWidget):
    """Emits ``pressed(key)``: a letter or digit, ``"space"``, ``"delete"`` or ``"clear"``."""

    pressed = Signal(str)

    def __init__(
        self,
        *,
        delete_caption: str,
        clear_caption: str,
        space_caption: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.keys: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for index, letters in enumerate(ROWS):
            row = self._row(column)
            for char in letters:
                self._add(row, char, char)
            if index == len(ROWS) - 1:
                self._add(row, "delete", delete_caption, stretch=3)
        row = self._row(column)
        self._add(row, "space", space_caption, stretch=6)
        self._add(row, "clear", clear_caption, stretch=4)

    @staticmethod
    def _row(column: QVBoxLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(0)
        column.addLayout(row)
        return row

    def _add(self, row: QHBoxLayout, key: str, caption: str, *, stretch: int = 1) -> None:
        widget = button(caption, "kbkey", name=f"kb_{key}")
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        widget.setAutoRepeat(key == "delete")
        if len(caption) > 1:
            widget.setProperty("wide", True)
        widget.clicked.connect(lambda _=False, k=key: self.pressed.emit(k))
        row.addWidget(widget, stretch)
        self.keys[key] = widget

    def sizeHint(self) -> QSize:
        """Keys as tall as the theme's key size; they give way down to the kiosk's floor
        (:meth:`minimumSizeHint`) on a short screen."""
        hint = super().sizeHint()
        key = self.keys["q"]
        rows = len(ROWS) + 1
        return QSize(
            hint.width(), hint.height() + rows * (key.maximumHeight() - key.minimumHeight())
        )

    def press(self, key: str) -> None:
        """Press a key by its name, as a finger would (tests, the self-test)."""
        self.keys[key].click()
