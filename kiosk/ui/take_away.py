"""The take-away service (:class:`TakeAway`) the window shares between the result pages: which
actions are offered (constructor arguments, fed from the settings), the printer lookup, the save
dialog and the clock (all injectable for tests), and whether a print is running
(:attr:`TakeAway.busy` and :attr:`TakeAway.busy_changed`, for the idle reset to wait on).
:meth:`TakeAway.actions` builds the pinned row for one result (:mod:`kiosk.ui.print_actions`).

Built with the window, before its first paint, so it imports nothing the home screen does not
need: the row, the PDF writer, Qt's print support and CUPS are loaded when first used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.texts import Texts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.ops.print_jobs import Spooler
    from kiosk.present import Sheet
    from kiosk.ui.print_actions import SheetActions
    from kiosk.ui.print_follow import PrintFollower

log = logging.getLogger("kiosk.ui.print_actions")

PRINT_LIMIT_S = 60.0
POLL_MS = 500  # how often a followed print job is looked at (kiosk.ui.print_follow)

SheetSource = Callable[[datetime], "Sheet | None"]
PrinterLookup = Callable[[], "QPrinter | None"]
PrintDialog = Callable[["QPrinter", QWidget], bool]
SavePathChooser = Callable[[QWidget, Path, Texts], Path | None]
SpoolerLookup = Callable[[], "Spooler | None"]


def default_printer() -> QPrinter | None:
    """The system's default printer, or None when none is configured (then 打印 is not offered).

    None too when Qt's print support is not bundled (packaging/kiosk.spec excluded it before
    printing existed).
    """
    try:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    except ImportError:
        return None

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def show_print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    """The system print dialog (windowed modes); True when the clerk pressed 打印."""
    from PySide6.QtPrintSupport import QPrintDialog

    return bool(QPrintDialog(printer, parent).exec())


def ask_save_path(parent: QWidget, suggested: Path, texts: Texts) -> Path | None:
    """保存PDF in windowed modes: a save dialog proposing ``suggested``; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(
        parent, texts.sheet.save_dialog_title, str(suggested), texts.sheet.save_filter
    )
    return Path(chosen) if chosen else None


def documents_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class TakeAway(QObject):
    """Which take-away actions a result offers, and the print job state the idle reset waits on.

    ``printing_enabled``/``save_pdf_enabled`` switch the buttons (kiosk: print; clerk and demo: save);
    ``find_printer`` returns the printer (None: 打印 is not offered); ``print_dialog`` None prints
    straight to it (kiosk mode), else asks first (windowed); ``choose_save_path`` asks where to save.
    ``spooler``: the printing system to send the PDF to and follow the job in (CUPS), for at most
    ``print_limit_s`` seconds; None prints through Qt. ``find_spooler``: how to find it, the first
    time a sheet is printed (CUPS's library is loaded then, not at start-up). ``service_window``: the hall window a
    failure sends the citizen to (请到X号窗口).
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        texts: Texts,
        font_family: str,
        printing_enabled: bool = True,
        save_pdf_enabled: bool = True,
        find_printer: PrinterLookup = default_printer,
        print_dialog: PrintDialog | None = None,
        choose_save_path: SavePathChooser = ask_save_path,
        save_dir: Callable[[], Path] = documents_dir,
        now: Callable[[], datetime] = datetime.now,
        spooler: Spooler | None = None,
        find_spooler: SpoolerLookup | None = None,
        print_limit_s: float = PRINT_LIMIT_S,
        poll_ms: int = POLL_MS,
        service_window: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = texts
        self.font_family = font_family
        self.printing_enabled = printing_enabled
        self.save_pdf_enabled = save_pdf_enabled
        self.find_printer = find_printer
        self.print_dialog = print_dialog
        self.choose_save_path = choose_save_path
        self.save_dir = save_dir
        self.now = now
        self._spooler = spooler
        self._find_spooler = find_spooler
        self.print_limit_s = print_limit_s
        self.poll_ms = poll_ms
        self.service_window = service_window
        self._jobs = 0

    @property
    def spooler(self) -> Spooler | None:
        if self._find_spooler is not None:
            self._spooler, self._find_spooler = self._find_spooler(), None
        return self._spooler

    @property
    def busy(self) -> bool:
        """True while a print job is being prepared or sent: the idle reset must wait."""
        return self._jobs > 0

    def actions(self, sheet: SheetSource, texts: Texts | None = None) -> SheetActions:
        """The take-away row for one result (``sheet`` builds its sheet when asked), worded in
        ``texts`` (the screen's language; default the service's)."""
        from kiosk.ui.print_actions import SheetActions

        return SheetActions(service=self, sheet=sheet, texts=texts)

    def send(self, sheet: Sheet, printer: QPrinter) -> PrintFollower | None:
        """Hand ``sheet`` to the printing system. With a spooler and a real printer: a PDF of
        it, submitted, and the started follower of the job (the service stays busy until it
        finishes); else printed through Qt, and None. Raises :class:`PrintError` (refused,
        unavailable) or :class:`SheetRenderError`."""
        from PySide6.QtPrintSupport import QPrinter

        from kiosk.ops.print_jobs import PrintError
        from kiosk.ui.print_follow import PrintFollower
        from kiosk.ui.sheet_render import pdf_bytes

        name = printer.printerName()
        native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        spooler = self.spooler
        if spooler is None or not native or not name:
            self.print_sheet(sheet, printer)
            log.info("sheet handed to the printer through Qt")
            return None
        document = pdf_bytes(sheet, font_family=self.font_family)
        try:
            job = spooler.submit(
                name, document, title=sheet.title, copies=max(1, printer.copyCount())
            )
        except PrintError as exc:
            log.warning("print refused by %s (%s): %s", name, exc.failure.value, exc.detail)
            raise
        log.info("print job %s-%d submitted, %d bytes", name, job, len(document))
        follower = PrintFollower(
            spooler, name, job, limit_s=self.print_limit_s, poll_ms=self.poll_ms, parent=self
        )
        self.hold()
        follower.finished.connect(lambda _verdict: self.release())  # the outcome is shown
        follower.cleaned.connect(follower.deleteLater)  # a failed job: once purged
        follower.start()
        return follower

    def print_sheet(self, sheet: Sheet, printer: QPrinter) -> None:
        """Send ``sheet`` to ``printer`` through Qt. Raises :class:`SheetRenderError` when it
        fails."""
        from kiosk.ui.sheet_render import SheetRenderError, prepare_page, render

        prepare_page(printer)
        printer.setDocName(sheet.title)
        render(sheet, printer, font_family=self.font_family)
        if printer.printerState() == type(printer).PrinterState.Error:
            raise SheetRenderError("the printer reported an error")

    def save_sheet(self, sheet: Sheet, path: Path) -> None:
        from kiosk.ui.sheet_render import write_pdf

        write_pdf(sheet, path, font_family=self.font_family)

    def hold(self) -> None:
        self._jobs += 1
        if self._jobs == 1:
            self.busy_changed.emit(True)

    def release(self) -> None:
        self._jobs = max(0, self._jobs - 1)
        if self._jobs == 0:
            self.busy_changed.emit(False)
