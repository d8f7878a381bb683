"""Take the result home: 打印 / 保存PDF / 扫码带走 under every result.

The row of one result (:class:`SheetActions`, made by :meth:`TakeAway.actions`; :class:`TakeAway`,
the one service the window shares between the result pages, is in :mod:`kiosk.ui.take_away`, and
named here too); the 扫码带走 view covers the result with the QR code, large. This module, the PDF
writer and the printing support are imported when the first result is shown.

Where the printing system is CUPS (``spooler``), 打印 sends the sheet as a PDF and follows the job
(:class:`~kiosk.ui.print_follow.PrintFollower`): 已发送到打印机 until CUPS says it is printed, or
打印失败 with why and what to do (重试, 扫码带走, the service window), the job cancelled. Elsewhere
Qt prints it and the screen says only what is known: 已发送到打印机.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.files import NotRegularFile
from kiosk.ops.print_jobs import Failure, Outcome, PrintError, Verdict
from kiosk.present import Sheet, qr_modules
from kiosk.ui.print_follow import PrintFollower
from kiosk.ui.sheet_render import SheetRenderError
from kiosk.ui.take_away import (
    PRINT_LIMIT_S,
    SheetSource,
    TakeAway,
    ask_save_path,
    default_printer,
    documents_dir,
    show_print_dialog,
)
from kiosk.ui.take_away_notice import FailureView, TakeAwayNotice
from kiosk.ui.widgets.style import button, label

log = logging.getLogger(__name__)

DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
NOT_ALLOWED = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.EISDIR)
NOTICE_MIN_PX = 300  # the notice beside the buttons when it gets at least this, else above
QR_QUIET_MODULES = 4
QR_MIN_PIXELS_PER_MODULE = 3
QR_MIN_SIDE_PX = 400  # an older phone reads it at arm's length (with error correction L)
QR_SHARE = 0.55  # of the view's length the code may take beside (or above) its words


class SheetActions(QWidget):
    """打印 / 保存PDF / 扫码带走 and the feedback above them (:class:`TakeAwayNotice`). A
    journey makes its row for its first result; for each later one it is cleared
    (:meth:`clear`) and looks for the printer again (:meth:`look_for_printer`)."""

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
        self.failure_view: FailureView | None = None  # made at the first failure
        self._follower: PrintFollower | None = None  # the print job being followed
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        s = self._texts.sheet
        self.notice = TakeAwayNotice(retry_text=s.retry)
        self.status = self.notice.status
        self.retry_button = self.notice.retry_button
        self.print_button = button(s.print, name="print_sheet")
        self.print_button.setVisible(self._printer is not None)
        self.save_button = button(s.save_pdf, name="save_pdf")
        self.save_button.setVisible(self._service.save_pdf_enabled)
        self.qr_button = button(s.take_away, name="show_qr")
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(16)
        for widget in (self.print_button, self.save_button, self.qr_button):
            self._row.addWidget(widget, 1)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(40, 12, 40, 0)
        self._column.setSpacing(12)
        self._column.addWidget(self.notice)
        self._column.addLayout(self._row)
        self._one_row: bool | None = None
        self._arrange(one_row=False)

    def _arrange(self, *, one_row: bool) -> None:
        """The notice left of the buttons on a wide screen (a short landscape screen at the
        largest text has no room for a line of its own), above them on a narrow one."""
        for widget in (self.retry_button, self.print_button, self.save_button, self.qr_button):
            # a row's stretch would squeeze a button below its words; its own width is the least
            widget.setMinimumWidth(widget.sizeHint().width() if one_row else 0)
        if one_row == self._one_row:
            return
        self._one_row = one_row
        self._column.removeWidget(self.notice)
        self._row.removeWidget(self.notice)
        if one_row:
            self._row.insertWidget(0, self.notice, 2)
        else:
            self._column.insertWidget(0, self.notice)

    def _fits_one_row(self, width: int) -> bool:
        """Room for every shown button at its full width and a notice of :data:`NOTICE_MIN_PX`."""
        shown = [
            b
            for b in (self.retry_button, self.print_button, self.save_button, self.qr_button)
            if not b.isHidden()
        ]
        spacing = self._row.spacing() * len(shown)
        margins = self._column.contentsMargins()
        room = width - margins.left() - margins.right()
        return sum(b.sizeHint().width() for b in shown) + spacing + NOTICE_MIN_PX <= room

    def _rearrange(self) -> None:
        # 重试 stands in for 打印 after a failed print (the same action, named for the moment)
        self.print_button.setVisible(self._printer is not None and self.retry_button.isHidden())
        self._arrange(one_row=self._fits_one_row(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(one_row=self._fits_one_row(event.size().width()))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:  # another text size: other button widths
            self._rearrange()
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.print_button.clicked.connect(self.start_print)
        self.notice.retry_requested.connect(self.start_print)
        self.notice.changed.connect(self._rearrange)
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
        self.notice.show_progress(self._texts.sheet.printing)
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
        except SheetRenderError as exc:
            cause = exc.__cause__
            log.warning("PDF not saved: %s", type(cause).__name__ if cause else exc)
            self._save_failed(path, cause if isinstance(cause, OSError) else None)
            return None
        self.notice.show_progress(s.saved.format(path=path))
        return path

    def clear(self) -> None:
        """What the last result left let go: its QR and failure views over the frame, the
        notice, the following of its print job (which still runs)."""
        if self._follower is not None:
            self._follower.finished.disconnect(self._on_print_finished)
            self._follower = None
        for view in (self.qr_view, self.failure_view):
            if view is not None:
                view.hide()
                view.setParent(None)  # gone from findChildren now, deleted later
                view.deleteLater()
        self.qr_view = None
        self.failure_view = None
        self.print_button.setEnabled(True)
        self.notice.clear()

    def look_for_printer(self) -> None:
        """The printer looked for again (another result): 打印 offered if there is one now."""
        service = self._service
        self._printer = service.find_printer() if service.printing_enabled else None
        self._rearrange()

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
        follower: PrintFollower | None = None
        try:
            assert self._printer is not None
            follower = self._service.send(sheet, self._printer)
        except PrintError as exc:
            self._print_failed(exc.failure)
        except SheetRenderError:
            log.warning("sheet not printed: the printer could not be painted on")
            self._print_failed(Failure.UNAVAILABLE)
        else:
            if follower is None:
                self.notice.show_progress(s.print_handed)
            else:
                self.notice.show_progress(s.print_sent)
                follower.finished.connect(self._on_print_finished)
                self._follower = follower
        finally:
            self.print_button.setEnabled(follower is None)
            self._service.release()  # a follower holds the service itself until it finishes

    def _on_print_finished(self, verdict: Verdict) -> None:
        s = self._texts.sheet
        self._follower = None
        self.print_button.setEnabled(True)
        if verdict.outcome is Outcome.PRINTED:
            self.notice.show_progress(s.printed)
        elif verdict.outcome is Outcome.SENT:
            self.notice.show_progress(s.print_handed)
        else:
            self._print_failed(verdict.failure or Failure.FAILED)

    def _print_failed(self, failure: Failure) -> None:
        s = self._texts.sheet
        reasons = {
            Failure.UNAVAILABLE: s.print_reason_unavailable,
            Failure.REFUSED: s.print_reason_refused,
            Failure.STOPPED: s.print_reason_stopped,
            Failure.FAILED: s.print_reason_failed,
            Failure.TIMED_OUT: s.print_reason_timed_out.format(
                seconds=round(self._service.print_limit_s)
            ),
        }
        window = self._service.service_window
        help_text = (
            s.print_help_window.format(window=window) if window is not None else s.print_help
        )
        self.notice.show_failure(s.print_failed, retry=True)
        self._show_failure(s.print_failed, f"{reasons[failure]}{help_text}", retry=True)

    def _save_failed(self, path: Path, error: OSError | None) -> None:
        s = self._texts.sheet
        if error is not None and error.errno in DISK_FULL:
            reason = s.save_reason_full
        elif isinstance(error, NotRegularFile) or (
            error is not None and error.errno in NOT_ALLOWED
        ):
            reason = s.save_reason_denied
        else:
            reason = s.save_reason_other
        printable = self._printer is not None and self.print_button.isEnabled()
        instead = s.save_instead_print if printable else s.save_instead
        detail = s.save_failed_detail.format(path=path, reason=reason, instead=instead)
        self.notice.show_failure(s.save_failed, retry=False)
        self._show_failure(s.save_failed, detail, retry=False, print_=printable)

    def _show_failure(
        self, headline: str, detail: str, *, retry: bool, print_: bool = False
    ) -> None:
        """The failure over the result, with what can be done instead."""
        host = self.parentWidget()
        if host is None:
            return
        if self.failure_view is None:
            self.failure_view = FailureView(texts=self._texts.sheet, parent=host)
            self.failure_view.retry_requested.connect(self.start_print)
            self.failure_view.print_requested.connect(self.start_print)
            self.failure_view.qr_requested.connect(self.show_qr)
        self.failure_view.show_over(host, headline, detail, retry=retry, print_=print_)


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


__all__ = [  # the service is kiosk.ui.take_away's, named here too
    "PRINT_LIMIT_S",
    "QrCodeWidget",
    "QrView",
    "SheetActions",
    "TakeAway",
    "ask_save_path",
    "default_printer",
    "documents_dir",
    "show_print_dialog",
]
