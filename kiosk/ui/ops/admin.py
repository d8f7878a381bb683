"""The hidden admin gate: taps in a corner (:mod:`kiosk.ui.ops.gate`), then a PIN pad; the right
PIN opens the admin panel. The pad and the panel are built when first opened.

Five wrong PINs lock the pad for five minutes, each further lock in a row twice as long (up to an
hour); only real wrong PINs count. The PIN exists only as a salted hash in the settings
(:mod:`kiosk.ops.pin`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.ops.pin import MAX_PIN_DIGITS, MIN_PIN_DIGITS, verify_pin
from kiosk.settings import KioskSettings
from kiosk.ui.ops.gate import AdminGate, Clock, admin_gate
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.kinetic import ScrollPager
from kiosk.ui.widgets.style import button, label

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_S = 300  # the first lock; each further one in a row lasts twice as long
MAX_LOCK_S = 3600
PIN_CARD_WIDTH = 1200


class PinOutcome(Enum):
    OPEN = "open"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not_set"
    TOO_SHORT = "too_short"  # not a PIN at all (fewer digits than any PIN): no attempt
    ERROR = "error"  # the check itself failed (not a wrong PIN): logged, not an attempt


def admin_access(
    window: QWidget, settings: KioskSettings, *, clock: Clock, parent: QObject
) -> tuple[AdminGate, PinLock]:
    """The way into the admin panel that the settings describe: the corner taps over
    ``window`` that open the PIN pad (:func:`~kiosk.ui.ops.gate.admin_gate`), and the lock that
    checks the PIN."""
    gate = admin_gate(window, settings, clock=clock, parent=parent)
    return gate, PinLock(settings.admin_pin_hash, clock=clock)


@dataclass(frozen=True, slots=True)
class PinCheck:
    outcome: PinOutcome
    tries_left: int = 0
    locked_s: float = 0.0


class PinLock:
    """Checks PINs against the stored hash; ``max_failures`` wrong ones in a row lock it for
    ``lock_s`` seconds of ``clock`` (injectable for tests), and each further lock in a row (no
    right PIN between) twice as long, up to ``MAX_LOCK_S``. Only a real wrong PIN counts: an
    entry shorter than any PIN, or a check that fails for another reason, does not."""

    def __init__(
        self,
        stored_hash: str | None,
        *,
        clock: Clock = time.monotonic,
        max_failures: int = MAX_FAILURES,
        lock_s: float = LOCK_S,
    ) -> None:
        self._hash = stored_hash
        self._clock = clock
        self._max = max_failures
        self._lock_s = lock_s
        self._failures = 0
        self._lockouts = 0  # locks in a row since the last right PIN
        self._locked_until: float | None = None

    def locked_for(self) -> float:
        """Seconds until the pad unlocks (0 if it is not locked)."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self._failures = 0
            return 0.0
        return left

    def check(self, pin: str) -> PinCheck:
        if self._hash is None:
            return PinCheck(PinOutcome.NOT_SET)
        left = self.locked_for()
        if left:
            return PinCheck(PinOutcome.LOCKED, locked_s=left)
        if len(pin) < MIN_PIN_DIGITS:
            return PinCheck(PinOutcome.TOO_SHORT)
        try:
            right = verify_pin(pin, self._hash)
        except Exception as exc:  # MemoryError, ValueError from hashlib...: not a wrong PIN
            log.error("the admin PIN could not be checked: %s: %s", type(exc).__name__, exc)
            return PinCheck(PinOutcome.ERROR)
        if right:
            self._failures = 0
            self._lockouts = 0
            return PinCheck(PinOutcome.OPEN)
        self._failures += 1
        log.warning("wrong admin PIN (%d of %d)", self._failures, self._max)
        if self._failures >= self._max:
            lock_s = min(self._lock_s * 2**self._lockouts, MAX_LOCK_S)
            self._lockouts += 1
            self._locked_until = self._clock() + lock_s
            log.warning("admin PIN pad locked for %d s (lock %d in a row)", lock_s, self._lockouts)
            return PinCheck(PinOutcome.LOCKED, locked_s=lock_s)
        return PinCheck(PinOutcome.WRONG, tries_left=self._max - self._failures)


class PinPad(Overlay):
    """请输入管理密码: the in-app keypad (whole digits, shown as dots), 取消 (closes it) and
    确定."""

    submitted = Signal(str)

    def __init__(self, host: QWidget, *, texts: Texts) -> None:
        super().__init__(host, name="PinPad", card_width=PIN_CARD_WIDTH)
        ops = texts.ops
        self._ops = ops
        self.title = label(ops.pin_title, "heading")
        self.dots = label("", "display", wrap=False)
        self.dots.setObjectName("pin_dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad = NumericKeypad(
            texts=texts.common, max_digits=MAX_PIN_DIGITS, decimals=0, code=True
        )
        self.keypad.display.hide()
        self.keypad.unit.hide()
        self.keypad.setMaximumWidth(560)
        self.message = label("", "error")
        self.message.setObjectName("pin_message")
        self.message.hide()
        self.cancel_button = button(ops.pin_cancel, name="pin_cancel")
        self.confirm_button = button(ops.pin_confirm, "primary", name="pin_confirm")
        self._locked = False
        self._setup_ui()
        self._on_text("")
        self.keypad.textChanged.connect(self._on_text)
        self.cancel_button.clicked.connect(self.close_overlay)
        self.confirm_button.clicked.connect(lambda: self.submitted.emit(self.keypad.text()))

    def _setup_ui(self) -> None:
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_column.setSpacing(20)
        side = QVBoxLayout()
        side.setSpacing(20)
        side.addWidget(self.title)
        side.addWidget(self.dots)
        side.addWidget(self.message)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.cancel_button, 1)
        row.addWidget(self.confirm_button, 2)
        side.addLayout(row)
        # keypad beside the rest on a landscape screen (a 768 px high one has no room for both
        # stacked), under the title and dots on a portrait one
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(40)
        self._body.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignCenter)
        self._body.addLayout(side, 1)
        self.card_column.addLayout(self._body)

    def resizeEvent(self, event: QResizeEvent) -> None:
        landscape = event.size().width() > event.size().height()
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.BottomToTop
        )
        if self._body.direction() != direction:
            self._body.setDirection(direction)
        super().resizeEvent(event)

    def open(self) -> None:
        self.keypad.clear()
        super().open()

    def enter(self, pin: str) -> None:
        """Type ``pin`` and press 确定 (tests, and a clerk's keyboard)."""
        self.keypad.set_text(pin)
        self.confirm_button.click()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_check(self, result: PinCheck | None, *, locked_for: float, pin_set: bool) -> None:
        """Say what a PIN check that did not open gave (None: the pad's state as it opens)."""
        ops = self._ops
        outcome = result.outcome if result is not None else None
        self.set_locked(bool(locked_for))
        if outcome is PinOutcome.WRONG and result is not None:
            self.show_message(ops.pin_wrong.format(remaining=result.tries_left))
        elif outcome is PinOutcome.TOO_SHORT:
            self.show_message(ops.pin_too_short.format(min=MIN_PIN_DIGITS, max=MAX_PIN_DIGITS))
        elif outcome is PinOutcome.ERROR:  # for the staff member at the pad: not 抱歉
            self.show_message(ops.pin_check_failed)
        elif locked_for:
            minutes = max(1, -(-int(locked_for) // 60))
            self.show_message(ops.pin_locked.format(minutes=minutes))
        elif not pin_set:
            self.show_message(ops.pin_not_set)
        else:
            self.show_message("")

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self.keypad.setEnabled(not locked)
        self._on_text(self.keypad.text())

    def _on_text(self, text: str) -> None:
        self.dots.setText("\u25cf " * len(text))
        # 确定 only once there are enough digits for a PIN: tapping it on an empty pad is no try
        self.confirm_button.setEnabled(not self._locked and len(text) >= MIN_PIN_DIGITS)


class AdminPanel(Overlay):
    """What the operator needs: versions, the bundle check, usage counts, the last log lines,
    返回服务 (closes it) and 退出程序 (in kiosk mode the only way out)."""

    exit_requested = Signal()

    def __init__(self, host: QWidget, *, texts: Texts) -> None:
        super().__init__(host, name="AdminPanel", card=False)
        ops = texts.ops
        self._texts = ops
        self.title = label(ops.admin_title, "heading")
        self.sections: dict[str, QWidget] = {}
        self._content = QWidget()
        self._content.setObjectName("AdminContent")
        self._column = QVBoxLayout(self._content)
        self._column.setContentsMargins(40, 24, 40, 24)
        self._column.setSpacing(12)
        self.close_button = button(ops.admin_close, "primary", name="admin_close")
        self.exit_button = button(ops.admin_exit, "danger", name="admin_exit")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        head = QHBoxLayout()
        head.setContentsMargins(40, 24, 40, 0)
        head.addWidget(self.title)
        outer.addLayout(head)
        outer.addWidget(ScrollPager(self._content, texts=texts.common, beside=True), 1)
        row = QHBoxLayout()
        row.setContentsMargins(40, 12, 40, 16)
        row.setSpacing(24)
        row.addWidget(self.exit_button, 1)
        row.addWidget(self.close_button, 2)
        outer.addLayout(row)
        self.close_button.clicked.connect(self.close_overlay)
        self.exit_button.clicked.connect(self.exit_requested)

    def fill(self, sections: list[tuple[str, list[str], str]]) -> None:
        """``(heading, lines, role)`` per section; replaces what was shown."""
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.sections = {}
        for heading, lines, role in sections:
            self._column.addWidget(label(heading, "subheading"))
            body = label("\n".join(lines), role)
            body.setObjectName(f"admin_section_{len(self.sections)}")
            self.sections[heading] = body
            self._column.addWidget(body)
        self._column.addStretch(1)

    def section_text(self, heading: str) -> str:
        widget = self.sections[heading]
        text = widget.property("text")
        return str(text)
