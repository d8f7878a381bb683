"""The bundled pinyin readings (content/pinyin.toml): exactly what pypinyin says for every text the
search reads, so the kiosk never needs pypinyin at start-up and finds what pypinyin would find; a
text without a reading still works (read then) and ``kiosk-calc check`` names it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.cli import main as kiosk_calc
from kiosk.content.faq import Content, content_dir
from kiosk.content.pinyin import (
    READINGS_FILE,
    check_readings,
    load_readings,
    read_aloud,
    readings_toml,
    searchable_texts,
)
from kiosk.content.search import SearchIndex
from kiosk.rules.loader import DataFileError
from tests.content.test_faq_search import RANKING


def test_the_bundled_file_is_what_pypinyin_says_now(content: Content) -> None:
    bundled = (content_dir(resources.resources_dir()) / READINGS_FILE).read_text("utf-8")
    assert bundled == readings_toml(searchable_texts(content)), (
        "content/pinyin.toml is out of date: run `kiosk-calc faq-pinyin --write`"
    )


def test_every_searchable_text_has_a_reading(content: Content, index: SearchIndex) -> None:
    check_readings(content_dir(resources.resources_dir()), content)
    assert index.read_now == 0


def test_readings_split_into_syllables() -> None:
    assert read_aloud("长辈") == ("zhang", "bei")
    assert read_aloud("60岁退休") == ("60", "sui", "tui", "xiu")
    assert read_aloud("（缴费）") == ("jiao", "fei")


@pytest.mark.parametrize("query", [q for row in RANKING for q in row[:3]] + ["tuixi", "txn", "zz"])
def test_the_bundled_readings_rank_as_pypinyin_does(
    content: Content, index: SearchIndex, query: str
) -> None:
    read_at_start = SearchIndex(content)  # no readings: every text read by pypinyin
    assert read_at_start.read_now == len(
        [t for e in content.entries for t in (e.question, *e.keywords)]
    ) + len(content.entries)
    assert [h.entry.id for h in index.search(query)] == [
        h.entry.id for h in read_at_start.search(query)
    ]


def test_a_text_missing_from_the_file_is_read_then_and_check_names_it(
    content: Content, tmp_path: Path
) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    texts = searchable_texts(content)
    (folder / READINGS_FILE).write_text(readings_toml(texts[1:]), encoding="utf-8")
    readings = load_readings(folder)
    index = SearchIndex(content, readings)
    assert index.read_now >= 1
    assert index.search("qiyezhigong")  # the first text (question) still found by its pinyin
    with pytest.raises(DataFileError) as raised:
        check_readings(folder, content)
    assert raised.value.path == folder / READINGS_FILE
    assert raised.value.field == "readings"
    assert "kiosk-calc faq-pinyin --write" in str(raised.value)


def test_a_broken_readings_file_names_the_file_and_field(tmp_path: Path) -> None:
    (tmp_path / READINGS_FILE).write_text('[readings]\n"退休" = 3\n', encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_readings(tmp_path)
    assert raised.value.path.name == READINGS_FILE
    assert raised.value.field == "readings.退休"


def test_no_readings_file_means_every_text_is_read(tmp_path: Path) -> None:
    assert load_readings(tmp_path) == {}


def test_faq_pinyin_command_writes_the_file(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_dir(broken) / READINGS_FILE
    path.unlink()
    assert kiosk_calc(["--resources", str(broken), "check"]) == 1
    assert READINGS_FILE in capsys.readouterr().err
    assert kiosk_calc(["--resources", str(broken), "faq-pinyin", "--write"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["written"] is True
    assert report["missing"] == report["texts"] > 200
    assert path.read_text("utf-8") == (
        content_dir(resources.resources_dir()) / READINGS_FILE
    ).read_text("utf-8")
    assert kiosk_calc(["--resources", str(broken), "check"]) == 0


def test_faq_pinyin_write_on_a_read_only_bundle_says_so_in_one_line(tmp_path: Path) -> None:
    """It printed a traceback; now exit 1, one line naming the file, and the old file intact."""
    import os
    import shutil
    import sys

    from tests.faults import run_read_only

    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    folder = content_dir(root)
    path = folder / READINGS_FILE
    before = path.read_bytes()
    env = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    done = run_read_only(
        [sys.executable, "-m", "kiosk.cli", "--resources", str(root), "faq-pinyin", "--write"],
        folder,
        env=env,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"kiosk-calc: {path}: cannot be written (无法写入): ")
    assert path.read_bytes() == before
    assert sorted(os.listdir(folder)) == sorted(
        ["categories.toml", "faq", "guide.toml", READINGS_FILE]
    )
