"""The sheet on paper: one A4 page with the bundled font embedded, the key results and the note in
the PDF's text, a QR code that decodes to the summary, and the print path to a PDF printer."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from sheet_helpers import pdf_text, squeeze

from kiosk.present import Sheet, qr_code
from kiosk.ui.print_actions import TakeAway
from kiosk.ui.sheet_render import SheetRenderError, qr_image, render_image, write_pdf

A4_POINTS = (595, 842)


def decoded(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [barcode.text for barcode in zxingcpp.read_barcodes(gray)]


def embedded_fonts(path: Path) -> dict[str, list[str]]:
    """Each font of the page and the font-file streams its descriptor carries."""
    page = PdfReader(path).pages[0]
    found: dict[str, list[str]] = {}
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        found[str(font["/BaseFont"])] = [key for key in descriptor if key.startswith("/FontFile")]
    return found


def key_results(sheet: Sheet) -> list[str]:
    return [line.value for line in sheet.figures] + [sheet.title, sheet.note]


@pytest.mark.parametrize("kind", ["retirement", "contribution", "pension"])
def test_pdf_is_one_a4_page_with_results_note_and_embedded_font(
    qapp, bundle, sheets: dict[str, Sheet], kind: str, tmp_path: Path
) -> None:
    sheet, path = sheets[kind], tmp_path / f"{kind}.pdf"
    write_pdf(sheet, path, font_family=bundle.font_family)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    text = squeeze(pdf_text(path))
    for wanted in key_results(sheet):
        assert squeeze(wanted) in text
    fonts = embedded_fonts(path)
    assert fonts and all(files == ["/FontFile2"] for files in fonts.values()), fonts
    assert all("NotoSans" in name for name in fonts)


@pytest.mark.parametrize("kind", ["retirement", "contribution", "pension"])
def test_the_printed_page_qr_decodes_to_the_summary(
    qapp, bundle, sheets: dict[str, Sheet], kind: str
) -> None:
    page = render_image(sheets[kind], font_family=bundle.font_family, dpi=150)
    assert decoded(page) == [sheets[kind].summary]


def plain_image(modules: tuple[tuple[bool, ...], ...], scale: int) -> QImage:
    """The modules drawn the plainest way, black on white with a 4-module quiet zone: the code
    itself, apart from how the kiosk draws it."""
    side = (len(modules) + 8) * scale
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(255)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    for dx in range(scale):
                        image.setPixel((x + 4) * scale + dx, (y + 4) * scale + dy, 0)
    return image


def test_qr_decodes_from_its_modules_and_from_the_drawn_image(
    qapp, sheets: dict[str, Sheet]
) -> None:
    sheet = sheets["pension"]
    assert decoded(plain_image(qr_code(sheet).modules, 4)) == [sheet.summary]
    assert decoded(qr_image(sheet, 4)) == [sheet.summary]


def test_print_path_to_a_pdf_printer(
    qapp, bundle, sheets: dict[str, Sheet], tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    service = TakeAway(texts=bundle.texts, font_family=bundle.font_family)
    sheet = sheets["contribution"]
    service.print_sheet(sheet, printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1
    text = squeeze(pdf_text(tmp_path / "printed.pdf"))
    assert all(squeeze(wanted) in text for wanted in key_results(sheet))


def test_unwritable_pdf_is_a_clear_error(qapp, bundle, sheets: dict[str, Sheet], tmp_path) -> None:
    with pytest.raises(SheetRenderError):
        write_pdf(
            sheets["retirement"], tmp_path / "missing" / "x.pdf", font_family=bundle.font_family
        )
