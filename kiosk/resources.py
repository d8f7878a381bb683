"""The one module that knows where bundled files live.

From a source checkout the ``resources/`` folder sits next to the ``kiosk`` package; in an
installed wheel it is installed as ``kiosk/_resources`` (see pyproject); in a PyInstaller build it
is unpacked under ``sys._MEIPASS``. ``KIOSK_RESOURCES`` overrides all three (tests, operators
trying new content).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder that holds rules/, fonts/, text/ ..."""
    override = os.environ.get("KIOSK_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = [
        *([Path(frozen_root) / "resources"] if frozen_root else []),
        _PACKAGE_DIR.parent / "resources",
        _PACKAGE_DIR / "_resources",
    ]
    for candidate in candidates:
        if (candidate / "rules").is_dir():
            return candidate
    return candidates[0]


def rules_dir(root: Path | None = None) -> Path:
    return (root or resources_dir()) / "rules"


def fonts_dir(root: Path | None = None) -> Path:
    return (root or resources_dir()) / "fonts"


def text_dir(root: Path | None = None) -> Path:
    return (root or resources_dir()) / "text"


def icons_dir(root: Path | None = None) -> Path:
    return (root or resources_dir()) / "icons"
