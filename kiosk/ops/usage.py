"""Anonymous usage counts: how often something happened, nothing else (no times, no inputs).

Stored locally as one JSON object ``{"event": count}`` in ``usage_file``. Other features count
their own events: ``usage.count("faq_opened")``.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from kiosk.files import read_bytes, write_atomically

log = logging.getLogger(__name__)

MAX_USAGE_BYTES = 64 * 1024  # a few dozen counts
EVENT_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")

JOURNEY_STARTED = "journey_started"
JOURNEY_FINISHED = "journey_finished"
FAQ_OPENED = "faq_opened"
IDLE_RESET = "idle_reset"
CRASH = "crash"
KNOWN_EVENTS = (JOURNEY_STARTED, JOURNEY_FINISHED, FAQ_OPENED, IDLE_RESET, CRASH)


class UsageCounter:
    """Counts per event name, written through to ``path`` (None: kept in memory only).

    Event names are fixed identifiers (``[a-z][a-z0-9_]*``), never text from the screen, so a count
    can never carry what a citizen entered. A file that cannot be read or written is logged and
    the counts carry on in memory: counting never stops the kiosk.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._counts: dict[str, int] = self._read()

    def count(self, event: str) -> None:
        if not EVENT_NAME.fullmatch(event):
            raise ValueError(f"usage event names are identifiers, got {event!r}")
        self._counts[event] = self._counts.get(event, 0) + 1
        self._write()

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def _read(self) -> dict[str, int]:
        if self.path is None or not os.path.lexists(self.path):
            return {}
        try:  # a regular file only (a FIFO would block), and small
            raw = json.loads(read_bytes(self.path, limit=MAX_USAGE_BYTES).decode("utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("usage counts unreadable, starting from zero: %s", type(exc).__name__)
            return {}
        if not isinstance(raw, dict):
            return {}
        return {
            str(k): v
            for k, v in raw.items()
            if EVENT_NAME.fullmatch(str(k)) and isinstance(v, int) and v >= 0
        }

    def _write(self) -> None:
        if self.path is None:
            return
        data = json.dumps(self._counts, sort_keys=True, indent=1).encode("utf-8")
        try:  # all or nothing, and no temporary file left behind (a full disk)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, data, sync=False)  # counted at page changes
        except OSError as exc:
            log.warning("usage counts not saved: %s", type(exc).__name__)
