"""Memory a visit freed, given back to the system when the session ends.

glibc's allocator keeps the heap a process has freed for its next allocations instead of
returning it: after a few hundred visits, each showing other screens in other text sizes and
languages, that freed but kept heap is most of what the kiosk's resident memory grew by (at
journey 28 of the soak, ``malloc_trim(0)`` gave 13 MiB back at once). The end of a visit is the
moment nothing is being drawn or computed, so the kiosk hands it back then. Linux with glibc only;
elsewhere (musl, Windows, macOS) nothing is done. Qt-free.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable


def release_freed_memory() -> bool:
    """Return the heap freed so far to the system (glibc's ``malloc_trim(0)``); whether this
    platform can."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")  # glibc's name; musl's libc is "libc.so"
    except OSError:
        return None
    trim: Callable[[int], int] | None = getattr(libc, "malloc_trim", None)
    return trim
