"""One kiosk-mode instance per user: a lock on a file in the user's state folder.

A second ``kiosk --kiosk`` for the same user would share the log and ``usage.json`` and fight the
first for the screen; it exits at once instead, saying which process holds the lock. The lock is
the operating system's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), so it goes
with the process however that ends: a crashed kiosk never leaves a stale lock behind. Windowed
and demo instances take no lock. No Qt here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

LOCK_FILE_NAME = "kiosk.lock"


class InstanceLock:
    """Held from :meth:`acquire` until :meth:`release` or the end of the process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """True if this process now holds the lock; False if another one does. An OSError
        (the folder cannot be made, say) is raised: the caller decides."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return True

    def holder(self) -> str:
        """The process id written by the holder ("?" if it cannot be read)."""
        try:
            return self.path.read_text(encoding="utf-8").strip() or "?"
        except OSError:
            return "?"

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None


def _lock(handle: IO[str]) -> None:
    """Lock ``handle`` without waiting; OSError if another process holds it."""
    if sys.platform.startswith("win"):
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


__all__ = ["LOCK_FILE_NAME", "InstanceLock"]
