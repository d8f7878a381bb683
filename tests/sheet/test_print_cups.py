"""打印 against a real CUPS scheduler (started here, with virtual printers): the screen says what
really happened to the job, a failed job is cancelled and leaves nothing in the spool, and each
outcome is logged.

Printers (private_cups.py): ``accepting`` prints (copies the document to a file), ``refusing``
does not accept jobs (cupsreject), ``stopped`` is disabled (cupsdisable), ``unreachable`` is a
network printer that does not answer. Skipped, saying why, where CUPS is not installed.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator

import pytest
from private_cups import PrivateCups, missing
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from test_sheet_actions import (
    CALCULATION_WALKS,
    NOW,
    TODAY,
    actions_of,
    failure_detail,
    walk_to_result,
)

from kiosk.ops.cups import CupsSpooler, load_libcups
from kiosk.ops.print_jobs import Failure, JobState, PrintError
from kiosk.ui.main_window import MainWindow
from kiosk.ui.print_actions import SheetActions, TakeAway

WHY_NOT = missing()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")

LIMIT_S = 3.0  # the unreachable printer: failed after this long
WINDOW = 3


@pytest.fixture(scope="module")
def cups() -> Iterator[PrivateCups]:
    server = PrivateCups()
    try:
        server.start()
        for name in ("accepting", "refusing", "stopped"):
            server.add_capture_printer(name)
        server.add_unreachable_printer("unreachable")
        server.admin("cupsreject", "refusing")
        server.admin("cupsdisable", "stopped")
        yield server
    finally:
        server.stop()


@pytest.fixture
def spooler(cups: PrivateCups) -> Iterator[CupsSpooler]:
    lib = load_libcups()
    assert lib is not None
    yield CupsSpooler(lib, server=cups.server)  # Qt's print support asks this scheduler too
    lib.cupsSetServer(None)  # later tests: the system's scheduler again


@pytest.fixture(autouse=True)
def info_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kiosk")


class Kiosk:
    """A window whose 打印 goes to one printer of the private scheduler."""

    def __init__(self, qtbot, bundle, spooler: CupsSpooler, printer: str) -> None:
        from kiosk.app import build_main_window

        info = QPrinterInfo.printerInfo(printer)
        assert not info.isNull(), f"Qt does not see {printer}"
        self.take_away = TakeAway(
            texts=bundle.texts,
            font_family=bundle.font_family,
            find_printer=lambda: QPrinter(info, QPrinter.PrinterMode.HighResolution),
            now=lambda: NOW,
            spooler=spooler,
            print_limit_s=LIMIT_S,
            poll_ms=50,
            service_window=WINDOW,
        )
        self.window: MainWindow = build_main_window(
            bundle, today=lambda: TODAY, take_away=self.take_away
        )
        self.window.resize(1366, 768)
        self.window.show()
        qtbot.wait_exposed(self.window)
        self.qtbot = qtbot

    def result_actions(self) -> SheetActions:
        return actions_of(walk_to_result(self.window, CALCULATION_WALKS[1]))

    def print_and_wait(self, actions: SheetActions, *, button=None) -> float:
        """Press 打印 (or ``button``), wait until the job is over; the seconds it took."""
        started = time.monotonic()
        (button or actions.print_button).click()
        assert self.take_away.busy
        self.qtbot.wait_until(lambda: not self.take_away.busy, timeout=15_000)
        return time.monotonic() - started


@pytest.fixture
def kiosk_for(qtbot, bundle, spooler: CupsSpooler) -> Iterator:
    from sheet_helpers import free_window

    made: list[Kiosk] = []

    def make(printer: str) -> Kiosk:
        made.append(Kiosk(qtbot, bundle, spooler, printer))
        return made[-1]

    yield make
    for kiosk in made:
        free_window(kiosk.window)


def last_job(cups: PrivateCups, printer: str) -> int:
    """The newest job CUPS lists for ``printer`` (a purged job is not listed)."""
    done = cups.run("lpstat", "-W", "all", "-o", printer)
    ids = [int(line.split()[0].rsplit("-", 1)[1]) for line in done.stdout.splitlines() if line]
    return max(ids, default=0)


def submitted_job(caplog: pytest.LogCaptureFixture, printer: str) -> int:
    """The job the kiosk submitted to ``printer``, from its log line."""
    found = re.findall(rf"print job {printer}-(\d+) submitted", caplog.text)
    assert found, caplog.text
    return int(found[-1])


def active_jobs(cups: PrivateCups) -> str:
    return cups.run("lpstat", "-o").stdout.strip()


def assert_purged(
    kiosk: Kiosk, cups: PrivateCups, caplog: pytest.LogCaptureFixture, printer: str, job: int
) -> None:
    """Nothing of the failed job is left: not in the spool, not in CUPS's lists."""
    removed = f"print job {printer}-{job} removed from the spool"
    started = time.monotonic()
    kiosk.qtbot.wait_until(lambda: removed in caplog.text, timeout=25_000)
    print(f"{printer}: job purged {time.monotonic() - started:.2f} s after 打印失败 showed")
    assert cups.spool_files(job) == []
    assert printer not in active_jobs(cups)
    listed = cups.run("lpstat", "-W", "all", "-o", printer).stdout
    assert f"{printer}-{job} " not in listed, listed


def test_printed_only_when_cups_says_the_job_completed(
    kiosk_for, cups: PrivateCups, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = kiosk_for("accepting")
    actions = kiosk.result_actions()
    shown: list[tuple[str, bool]] = []  # each line the notice showed, and whether still busy
    show = actions.notice.show_progress

    def record(text: str) -> None:
        shown.append((text, kiosk.take_away.busy))
        show(text)

    actions.notice.show_progress = record  # type: ignore[method-assign]
    started = time.monotonic()
    actions.print_button.click()
    kiosk.qtbot.wait_until(lambda: not kiosk.take_away.busy, timeout=15_000)
    print(f"accepting printer: 打印完成 {time.monotonic() - started:.2f} s after 打印")
    assert shown == [
        ("正在打印…", True),
        ("已发送到打印机，正在打印，请稍候…", True),  # the idle reset waits meanwhile
        ("打印完成，请在出纸口取走测算单。", False),
    ]
    assert actions.status.text() == "打印完成，请在出纸口取走测算单。"
    assert not actions.notice.failed() and not actions.retry_button.isVisible()
    job = submitted_job(caplog, "accepting")
    assert last_job(cups, "accepting") == job
    printed = cups.printed_file(job)
    assert printed.exists(), cups.run("lpstat", "-W", "all", "-o").stdout
    assert len(PdfReader(printed).pages) == 1
    assert f"print job accepting-{job} printed" in caplog.text


def test_a_printer_that_refuses_jobs_says_so_and_retry_prints_once_it_accepts(
    kiosk_for, cups: PrivateCups, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = kiosk_for("refusing")
    actions = kiosk.result_actions()
    before = last_job(cups, "refusing")
    took = kiosk.print_and_wait(actions)
    print(f"refusing printer: 打印失败 {took:.2f} s after 打印")
    assert actions.status.text() == "打印失败"
    assert actions.notice.failed()
    detail = failure_detail(actions)
    assert detail.startswith("打印机现在不接收打印。")
    assert f"也可以到{WINDOW}号窗口请工作人员帮忙" in detail and "扫码带走" in detail
    assert actions.retry_button.isVisible() and actions.qr_button.isVisible()
    assert last_job(cups, "refusing") == before  # nothing was queued
    assert "print refused by refusing (refused)" in caplog.text
    cups.admin("cupsaccept", "refusing")
    try:
        kiosk.print_and_wait(actions, button=actions.retry_button)
        assert actions.status.text().startswith("打印完成")
        assert cups.printed_file(submitted_job(caplog, "refusing")).exists()
    finally:
        cups.admin("cupsreject", "refusing")


def test_an_unreachable_printer_fails_after_the_limit_and_its_job_is_cancelled(
    kiosk_for, cups: PrivateCups, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = kiosk_for("unreachable")
    actions = kiosk.result_actions()
    took = kiosk.print_and_wait(actions)
    job = submitted_job(caplog, "unreachable")
    print(f"unreachable printer: 打印失败 after {took:.2f} s (limit {LIMIT_S} s)")
    assert LIMIT_S <= took < LIMIT_S + 5
    assert actions.status.text() == "打印失败"
    assert failure_detail(actions).startswith(f"等了{LIMIT_S:.0f}秒还没有打出来，已经取消。")
    assert f"print job unreachable-{job} failed (timed_out)" in caplog.text
    assert_purged(kiosk, cups, caplog, "unreachable", job)


def test_a_stopped_printer_fails_at_once_and_its_job_is_cancelled(
    kiosk_for, cups: PrivateCups, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = kiosk_for("stopped")
    actions = kiosk.result_actions()
    took = kiosk.print_and_wait(actions)
    job = submitted_job(caplog, "stopped")
    print(f"stopped printer: 打印失败 {took:.2f} s after 打印")
    assert took < LIMIT_S
    assert actions.status.text() == "打印失败"
    assert failure_detail(actions).startswith("打印机停了")
    assert f"print job stopped-{job} failed (stopped)" in caplog.text
    assert_purged(kiosk, cups, caplog, "stopped", job)


def test_the_spooler_on_its_own(spooler: CupsSpooler, cups: PrivateCups) -> None:
    """What the follower relies on, straight from libcups: states, refusals, cancelling."""
    document = b"%PDF-1.4\n%%EOF\n"
    job = spooler.submit("accepting", document, title="t")
    deadline = time.monotonic() + 10
    while spooler.job_state("accepting", job) is not JobState.COMPLETED:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert cups.printed_file(job).read_bytes() == document
    with pytest.raises(PrintError) as refused:
        spooler.submit("refusing", document, title="t")
    assert refused.value.failure is Failure.REFUSED
    with pytest.raises(PrintError) as unknown:
        spooler.submit("no-such-printer", document, title="t")
    assert unknown.value.failure is Failure.UNAVAILABLE
    assert spooler.printer_status("no-such-printer") is None
    held = spooler.submit("unreachable", document, title="t")
    assert spooler.cancel("unreachable", held)
    assert spooler.job_state("unreachable", held) in (None, JobState.CANCELED)
    assert cups.spool_files(held) == []


def test_no_scheduler_means_unavailable(tmp_path) -> None:
    lib = load_libcups()
    assert lib is not None
    try:
        gone = CupsSpooler(lib, server=str(tmp_path / "no-cupsd.sock"))
        with pytest.raises(PrintError) as caught:
            gone.submit("accepting", b"%PDF-1.4\n", title="t")
        assert caught.value.failure is Failure.UNAVAILABLE
        assert gone.printer_status("accepting") is None
        with pytest.raises(PrintError):
            gone.job_state("accepting", 1)
    finally:
        lib.cupsSetServer(None)
