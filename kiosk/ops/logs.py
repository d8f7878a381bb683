"""Logging: a rotating file in the log folder, warnings on stderr. No citizen input is ever logged:
log calls name events and exception types, never values from the screen.

A log file that cannot be written (a full disk) never floods stderr with a traceback per call:
failed records are counted, the first failure is said once on stderr, and the admin panel shows
the count (:func:`log_failures`)."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path

LOG_FILE_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@dataclass(frozen=True, slots=True)
class LogFailures:
    count: int  # records that could not be written
    error: str  # the last error, e.g. "OSError: No space left on device"


class KioskLogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file; a record it cannot write is counted (Python's default prints a
    20-line "--- Logging error ---" traceback to stderr for every one)."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        self.failures = 0
        self.last_error = ""

    def handleError(self, record: logging.LogRecord) -> None:
        self.failures += 1
        exc = sys.exc_info()[1]
        reason = getattr(exc, "strerror", None) or str(exc)
        self.last_error = f"{type(exc).__name__}: {reason}" if exc else "unknown error"
        if self.failures == 1 and sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(
                    f"kiosk: the log file {self.baseFilename} cannot be written "
                    f"({self.last_error}); further failures are counted, not printed\n"
                )

    def close(self) -> None:
        try:  # lines still buffered for a full disk are lost: counted, not raised
            super().close()
        except OSError as exc:
            self.failures += 1
            self.last_error = f"{type(exc).__name__}: {exc.strerror or exc}"


def log_failures() -> LogFailures:
    """How many records the kiosk's log file could not write, and the last error."""
    for handler in logging.getLogger("kiosk").handlers:
        if isinstance(handler, KioskLogFile):
            return LogFailures(handler.failures, handler.last_error)
    return LogFailures(0, "")


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the ``kiosk`` loggers to ``log_dir/kiosk.log`` (rotated at 1 MB, 5 kept); returns it.

    A folder that cannot be created leaves only the stderr handler (the kiosk still starts).
    """
    logger = logging.getLogger("kiosk")
    logger.setLevel(level)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(stderr)
    path = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = KioskLogFile(path, max_bytes=MAX_BYTES, backups=BACKUP_COUNT)
    except OSError as exc:
        logger.warning("no log file in %s: %s", log_dir, type(exc).__name__)
        return path
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    return path


def last_lines(path: Path | None, count: int = 30) -> list[str]:
    """The last ``count`` lines of the log file (none if there is no file yet)."""
    if path is None or not path.is_file():
        return []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=count)]
    except OSError:
        return []
