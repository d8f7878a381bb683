"""Reading and writing files so that nothing can hang, crash or half-write the kiosk.

Reading (every bundle and settings loader): regular files only, a size cap, and an open that never
waits. A folder, a FIFO, a socket, a device or a link to nothing named ``*.toml`` is refused with
:class:`NotRegularFile` (a FIFO would otherwise block the open until some writer appeared).

Writing (the 测算单 PDF, the usage counts, the FAQ pinyin): into a temporary file beside the
target, flushed to the disk, its size checked, then renamed over the target. Whatever fails, no
partial file and no temporary file is left behind, and the error is raised.

No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import zlib
from pathlib import Path

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK = 64 * 1024


class NotRegularFile(OSError):
    """The path is there but is not a regular file (or is a link to nothing)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file (不是普通文件): {kind}", str(path))
        self.kind = kind


class FileTooLarge(OSError):
    """The file is larger than the reader's cap."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit} bytes", str(path))
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def require_regular(path: Path) -> os.stat_result:
    """``path``'s status if it is a regular file (a link to one is fine). Raises
    FileNotFoundError, :class:`NotRegularFile` or another OSError; never blocks."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise NotRegularFile(path, "a link to a missing file") from None
        raise
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, kind_of(info.st_mode))
    return info


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The contents of the regular file ``path``, at most ``limit`` bytes.

    Raises FileNotFoundError, :class:`NotRegularFile`, :class:`FileTooLarge` (also for a file that
    grows past the cap while being read) or another OSError (unreadable)."""
    fd, info = _open_regular(path)
    try:
        if info.st_size > limit:
            raise FileTooLarge(path, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLarge(path, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def stamp(path: Path) -> tuple[int, int]:
    """The size and CRC-32 of the regular file ``path``, read whole in chunks. Raises
    FileNotFoundError, :class:`NotRegularFile` or another OSError; never blocks."""
    fd, _info = _open_regular(path)
    try:
        crc, size = 0, 0
        while chunk := os.read(fd, 16 * _CHUNK):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
        return size, crc
    finally:
        os.close(fd)


def _open_regular(path: Path) -> tuple[int, os.stat_result]:
    """An open file descriptor of the regular file ``path`` and its status (of what was opened,
    in case the path changed since the check); the caller closes it."""
    require_regular(path)
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, kind_of(info.st_mode))
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def write_atomically(
    path: Path, data: bytes, *, mode: int | None = None, sync: bool = True
) -> None:
    """Replace (or create) the regular file ``path`` with ``data``, all or nothing.

    ``data`` goes to a temporary file in the same folder, which is flushed and (``sync``) synced
    to the disk; its size must be ``len(data)``; then it is renamed over ``path`` (a link is
    followed, so the file it points at is replaced). ``mode``: the new file's permissions
    (default 0600). ``sync`` False skips the fsync (a few milliseconds each here) for small files
    written often, such as the usage counts; the rename still never leaves half a file. Raises
    :class:`NotRegularFile` when ``path`` is a folder, a device such as ``/dev/full``, a FIFO...,
    or the OSError of the failing step (no space, read-only, too large); nothing is left behind.
    """
    with contextlib.suppress(FileNotFoundError):
        require_regular(path)
    target = path.resolve() if path.is_symlink() else path
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
            written = os.fstat(handle.fileno()).st_size
        if written != len(data):
            raise OSError(errno.EIO, f"wrote {written} of {len(data)} bytes", str(path))
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def default_file_mode() -> int:
    """0666 less the process's umask: what ``open()`` would give a new file."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


__all__ = [
    "FileTooLarge",
    "NotRegularFile",
    "default_file_mode",
    "read_bytes",
    "require_regular",
    "write_atomically",
]
