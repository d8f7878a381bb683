"""What a print job's state and its printer's status say (kiosk.ops.print_jobs.judge), one row
per case; and the follower that asks on a timer, with a fake printing system."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.ops.print_jobs import (
    Failure,
    JobState,
    Outcome,
    PrintError,
    PrinterState,
    PrinterStatus,
    judge,
)

IDLE = PrinterStatus(PrinterState.IDLE, accepting=True)
BUSY = PrinterStatus(PrinterState.PROCESSING, accepting=True, reasons="connecting-to-device")
STOPPED = PrinterStatus(PrinterState.STOPPED, accepting=True, reasons="media-empty-error")
LIMIT = 60.0

ROWS = [
    # job state, printer, seconds since submitted, outcome, failure
    (JobState.PENDING, IDLE, 0.5, Outcome.WAITING, None),
    (JobState.PROCESSING, BUSY, 59.9, Outcome.WAITING, None),
    (JobState.HELD, IDLE, 10, Outcome.WAITING, None),
    (JobState.COMPLETED, IDLE, 3, Outcome.PRINTED, None),
    (JobState.COMPLETED, None, 3, Outcome.PRINTED, None),  # printed, then the printer went away
    (JobState.COMPLETED, IDLE, 90, Outcome.PRINTED, None),  # done counts even if late
    (JobState.ABORTED, IDLE, 2, Outcome.FAILED, Failure.FAILED),
    (JobState.CANCELED, IDLE, 2, Outcome.FAILED, Failure.FAILED),
    (JobState.STOPPED, IDLE, 2, Outcome.FAILED, Failure.STOPPED),
    (JobState.PENDING, STOPPED, 0.2, Outcome.FAILED, Failure.STOPPED),  # no waiting for the limit
    (JobState.PROCESSING, BUSY, 60.0, Outcome.FAILED, Failure.TIMED_OUT),
    (JobState.PENDING, None, 61, Outcome.FAILED, Failure.TIMED_OUT),
    (None, IDLE, 1, Outcome.SENT, None),  # the system keeps no record of finished jobs
]


@pytest.mark.parametrize(("job", "printer", "elapsed", "outcome", "failure"), ROWS)
def test_judge(
    job: JobState | None,
    printer: PrinterStatus | None,
    elapsed: float,
    outcome: Outcome,
    failure: Failure | None,
) -> None:
    verdict = judge(job, printer, elapsed_s=elapsed, limit_s=LIMIT)
    assert (verdict.outcome, verdict.failure) == (outcome, failure)
    assert verdict.final is (outcome is not Outcome.WAITING)


@pytest.mark.parametrize(("elapsed", "outcome"), [(5, Outcome.WAITING), (60, Outcome.FAILED)])
def test_no_answer_waits_within_the_limit(elapsed: float, outcome: Outcome) -> None:
    verdict = judge(None, None, elapsed_s=elapsed, limit_s=LIMIT, answered=False)
    assert verdict.outcome is outcome


class FakeSpooler:
    """A printing system whose answers the test sets."""

    def __init__(self) -> None:
        self.state: JobState | None = JobState.PENDING
        self.status: PrinterStatus | None = IDLE
        self.down = False
        self.cancelled: list[int] = []

    def submit(self, printer: str, document: bytes, *, title: str, copies: int = 1) -> int:
        return 7

    def job_state(self, printer: str, job: int) -> JobState | None:
        if self.down:
            raise PrintError(Failure.UNAVAILABLE, "connection refused")
        return self.state

    def printer_status(self, printer: str) -> PrinterStatus | None:
        return self.status

    def cancel(self, printer: str, job: int) -> bool:
        """As CUPS does: a job still being sent stays listed as cancelled until purged again."""
        self.cancelled.append(job)
        self.state = JobState.CANCELED if self.state is JobState.PROCESSING else None
        return True


def test_the_follower_cancels_a_job_that_times_out_and_reports_once(qapp: Any) -> None:
    from kiosk.ui.print_follow import PrintFollower

    now = [0.0]
    spooler = FakeSpooler()
    follower = PrintFollower(spooler, "hall", 7, limit_s=10, clock=lambda: now[0])
    seen: list[Any] = []
    follower.finished.connect(seen.append)
    follower.start()
    assert follower.poll().outcome is Outcome.WAITING
    spooler.down = True  # the scheduler restarts: not a failure yet
    now[0] = 5
    assert follower.poll().outcome is Outcome.WAITING
    now[0] = 10
    verdict = follower.poll()
    assert (verdict.outcome, verdict.failure) == (Outcome.FAILED, Failure.TIMED_OUT)
    assert spooler.cancelled == [7]
    follower.poll()  # final: asked no more, reported once
    assert seen == [verdict] and spooler.cancelled == [7]


def test_a_job_cancelled_while_being_sent_is_purged_again_until_it_is_gone(
    qapp: Any, qtbot: Any
) -> None:
    from kiosk.ui.print_follow import PrintFollower

    spooler = FakeSpooler()
    spooler.state = JobState.PROCESSING
    spooler.status = STOPPED
    follower = PrintFollower(spooler, "hall", 7, limit_s=10, poll_ms=1, clock=lambda: 0.0)
    cleaned: list[bool] = []
    follower.cleaned.connect(lambda: cleaned.append(True))
    verdict = follower.poll()
    assert verdict.failure is Failure.STOPPED
    assert spooler.state is JobState.CANCELED  # still listed after the first purge
    qtbot.wait_until(lambda: cleaned == [True])
    assert spooler.cancelled == [7, 7] and spooler.state is None


def test_the_follower_reports_a_printed_job_without_cancelling(qapp: Any) -> None:
    from kiosk.ui.print_follow import PrintFollower

    spooler = FakeSpooler()
    follower = PrintFollower(spooler, "hall", 7, limit_s=10, clock=lambda: 0.0)
    spooler.state = JobState.COMPLETED
    assert follower.poll().outcome is Outcome.PRINTED
    assert spooler.cancelled == []
