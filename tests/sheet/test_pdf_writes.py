"""Every write is checked: a PDF that cannot be written whole is never reported as saved, and
leaves no partial file and no temporary file behind.

``kiosk-calc ... --pdf`` exits 3 with one line; 保存PDF on screen says 保存失败 with what to do
instead. The almost-full disk is real where the system allows it (a tiny tmpfs in a private mount
namespace, tests/faults.py), else a file-size limit.
"""

from __future__ import annotations

import errno
import os
import resource
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.files import NotRegularFile, write_atomically
from tests.faults import run_short_of_space

CONTRIBUTION = ["contribution", "--kind", "employee", "--year", "2026", "--wage", "7777.77"]
LINUX = sys.platform.startswith("linux")


def kiosk_calc(*args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk.cli", *args]


def env() -> dict[str, str]:
    values = {key: value for key, value in os.environ.items() if key != "KIOSK_RESOURCES"}
    values["QT_QPA_PLATFORM"] = "offscreen"
    values["PYTHONDONTWRITEBYTECODE"] = "1"
    return values


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_pdf_to_dev_full_exits_3_with_one_line() -> None:
    import subprocess

    done = subprocess.run(
        kiosk_calc(*CONTRIBUTION, "--pdf", "/dev/full"),
        capture_output=True,
        text=True,
        env=env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout == ""
    line = one_line(done.stderr)
    assert line.startswith("kiosk-calc: pdf: 无法写入 /dev/full: not a regular file"), line


@pytest.mark.skipif(not LINUX, reason="the almost-full disk is provoked the Linux way")
def test_pdf_on_an_almost_full_disk_exits_3_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    run = run_short_of_space(
        kiosk_calc(*CONTRIBUTION, "--pdf", str(folder / "sheet.pdf")),
        folder,
        free_kib=24,  # the sheet is about 150 KiB
        env=env(),
    )
    done = run.completed
    print(f"almost full disk ({run.how}): exit {done.returncode}, {done.stderr.strip()}")
    assert done.returncode == 3, done.stderr
    line = one_line(done.stderr)
    assert line.startswith(f"kiosk-calc: pdf: 无法写入 {folder / 'sheet.pdf'}: "), line
    reason = "No space left on device" if run.how == "tmpfs" else "File too large"
    assert line.endswith(reason), line
    assert [name for name in run.files if name != "filler"] == []  # no sheet, no temporary file


@pytest.mark.skipif(not LINUX, reason="the almost-full disk is provoked the Linux way")
def test_the_same_pdf_is_written_where_there_is_room(tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    run = run_short_of_space(
        kiosk_calc(*CONTRIBUTION, "--pdf", str(folder / "sheet.pdf")),
        folder,
        free_kib=512,
        env=env(),
    )
    assert run.completed.returncode == 0, run.completed.stderr
    assert "sheet.pdf" in run.files
    assert not [name for name in run.files if name.startswith(".")]


# write_atomically ---------------------------------------------------------------------------------


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "usage.json"
    target.write_bytes(b"old")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new contents")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["usage.json"]


@pytest.mark.skipif(not LINUX, reason="RLIMIT_FSIZE")
def test_a_write_cut_short_raises_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    with file_size_limit(1000), pytest.raises(OSError) as caught:
        write_atomically(target, b"x" * 5000)
    assert caught.value.errno == errno.EFBIG
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_only_a_regular_file_is_replaced(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x.pdf"
    if kind == "folder":
        target.mkdir()
    elif hasattr(os, "mkfifo"):
        os.mkfifo(target)
    else:
        pytest.skip("no FIFOs here")
    with pytest.raises(NotRegularFile):
        write_atomically(target, b"data")
    assert os.listdir(tmp_path) == ["x.pdf"]


def test_a_link_is_followed_and_its_file_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """This process may not write files past ``limit`` bytes for a while (the soft limit; Python
    ignores SIGXFSZ, so such a write fails with EFBIG)."""
    saved = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, saved[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, saved)


# 保存PDF on screen --------------------------------------------------------------------------------


@pytest.fixture
def saving_window(qtbot, bundle, tmp_path: Path) -> Iterator:
    from sheet_helpers import free_window
    from test_sheet_actions import NOW, TODAY, SaveDialog

    from kiosk.app import build_main_window
    from kiosk.ui.print_actions import TakeAway

    dialog = SaveDialog(tmp_path / "documents")
    dialog.folder.mkdir()
    service = TakeAway(
        texts=bundle.texts,
        font_family=bundle.font_family,
        find_printer=lambda: None,
        choose_save_path=dialog,
        save_dir=lambda: dialog.folder,
        now=lambda: NOW,
    )
    window = build_main_window(bundle, today=lambda: TODAY, take_away=service)
    window.resize(1366, 768)
    window.show()
    qtbot.wait_exposed(window)
    yield window, dialog
    free_window(window)


def save_actions(window):
    from test_sheet_actions import CALCULATION_WALKS, actions_of, walk_to_result

    return actions_of(walk_to_result(window, CALCULATION_WALKS[1]))


def failure_detail(actions) -> str:
    from test_sheet_actions import failure_detail as shown

    return shown(actions)


@pytest.mark.skipif(not LINUX, reason="RLIMIT_FSIZE")
def test_save_pdf_to_a_full_disk_says_save_failed_and_what_to_do_instead(saving_window) -> None:
    window, dialog = saving_window
    actions = save_actions(window)
    with file_size_limit(24 * 1024):  # a disk with 24 KiB left; the sheet is about 150 KiB
        assert actions.save_pdf() is None
    assert actions.status.text() == "保存失败"
    assert actions.notice.failed()
    detail = failure_detail(actions)
    chosen = dialog.folder / "chosen.pdf"
    assert (
        detail
        == f"{chosen} 没有存上，也没有留下不完整的文件。原因：磁盘空间不够。可以改用“扫码带走”。"
    )
    assert actions.qr_button.isVisible()
    assert os.listdir(dialog.folder) == []
    assert actions.failure_view is not None
    actions.failure_view.close_button.click()
    assert not actions.failure_view.isVisible()
    assert actions.save_pdf() == chosen  # room again: saved
    assert actions.status.text() == f"已保存：{chosen}" and not actions.notice.failed()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_save_pdf_onto_something_not_a_file_is_refused(saving_window, tmp_path: Path) -> None:
    """A FIFO (or a device, a folder) where the PDF should go: refused, nothing written."""
    window, _ = saving_window
    target = tmp_path / "pipe.pdf"
    os.mkfifo(target)
    actions = save_actions(window)
    actions._service.choose_save_path = lambda parent, suggested, texts: target
    assert actions.save_pdf() is None
    assert actions.status.text() == "保存失败"
    assert "原因：这个位置不能写入。" in failure_detail(actions)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "pipe.pdf"]


def test_printed_sheets_read_back(tmp_path: Path) -> None:
    """What write_atomically wrote through write_pdf is the whole document."""
    import subprocess

    path = tmp_path / "sheet.pdf"
    done = subprocess.run(
        kiosk_calc(*CONTRIBUTION, "--pdf", str(path)), capture_output=True, env=env(), check=False
    )
    assert done.returncode == 0
    assert len(PdfReader(path).pages) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
