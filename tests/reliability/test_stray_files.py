"""Stray files named like data: only regular files are data.

A dangling link, a folder, a FIFO or an unreadable file named ``*.toml`` in the bundle is named as
a broken file by ``kiosk --version``, ``kiosk-calc check`` and the start-up, each exiting 1 at once
(a FIFO used to hang start-up forever), with no traceback. Such a file appearing while the kiosk
runs does not stop the right PIN from opening the admin panel, which names it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk import resources

STRAY = "stray.toml"
TIMEOUT_S = 60  # a FIFO used to block start-up for ever: this is the proof it no longer does


def dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "no-such-file.toml")


def folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.toml").write_text('x = "y"\n', encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def unreadable(path: Path) -> None:
    path.write_text('x = "y"\n', encoding="utf-8")
    path.chmod(0)


KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "dangling-link": (dangling_link, "a link to a missing file"),
    "folder": (folder, "a folder"),
    "fifo": (fifo, "a FIFO"),
    "unreadable": (unreadable, "cannot be read"),
}
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
SETPRIV = shutil.which("setpriv")


def demoted() -> list[str]:
    """A command prefix under which root obeys file permissions (no DAC override), so that an
    unreadable file is unreadable; nothing for an ordinary user."""
    if not ROOT:
        return []
    assert SETPRIV is not None
    caps = "-dac_override,-dac_read_search"
    return [SETPRIV, f"--bounding-set={caps}", f"--inh-caps={caps}"]


def kinds(*, in_process: bool = False) -> list[Any]:
    marks = {
        "unreadable": pytest.mark.skipif(
            ROOT and (in_process or SETPRIV is None),
            reason="root reads any file: needs setpriv, in a subprocess",
        ),
        "fifo": pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system"),
        "dangling-link": pytest.mark.skipif(
            sys.platform.startswith("win"), reason="links need privileges on Windows"
        ),
    }
    return [pytest.param(kind, id=kind, marks=marks.get(kind, ())) for kind in KINDS]


def broken_copy(tmp_path: Path, kind: str, where: str = "text/zh_CN") -> tuple[Path, Path]:
    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    stray = root / where / STRAY
    KINDS[kind][0](stray)
    return root, stray


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [*demoted(), sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        env=env,
        check=False,
    )


def assert_named(completed: subprocess.CompletedProcess[str], stray: Path, kind: str) -> None:
    assert completed.returncode == 1, completed.stdout + completed.stderr
    output = completed.stdout + completed.stderr
    assert "Traceback" not in output, output
    lines = [line for line in completed.stderr.splitlines() if str(stray) in line]
    assert lines, completed.stderr
    assert KINDS[kind][1] in lines[0], lines[0]


@pytest.mark.parametrize("kind", kinds())
def test_version_check_and_start_up_name_a_stray_file(tmp_path: Path, kind: str) -> None:
    root, stray = broken_copy(tmp_path, kind)
    settings = tmp_path / "settings.toml"
    settings.write_text("", encoding="utf-8")
    assert_named(run("-m", "kiosk", "--version", "--resources", str(root)), stray, kind)
    assert_named(run("-m", "kiosk.cli", "--resources", str(root), "check"), stray, kind)
    started = run("-m", "kiosk", "--smoke", "--resources", str(root), "--config", str(settings))
    assert_named(started, stray, kind)


@pytest.mark.parametrize("where", ["rules", "content/faq", "content", "text/en"])
@pytest.mark.parametrize("kind", kinds(in_process=True))
def test_kiosk_calc_check_names_a_stray_file_anywhere(
    tmp_path: Path, kind: str, where: str
) -> None:
    from test_broken_bundles import run_check

    root, stray = broken_copy(tmp_path, kind, where)
    code, out, err = run_check(root)
    assert (code, out) == (1, ""), err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if str(stray) in line]
    assert lines, err
    assert KINDS[kind][1] in lines[0]


@pytest.mark.parametrize("kind", kinds(in_process=True))
def test_a_stray_file_appearing_while_running_is_named_on_the_admin_panel(
    qtbot: Any, tmp_path: Path, kind: str
) -> None:
    """The right PIN opens the admin panel (it showed 抱歉), and its self-check names the file."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.app import build_main_window, load_bundle
    from kiosk.ops.pin import hash_pin
    from kiosk.settings import KioskSettings
    from kiosk.ui.ops.install import Operations, OpsHooks

    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    bundle = load_bundle(root)
    settings = KioskSettings(
        admin_pin_hash=hash_pin("2468", n=2**10),
        log_dir=tmp_path / "logs",
        usage_file=tmp_path / "usage.json",
    )
    window = build_main_window(bundle, settings=settings, ops_hooks=OpsHooks(quit=lambda: None))
    window.show()
    qtbot.wait_exposed(window)
    try:
        operations = window.findChild(Operations)
        assert isinstance(operations, Operations)
        stray = root / "text" / "zh_CN" / STRAY
        KINDS[kind][0](stray)
        operations.open_pin_pad()
        operations.pin_pad.enter("2468")
        assert operations.admin_panel.is_open()
        ops = bundle.texts.ops
        checks = operations.admin_panel.section_text(ops.admin_check)
        assert str(stray) in checks and KINDS[kind][1] in checks, checks
        versions = operations.admin_panel.section_text(ops.admin_versions)
        assert str(stray) in versions, versions
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
