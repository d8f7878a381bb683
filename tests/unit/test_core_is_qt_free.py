"""The core (rules, content, presentation, journey registry, bundle) and the CLI import without
Qt (STYLE.md habit 1)."""

from __future__ import annotations

import json
import subprocess
import sys

CORE_MODULES = [
    "kiosk.rules",
    "kiosk.content",
    "kiosk.present",
    "kiosk.journeys",
    "kiosk.bundle",
    "kiosk.cli",
]

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def loaded_modules(*names: str) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *names],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    modules = json.loads(completed.stdout)
    assert isinstance(modules, list)
    return modules


def test_core_imports_no_qt() -> None:
    modules = loaded_modules(*CORE_MODULES)
    assert set(CORE_MODULES) <= set(modules)
    qt = [name for name in modules if name.startswith(("PySide6", "shiboken6"))]
    assert qt == []


def test_the_probe_would_see_qt() -> None:
    """The check above can fail: importing PySide6 shows up in the same probe."""
    modules = loaded_modules("PySide6.QtCore")
    assert "PySide6" in modules and "shiboken6" in modules
