"""Lay a :class:`~kiosk.present.Sheet` out on one A4 page: to a PDF file (QPdfWriter) or to any paged
device such as a QPrinter. Text uses the bundled font, which the PDF embeds (a subset), so the sheet
prints the same everywhere; the QR code is drawn from its modules, crisp at any resolution.

The layout is in device pixels from the device's resolution, so a 300 dpi PDF and a 600 dpi printer
get the same sheet. The text starts at a size readable when printed A5 and shrinks only as far as it
must to fit one page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from kiosk.files import default_file_mode, write_atomically
from kiosk.present import Line, Section, Sheet, qr_modules
from kiosk.ui.widgets.chart import ChartColours, paint_bars

PDF_DPI = 300
MARGIN_MM = 12.0
A4_WIDTH_MM = 210.0
QR_MM = 44.0
BODY_PT = 10.5  # 7.4 pt when an A4 sheet is printed A5: still readable
SMALLEST_PT = 7.5
SHRINK_PT = 0.25
QR_PIXELS_PER_MODULE = 12
QR_QUIET_MODULES = 4
POINTS_PER_INCH = 72
MM_PER_INCH = 25.4
QR_URL = QUrl("sheet://qr")
CHART_URL = QUrl("sheet://chart")
CHART_MM = 55.0  # the comparison chart's height on the sheet
INK = "#000000"
FIGURE_INK = "#0B3D75"
RULE = "#555555"
SHADE = "#EEEEEE"


class SheetRenderError(RuntimeError):
    """The device could not be painted on (printer offline, file not writable...)."""


def write_pdf(sheet: Sheet, path: Path, *, font_family: str) -> None:
    """Write ``sheet`` as a one-page A4 PDF at ``path``, all or nothing: the document is made in
    memory, then written to a temporary file beside ``path``, synced, size-checked and renamed
    (:func:`kiosk.files.write_atomically`). Raises :class:`SheetRenderError`, naming why; no
    partial file is left (a full disk, ``/dev/full``, a read-only folder...)."""
    data = pdf_bytes(sheet, font_family=font_family)
    try:
        write_atomically(path, data, mode=default_file_mode())
    except OSError as exc:
        raise SheetRenderError(exc.strerror or type(exc).__name__) from exc


def pdf_bytes(sheet: Sheet, *, font_family: str) -> bytes:
    """``sheet`` as a complete one-page A4 PDF document. Raises :class:`SheetRenderError`."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(sheet.title)
    writer.setCreator(sheet.centre)
    prepare_page(writer)
    render(sheet, writer, font_family=font_family)
    data = bytes(buffer.data().data())
    buffer.close()
    if not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        raise SheetRenderError("the PDF was not completed")
    return data


def prepare_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with the sheet's margins (printers and PDF writers alike)."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def render(sheet: Sheet, device: QPagedPaintDevice, *, font_family: str) -> None:
    """Paint ``sheet`` on one page of ``device``. Raises :class:`SheetRenderError`."""
    painter = QPainter()
    if not painter.begin(device):
        raise SheetRenderError("cannot paint on the device")
    try:
        dpi = device.logicalDpiY()
        width, height = device.width(), device.height()
        document = layout(sheet, font_family=font_family, dpi=dpi, width=width, height=height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        document.drawContents(painter, QRectF(0, 0, width, height))
    finally:
        if not painter.end():
            raise SheetRenderError("the device did not accept the page")


def render_image(sheet: Sheet, *, font_family: str, dpi: int = 150) -> QImage:
    """The A4 page as an image (margins included), laid out exactly as on paper: the self-test,
    the tests and the QR decoder look at this."""
    page = QPageSize(QPageSize.PageSizeId.A4).rectPixels(dpi)
    image = QImage(page.width(), page.height(), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    margin = round(MARGIN_MM / MM_PER_INCH * dpi)
    width, height = page.width() - 2 * margin, page.height() - 2 * margin
    document = layout(sheet, font_family=font_family, dpi=dpi, width=width, height=height)
    painter = QPainter(image)
    painter.translate(margin, margin)
    document.drawContents(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def layout(sheet: Sheet, *, font_family: str, dpi: int, width: int, height: int) -> QTextDocument:
    """The sheet as a document that fits ``width`` x ``height`` device pixels, text as large as fits."""
    size = BODY_PT
    while True:
        document = _document(sheet, font_family=font_family, dpi=dpi, body_pt=size)
        document.setTextWidth(width)
        if document.size().height() <= height or size <= SMALLEST_PT:
            document.setPageSize(QSizeF(width, height))
            return document
        size -= SHRINK_PT


def qr_image(sheet: Sheet, pixels_per_module: int = QR_PIXELS_PER_MODULE) -> QImage:
    """The QR code with its quiet zone, black on white, ``pixels_per_module`` per module."""
    modules = qr_modules(sheet)
    count = len(modules) + 2 * QR_QUIET_MODULES
    image = QImage(count, count, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x + QR_QUIET_MODULES, y + QR_QUIET_MODULES, black)
    return image.scaled(count * pixels_per_module, count * pixels_per_module)


def _document(sheet: Sheet, *, font_family: str, dpi: int, body_pt: float) -> QTextDocument:
    def px(points: float) -> int:
        return max(1, round(points * dpi / POINTS_PER_INCH))

    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont(font_family)
    font.setPixelSize(px(body_pt))
    document.setDefaultFont(font)
    document.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, qr_image(sheet))
    qr_size = round(QR_MM / MM_PER_INCH * dpi)
    body, small = px(body_pt), px(body_pt * 0.9)
    document.setDefaultStyleSheet(
        f"""
        body {{ color: {INK}; font-size: {body}px; }}
        p {{ margin-top: 0; margin-bottom: {px(body_pt * 0.25)}px; }}
        .centre {{ font-size: {px(body_pt * 1.1)}px; font-weight: bold; }}
        .title {{ font-size: {px(body_pt * 1.9)}px; font-weight: bold; }}
        .created {{ font-size: {small}px; }}
        .heading {{ font-size: {px(body_pt * 1.15)}px; font-weight: bold;
                    margin-top: {px(body_pt * 0.6)}px; margin-bottom: {px(body_pt * 0.2)}px; }}
        .caption {{ font-size: {small}px; }}
        .figure {{ font-size: {px(body_pt * 1.6)}px; font-weight: bold; color: {FIGURE_INK}; }}
        .small {{ font-size: {small}px; }}
        .note {{ font-weight: bold; }}
        """
    )
    pad = px(body_pt * 0.4)
    parts = [
        f'<p class="centre">{escape(sheet.centre)}</p>',
        f'<p class="title">{escape(sheet.title)}</p>',
        f'<p class="created">{escape(sheet.created_text)}</p>',
        f'<hr style="color: {RULE};"/>',
        f'<table width="100%" cellspacing="0" cellpadding="{pad}"><tr>',
        '<td valign="top">',
        _heading(sheet.answers.title),
        _lines(sheet.answers.lines, pad),
        _heading(sheet.results_title),
        f'<table cellspacing="0" cellpadding="{pad // 4}" width="100%">',
        *(
            f'<tr><td class="caption" width="34%" valign="middle">{escape(line.label)}</td>'
            f'<td class="figure" valign="middle">{escape(line.value)}</td></tr>'
            for line in sheet.figures
        ),
        "</table>",
        "</td>",
        f'<td valign="top" align="center" width="{qr_size + 2 * pad}">',
        f'<img src="{QR_URL.toString()}" width="{qr_size}" height="{qr_size}"/>',
        f'<p class="small" align="center">{escape(sheet.qr_caption)}</p>',
        "</td></tr></table>",
    ]
    if sheet.chart:
        chart_width = round((A4_WIDTH_MM - 2 * MARGIN_MM) / MM_PER_INCH * dpi)
        chart_height = round(CHART_MM / MM_PER_INCH * dpi)
        chart = chart_image(sheet, font, width=chart_width, height=chart_height)
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, chart)
        parts.append(
            f'<p><img src="{CHART_URL.toString()}" width="{chart_width}" height="{chart_height}"/></p>'
        )
    if sheet.notices:
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="{pad}" '
            f'style="background-color: {SHADE};"><tr><td>'
            + "".join(f"<p>{escape(text)}</p>" for text in sheet.notices)
            + "</td></tr></table>"
        )
    for section in sheet.sections():
        parts.append(_section(section, pad))
    parts.append(f'<hr style="color: {RULE};"/><p class="note">{escape(sheet.note)}</p>')
    document.setHtml(f"<body>{''.join(parts)}</body>")
    return document


def chart_image(sheet: Sheet, font: QFont, *, width: int, height: int) -> QImage:
    """The comparison's bars as on screen, in the sheet's inks (kiosk.ui.widgets.chart draws
    both)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_bars(
        painter,
        QRectF(0, 0, width, height),
        sheet.chart,
        font=font,
        colours=ChartColours(
            ink=QColor(INK),
            bar=QColor("#9AA7B8"),
            statutory=QColor(FIGURE_INK),
            background=QColor("white"),
        ),
    )
    painter.end()
    return image


def _heading(title: str) -> str:
    return f'<p class="heading">{escape(title)}</p>'


def _lines(lines: tuple[Line, ...], pad: int) -> str:
    if not lines:
        return ""
    rows = "".join(
        f'<tr><td class="caption" width="34%">{escape(line.label)}</td>'
        f"<td>{escape(line.value)}</td></tr>"
        for line in lines
    )
    return f'<table width="100%" cellspacing="0" cellpadding="{pad // 4}">{rows}</table>'


def _section(section: Section, pad: int) -> str:
    if not section.lines and not section.paragraphs:
        return ""
    body = _lines(section.lines, pad)
    css = "" if section.lines or section.numbered else ' class="small"'
    for number, text in enumerate(section.paragraphs, start=1):
        prefix = f"{number}. " if section.numbered else ""
        body += f"<p{css}>{escape(prefix + text)}</p>"
    return _heading(section.title) + body
