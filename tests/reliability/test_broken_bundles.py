"""Broken bundles: the real program refuses each kind of broken file cleanly.

For every row of broken_kinds.KINDS (a copy of resources/ with ONE thing broken, or a bad settings
file passed with ``--config``): ``python -m kiosk --smoke`` exits by itself with status 1, a line
on stderr names the file, the field and the problem, and nothing anywhere says "Traceback". For
the bundle kinds, ``kiosk-calc --resources DIR check`` (in-process) refuses the same copy with
status 1, naming the same file and field.

Size: the same at both sizes, one start-up per kind (~1-2 s each).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tracemalloc
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from broken_kinds import HUGE_BYTES, KINDS, Broken

from kiosk import resources
from kiosk.cli import main as kiosk_calc
from kiosk.rules.loader import MAX_FILE_BYTES, DataFileError, read_toml
from tests.conftest import run_kiosk


def copy_resources(folder: Path) -> Path:
    root = folder / "resources"
    shutil.copytree(resources.resources_dir(), root)
    return root


def naming_line(stderr: str, prefix: str, path: Path, broken: Broken) -> str:
    """The line of ``stderr`` that names ``path``; it must name the field and the problem too."""
    lines = [line for line in stderr.splitlines() if str(path) in line]
    assert lines, f"no line names {path}:\n{stderr}"
    line = lines[0]
    assert line.startswith(prefix), line
    where = f"{path}: {broken.field}: " if broken.field else f"{path}: "
    assert where in line, f"expected {where!r} in {line!r}"
    assert broken.problem in line, line
    return line


def run_check(root: Path) -> tuple[int, str, str]:
    """``kiosk-calc --resources ROOT check`` in-process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = kiosk_calc(["--resources", str(root), "check"])
    return code, out.getvalue(), err.getvalue()


def runnable(kinds: tuple[Broken, ...]) -> list[object]:
    return [
        pytest.param(
            broken,
            id=broken.kind,
            marks=pytest.mark.skipif(
                broken.needs is not None and not broken.needs.exists(),
                reason=f"no {broken.needs} on this machine",
            ),
        )
        for broken in kinds
    ]


def assert_refused(
    completed: CompletedProcess[str], prefix: str, path: Path, broken: Broken
) -> None:
    assert completed.returncode == 1, completed.stderr  # EXIT_BAD_DATA, by itself: no timeout
    assert "Traceback" not in completed.stdout + completed.stderr, completed.stderr
    naming_line(completed.stderr, prefix, path, broken)


@pytest.mark.parametrize("broken", runnable(KINDS))
def test_a_broken_file_stops_the_kiosk_and_kiosk_calc_check(tmp_path: Path, broken: Broken) -> None:
    if broken.settings:
        path = broken.breaks(tmp_path)
        assert_refused(
            run_kiosk("--smoke", "--config", str(path)), "kiosk: settings: ", path, broken
        )
        return

    root = copy_resources(tmp_path)
    path = broken.breaks(root)
    defaults = tmp_path / "settings.toml"
    defaults.write_text("", encoding="utf-8")  # not whatever settings this machine has
    completed = run_kiosk("--smoke", "--resources", str(root), "--config", str(defaults))
    assert_refused(completed, "kiosk: ", path, broken)

    code, out, err = run_check(root)
    assert (code, out) == (1, ""), err
    assert "Traceback" not in err
    naming_line(err, "kiosk-calc: ", path, broken)


def test_the_copy_passes_the_check_before_it_is_broken(tmp_path: Path) -> None:
    """The breakers break only what they say: an unbroken copy passes (it starts: test_startup)."""
    code, _, err = run_check(copy_resources(tmp_path))
    assert code == 0, err


def test_a_huge_file_is_refused_without_reading_it_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:  # sparse: 50 MB long, nothing written
        handle.seek(HUGE_BYTES - 1)
        handle.write(b"\n")
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError, match="too large") as caught:
            read_toml(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.path == path
    assert peak < 3 * MAX_FILE_BYTES, f"peak {peak} bytes"


@pytest.mark.parametrize("size", [MAX_FILE_BYTES - 1, MAX_FILE_BYTES, MAX_FILE_BYTES + 1])
def test_the_size_limit_is_exact(tmp_path: Path, size: int) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"a = 1\n" + b"#" * (size - 7) + b"\n")
    assert path.stat().st_size == size
    if size <= MAX_FILE_BYTES:
        assert read_toml(path) == {"a": 1}
    else:
        with pytest.raises(DataFileError, match="too large"):
            read_toml(path)
