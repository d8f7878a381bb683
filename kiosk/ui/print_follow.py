"""Follow one print job on a timer until it is printed, or has failed (then cancel it).

The decisions are :func:`kiosk.ops.print_jobs.judge`'s; this QObject only asks the printing system
every ``poll_ms`` without blocking the screen, logs the outcome and emits
:attr:`PrintFollower.finished` once. A failed job is cancelled and purged; a job that was being
sent when it was purged stays listed as cancelled until its backend has stopped, so it is purged
again until the printing system no longer knows it (:attr:`PrintFollower.cleaned`): nothing of it is
left in the spool.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.ops.print_jobs import JobState, Outcome, PrintError, Spooler, Verdict, judge
from kiosk.ui.take_away import POLL_MS

log = logging.getLogger(__name__)

PURGE_TRIES = 40  # a poll each: 20 s at the default for a backend to stop


class PrintFollower(QObject):
    """Follows job ``job`` on ``printer`` for at most ``limit_s`` seconds of ``clock``."""

    finished = Signal(object)  # the final Verdict
    cleaned = Signal()  # after finished: nothing of the job is left (or it could not be purged)

    def __init__(
        self,
        spooler: Spooler,
        printer: str,
        job: int,
        *,
        limit_s: float,
        poll_ms: int = POLL_MS,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spooler = spooler
        self.printer = printer
        self.job = job
        self._limit_s = limit_s
        self._clock = clock
        self._started = clock()
        self.verdict: Verdict | None = None
        self._purges = 0
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._started = self._clock()
        self._timer.start()

    def poll(self) -> Verdict:
        """Ask once; when the answer is final, stop, cancel a failed job, log and emit."""
        if self.verdict is not None:
            return self.verdict
        try:
            state = self.spooler.job_state(self.printer, self.job)
            status = self.spooler.printer_status(self.printer)
            answered = True
        except PrintError:
            state, status, answered = None, None, False
        elapsed = self._clock() - self._started
        verdict = judge(state, status, elapsed_s=elapsed, limit_s=self._limit_s, answered=answered)
        if verdict.final:
            self._finish(verdict, elapsed)
        return verdict

    def _finish(self, verdict: Verdict, elapsed: float) -> None:
        self._timer.stop()
        self.verdict = verdict
        where = f"{self.printer}-{self.job}"
        if verdict.outcome is Outcome.FAILED:
            cancelled = self.spooler.cancel(self.printer, self.job)
            log.warning(
                "print job %s failed (%s) after %.1f s: %s; %s",
                where,
                verdict.failure.value if verdict.failure else "?",
                elapsed,
                verdict.detail,
                "cancelled" if cancelled else "could not be cancelled",
            )
            self._timer.timeout.disconnect(self.poll)
            self._timer.timeout.connect(self._purge)
            self._timer.start()
        elif verdict.outcome is Outcome.PRINTED:
            log.info("print job %s printed after %.1f s", where, elapsed)
        else:
            log.info("print job %s handed over; the printing system keeps no record", where)
        self.finished.emit(verdict)
        if verdict.outcome is not Outcome.FAILED:
            self.cleaned.emit()

    def _purge(self) -> None:
        """Until the printing system no longer knows the cancelled job: purge it again."""
        where = f"{self.printer}-{self.job}"
        self._purges += 1
        try:
            state = self.spooler.job_state(self.printer, self.job)
        except PrintError:
            state = JobState.PROCESSING  # no answer: ask again
        if state is None:
            log.info("print job %s removed from the spool", where)
        elif self._purges >= PURGE_TRIES:
            log.warning("print job %s is still in the spool (%s)", where, state.name)
        else:
            if state in (JobState.CANCELED, JobState.ABORTED, JobState.COMPLETED):
                self.spooler.cancel(self.printer, self.job)  # its backend has stopped: purge
            return
        self._timer.stop()
        self.cleaned.emit()


__all__ = ["POLL_MS", "PrintFollower"]
