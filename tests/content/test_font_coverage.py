"""The stdlib cmap reader behind ``kiosk-calc check`` agrees with Qt, and every character of the
FAQ and the guide (figures filled in) is in both bundled fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import resources
from kiosk.content.commands import check_font
from kiosk.content.glyphs import FONT_FILES, font_characters, font_problems, missing_characters

SAMPLE = (
    "的一是了我不在人有缴费退休龄聘鑫，。：（）“”、0123456789AaZz%¥·—\ua66e\U0001f600\u9fa5\u4e00"
)


@pytest.mark.parametrize("name", FONT_FILES)
def test_the_cmap_reader_agrees_with_qt(qapp, name: str) -> None:
    from PySide6.QtGui import QRawFont

    path = resources.fonts_dir() / name
    raw = QRawFont(str(path), 20)
    ours = font_characters(path)
    for char in SAMPLE:
        assert (ord(char) in ours) == raw.supportsCharacter(ord(char)), char
    assert 8000 < len(ours) < 9000


def test_missing_characters() -> None:
    chars = font_characters(resources.fonts_dir() / FONT_FILES[0])
    assert missing_characters(chars, ["的\ua66e\n ", "\U0001f600"]) == ["\ua66e", "\U0001f600"]


def test_every_bundled_string_is_in_the_fonts(content) -> None:
    check_font(resources.resources_dir(), content)
    assert font_problems(resources.resources_dir()) == []


def test_a_font_that_is_not_a_font(tmp_path: Path) -> None:
    from kiosk.rules.loader import DataFileError

    bad = tmp_path / "bad.otf"
    bad.write_bytes(b"not a font")
    with pytest.raises(DataFileError) as caught:
        font_characters(bad)
    assert caught.value.path == bad
