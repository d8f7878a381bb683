"""Every package of kiosk/ is installed: pyproject's explicit package list names each folder with
an __init__.py (kiosk.ui.ops was once missing, and only the stand-alone build noticed)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import kiosk

ROOT = Path(kiosk.__file__).resolve().parent.parent


def test_every_package_is_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "kiosk").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    assert found <= listed, sorted(found - listed)
