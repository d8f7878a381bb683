"""The real program, started as a user (or the packaged build's smoke test) starts it:
``python -m kiosk`` in a subprocess, headless."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

import kiosk
from kiosk import resources
from kiosk.fingerprint import resources_fingerprint
from kiosk.rules import load_rules
from tests.conftest import run_kiosk


def test_smoke_run_exits_zero_within_a_minute() -> None:
    completed = run_kiosk("--smoke")
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr


def test_smoke_run_in_portrait() -> None:
    completed = run_kiosk("--smoke", "--size", "1080x1920")
    assert completed.returncode == 0, completed.stderr


def test_version_names_the_application_rules_and_content() -> None:
    completed = run_kiosk("--version")
    assert completed.returncode == 0
    lines = completed.stdout.splitlines()
    assert lines[0] == f"kiosk {kiosk.__version__}"
    updated = load_rules(resources.rules_dir()).updated
    fingerprint = resources_fingerprint(resources.resources_dir())
    assert lines[1] == (
        f"rules data: updated {updated.isoformat()}, fingerprint {fingerprint.rules.digest}"
    )
    assert lines[2] == f"content: fingerprint {fingerprint.content.digest}"
    assert lines[3] == f"resources: {resources.resources_dir().resolve()}"


@pytest.mark.parametrize("size", ["12x", "1920x", "x1080", "1920*1080", "19x10"])
def test_bad_size_is_a_usage_error(size: str) -> None:
    completed = run_kiosk("--size", size)
    assert completed.returncode == 2
    assert "usage:" in completed.stderr
    assert "--size" in completed.stderr
    assert "Traceback" not in completed.stderr


# a broken resources folder -----------------------------------------------------------------------


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def floor_above_ceiling(root: Path) -> tuple[str, list[str]]:
    """The 2026 row's base_floor made larger than its base_ceiling."""
    path = root / "rules" / "contribution.toml"
    rows = tomllib.loads(path.read_text(encoding="utf-8"))["year"]
    index, row = next((i, r) for i, r in enumerate(rows) if r["contribution_year"] == 2026)
    replace_once(path, f'base_floor = "{row["base_floor"]}"', 'base_floor = "99999"')
    return "contribution.toml", [f"year[{index}]", "base_floor"]


def missing_text_file(root: Path) -> tuple[str, list[str]]:
    (root / "text" / "zh_CN" / "home.toml").unlink()
    return "home.toml", []


def missing_text_key(root: Path) -> tuple[str, list[str]]:
    replace_once(root / "text" / "zh_CN" / "retirement.toml", "\ndelay_value = ", "\n# = ")
    return "retirement.toml", ["delay_value"]


def missing_font(root: Path) -> tuple[str, list[str]]:
    (root / "fonts" / "NotoSansSC-Kiosk-Bold.otf").unlink()
    return "NotoSansSC-Kiosk-Bold.otf", []


@pytest.mark.parametrize(
    "breaker", [floor_above_ceiling, missing_text_file, missing_text_key, missing_font]
)
def test_broken_resources_stop_with_the_file_and_field(
    tmp_path: Path, breaker: Callable[[Path], tuple[str, list[str]]]
) -> None:
    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    file_name, fields = breaker(root)
    completed = run_kiosk("--smoke", "--resources", str(root))
    assert completed.returncode == 1  # EXIT_BAD_DATA, not a crash
    assert "Traceback" not in completed.stderr
    naming = [line for line in completed.stderr.splitlines() if file_name in line]
    assert naming, completed.stderr
    assert all(field in naming[0] for field in fields), naming[0]


def test_the_intact_copy_starts(tmp_path: Path) -> None:
    """The breakers above break only what they say: an unbroken copy starts."""
    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    completed = run_kiosk("--smoke", "--resources", str(root))
    assert completed.returncode == 0, completed.stderr
