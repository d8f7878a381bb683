"""CUPS, the printing system of a Linux hall terminal: submit a PDF, follow the job, cancel it.

Through the terminal's own libcups (``libcups.so.2``, which Qt's print support loads anyway and
which the stand-alone build leaves to the system, see packaging/build.py) with ctypes: the
documented libcups 2 API (``cupsCreateJob``, ``cupsStartDocument``, ``cupsWriteRequestData``,
``cupsFinishDocument``, ``cupsGetJobs2``, ``cupsGetNamedDest``, ``cupsCancelJob2``). Each call is
one IPP request to the local scheduler, about a millisecond. Where there is no libcups (Windows),
:func:`cups_spooler` gives None and printing goes through Qt alone. No Qt here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from typing import Any

from kiosk.ops.print_jobs import Failure, JobState, PrintError, PrinterState, PrinterStatus

log = logging.getLogger(__name__)

LIBRARY_NAMES = ("libcups.so.2", "libcups.2.dylib")
LIBRARY_STEM = "cups"
PDF = b"application/pdf"
HTTP_STATUS_CONTINUE = 100
IPP_STATUS_LAST_OK = 0x00FF  # successful-ok ... successful-ok-events-complete
IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS = 0x0506
CUPS_WHICHJOBS_ALL = -1
MY_JOBS = 1  # only the jobs of this user (the kiosk's own)


class _Option(ctypes.Structure):
    _fields_ = (("name", ctypes.c_char_p), ("value", ctypes.c_char_p))


class _Dest(ctypes.Structure):
    _fields_ = (
        ("name", ctypes.c_char_p),
        ("instance", ctypes.c_char_p),
        ("is_default", ctypes.c_int),
        ("num_options", ctypes.c_int),
        ("options", ctypes.POINTER(_Option)),
    )


class _Job(ctypes.Structure):
    _fields_ = (
        ("id", ctypes.c_int),
        ("dest", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("user", ctypes.c_char_p),
        ("format", ctypes.c_char_p),
        ("state", ctypes.c_int),
        ("size", ctypes.c_int),
        ("priority", ctypes.c_int),
        ("completed_time", ctypes.c_long),
        ("creation_time", ctypes.c_long),
        ("processing_time", ctypes.c_long),
    )


_P = ctypes.c_void_p  # http_t *: always CUPS_HTTP_DEFAULT (NULL), the default connection
_S = ctypes.c_char_p
_I = ctypes.c_int
_OPTIONS = ctypes.POINTER(_Option)
_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "cupsSetServer": (None, [_S]),
    "cupsLastError": (_I, []),
    "cupsLastErrorString": (_S, []),
    "cupsAddOption": (_I, [_S, _S, _I, ctypes.POINTER(_OPTIONS)]),
    "cupsFreeOptions": (None, [_I, _OPTIONS]),
    "cupsCreateJob": (_I, [_P, _S, _S, _I, _OPTIONS]),
    "cupsStartDocument": (_I, [_P, _S, _I, _S, _S, _I]),
    "cupsWriteRequestData": (_I, [_P, _S, ctypes.c_size_t]),
    "cupsFinishDocument": (_I, [_P, _S]),
    "cupsGetJobs2": (_I, [_P, ctypes.POINTER(ctypes.POINTER(_Job)), _S, _I, _I]),
    "cupsFreeJobs": (None, [_I, ctypes.POINTER(_Job)]),
    "cupsGetNamedDest": (ctypes.POINTER(_Dest), [_P, _S, _S]),
    "cupsFreeDests": (None, [_I, ctypes.POINTER(_Dest)]),
    "cupsCancelJob2": (_I, [_P, _S, _I, _I]),
}


def load_libcups() -> ctypes.CDLL | None:
    """The system's libcups with the signatures used here, or None (no CUPS: Windows)."""
    if sys.platform.startswith("win"):
        return None
    # by name through a variable: a literal here would make PyInstaller bundle this host's
    # libcups, and the build must use the terminal's own (packaging/contents.py)
    names = [*LIBRARY_NAMES, ctypes.util.find_library(LIBRARY_STEM)]
    for name in filter(None, names):
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        try:
            for function, (restype, argtypes) in _SIGNATURES.items():
                getattr(lib, function).restype = restype
                getattr(lib, function).argtypes = argtypes
        except AttributeError:  # a libcups older than 1.6
            continue
        return lib
    return None


class CupsSpooler:
    """:class:`~kiosk.ops.print_jobs.Spooler` over libcups. ``server``: a scheduler other than
    the system's (a socket path or host:port; the tests start their own), which libcups then
    uses for this thread, Qt's print support included."""

    def __init__(self, lib: ctypes.CDLL, *, server: str | None = None) -> None:
        self._lib = lib
        self._server = server.encode() if server else None
        if self._server:
            lib.cupsSetServer(self._server)

    def submit(self, printer: str, document: bytes, *, title: str, copies: int = 1) -> int:
        lib, name = self._lib, printer.encode()
        options = _OPTIONS()
        count = lib.cupsAddOption(b"copies", str(max(1, copies)).encode(), 0, ctypes.byref(options))
        try:
            job = lib.cupsCreateJob(None, name, title.encode(), count, options)
        finally:
            lib.cupsFreeOptions(count, options)
        if job <= 0:
            status = lib.cupsLastError()
            failure = (
                Failure.REFUSED
                if status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS
                else Failure.UNAVAILABLE
            )
            raise PrintError(failure, self._last_error())
        started = lib.cupsStartDocument(None, name, job, title.encode(), PDF, 1)
        written = (
            lib.cupsWriteRequestData(None, document, len(document))
            if started == HTTP_STATUS_CONTINUE
            else started
        )
        finished = lib.cupsFinishDocument(None, name) if started == HTTP_STATUS_CONTINUE else -1
        if written != HTTP_STATUS_CONTINUE or not 0 <= finished <= IPP_STATUS_LAST_OK:
            detail = self._last_error()
            self.cancel(printer, job)
            raise PrintError(Failure.UNAVAILABLE, f"sending the document failed: {detail}")
        return int(job)

    def job_state(self, printer: str, job: int) -> JobState | None:
        lib = self._lib
        jobs = ctypes.POINTER(_Job)()
        count = lib.cupsGetJobs2(None, ctypes.byref(jobs), printer.encode(), MY_JOBS, -1)
        if count < 0:
            raise PrintError(Failure.UNAVAILABLE, self._last_error())
        try:
            for index in range(count):
                if jobs[index].id == job:
                    state = jobs[index].state
                    return JobState(state) if state in JobState._value2member_map_ else None
            return None
        finally:
            lib.cupsFreeJobs(count, jobs)

    def printer_status(self, printer: str) -> PrinterStatus | None:
        lib = self._lib
        found = lib.cupsGetNamedDest(None, printer.encode(), None)
        if not found:
            return None
        try:
            dest = found.contents
            options = {
                (dest.options[i].name or b"").decode(): (dest.options[i].value or b"").decode()
                for i in range(dest.num_options)
            }
        finally:
            lib.cupsFreeDests(1, found)
        try:
            state = PrinterState(int(options.get("printer-state", "3")))
        except ValueError:
            state = PrinterState.IDLE
        return PrinterStatus(
            state=state,
            accepting=options.get("printer-is-accepting-jobs", "true") == "true",
            reasons=options.get("printer-state-reasons", "none"),
        )

    def cancel(self, printer: str, job: int) -> bool:
        """Cancel ``job`` and purge its files from the spool."""
        status = self._lib.cupsCancelJob2(None, printer.encode(), job, 1)
        if not 0 <= status <= IPP_STATUS_LAST_OK:
            log.warning("print job %s-%d not cancelled: %s", printer, job, self._last_error())
            return False
        return True

    def _last_error(self) -> str:
        text = self._lib.cupsLastErrorString()
        return text.decode("utf-8", errors="replace") if text else "unknown error"


def cups_spooler(server: str | None = None) -> CupsSpooler | None:
    """The CUPS spooler, or None where there is no libcups."""
    lib = load_libcups()
    return CupsSpooler(lib, server=server) if lib is not None else None


__all__ = ["CupsSpooler", "cups_spooler", "load_libcups"]
