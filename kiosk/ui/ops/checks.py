"""What the admin panel reports about the installed bundle: a self-check (versions and
fingerprints: :mod:`kiosk.fingerprint`)."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QRawFont

from kiosk import resources
from kiosk.bundle import validate_bundle
from kiosk.content.texts import Texts
from kiosk.datafile import DataFileError
from kiosk.ui.fonts import FONT_FILES


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
        for text in _strings(dataclasses.asdict(texts))
        for c in text
        if not c.isspace() and not unicodedata.category(c).startswith("C")
    }
    # the code point, not the str: PySide6's supportsCharacter(str) is wrong above U+00FF
    return sum(1 for c in chars if not raw.supportsCharacter(ord(c)))


def check_bundle(root: Path, font_family: str) -> tuple[list[CheckLine], int]:
    """What ``kiosk-calc check`` and the start-up check (:func:`kiosk.bundle.validate_bundle`),
    on ``root`` as it is now, so a stray file that appeared since start-up is named; that the
    font is registered; and the font's missing glyphs. Never raises for a broken file: it becomes
    a failed line, named by the part of the bundle it is in."""
    try:
        texts = validate_bundle(root).texts
    except DataFileError as exc:
        return [CheckLine(_part(root, exc.path), False, str(exc))], 0
    lines = [CheckLine(name, True) for name in ("rules", "texts", "content")]
    font_file = resources.fonts_dir(root) / FONT_FILES[0]
    registered = font_family in QFontDatabase.families()
    lines.append(CheckLine("font", registered and font_file.is_file(), font_family))
    return lines, missing_glyphs(font_file, texts) if font_file.is_file() else 0


def _part(root: Path, path: Path) -> str:
    """The check line a broken file belongs to: rules/, text/, fonts/ or the content."""
    try:
        top = path.relative_to(root).parts[0]
    except (ValueError, IndexError):
        return "content"
    return {"rules": "rules", "text": "texts", "fonts": "font"}.get(top, "content")
