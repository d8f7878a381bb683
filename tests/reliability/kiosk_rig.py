"""Helpers of the soak and monkey tests (imported by name: tests/reliability is on sys.path).

:func:`build_kiosk` builds the real window the way ``main()`` does — with :class:`KioskSettings`, so
the idle watcher, countdown, attract screen, admin gate, crash guard and lockdown are installed —
with every file it writes in a test folder, a quit function that only counts, a clock the test
moves, and a take-away service that never opens a dialog (打印 writes a PDF in the folder).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from kiosk.app import Bundle, build_main_window
from kiosk.content.texts import Texts
from kiosk.ops.usage import UsageCounter
from kiosk.settings import validate_settings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ops.install import Operations, OpsHooks
from kiosk.ui.print_actions import TakeAway
from tests.conftest import TODAY, free_window
from tests.ops.opskit import FakeClock, Quit

NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 5)
SIZE = (1366, 768)


class SaveTo:
    """Stands in for the save dialog: every 保存PDF goes to one file in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, parent: object, suggested: Path, texts: Texts) -> Path | None:
        return self.folder / "saved.pdf"


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def quiet_take_away(bundle: Bundle, folder: Path) -> TakeAway:
    """打印 / 保存PDF / 扫码带走 all offered; printing straight to a PDF in ``folder`` (no print
    dialog), saving to ``folder`` (no save dialog)."""
    return TakeAway(
        texts=bundle.texts,
        font_family=bundle.font_family,
        find_printer=lambda: pdf_printer(folder / "printed.pdf"),
        print_dialog=None,
        choose_save_path=SaveTo(folder),
        save_dir=lambda: folder,
        now=lambda: NOW,
    )


@dataclass
class Kiosk:
    window: MainWindow
    operations: Operations
    clock: FakeClock  # the admin gate's and PIN lock's: moves only when the test says
    quit: Quit  # stands in for QCoreApplication.quit (the admin panel's 退出程序)
    folder: Path
    crashes: list[str] = field(default_factory=list)


def build_kiosk(
    bundle: Bundle,
    folder: Path,
    *,
    pin_hash: str | None = None,
    time_scale: float = 0.001,
    **settings: Any,
) -> Kiosk:
    """The window with its operations, shown at 1366x768. ``settings`` are KioskSettings fields;
    ``time_scale`` 0.001 makes every second of them a millisecond."""
    folder.mkdir(parents=True, exist_ok=True)
    values: dict[str, Any] = {
        "log_dir": folder / "logs",
        "usage_file": folder / "usage.json",
        "admin_pin_hash": pin_hash,
        **settings,
    }
    kiosk_settings = validate_settings(values)
    clock = FakeClock()
    quit_counter = Quit()
    window = build_main_window(
        bundle,
        today=lambda: TODAY,
        take_away=quiet_take_away(bundle, folder),
        settings=kiosk_settings,
        usage=UsageCounter(kiosk_settings.usage_file),
        ops_hooks=OpsHooks(quit=quit_counter, clock=clock, time_scale=time_scale),
    )
    operations = window.findChild(Operations)
    assert isinstance(operations, Operations)
    window.resize(*SIZE)
    window.show()
    return Kiosk(window, operations, clock, quit_counter, folder)


def close_kiosk(kiosk: Kiosk) -> None:
    operations = kiosk.operations
    if operations.lockdown is not None:
        operations.lockdown.allow_close()
    operations.idle.stop()
    free_window(kiosk.window)  # Qt drops the event filters of deleted objects


@contextmanager
def crash_guard_watched(kiosk: Kiosk) -> Iterator[list[str]]:
    """The crash guard installed as ``main()`` installs it, with a record of everything it had to
    catch (type, message and full traceback) in ``kiosk.crashes``; removed on exit."""
    guard = kiosk.operations.crash_guard
    guard.install()
    guarded = sys.excepthook

    def record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        kiosk.crashes.append("".join(traceback.format_exception(exc_type, exc, tb)))
        guarded(exc_type, exc, tb)

    sys.excepthook = record
    try:
        yield kiosk.crashes
    finally:
        sys.excepthook = guarded
        guard.uninstall()


# what is alive --------------------------------------------------------------------------------


def flush_deletes() -> None:
    """Run every pending ``deleteLater`` now (twice: a deletion may post another)."""
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle() -> None:
    """What the event loop would do next: layouts, posted events, timers due, deletions."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    flush_deletes()


def build_every_page(window: MainWindow) -> None:
    """Build every page of every language shown so far, so a count does not depend on which
    pages happen to be built yet."""
    window.build_every_language()


def live_widgets() -> int:
    return len(QApplication.allWidgets())


def window_timers(window: MainWindow) -> int:
    return len(window.findChildren(QTimer))


def resident_bytes() -> int:
    """Resident set size of this process, from /proc (Linux)."""
    fields = Path("/proc/self/statm").read_text(encoding="ascii").split()
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
