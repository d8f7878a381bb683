"""Staying up: an exception anywhere (a slot, an event handler) is logged without user input and
shown as a calm full-window message that returns home by itself."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.texts import Texts
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.widgets.style import button, label

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

_DIGITS = re.compile(r"\d")


def scrub(message: str) -> str:
    """An exception message with every digit masked: what a citizen enters here is numbers
    (wages, dates, balances), and a message may quote it (``invalid literal ... '98765.43'``)."""
    return _DIGITS.sub("#", message)


def describe_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The exception's type, its scrubbed message and where it happened (file, line, function and
    the source line: code, never values)."""
    frames = traceback.format_list(traceback.extract_tb(tb))
    return (
        f"{exc_type.__name__}: {scrub(str(exc))}\nTraceback (most recent call last):\n"
        + "".join(frames).rstrip()
    )


class CrashGuard(QObject):
    """``sys.excepthook`` for the whole process while installed. PySide6 hands an exception raised
    in a slot or a Qt override to ``sys.excepthook``; the guard logs it and emits :attr:`crashed`
    (queued, so the message shows once the failing handler has unwound). The process stays up."""

    crashed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous: ExceptHook | None = None
        self._handling = False

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit) or self._handling:
            (self._previous or sys.__excepthook__)(exc_type, exc, tb)
            return
        self._handling = True
        try:
            log.error("unhandled exception\n%s", describe_exception(exc_type, exc, tb))
            QTimer.singleShot(0, self, self.crashed.emit)
        finally:
            self._handling = False


class CrashMessage(Overlay):
    """抱歉，出了点问题，请重新开始 — and back home after ``return_ms`` (or at once on the button)."""

    home_requested = Signal()

    def __init__(self, host: QWidget, *, texts: Texts, return_ms: int = 6000) -> None:
        super().__init__(host, name="CrashMessage")
        ops = texts.ops
        self.title = label(ops.crash_title, "heading")
        self.body = label(ops.crash_body, "muted")
        self.home_button = button(ops.crash_home, "primary", name="crash_home")
        for widget in (self.title, self.body):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_column.addWidget(self.title)
        self.card_column.addWidget(self.body)
        self.card_column.addWidget(self.home_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(return_ms)
        self._timer.timeout.connect(self._go_home)
        self.home_button.clicked.connect(self._go_home)

    def retitle(self, texts: Texts) -> None:
        """In the session's language (after a language switch)."""
        ops = texts.ops
        self.title.setText(ops.crash_title)
        self.body.setText(ops.crash_body)
        self.home_button.setText(ops.crash_home)

    def open(self) -> None:
        super().open()
        self._timer.start()

    def close_overlay(self) -> None:
        self._timer.stop()
        super().close_overlay()

    def _go_home(self) -> None:
        self.close_overlay()
        self.home_requested.emit()
