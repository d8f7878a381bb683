"""The import contracts of pyproject.toml (kiosk/ARCHITECTURE.md) hold, and would catch a
violation: a copy of the package where the rules import the presentation layer, or the
presentation imports Qt, is refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk

ROOT = Path(kiosk.__file__).resolve().parent.parent
LINT = Path(sys.executable).parent / "lint-imports"


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "kiosk", tmp_path / "kiosk", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_contracts_hold(copy: Path) -> None:
    done = lint(copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Layers" in done.stdout and "KEPT" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("rules/money.py", "import kiosk.present.model\n", "Layers"),
        ("content/format.py", "import kiosk.ui.navigation\n", "Layers"),
        ("present/model.py", "import PySide6.QtCore\n", "never imports Qt"),
    ],
)
def test_a_violation_is_caught(copy: Path, module: str, line: str, broken: str) -> None:
    path = copy / "kiosk" / module
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    done = lint(copy)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout and broken in done.stdout, done.stdout
