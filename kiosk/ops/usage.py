"""Anonymous usage counts: how often something happened, nothing else (no times, no inputs).

Stored locally as one JSON object ``{"event": count}`` in ``usage_file``. Other features count
their own events: ``usage.count("faq_opened")``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

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
        if self.path is None or not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".usage-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._counts, handle, sort_keys=True, indent=1)
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("usage counts not saved: %s", type(exc).__name__)
