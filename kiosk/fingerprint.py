"""Which rules and content a terminal runs: a short fingerprint of each part of the resources
folder, shown by ``kiosk --version``, the admin panel and ``kiosk-calc check``.

Two terminals (or a terminal and a folder about to be installed) with the same fingerprints run the
same figures and the same words. The rules fingerprint covers ``rules/``; the content fingerprint
every other file (FAQ and guide, interface texts, pinyin, fonts, icons). Each is the first 12 hex
digits of a SHA-256 over the files' relative paths and bytes, in path order: file dates and the
folder's location do not change it. No Qt here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.datafile import read_data_file

RULES_PART = "rules"
DATA_SUFFIX = ".toml"
MAX_FINGERPRINTED_BYTES = 64 * 1024 * 1024  # far above the largest bundled file (a font)
DIGITS = 12


@dataclass(frozen=True, slots=True)
class Fingerprint:
    digest: str  # first DIGITS hex digits of the SHA-256
    files: int
    updated: date | None  # the newest file's modification date (UTC), None for no file


@dataclass(frozen=True, slots=True)
class ResourcesFingerprint:
    rules: Fingerprint
    content: Fingerprint


def _files(root: Path) -> list[Path]:
    """Every entry but folders: a FIFO, a dangling link, an unreadable file or a folder named
    like a data file (``*.toml``) is read, and so named, like any other, never skipped."""
    return sorted(
        (
            path
            for path in root.rglob("*")
            if (not path.is_dir() or path.suffix == DATA_SUFFIX) and "__pycache__" not in path.parts
        ),
        key=lambda path: path.relative_to(root).as_posix(),
    )


def _fingerprint(root: Path, files: list[Path]) -> Fingerprint:
    digest = hashlib.sha256()
    newest: float | None = None
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        data = read_data_file(path, limit=MAX_FINGERPRINTED_BYTES)
        digest.update(len(data).to_bytes(8, "big") + data)
        mtime = path.stat().st_mtime
        newest = mtime if newest is None else max(newest, mtime)
    updated = None if newest is None else datetime.fromtimestamp(newest, UTC).date()
    return Fingerprint(digest.hexdigest()[:DIGITS], len(files), updated)


def resources_fingerprint(root: Path) -> ResourcesFingerprint:
    """The rules and content fingerprints of the resources folder ``root``; a file that is no
    readable regular file raises :class:`~kiosk.rules.DataFileError` naming it."""
    files = _files(root)
    rules = [path for path in files if path.relative_to(root).parts[0] == RULES_PART]
    content = [path for path in files if path.relative_to(root).parts[0] != RULES_PART]
    return ResourcesFingerprint(
        rules=_fingerprint(root, rules), content=_fingerprint(root, content)
    )
