"""Snapshots of what was validated, so that a start with nothing changed validates nothing again.

``main()`` validates every data file with pydantic (:func:`kiosk.bundle.validate_bundle`, the
settings file) and writes what came out to a snapshot in the terminal's cache folder
(:func:`kiosk.settings.default_cache_dir`). The next start reads the snapshot instead, if and only
if its key is the same:

* the program: its version, Python's, and the state of its own code (each source file's size and
  modification time, as Python judges its bytecode; the executable's in a stand-alone build);
* what was validated: every file under the resources folder by its path, size and CRC-32 of its
  bytes (or the settings file's), and the folder itself;
* what else the check depended on (the registered journeys; for the bundle, the days on which
  every dated figure the FAQ quotes stays the same).

A snapshot is a header (the key, each part's length and CRC-32) and its parts, each a pickle.
One that is missing, stale, cut short, or whose bytes do not match the header, is never used: the
caller validates in full and writes a new one. Parts are unpickled by :func:`loads`, which builds
the kiosk's own data classes and a few value types only, never calls anything else, so even a
made-up file runs no code. The CRC is a check against corruption and edits, not a signature:
whoever can write the cache folder can write the settings file beside it.

Qt-free; no pydantic: every part is plain dataclasses, enums and values.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import json
import os
import pickle
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import kiosk
from kiosk.files import stamp, write_atomically

FORMAT = 1
MAGIC = b"weihai-si-kiosk snapshot\n"
# value types a snapshot may hold besides the kiosk's own classes (built from their value)
_VALUE_TYPES = frozenset(
    {
        ("datetime", "date"),
        ("decimal", "Decimal"),
        *(("pathlib", name) for name in ("PosixPath", "WindowsPath", "PurePosixPath")),
        ("pathlib", "PureWindowsPath"),
    }
)


class SnapshotError(Exception):
    """Why a snapshot cannot be used (missing, stale, cut short, changed)."""


# keys ----------------------------------------------------------------------------------------


def file_stamps(root: Path) -> dict[str, list[int]]:
    """``{relative path: [size, CRC-32]}`` of every entry under ``root`` but folders, read
    whole. Raises OSError for one that cannot be read or is not a regular file (a FIFO, a link to
    nothing: never waited on), and the caller then validates, which names it."""
    stamps: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        stamps[path.relative_to(root).as_posix()] = list(stamp(path))
    return stamps


def program_stamp() -> dict[str, Any]:
    """What identifies this program's code: its version, Python's, and every source file's size
    and modification time (the executable's in a stand-alone build)."""
    stamp: dict[str, Any] = {"version": kiosk.__version__, "python": sys.version}
    if getattr(sys, "frozen", False):
        status = os.stat(sys.executable)
        stamp["executable"] = [sys.executable, status.st_size, status.st_mtime_ns]
        return stamp
    package = Path(kiosk.__file__).parent
    code = []
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                code.append([name, status.st_size, status.st_mtime_ns])
    stamp["code"] = zlib.crc32(json.dumps(code).encode())
    return stamp


# the file ------------------------------------------------------------------------------------


def write(path: Path, key: Mapping[str, Any], parts: Sequence[bytes], **extra: Any) -> None:
    """Write the snapshot ``path``: ``key`` (compared whole by :func:`read`), ``extra`` (given
    back by :func:`read`, not compared) and ``parts``. Written to a temporary file and renamed:
    never half a snapshot. Raises OSError."""
    header = {
        "format": FORMAT,
        "key": key,
        "extra": extra,
        "parts": [[len(part), zlib.crc32(part)] for part in parts],
    }
    data = MAGIC + json.dumps(header, ensure_ascii=False).encode() + b"\n" + b"".join(parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data, mode=0o600)


def read(path: Path, key: Mapping[str, Any]) -> tuple[list[bytes], dict[str, Any]]:
    """The parts of the snapshot ``path`` and its ``extra``, if its key is ``key`` and every
    part is whole and unchanged; SnapshotError otherwise."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        raise SnapshotError(f"cannot be read: {exc.strerror or exc}") from None
    if not data.startswith(MAGIC):
        raise SnapshotError("not a snapshot")
    end = data.find(b"\n", len(MAGIC))
    try:
        header = json.loads(data[len(MAGIC) : end])
        stored_key, extra, lengths = header["key"], header["extra"], header["parts"]
        if header["format"] != FORMAT:
            raise SnapshotError(f"format {header['format']}, not {FORMAT}")
    except (ValueError, KeyError, TypeError):
        raise SnapshotError("a damaged header") from None
    if stored_key != json.loads(json.dumps(key)):
        raise SnapshotError("made for another program or other files")
    parts, offset = [], end + 1
    for length, crc in lengths:
        part = data[offset : offset + length]
        if len(part) != length or zlib.crc32(part) != crc:
            raise SnapshotError("its content does not match its header (cut short or changed)")
        parts.append(part)
        offset += length
    if offset != len(data):
        raise SnapshotError("more than its header says")
    return parts, extra


# parts ---------------------------------------------------------------------------------------


def dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    """A part written by :func:`dumps`: the kiosk's data classes (dataclasses and enums of a
    ``kiosk`` module), dates, decimals, paths and Python's containers; anything else
    raises SnapshotError before it is built."""
    try:
        return _Unpickler(io.BytesIO(data)).load()
    except SnapshotError:
        raise
    except Exception as exc:  # a part its classes no longer match: never trusted
        raise SnapshotError(f"cannot be read back: {type(exc).__name__}: {exc}") from None


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _VALUE_TYPES:
            return super().find_class(module, name)
        if module == "kiosk" or module.startswith("kiosk."):
            found = super().find_class(module, name)
            if isinstance(found, type) and _is_data_class(found):
                return found
        raise SnapshotError(f"holds {module}.{name}, which a snapshot never holds")


def _is_data_class(kind: type) -> bool:
    """A dataclass or an enum (built from its fields or value; nothing else runs)."""
    return dataclasses.is_dataclass(kind) or issubclass(kind, enum.Enum)
