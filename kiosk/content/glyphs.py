"""Which characters a bundled OpenType font can draw, read from its ``cmap`` table with the
standard library only (no Qt, no fontTools), so ``kiosk-calc check`` can prove every string on
screen renders before the content is copied onto a terminal."""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from kiosk.datafile import MAX_FILE_BYTES, DataFileError, read_data_file, read_toml

MAX_FONT_BYTES = 64 * 1024 * 1024  # the bundled subsets are about 3 MB each


def _format4(data: bytes, offset: int) -> set[int]:
    count = struct.unpack_from(">H", data, offset + 6)[0] // 2
    ends = struct.unpack_from(f">{count}H", data, offset + 14)
    starts_at = offset + 16 + 2 * count
    starts = struct.unpack_from(f">{count}H", data, starts_at)
    deltas = struct.unpack_from(f">{count}h", data, starts_at + 2 * count)
    ranges_at = starts_at + 4 * count
    range_offsets = struct.unpack_from(f">{count}H", data, ranges_at)
    found: set[int] = set()
    for i in range(count):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if range_offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = ranges_at + 2 * i + range_offsets[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                found.add(code)
    return found


def _format12(data: bytes, offset: int) -> set[int]:
    groups = struct.unpack_from(">I", data, offset + 12)[0]
    found: set[int] = set()
    for g in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, offset + 16 + 12 * g)
        found.update(range(start + (glyph == 0), end + 1))
    return found


def font_characters(path: Path) -> frozenset[int]:
    """Every code point ``path`` (an OTF/TTF) maps to a glyph."""
    data = read_data_file(path, limit=MAX_FONT_BYTES)  # missing, a folder, a FIFO...: named
    try:
        tables = struct.unpack_from(">H", data, 4)[0]
        cmap = next(
            struct.unpack_from(">I", data, 12 + 16 * i + 8)[0]
            for i in range(tables)
            if data[12 + 16 * i : 16 + 16 * i] == b"cmap"
        )
        found: set[int] = set()
        for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
            platform, encoding, sub = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
            if (platform, encoding) not in {(3, 1), (3, 10), (0, 3), (0, 4)}:
                continue
            kind = struct.unpack_from(">H", data, cmap + sub)[0]
            if kind == 4:
                found |= _format4(data, cmap + sub)
            elif kind == 12:
                found |= _format12(data, cmap + sub)
    except StopIteration:
        raise DataFileError(path, "", "not a readable OpenType font: no cmap table") from None
    except struct.error as exc:
        raise DataFileError(path, "", f"not a readable OpenType font: {exc}") from None
    if not found:
        raise DataFileError(path, "cmap", "no Unicode character map")
    return frozenset(found)


def needs_glyph(char: str) -> bool:
    return not char.isspace() and not unicodedata.category(char).startswith("C")


def missing_characters(characters: frozenset[int], texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` the font cannot draw, sorted."""
    wanted = {char for text in texts for char in text if needs_glyph(char)}
    return sorted(char for char in wanted if ord(char) not in characters)


FONT_FILES = ("NotoSansSC-Kiosk-Regular.otf", "NotoSansSC-Kiosk-Bold.otf")
TEXT_FOLDERS = ("text", "rules", "content")


def nested_strings(value: object, where: str = "") -> Iterable[tuple[str, str]]:
    """``(field, text)`` for every string inside nested TOML data."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from nested_strings(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nested_strings(item, f"{where}[{index}]")


def font_problems(root: Path, extra: Iterable[tuple[Path, str, str]] = ()) -> list[DataFileError]:
    """One problem per string under ``root``'s text, rules and content TOML files (and per
    ``(path, field, text)`` of ``extra``, e.g. answers with their figures filled in) that holds a
    character one of the bundled fonts cannot draw.

    Runs at every start-up, so it is quick: a file whose every character (comments and keys
    included) the fonts draw is not parsed at all; only the rest are, to name the field."""
    fonts = [font_characters(root / "fonts" / name) for name in FONT_FILES]
    drawable = {chr(code) for code in frozenset.intersection(*fonts)}

    def undrawable(text: str) -> list[str]:
        return sorted(char for char in set(text) - drawable if needs_glyph(char))

    located: list[tuple[Path, str, str]] = []
    problems: list[DataFileError] = []
    for folder in TEXT_FOLDERS:
        for path in sorted((root / folder).rglob("*.toml")):
            try:  # a stray folder, FIFO or dangling link named *.toml is named, not read
                raw = read_data_file(path, limit=MAX_FILE_BYTES)
                if not undrawable(raw.decode("utf-8", errors="replace")):
                    continue
                located += [(path, field, text) for field, text in nested_strings(read_toml(path))]
            except DataFileError as exc:
                problems.append(exc)
    located += list(extra)
    for path, field, text in located:
        missing = undrawable(text)
        if missing:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing)
            problems.append(
                DataFileError(path, field, f"not in the bundled font (字体缺字): {shown}")
            )
    return problems
