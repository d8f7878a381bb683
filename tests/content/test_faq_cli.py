"""``kiosk-calc faq-list``, ``faq-search QUERY [--limit N]`` and what ``check`` adds for content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kiosk import cli, resources


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_faq_list(capsys: pytest.CaptureFixture[str], content) -> None:
    code, data, _ = run(capsys, "faq-list")
    assert code == 0
    assert isinstance(data, list) and len(data) == len(content.entries)
    assert data[0] == {
        "id": content.entries[0].id,
        "category": content.entries[0].category,
        "question": content.entries[0].question,
    }
    assert all(set(row) == {"id", "category", "question"} for row in data)


@pytest.mark.parametrize("query", ["退休年龄", "tuixiunianling", "txnl"])
def test_faq_search_ranks(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, data, _ = run(capsys, "faq-search", query, "--limit", "3")
    assert code == 0
    assert isinstance(data, list) and len(data) == 3
    assert data[0]["id"] == "ret-reform"


def test_faq_search_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "faq-search", "zzzq") == (0, [], "")


def test_faq_search_bad_limit(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["faq-search", "txnl", "--limit", "-1"])
    assert caught.value.code == cli.EXIT_BAD_INPUT


def test_check_lists_the_content(capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(capsys, "check")
    assert code == 0
    assert isinstance(data, dict)
    checked = data["checked"]
    assert "content/guide.toml" in checked and "content/faq/01-contribution.toml" in checked
    assert "text/zh_CN/faq.toml" in checked


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    return root


def test_check_names_a_broken_content_file(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    path = broken / "content" / "faq" / "02-retirement.toml"
    path.write_text(
        path.read_text("utf-8").replace('"ret-pace", "ret-female', '"ret-nope", "ret-female', 1),
        "utf-8",
    )
    code, _, err = run(capsys, "--resources", str(broken), "check")
    assert code == cli.EXIT_BAD_DATA
    assert "02-retirement.toml" in err and "related" in err and "ret-nope" in err


def test_check_lists_every_character_the_font_lacks(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    guide = broken / "content" / "guide.toml"
    text = guide.read_text("utf-8").replace("七大类网上渠道", "七大类\U0001f600网上渠道", 1)
    guide.write_text(text, "utf-8")
    faq = broken / "text" / "zh_CN" / "faq.toml"
    faq.write_text(faq.read_text("utf-8").replace('"常见问题"', '"常见问题\ua66e"', 1), "utf-8")
    code, _, err = run(capsys, "--resources", str(broken), "check")
    assert code == cli.EXIT_BAD_DATA
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert any("guide.toml: tips.items[0]" in line and "U+1F600" in line for line in lines)
    assert any("faq.toml: tile_title" in line and "U+A66E" in line for line in lines)
