"""The in-app numeric keypad: big keys, 删除 and 清空, with length and decimal limits.

No system keyboard is needed on a touch terminal; a clerk's hardware keyboard types into it too.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.texts import CommonTexts
from kiosk.ui.widgets.style import button, label

KEYPAD_MAX_WIDTH = 640
ROWS = 4
DIGITS = tuple("0123456789")  # not str.isdigit(): that accepts "²", "٣", "５" too


class NumericKeypad(QWidget):
    """Digits (and optionally one decimal point) into a read-only display.

    ``max_digits`` limits the digits before the point and ``decimals`` those after it (0 means
    whole numbers only, and the point key is not shown). ``code=True`` takes a code such as a
    PIN, not a number: every digit stays as typed, a leading 0 too.
    """

    textChanged = Signal(str)

    def __init__(
        self,
        *,
        texts: CommonTexts,
        max_digits: int = 7,
        decimals: int = 2,
        unit: str = "",
        code: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._max_digits = max_digits
        self._decimals = decimals
        self._code = code
        self._text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.display = label("", "display", wrap=False)
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.display.setMinimumWidth(320)
        self.setMaximumWidth(KEYPAD_MAX_WIDTH)
        self.unit = label(unit, "subheading", wrap=False)
        self.keys: dict[str, QPushButton] = {}
        self._setup_ui(texts)

    def _setup_ui(self, texts: CommonTexts) -> None:
        top = QHBoxLayout()
        top.addWidget(self.display, 1)
        top.addWidget(self.unit)
        # a telephone's digits, 删除 and 清空 down the right: four rows, and no gap between keys
        # (their margins are the visible gap, so a finger between two keys still presses one)
        grid = QGridLayout()
        grid.setSpacing(0)
        layout = ["7", "8", "9", "4", "5", "6", "1", "2", "3"]
        for i, key in enumerate(layout):
            self._add_key(grid, key, key, i // 3, i % 3)
        if self._decimals:
            self._add_key(grid, ".", ".", 3, 0)
            self._add_key(grid, "0", "0", 3, 1, span=2)
        else:
            self._add_key(grid, "0", "0", 3, 0, span=3)
        self._add_key(grid, "delete", texts.keypad_delete, 0, 3, rows=2)
        self._add_key(grid, "clear", texts.keypad_clear, 2, 3, rows=2)
        for key in ("delete", "clear"):
            self.keys[key].setProperty("wide", True)
            self.keys[key].setProperty("tall", True)  # two rows high
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addLayout(top)
        column.addLayout(grid)

    def _add_key(
        self,
        grid: QGridLayout,
        key: str,
        caption: str,
        row: int,
        col: int,
        span: int = 1,
        rows: int = 1,
    ) -> None:
        widget = button(caption, "key", name=f"key_{key}")
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        widget.clicked.connect(lambda _=False, k=key: self.press(k))
        grid.addWidget(widget, row, col, rows, span)
        self.keys[key] = widget

    def sizeHint(self) -> QSize:
        """Keys as tall as the theme's key size; they give way down to the kiosk's floor
        (:meth:`minimumSizeHint`) on a short screen."""
        hint = super().sizeHint()
        key = self.keys["7"]
        return QSize(
            hint.width(), hint.height() + ROWS * (key.maximumHeight() - key.minimumHeight())
        )

    # public API -------------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = ""
        for char in text:
            self.press(char)
        self._refresh()

    def clear(self) -> None:
        self._text = ""
        self._refresh()

    def press(self, key: str) -> None:
        """Apply one key: a digit, ".", "delete" or "clear". Keys that would break a limit are ignored."""
        if key == "delete":
            self._text = self._text[:-1]
        elif key == "clear":
            self._text = ""
        elif key == "." and self._decimals and "." not in self._text:
            self._text = (self._text or "0") + "."
        elif key in DIGITS and self._accepts_digit():
            if self._code or self._text != "0":
                self._text += key
            else:  # a number has no leading zero
                self._text = key
        self._refresh()

    def _accepts_digit(self) -> bool:
        whole, _, fraction = self._text.partition(".")
        if "." in self._text:
            return len(fraction) < self._decimals
        return len(whole) < self._max_digits

    def _refresh(self) -> None:
        self.display.setText(self._text)
        self.textChanged.emit(self._text)

    # Qt overrides ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Backspace:
            self.press("delete")
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self.press("clear")
        elif event.text() in (*DIGITS, "."):
            self.press(event.text())
        else:
            super().keyPressEvent(event)
