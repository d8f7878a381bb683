"""SIGTERM and SIGHUP end the kiosk cleanly: window closed, "stopped" logged, exit status 0.

``systemctl stop`` (SIGTERM) and a closed session (SIGHUP) used to kill the process at once, with
no "stopped" line in the log. Python runs a signal handler only when the interpreter gets control,
which Qt's event loop may not give it for a long time; so the signal's number is written to a
socket (``signal.set_wakeup_fd``) that a QSocketNotifier watches, and :attr:`StopSignals.received`
is emitted from the event loop. A signal that arrives before the loop runs is handled as soon as
it starts.
"""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class StopSignals(QObject):
    """While it lives, SIGTERM and SIGHUP emit :attr:`received` (the signal's name) instead of
    ending the process."""

    received = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _note) for number in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def uninstall(self) -> None:
        """The default handling again (called by KioskService.shutdown at the end of main())."""
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous = {}
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)

    def _on_wakeup(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in numbers:
            if number in self._previous:
                self.received.emit(signal.Signals(number).name)
                return


def _note(_number: int, _frame: object) -> None:
    """The Python-level handler: nothing to do here (the wakeup socket carries the signal), but
    without it the default action would end the process."""


__all__ = ["STOP_SIGNALS", "StopSignals"]
