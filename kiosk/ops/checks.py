"""What the admin panel reports about the installed bundle: versions and a self-check."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QRawFont

from kiosk import resources
from kiosk.content.commands import check as content_check
from kiosk.content.texts import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Texts,
    check_placeholders,
    load_texts,
)
from kiosk.rules import RulesData, load_rules
from kiosk.rules.loader import MAX_FILE_BYTES, DataFileError, read_data_file
from kiosk.ui.fonts import FONT_FILES


@dataclass(frozen=True, slots=True)
class ContentFingerprint:
    digest: str  # first 12 hex digits of the SHA-256 of every text file
    updated: date | None  # the newest text file's modification date


def content_fingerprint(root: Path | None = None) -> ContentFingerprint:
    """The fingerprint of every ``text/**/*.toml``. Raises :class:`DataFileError` naming the
    first one that is not a readable regular file (a stray folder, FIFO or dangling link)."""
    base = root or resources.resources_dir()
    digest = hashlib.sha256()
    newest: float | None = None
    for path in sorted(resources.text_dir(base).rglob("*.toml")):
        data = read_data_file(path, limit=MAX_FILE_BYTES)
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + data)
        mtime = path.stat().st_mtime
        newest = mtime if newest is None else max(newest, mtime)
    updated = None if newest is None else datetime.fromtimestamp(newest, UTC).date()
    return ContentFingerprint(digest.hexdigest()[:12], updated)


@dataclass(frozen=True, slots=True)
class CheckLine:
    name: str  # "rules", "texts", "content", "font"
    ok: bool
    detail: str = ""


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def missing_glyphs(font_file: Path, texts: Texts) -> int:
    """How many distinct characters of the catalogue the bundled font has no glyph for."""
    raw = QRawFont(str(font_file), 20)
    chars = {
        c
        for text in _strings(texts.model_dump())
        for c in text
        if not c.isspace() and not unicodedata.category(c).startswith("C")
    }
    # the code point, not the str: PySide6's supportsCharacter(str) is wrong above U+00FF
    return sum(1 for c in chars if not raw.supportsCharacter(ord(c)))


def check_bundle(root: Path, font_family: str) -> tuple[list[CheckLine], int]:
    """What ``kiosk-calc check`` checks, on ``root`` as it is now: rules, every language's texts,
    the FAQ content and the font's coverage of every string under text/, rules/ and content/
    (so a stray file that appeared there since start-up is named); the font is registered; and
    the font's missing glyphs. Never raises for a broken file: it becomes a failed line."""
    lines: list[CheckLine] = []
    rules: RulesData | None = None
    try:
        rules = load_rules(resources.rules_dir(root))
        lines.append(CheckLine("rules", True))
    except DataFileError as exc:
        lines.append(CheckLine("rules", False, str(exc)))
    texts: Texts | None = None
    try:
        catalogues = {
            language: load_texts(resources.text_dir(root), language) for language in LANGUAGES
        }
        check_placeholders(resources.text_dir(root), catalogues)
        texts = catalogues[DEFAULT_LANGUAGE]
        lines.append(CheckLine("texts", True))
    except DataFileError as exc:
        lines.append(CheckLine("texts", False, str(exc)))
    if rules is not None:
        try:
            content_check(root, rules)
            lines.append(CheckLine("content", True))
        except DataFileError as exc:  # ProblemsFound lists every problem, one per line
            lines.append(CheckLine("content", False, str(exc)))
    font_file = resources.fonts_dir(root) / FONT_FILES[0]
    registered = font_family in QFontDatabase.families()
    missing = missing_glyphs(font_file, texts) if texts is not None and font_file.is_file() else 0
    lines.append(CheckLine("font", registered and font_file.is_file(), font_family))
    return lines, missing
