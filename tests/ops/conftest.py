"""Fixtures of the kiosk-operations tests: settings and state folders in ``tmp_path``, a fake clock,
millisecond timers (``time_scale``), an injected quit, and a window built with its operations."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opskit import PIN, TODAY, FakeClock, OpsEnv, free_window, operations

TIME_SCALE = 0.001  # a second of the settings lasts a millisecond


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does lands in the real home: config and state folders point at tmp_path."""
    home = tmp_path / "home"
    for variable, folder in {
        "HOME": home,
        "XDG_CONFIG_HOME": home / "config",
        "XDG_STATE_HOME": home / "state",
        "APPDATA": home / "appdata",
        "LOCALAPPDATA": home / "localappdata",
    }.items():
        monkeypatch.setenv(variable, str(folder))
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def pin_hash() -> str:
    from kiosk.ops.pin import hash_pin

    return hash_pin(PIN, n=2**10)  # a cheap hash: the tests check many PINs


@pytest.fixture
def ops_env(tmp_path: Path) -> Iterator[OpsEnv]:
    from kiosk.ops.logs import setup_logging

    env = OpsEnv(tmp_path / "ops")
    setup_logging(env.log_dir)
    yield env
    logger = logging.getLogger("kiosk")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


@pytest.fixture
def make_window(qtbot: Any, bundle: Any, ops_env: OpsEnv, clock: FakeClock, pin_hash: str):
    """``make_window(**settings)``: the real window with its operations, shown at 1366x768."""
    from kiosk.app import build_main_window
    from kiosk.ops.usage import UsageCounter
    from kiosk.settings import validate_settings
    from kiosk.ui.ops.install import OpsHooks

    made = []

    def make(*, bundle_: Any = None, size: tuple[int, int] = (1366, 768), **values: Any):
        values.setdefault("admin_pin_hash", pin_hash)
        values.setdefault("log_dir", ops_env.log_dir)
        values.setdefault("usage_file", ops_env.usage_file)
        settings = validate_settings(values)
        window = build_main_window(
            bundle_ or bundle,
            today=lambda: TODAY,
            settings=settings,
            usage=UsageCounter(settings.usage_file),
            ops_hooks=OpsHooks(
                quit=ops_env.quit,
                clock=clock,
                time_scale=TIME_SCALE,
                log_file=ops_env.log_file,
            ),
        )
        window.resize(*size)
        window.show()
        qtbot.wait_exposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        ops = operations(window)
        if ops.lockdown is not None:
            ops.lockdown.allow_close()
        ops.idle.stop()
        free_window(window)
