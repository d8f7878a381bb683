"""A full disk under the log folder and the usage counts: the kiosk says so once and carries on.

It printed a 20-line "--- Logging error ---" traceback to stderr for every log call, and each
usage count left an empty ``.usage-XXXX`` temporary file behind. Now: one line on stderr, the
failures counted (and shown on the admin panel), and no temporary file left.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from opskit import operations

from tests.faults import run_short_of_space

# Log and count until long after the disk is full (as a kiosk would), then report.
SCRIPT = """
import logging, sys
from pathlib import Path
from kiosk.ops.logs import log_failures, setup_logging
from kiosk.ops.usage import UsageCounter

folder = Path(sys.argv[1])
setup_logging(folder / "logs")
log = logging.getLogger("kiosk.test")
usage = UsageCounter(folder / "usage.json")
for i in range(400):
    log.info("journey %d finished " + "x" * 200, i)
    usage.count("journey_finished")
print("failures", log_failures().count, "counted", usage.counts()["journey_finished"])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a full disk the Linux way")
def test_a_full_log_disk_is_said_once_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    env = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    run = run_short_of_space(
        [sys.executable, "-c", SCRIPT, str(folder)], folder, free_kib=16, env=env
    )
    done = run.completed
    assert done.returncode == 0, done.stderr
    assert "Logging error" not in done.stderr and "Traceback" not in done.stderr
    said = [line for line in done.stderr.splitlines() if "cannot be written" in line]
    assert len(said) == 1, done.stderr
    failures = int(done.stdout.split()[1])
    print(f"({run.how}) {failures} log records not written; stderr: {said[0]}")
    assert failures > 0
    assert done.stdout.split()[3] == "400"  # counting carried on in memory
    assert not [name for name in run.files if name.startswith(".usage")], run.files


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_the_admin_panel_shows_how_many_log_records_were_lost(
    make_window: Any, ops_env: Any, texts: Any, capfd: pytest.CaptureFixture[str]
) -> None:
    import logging

    from kiosk.ops.logs import setup_logging

    folder = ops_env.root / "full"
    folder.mkdir(parents=True)
    (folder / "kiosk.log").symlink_to("/dev/full")  # every write: No space left on device
    setup_logging(folder)
    window = make_window()
    for _ in range(30):
        logging.getLogger("kiosk.test").info("something happened")
    err = capfd.readouterr().err
    assert err.count("cannot be written") == 1 and "Logging error" not in err, err
    ops = operations(window)
    ops.open_admin_panel()
    shown = ops.admin_panel.section_text(texts.ops.admin_log)
    assert shown.splitlines()[0].startswith(texts.ops.log_failures.split("{")[0])
    assert "No space left on device" in shown.splitlines()[0]
