"""Start-up hygiene: no garbage collection while the kiosk starts, none of start-up's objects
scanned again once it runs, and the sources PySide's import hook read let go."""

from __future__ import annotations

import gc
import linecache
import os
import subprocess
import sys

from kiosk.main import _after_start

PROBE = """
import gc, sys
import kiosk.main
states = []
original = kiosk.main.main
def main():
    states.append((gc.isenabled(), gc.get_freeze_count() > 0))
    code = original(["--smoke"])  # returns after the first paint
    states.append((gc.isenabled(), gc.get_freeze_count() > 0))
    print(states, flush=True)
    return code
kiosk.main.main = main
kiosk.main.run()
"""


def test_the_collector_is_off_until_the_event_loop_runs(tmp_path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CACHE_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    # off as main() starts; on, start-up's objects frozen, once the event loop has run
    assert done.stdout.strip().splitlines()[-1] == "[(False, False), (True, True)]"


def test_after_start_turns_the_collector_on_and_empties_the_source_cache() -> None:
    linecache.getline(__file__, 1)
    gc.disable()
    try:
        _after_start()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        assert __file__ not in linecache.cache
    finally:
        gc.unfreeze()
        gc.enable()
