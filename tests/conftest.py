"""Shared fixtures. Every test that uses ``qapp``/``qtbot`` is marked ``gui`` automatically, so
``pytest -m "not gui"`` is the fast Qt-free run."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.rules import RulesData, load_rules

TODAY = date(2026, 11, 29)

# Tests never need a display; packaging/dev.py sets this too, a bare `pytest` gets it here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The snapshots of the validated bundle a started kiosk writes (kiosk.snapshot) go to a folder of
# this test run's, never to the cache folder of whoever runs the tests.
_CACHE = tempfile.mkdtemp(prefix="kiosk-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qapp" in fixtures or "qtbot" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def no_terminal_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window built with settings gets a recording engine, not the terminal's own: no test
    starts speech-dispatcher by accident (tests/ui/test_speech_engine.py does, on purpose)."""
    import kiosk.app

    def recording(settings):  # type: ignore[no-untyped-def]
        from kiosk.ui.speech import NoEngine, Problem, RecordingEngine

        if settings is not None and not settings.read_aloud:
            return NoEngine(Problem.TURNED_OFF)
        return RecordingEngine()

    monkeypatch.setattr(kiosk.app, "speech_engine_for", recording)


@pytest.fixture(scope="session")
def resources_root() -> Path:
    return resources.resources_dir()


@pytest.fixture(scope="session")
def rules(resources_root: Path) -> RulesData:
    return load_rules(resources.rules_dir(resources_root))


@pytest.fixture(scope="session")
def zh_texts(resources_root: Path):
    """The Chinese catalogue, without Qt (the FAQ's language)."""
    from kiosk.content.texts import load_texts

    return load_texts(resources.text_dir(resources_root))


@pytest.fixture
def today() -> date:
    """A fixed 'today' so tests never depend on the clock."""
    return TODAY


@pytest.fixture(scope="session")
def bundle(qapp):
    """Rules, texts and the registered font, loaded once per test session."""
    from kiosk.app import load_bundle

    return load_bundle()


@pytest.fixture
def texts(bundle):
    return bundle.texts


@pytest.fixture
def window(qtbot, bundle):
    """The real main window, built the way main() builds it, with 'today' fixed."""
    from kiosk.app import build_main_window

    main_window = build_main_window(bundle, today=lambda: TODAY)
    main_window.resize(1366, 768)
    main_window.show()
    qtbot.wait_exposed(main_window)
    yield main_window
    free_window(main_window)


def free_window(main_window) -> None:
    """Really delete a window now, so later tests don't pay for it (a deleteLater alone waits
    for an event loop that a test may never run)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    main_window.close()
    main_window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def run_kiosk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real program in a subprocess, offscreen, with the bundled resources."""
    env = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        timeout=60,
        env=env,
        check=False,
    )
