"""Following a print job until it is known to be done, or known to have failed.

A job handed to the printing system is not yet paper in the tray: the printer may be switched
off, refuse jobs, jam or never answer. :func:`judge` turns what the printing system says about
the job and its printer into a :class:`Verdict`: still waiting, printed, or failed and why, with a
time limit so that a citizen is never left waiting for a printer that does not answer.

:class:`Spooler` is what the kiosk needs of a printing system (submit, look, cancel);
:mod:`kiosk.ops.cups` is the CUPS one. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Protocol


class JobState(IntEnum):
    """IPP ``job-state`` (RFC 8011 5.3.7)."""

    PENDING = 3
    HELD = 4
    PROCESSING = 5
    STOPPED = 6
    CANCELED = 7
    ABORTED = 8
    COMPLETED = 9


class PrinterState(IntEnum):
    """IPP ``printer-state`` (RFC 8011 5.4.11)."""

    IDLE = 3
    PROCESSING = 4
    STOPPED = 5


class Failure(Enum):
    """Why a print failed, in the terms the screen explains it in."""

    UNAVAILABLE = "unavailable"  # no such printer, or the printing system does not answer
    REFUSED = "refused"  # the printer does not accept jobs (cupsreject)
    STOPPED = "stopped"  # the printer is stopped (an error, paused, out of paper...)
    FAILED = "failed"  # the job was aborted or cancelled
    TIMED_OUT = "timed_out"  # not printed within the time limit


class Outcome(Enum):
    WAITING = "waiting"
    PRINTED = "printed"  # the printing system says the job completed
    SENT = "sent"  # handed over, and the printing system can say no more (no job history)
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    failure: Failure | None = None
    detail: str = ""  # for the log: states and reasons, never anything a citizen entered

    @property
    def final(self) -> bool:
        return self.outcome is not Outcome.WAITING


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    state: PrinterState
    accepting: bool
    reasons: str = "none"  # IPP printer-state-reasons, comma-separated


class PrintError(Exception):
    """Submitting failed; ``failure`` says how, ``detail`` is the printing system's words."""

    def __init__(self, failure: Failure, detail: str) -> None:
        super().__init__(detail)
        self.failure = failure
        self.detail = detail


class Spooler(Protocol):
    """What the kiosk needs of a printing system."""

    def submit(self, printer: str, document: bytes, *, title: str, copies: int = 1) -> int:
        """Queue ``document`` (a PDF) on ``printer``; the job id. Raises :class:`PrintError`."""
        ...

    def job_state(self, printer: str, job: int) -> JobState | None:
        """The job's state; None when the printing system no longer knows the job. Raises
        :class:`PrintError` when the printing system does not answer."""
        ...

    def printer_status(self, printer: str) -> PrinterStatus | None:
        """None when there is no such printer or the printing system does not answer."""
        ...

    def cancel(self, printer: str, job: int) -> bool:
        """Cancel the job and remove its files from the spool; False if that failed."""
        ...


def judge(
    job: JobState | None,
    printer: PrinterStatus | None,
    *,
    elapsed_s: float,
    limit_s: float,
    answered: bool = True,
) -> Verdict:
    """What a job's state and its printer's status, ``elapsed_s`` seconds after it was
    submitted, say about it. ``answered`` False: the printing system did not answer this time
    (restarting, say): wait, within the time limit."""
    where = f"job {job.name if job else 'unknown'}, printer " + (
        f"{printer.state.name} ({printer.reasons})" if printer else "not answering"
    )
    if not answered:
        if elapsed_s >= limit_s:
            return Verdict(Outcome.FAILED, Failure.TIMED_OUT, f"no answer after {elapsed_s:.0f} s")
        return Verdict(Outcome.WAITING, detail="no answer")
    if job is JobState.COMPLETED:
        return Verdict(Outcome.PRINTED, detail=where)
    if job in (JobState.CANCELED, JobState.ABORTED):
        return Verdict(Outcome.FAILED, Failure.FAILED, where)
    if job is JobState.STOPPED or (printer is not None and printer.state is PrinterState.STOPPED):
        return Verdict(Outcome.FAILED, Failure.STOPPED, where)
    if job is None:
        return Verdict(Outcome.SENT, detail=where)
    if elapsed_s >= limit_s:
        return Verdict(Outcome.FAILED, Failure.TIMED_OUT, f"{where}, after {elapsed_s:.0f} s")
    return Verdict(Outcome.WAITING, detail=where)


__all__ = [
    "Failure",
    "JobState",
    "Outcome",
    "PrintError",
    "PrinterState",
    "PrinterStatus",
    "Spooler",
    "Verdict",
    "judge",
]
