"""Take the result home: 打印 / 保存PDF / 扫码带走 under every result.

:class:`TakeAway` is the one service the window shares between the result pages: which actions are
offered (constructor arguments, to be fed from the settings), the printer lookup, the save dialog and
the clock (all injectable for tests), and whether a print is running (:attr:`TakeAway.busy` and
:attr:`TakeAway.busy_changed`, for the idle reset to wait on). :meth:`TakeAway.actions` builds the
pinned row for one result; the 扫码带走 view covers the result with the QR code, large.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.sheet import Sheet, qr_modules
from kiosk.ui.sheet_render import SheetRenderError, prepare_page, render, write_pdf
from kiosk.ui.widgets.style import button, label

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

QR_QUIET_MODULES = 4
QR_MIN_PIXELS_PER_MODULE = 3
QR_MIN_SIDE_PX = 400  # an older phone reads it at arm's length (with error correction L)
QR_SHARE = 0.55  # of the view's length the code may take beside (or above) its words

SheetSource = Callable[[datetime], Sheet | None]
PrinterLookup = Callable[[], "QPrinter | None"]
PrintDialog = Callable[["QPrinter", QWidget], bool]
SavePathChooser = Callable[[QWidget, Path, Texts], Path | None]


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
        self._jobs = 0

    @property
    def busy(self) -> bool:
        """True while a print job is being prepared or sent: the idle reset must wait."""
        return self._jobs > 0

    def actions(self, sheet: SheetSource, texts: Texts | None = None) -> SheetActions:
        """The take-away row for one result (``sheet`` builds its sheet when asked), worded in
        ``texts`` (the screen's language; default the service's)."""
        return SheetActions(service=self, sheet=sheet, texts=texts)

    def print_sheet(self, sheet: Sheet, printer: QPrinter) -> None:
        """Send ``sheet`` to ``printer``. Raises :class:`SheetRenderError` when it fails."""
        prepare_page(printer)
        printer.setDocName(sheet.title)
        render(sheet, printer, font_family=self.font_family)
        if printer.printerState() == type(printer).PrinterState.Error:
            raise SheetRenderError("the printer reported an error")

    def save_sheet(self, sheet: Sheet, path: Path) -> None:
        write_pdf(sheet, path, font_family=self.font_family)

    def hold(self) -> None:
        self._jobs += 1
        if self._jobs == 1:
            self.busy_changed.emit(True)

    def release(self) -> None:
        self._jobs = max(0, self._jobs - 1)
        if self._jobs == 0:
            self.busy_changed.emit(False)


class SheetActions(QWidget):
    """打印 / 保存PDF / 扫码带走 and a line of feedback (正在打印… / 打印完成 / failure + 重试)."""

    def __init__(
        self,
        *,
        service: TakeAway,
        sheet: SheetSource,
        texts: Texts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._texts = texts or service.texts  # the screen's language; the sheet has its own
        self._sheet_source = sheet
        self._printer = service.find_printer() if service.printing_enabled else None
        self.qr_view: QrView | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        s = self._texts.sheet
        self.status = label("", "notice")
        self.status.setObjectName("take_away_status")
        self.status.hide()
        self.print_button = button(s.print, name="print_sheet")
        self.print_button.setVisible(self._printer is not None)
        self.retry_button = button(s.retry, "primary", name="retry_print")
        self.retry_button.hide()
        self.save_button = button(s.save_pdf, name="save_pdf")
        self.save_button.setVisible(self._service.save_pdf_enabled)
        self.qr_button = button(s.take_away, name="show_qr")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        for widget in (self.print_button, self.save_button, self.qr_button):
            row.addWidget(widget, 1)
        feedback = QHBoxLayout()
        feedback.setContentsMargins(0, 0, 0, 0)
        feedback.setSpacing(16)
        feedback.addWidget(self.status, 1)
        feedback.addWidget(self.retry_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 12, 40, 0)
        column.setSpacing(12)
        column.addLayout(feedback)
        column.addLayout(row)

    def _connect_signals(self) -> None:
        self.print_button.clicked.connect(self.start_print)
        self.retry_button.clicked.connect(self.start_print)
        self.save_button.clicked.connect(self.save_pdf)
        self.qr_button.clicked.connect(self.show_qr)

    # public API -------------------------------------------------------------------------------

    def sheet(self) -> Sheet | None:
        return self._sheet_source(self._service.now())

    def start_print(self) -> None:
        """正在打印… now; the job runs once the message has been painted."""
        if self._printer is None or self._service.busy:
            return
        sheet = self.sheet()
        if sheet is None:
            return
        if self._service.print_dialog is not None and not self._service.print_dialog(
            self._printer, self
        ):
            return
        self._service.hold()
        self._show_status(self._texts.sheet.printing)
        self.retry_button.hide()
        self.print_button.setEnabled(False)
        QTimer.singleShot(0, self, lambda: self._print(sheet))

    def save_pdf(self) -> Path | None:
        """Ask where (a name from the calculation and the date is suggested), then write the PDF."""
        s = self._texts.sheet
        sheet = self.sheet()
        if sheet is None:
            return None
        suggested = self._service.save_dir() / sheet.file_name
        path = self._service.choose_save_path(self, suggested, self._texts)
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self._service.save_sheet(sheet, path)
        except (SheetRenderError, OSError):
            self._show_status(s.save_failed.format(path=path), error=True)
            return None
        self._show_status(s.saved.format(path=path))
        return path

    def discard(self) -> None:
        """Let this row go with its QR view, which lies over the whole result frame (a frame
        that is kept and refilled for the next result)."""
        for widget in (self.qr_view, self):
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from findChildren now, deleted later
                widget.deleteLater()
        self.qr_view = None

    def show_qr(self) -> QrView | None:
        """扫码带走: the QR code, large, over the result until 关闭."""
        sheet = self.sheet()
        host = self.parentWidget()
        if sheet is None or host is None:
            return None
        if self.qr_view is not None:
            self.qr_view.deleteLater()
        self.qr_view = QrView(texts=self._texts, sheet=sheet, parent=host)
        self.qr_view.show_over(host)
        return self.qr_view

    # slots --------------------------------------------------------------------------------------

    def _print(self, sheet: Sheet) -> None:
        s = self._texts.sheet
        try:
            assert self._printer is not None
            self._service.print_sheet(sheet, self._printer)
        except SheetRenderError:
            self._show_status(s.print_failed, error=True)
            self.retry_button.show()
        else:
            self._show_status(s.printed)
        finally:
            self.print_button.setEnabled(True)
            self._service.release()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("failed", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.show()


class QrCodeWidget(QWidget):
    """The QR code drawn from its modules: black on white with its quiet zone, square, as large
    as the widget allows and a whole number of pixels per module (crisp for phone cameras)."""

    def __init__(self, sheet: Sheet, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules = qr_modules(sheet)
        count = len(self.modules) + 2 * QR_QUIET_MODULES
        side = count * max(QR_MIN_PIXELS_PER_MODULE, -(-QR_MIN_SIDE_PX // count))
        self.smallest = side  # whole pixels per module, and never under QR_MIN_SIDE_PX
        self.setMinimumSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def code_rect(self) -> QRectF:
        """Where the code (quiet zone included) is painted."""
        count = len(self.modules) + 2 * QR_QUIET_MODULES
        unit = max(1, min(self.width(), self.height()) // count)
        side = unit * count
        return QRectF((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.code_rect()
        count = len(self.modules) + 2 * QR_QUIET_MODULES
        unit = rect.width() / count
        painter = QPainter(self)
        painter.fillRect(rect, QColor("white"))
        black = QColor("black")
        for y, row in enumerate(self.modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRectF(
                            rect.x() + (x + QR_QUIET_MODULES) * unit,
                            rect.y() + (y + QR_QUIET_MODULES) * unit,
                            unit,
                            unit,
                        ),
                        black,
                    )
        painter.end()


class QrView(QWidget):
    """扫码带走: covers the result (inside the journey, so an idle reset removes it with the result)
    with the QR code, how to scan it, and 关闭: the code above the words on a portrait screen,
    beside them on a landscape one, as large as the room allows."""

    def __init__(self, *, texts: Texts, sheet: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        s = texts.sheet
        self.setObjectName("qr_view")
        self._host: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.code = QrCodeWidget(sheet)
        self.code.setObjectName("qr_code")
        self.close_button = button(s.qr_close, "primary", name="close_qr")
        self.close_button.clicked.connect(self.close_view)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(40, 24, 40, 16)
        self._layout.setSpacing(32)
        heading = label(s.qr_title, "heading")
        help_text: QLabel = label(s.qr_help, "muted")
        words = QVBoxLayout()
        words.setSpacing(16)
        words.addWidget(heading)
        words.addWidget(help_text)
        words.addStretch(1)
        words.addWidget(self.close_button)
        self._layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        self._layout.addLayout(words, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        landscape = size.width() > size.height()
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        margins = self._layout.contentsMargins()
        room_w = size.width() - margins.left() - margins.right()
        room_h = size.height() - margins.top() - margins.bottom()
        side = (
            min(room_h, round(room_w * QR_SHARE))
            if landscape
            else min(room_w, round(room_h * QR_SHARE))
        )
        side = max(side, self.code.smallest)
        self.code.setFixedSize(side, side)
        super().resizeEvent(event)

    def show_over(self, host: QWidget) -> None:
        self._host = host
        self.setGeometry(host.rect())
        host.installEventFilter(self)
        self.raise_()
        self.show()

    def close_view(self) -> None:
        """关闭: hidden, not deleted; the next 扫码带走 replaces it and the result takes it along
        (deleting it here left :class:`SheetActions` holding a deleted view, and a second
        扫码带走 crashed)."""
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host:
            if event.type() == QEvent.Type.Resize:
                self.setGeometry(self._host.rect())
            elif event.type() == QEvent.Type.Hide:
                self.hide()
        return False
