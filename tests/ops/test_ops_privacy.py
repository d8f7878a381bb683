"""Nothing a citizen enters is written to disk: journeys with distinctive values, results, idle
resets, an exception quoting a value and the admin panel; then every file the test produced (logs,
usage counts, settings folders) is scanned for the values."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from opskit import PIN, fill_every_journey, operations
from PySide6.QtWidgets import QPushButton

VALUES = ("98765.43", "98765", "123456.78", "123456", "1966-07", "1966年7月", "196607", "377")
WAIT_MS = 3000
# a log line's time (2026-12-07 18:17:58,377): its digits may match a value by chance
LOG_TIME = re.compile(rb"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", re.MULTILINE)


def raise_with_values(window: Any) -> None:
    """A slot that fails quoting what was typed (the crash guard must not log it)."""
    wage = window.pages["contribution"].wage.text()
    amount = window.pages["pension"].amount.text()
    birth = window.pages["pension"].birth.value()
    raise ValueError(f"{wage} {amount} {birth.year}-{birth.month:02d}")


def test_nothing_entered_reaches_a_file(
    make_window: Any, qtbot: Any, ops_env: Any, tmp_path: Path
) -> None:
    window = make_window(attract_enabled=True)
    ops = operations(window)
    ops.crash_guard.install()
    try:
        for _ in range(2):
            fill_every_journey(window)
            contribution = window.pages["contribution"]
            contribution.next()  # the wage 98765.43 to a result (or a message naming the field)
            pension = window.pages["pension"]
            window.show_page("pension")
            while not pension.showing_result() and pension.current_screen() is not None:
                before = pension.current_screen()
                pension.next()
                if pension.current_screen() is before:
                    break
            trigger = QPushButton(window)
            trigger.clicked.connect(lambda: raise_with_values(window))
            with qtbot.waitSignal(ops.crash_guard.crashed, timeout=WAIT_MS):
                trigger.click()
            with qtbot.waitSignal(ops.idle.timed_out, timeout=WAIT_MS):
                ops.idle.activity()
        ops.pin_lock.check(PIN)
        ops.open_admin_panel()
    finally:
        ops.crash_guard.uninstall()

    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert ops_env.log_file in files and ops_env.usage_file in files
    assert "idle reset" in ops_env.log_file.read_text(encoding="utf-8")
    for path in files:
        data = LOG_TIME.sub(b"", path.read_bytes())
        for value in VALUES:
            assert value.encode("utf-8") not in data, (path, value)
