"""The rules and content fingerprints: the same files give the same fingerprint wherever they lie
and whatever their dates; a changed rules file changes only the rules one, any other file only the
content one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.fingerprint import resources_fingerprint


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), target)
    return target


def test_a_copy_elsewhere_with_other_dates_has_the_same_fingerprints(copy: Path) -> None:
    for path in copy.rglob("*.toml"):
        os.utime(path, (0, 0))
    bundled, copied = resources_fingerprint(resources.resources_dir()), resources_fingerprint(copy)
    for part in ("rules", "content"):
        assert getattr(copied, part).digest == getattr(bundled, part).digest
        assert getattr(copied, part).files == getattr(bundled, part).files


@pytest.mark.parametrize(
    ("changed", "part"),
    [
        ("rules/contribution.toml", "rules"),
        ("content/guide.toml", "content"),
        ("text/zh_CN/ops.toml", "content"),
        ("icons/faq.svg", "content"),
    ],
)
def test_a_changed_file_changes_its_part_only(copy: Path, changed: str, part: str) -> None:
    before = resources_fingerprint(copy)
    with (copy / changed).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    after = resources_fingerprint(copy)
    other = "content" if part == "rules" else "rules"
    assert getattr(after, part).digest != getattr(before, part).digest
    assert getattr(after, other).digest == getattr(before, other).digest


def test_a_file_added_or_renamed_changes_the_fingerprint(copy: Path) -> None:
    before = resources_fingerprint(copy).content
    (copy / "content" / "faq" / "extra.toml").write_text("", encoding="utf-8")
    added = resources_fingerprint(copy).content
    assert (added.digest, added.files) != (before.digest, before.files)
    (copy / "content" / "faq" / "extra.toml").rename(copy / "content" / "faq" / "other.toml")
    assert resources_fingerprint(copy).content.digest != added.digest


def test_twelve_hex_digits_and_the_newest_date() -> None:
    fingerprint = resources_fingerprint(resources.resources_dir())
    for part in (fingerprint.rules, fingerprint.content):
        assert len(part.digest) == 12 and int(part.digest, 16) >= 0
        assert part.files > 0 and part.updated is not None
