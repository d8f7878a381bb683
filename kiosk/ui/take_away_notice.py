"""What is happening to the sheet: the line above a result's 打印 / 保存PDF / 扫码带走 row, and
when something failed, a view over the result that says why and what to do instead.

The line: 正在打印…, 已发送到打印机, 打印完成, or 打印失败 / 保存失败 (with 重试 for a print).
:class:`FailureView`: the headline, why in plain words, where to get help (请到X号窗口), and big
buttons for what can be done instead (重试 or 打印, 扫码带走), and 关闭 back to the result.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.texts.sheet import SheetTexts
from kiosk.ui.widgets.kinetic import KineticScrollArea
from kiosk.ui.widgets.style import button, label, set_property


class TakeAwayNotice(QWidget):
    """One line, hidden until there is something to say."""

    retry_requested = Signal()
    changed = Signal()  # another text, or 重试 shown or hidden: the row may be laid out anew

    def __init__(self, *, retry_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("take_away_notice")
        self.status = label("", "notice")
        self.status.setObjectName("take_away_status")
        # as tall as the status beside it and the action buttons under it (a primary button is
        # taller, and on a short screen the line had no room for it)
        self.retry_button = button(retry_text, name="retry_print")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.status, 1)
        row.addWidget(self.retry_button)
        self.retry_button.clicked.connect(self.retry_requested)
        self.hide()
        self.retry_button.hide()

    def show_progress(self, text: str) -> None:
        """正在打印… / 已发送到打印机 / 打印完成 / 已保存."""
        self._show(text, failed=False, retry=False)

    def show_failure(self, headline: str, *, retry: bool) -> None:
        """打印失败 / 保存失败; 重试 when trying again may help."""
        self._show(headline, failed=True, retry=retry)

    def clear(self) -> None:
        """Nothing to say (another result)."""
        self.status.setText("")
        if self.failed():
            set_property(self.status, "failed", False)
        self.retry_button.hide()
        self.hide()
        self.changed.emit()

    def failed(self) -> bool:
        return bool(self.status.property("failed"))

    def _show(self, text: str, *, failed: bool, retry: bool) -> None:
        self.status.setText(text)
        set_property(self.status, "failed", failed)
        self.retry_button.setVisible(retry)
        self.show()
        self.changed.emit()


class FailureView(QWidget):
    """Over the result (inside the journey, so a reset takes it along): what failed, why, what
    to do instead. A child of the result frame, sized to it."""

    retry_requested = Signal()
    print_requested = Signal()
    qr_requested = Signal()

    def __init__(self, *, texts: SheetTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failure_view")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._host: QWidget | None = None
        self.heading = label("", "heading")
        self.heading.setObjectName("failure_heading")
        self.detail = label("")
        self.detail.setObjectName("failure_detail")
        self.retry_button = button(texts.retry, "primary", name="failure_retry")
        self.print_button = button(texts.print, "primary", name="failure_print")
        self.qr_button = button(texts.take_away, name="failure_qr")
        self.close_button = button(texts.failure_close, name="failure_close")
        self._setup_ui()
        self.retry_button.clicked.connect(self._on_retry)
        self.print_button.clicked.connect(self._on_print)
        self.qr_button.clicked.connect(self._on_qr)
        self.close_button.clicked.connect(self.hide)

    def _setup_ui(self) -> None:
        words = QWidget()
        column = QVBoxLayout(words)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.heading)
        column.addWidget(self.detail)
        column.addStretch(1)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row.setSpacing(16)
        for widget in self._buttons():
            self._row.addWidget(widget, 1)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(40, 24, 40, 16)
        self._outer.setSpacing(16)
        self._outer.addWidget(KineticScrollArea(words), 1)
        self._outer.addLayout(self._row)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.retry_button, self.print_button, self.qr_button, self.close_button)

    def _arrange(self) -> None:
        """The buttons side by side when each gets the width its words need, else one above
        the other (English at the largest text on a portrait screen)."""
        shown = [b for b in self._buttons() if not b.isHidden()]
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        widest = max((b.sizeHint().width() for b in shown), default=0)
        across = widest * len(shown) + self._row.spacing() * (len(shown) - 1) <= room
        self._row.setDirection(
            QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    # public API -------------------------------------------------------------------------------

    def show_over(
        self, host: QWidget, headline: str, detail: str, *, retry: bool, print_: bool
    ) -> None:
        """Cover ``host`` (the result frame) with ``headline`` and ``detail``; 重试 or 打印
        when they can help, 扫码带走 and 关闭 always."""
        self.heading.setText(headline)
        self.detail.setText(detail)
        self.retry_button.setVisible(retry)
        self.print_button.setVisible(print_ and not retry)
        if self._host is not host:
            if self._host is not None:
                self._host.removeEventFilter(self)
            self._host = host
            host.installEventFilter(self)
        self.setGeometry(host.rect())
        self._arrange()
        self.raise_()
        self.show()

    # slots: the view goes, then what was asked for happens -----------------------------------

    def _on_retry(self) -> None:
        self.hide()
        self.retry_requested.emit()

    def _on_print(self) -> None:
        self.hide()
        self.print_requested.emit()

    def _on_qr(self) -> None:
        self.hide()
        self.qr_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and self._host is not None:
            if event.type() == QEvent.Type.Resize:
                self.setGeometry(self._host.rect())
            elif event.type() == QEvent.Type.Hide:
                self.hide()
        return False
