"""What the admin panel reports about the installed bundle: a self-check (versions and
fingerprints: :mod:`kiosk.fingerprint`)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QRawFont

from kiosk import resources
from kiosk.content.texts import Texts, load_texts
from kiosk.rules import load_rules
from kiosk.rules.loader import DataFileError
from kiosk.ui.fonts import FONT_FILES


@dataclass(frozen=True, slots=True)
class CheckLine:
    name: str  # "rules", "texts", "font"
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
    """Rules and texts load from ``root``, the font is registered; and the font's missing glyphs."""
    lines: list[CheckLine] = []
    try:
        load_rules(resources.rules_dir(root))
        lines.append(CheckLine("rules", True))
    except DataFileError as exc:
        lines.append(CheckLine("rules", False, str(exc)))
    texts: Texts | None = None
    try:
        texts = load_texts(resources.text_dir(root))
        lines.append(CheckLine("texts", True))
    except DataFileError as exc:
        lines.append(CheckLine("texts", False, str(exc)))
    font_file = resources.fonts_dir(root) / FONT_FILES[0]
    registered = font_family in QFontDatabase.families()
    missing = missing_glyphs(font_file, texts) if texts is not None and font_file.is_file() else 0
    lines.append(CheckLine("font", registered and font_file.is_file(), font_family))
    return lines, missing
