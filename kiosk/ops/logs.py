"""Logging: a rotating file in the log folder, warnings on stderr. No citizen input is ever logged:
log calls name events and exception types, never values from the screen."""

from __future__ import annotations

import logging
import logging.handlers
from collections import deque
from pathlib import Path

LOG_FILE_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
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
