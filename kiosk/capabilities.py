"""The second half of ``kiosk --self-test``: every capability a hall terminal uses besides the
journeys, proven in the running program (so in the stand-alone build too, where a module or a
library left out of the bundle shows up here, not on a terminal).

One check per capability, each reported as ``PASS capability <name>: ...`` (``packaging/build.py``
requires every name in :data:`CAPABILITIES`):

- ``settings``: a settings file read with :func:`kiosk.settings.load_settings` (``--config``, or a
  kiosk-mode file written here);
- ``admin-pin``: the admin PIN hashed (``hashlib.scrypt``) and verified through the real gate of a
  kiosk-mode window: corner taps open the PIN pad, a wrong PIN is refused, the right one opens the
  admin panel, which shows the version and fingerprints, and 退出程序 reaches the quit function;
- ``pdf``: a 测算单 written as a PDF and read back (one A4 page, the bundled font embedded, the
  sheet's title);
- ``qr``: the sheet's QR code made and painted;
- ``print``: the print path built without printing: the system's default printer looked up, the
  print dialog constructed, the sheet rendered onto a QPrinter (into a PDF file);
- ``log-rotation``: the kiosk's log set up in a folder and rotated;
- ``modules``: every module of the ``kiosk`` package imported;
- ``speech``: QtTextToSpeech loaded and the terminal's speech engine asked for a voice per
  language, as a kiosk-mode window does (朗读); passes with whatever the engine answers (a voice,
  or why there is none) and gives the admin panel's lines, which must show it; fails when the
  module is missing or the engine never answers.

The PIN tried at the gate is ``pin`` (``KIOSK_SELF_TEST_PIN``) against the settings file's
``admin_pin_hash`` when both are given; otherwise a PIN and hash made here.
"""

from __future__ import annotations

import gc
import importlib
import logging
import pkgutil
import re
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPoint
from PySide6.QtWidgets import QWidget

import kiosk
from kiosk import __version__
from kiosk.app import Bundle, build_kiosk
from kiosk.content.texts import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.fingerprint import resources_fingerprint
from kiosk.ops import logs
from kiosk.ops.heap import release_freed_memory
from kiosk.ops.pin import MIN_PIN_DIGITS, hash_pin, verify_pin
from kiosk.ops.usage import UsageCounter
from kiosk.present import Sheet, make_sheet, present_retirement
from kiosk.rules import Category, YearMonth, retirement
from kiosk.settings import KioskSettings, load_settings
from kiosk.ui.ops.install import Operations, OpsHooks
from kiosk.ui.print_actions import QrCodeWidget, TakeAway, default_printer

CAPABILITIES = ("settings", "admin-pin", "pdf", "qr", "print", "log-rotation", "modules", "speech")
SPEECH_ANSWER_S = 30  # speech-dispatcher started on demand lists every voice first: seconds

# The sheet the pdf, qr and print checks make: a retirement result, as a citizen would take home.
SHEET_BIRTH = YearMonth(1965, 7)
SHEET_CONTRIBUTION_MONTHS = 200
TAP_STEP_S = 0.2  # between two corner taps: more than one tap, well within the tap window
A4_POINTS = (595, 842)


@dataclass(frozen=True, slots=True)
class Capability:
    name: str
    ok: bool
    detail: str


class CapabilityFailed(Exception):
    """A check's finding (its message is the report's detail)."""


def check_capabilities(
    bundle: Bundle,
    *,
    config: Path | None = None,
    pin: str | None = None,
    today: Callable[[], date] = date.today,
) -> list[Capability]:
    """Run every check in a temporary folder; one :class:`Capability` per name, in order."""
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as folder:
        work = Path(folder)
        loaded: list[KioskSettings] = []

        def settings_check() -> str:
            settings, detail = _load_settings(config, work, pin)
            loaded.append(settings)
            return detail

        @cache
        def made() -> Sheet:
            return _sheet(bundle, today())

        checks: dict[str, Callable[[], str]] = {
            "settings": settings_check,
            "admin-pin": lambda: _admin_pin(bundle, loaded, work, pin if config else None),
            "pdf": lambda: _pdf(bundle, made(), work),
            "qr": lambda: _qr(made()),
            "print": lambda: _print(bundle, made(), work),
            "log-rotation": lambda: _log_rotation(work),
            "modules": _modules,
            "speech": lambda: _speech(bundle, loaded, work),
        }
        return [_run(name, checks[name]) for name in CAPABILITIES]


def prove_capabilities(
    bundle: Bundle,
    *,
    config: Path | None,
    pin: str | None,
    today: Callable[[], date] = date.today,
    out: TextIO,
) -> bool:
    """:func:`check_capabilities`, one line each and a summary on ``out``; True if all pass."""
    found = check_capabilities(bundle, config=config, pin=pin, today=today)
    for capability in found:
        verdict = "PASS" if capability.ok else "FAIL"
        print(f"{verdict} capability {capability.name}: {capability.detail}", file=out, flush=True)
    passed = sum(capability.ok for capability in found)
    print(f"capabilities: {passed} passed, {len(found) - passed} failed", file=out, flush=True)
    return passed == len(found)


def _run(name: str, check: Callable[[], str]) -> Capability:
    try:
        return Capability(name, True, check())
    except Exception as exc:  # a capability missing in the build fails in any way: report it
        return Capability(name, False, f"{type(exc).__name__}: {exc}")


def _require(condition: bool, finding: str) -> None:
    if not condition:
        raise CapabilityFailed(finding)


# settings and the admin PIN --------------------------------------------------------------------


def _load_settings(config: Path | None, work: Path, pin: str | None) -> tuple[KioskSettings, str]:
    """The settings of ``config``, else of a kiosk-mode file written here."""
    if config is None:
        path = work / "settings.toml"
        path.write_text(
            'mode = "kiosk"\nidle_timeout_s = 120\nadmin_corner = "bottom-right"\n',
            encoding="utf-8",
        )
        settings = load_settings(path)
        _require(settings.idle_timeout_s == 120, "idle_timeout_s not read from the file")
        _require(settings.admin_corner == "bottom-right", "admin_corner not read from the file")
        return replace(settings, mode="kiosk"), f"read {path.name} written here"
    settings = load_settings(config)
    return settings, f"read {config} (mode {settings.mode})"


def _random_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(MIN_PIN_DIGITS + 2))


def _admin_pin(bundle: Bundle, loaded: list[KioskSettings], work: Path, pin: str | None) -> str:
    """The gate of a kiosk-mode window with the loaded settings: with ``pin`` against their
    ``admin_pin_hash``, else with a PIN and hash made here."""
    _require(bool(loaded), "no settings (the settings check failed)")
    settings = loaded[0]
    if pin is None or settings.admin_pin_hash is None:
        pin = _random_pin()
        settings = replace(settings, admin_pin_hash=hash_pin(pin))
        source = "a PIN hashed here"
    else:
        source = "the PIN of the settings file's admin_pin_hash"
    settings = replace(
        settings, mode="kiosk", log_dir=work / "logs", usage_file=work / "usage.json"
    )
    quits: list[bool] = []
    clock = _StepClock()
    kiosk = build_kiosk(
        bundle,
        settings=settings,
        usage=UsageCounter(settings.usage_file),
        ops_hooks=OpsHooks(quit=lambda: quits.append(True), clock=clock),
    )
    window, operations = kiosk.window, kiosk.operations
    assert operations is not None  # settings given
    try:
        window.resize(1366, 768)
        window.show()
        for _ in range(settings.admin_taps):
            clock.advance(TAP_STEP_S)
            operations.gate.tap(_corner_point(window, settings.admin_corner))
        _require(operations.pin_pad.is_open(), "the corner taps did not open the PIN pad")
        assert settings.admin_pin_hash is not None
        operations.pin_pad.enter(_wrong_pin(pin, settings.admin_pin_hash))
        _require(not operations.admin_panel.is_open(), "a wrong PIN opened the admin panel")
        operations.pin_pad.enter(pin)
        _require(operations.admin_panel.is_open(), "the PIN did not open the admin panel")
        versions = operations.admin_panel.section_text(bundle.texts.ops.admin_versions)
        fingerprint = resources_fingerprint(bundle.root)
        for shown in (__version__, fingerprint.rules.digest, fingerprint.content.digest):
            _require(shown in versions, f"the admin panel does not show {shown}")
        operations.admin_panel.exit_button.click()
        _require(quits == [True], "退出程序 did not reach the quit function")
    finally:
        discard(window)
    return f"{source} opened the admin panel at the gate; a wrong PIN did not; 退出程序 quits"


class _StepClock:
    """The gate's clock: moves only when told (taps a fixed step apart, however fast the run)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _corner_point(window: QWidget, corner: str) -> QPoint:
    x = 5 if corner.endswith("left") else window.width() - 5
    y = 5 if corner.startswith("top") else window.height() - 5
    return QPoint(x, y)


def _wrong_pin(pin: str, stored: str) -> str:
    """A PIN of the same length that ``stored`` does not open (each digit shifted)."""
    for shift in range(1, 10):
        candidate = "".join(str((int(digit) + shift) % 10) for digit in pin)
        if not verify_pin(candidate, stored):
            return candidate
    raise CapabilityFailed("no wrong PIN found")


def discard(window: QWidget) -> None:
    """Close and delete ``window`` now (no event loop runs here to do it later), with everything
    only it held, and give the heap it freed back to the system (:mod:`kiosk.ops.heap`): each
    check's window, and the self-test's, is gone before the next is made."""
    operations = window.findChild(Operations)
    if isinstance(operations, Operations):
        if operations.lockdown is not None:
            operations.lockdown.allow_close()
        operations.idle.stop()
    window.close()
    window.deleteLater()
    for _ in range(2):  # a deletion may post another
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # the pages' Python wrappers, and the widgets only they held
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release_freed_memory()


# 读给我听 -----------------------------------------------------------------------------------------


def _speech(bundle: Bundle, loaded: list[KioskSettings], work: Path) -> str:
    """The terminal's speech engine in a kiosk-mode window, started at once (a kiosk starts it
    after its first paint), and the admin panel's lines about it once it has answered."""
    from kiosk.ui.speech import Problem
    from kiosk.ui.speech_qt import QtSpeechEngine
    from kiosk.ui.voice import status_line

    settings = replace(
        loaded[0] if loaded else KioskSettings(),
        mode="kiosk",
        read_aloud=True,
        log_dir=work / "logs",
        usage_file=work / "usage.json",
    )
    engine = QtSpeechEngine(LANGUAGES)
    kiosk = build_kiosk(
        bundle,
        settings=settings,
        usage=UsageCounter(settings.usage_file),
        ops_hooks=OpsHooks(quit=lambda: None),
        speech=engine,
    )
    operations = kiosk.operations
    assert operations is not None  # settings given
    try:
        engine.start()
        deadline = time.monotonic() + SPEECH_ANSWER_S
        while engine.availability(DEFAULT_LANGUAGE).problem is Problem.STARTING:
            _require(time.monotonic() < deadline, f"no answer in {SPEECH_ANSWER_S} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.02)
        found = engine.availability(DEFAULT_LANGUAGE)
        _require(found.problem is not Problem.NO_MODULE, f"QtTextToSpeech: {found.detail}")
        ops = bundle.texts.ops
        lines = [
            status_line(ops, language, engine.availability(language)) for language in LANGUAGES
        ]
        operations.open_admin_panel()
        shown = operations.admin_panel.section_text(ops.admin_check)
        for line in lines:
            _require(line in shown, f"the admin panel does not say {line!r}")
        return "; ".join(lines)
    finally:
        engine.shutdown()
        discard(kiosk.window)


# the sheet: PDF, QR code, print path -------------------------------------------------------------


def _sheet(bundle: Bundle, today: date) -> Sheet:
    result = retirement(
        SHEET_BIRTH,
        Category.MALE,
        bundle.rules.retirement,
        as_of=today,
        contribution_months=SHEET_CONTRIBUTION_MONTHS,
    )
    return make_sheet(
        present_retirement(result, bundle.texts),
        bundle.texts,
        created=datetime.now(),
        rules_updated=bundle.rules.updated,
    )


def _pdf(bundle: Bundle, made: Sheet, work: Path) -> str:
    path = work / made.file_name
    TakeAway(texts=bundle.texts, font_family=bundle.font_family).save_sheet(made, path)
    return _read_back(path, made, bundle.font_family)


def _read_back(path: Path, made: Sheet, font_family: str) -> str:
    """Check the PDF at ``path`` is the one-page A4 sheet ``made`` with the font embedded."""
    data = path.read_bytes()
    _require(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), "not a whole PDF")
    pages = re.findall(rb"/Type\s*/Page\b", data)
    _require(len(pages) == 1, f"{len(pages)} pages, expected 1")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    _require(box is not None, "no page size")
    assert box is not None
    size = (round(float(box.group(1))), round(float(box.group(2))))
    _require(size == A4_POINTS, f"page {size[0]}x{size[1]} pt, expected A4")
    font = font_family.replace(" ", "").encode()
    _require(re.search(rb"/BaseFont\s*/[A-Z+]*" + font, data) is not None, "font not used")
    _require(b"/FontFile" in data, "font not embedded")
    title = _pdf_string(data, b"/Title")
    _require(title == made.title, f"title {title!r}, expected {made.title!r}")
    return f"{path.name}: 1 A4 page, {font_family} embedded, title {title}, {len(data)} bytes"


def _pdf_string(data: bytes, key: bytes) -> str | None:
    """The text of a PDF literal string after ``key`` (UTF-16 with its BOM, as Qt writes)."""
    start = data.find(key + b" (")
    if start < 0:
        return None
    raw = bytearray()
    position = start + len(key) + 2
    while position < len(data) and data[position : position + 1] != b")":
        if data[position : position + 1] == b"\\":
            position += 1
        raw += data[position : position + 1]
        position += 1
    text = bytes(raw)
    return text[2:].decode("utf-16-be") if text.startswith(b"\xfe\xff") else text.decode("latin-1")


def _qr(made: Sheet) -> str:
    code = QrCodeWidget(made)
    try:
        side = len(code.modules)
        _require(side >= 21 and (side - 17) % 4 == 0, f"{side} modules a side: not a QR code")
        _require(all(len(row) == side for row in code.modules), "the QR code is not square")
        code.resize(400, 400)
        image = code.grab().toImage()
        rect = code.code_rect().toRect()
        row = rect.center().y()
        shades = {image.pixelColor(x, row).lightness() < 128 for x in range(rect.x(), rect.right())}
        _require(shades == {True, False}, "the QR code painted no modules")
    finally:
        code.deleteLater()
    version = (side - 17) // 4
    return f"version {version}, {side}x{side} modules, {len(made.summary)} characters, painted"


def _print(bundle: Bundle, made: Sheet, work: Path) -> str:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    configured = default_printer()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    parent = QWidget()
    try:
        dialog = QPrintDialog(printer, parent)  # built as in a clerk's 打印, never shown
        _require(dialog.printer() is printer, "the print dialog has another printer")
        dialog.deleteLater()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = work / "printed.pdf"
        printer.setOutputFileName(str(path))
        TakeAway(texts=bundle.texts, font_family=bundle.font_family).print_sheet(made, printer)
        _read_back(path, made, bundle.font_family)
    finally:
        parent.deleteLater()
    name = configured.printerName() if configured is not None else None
    found = f"default printer {name}" if name else "no default printer (打印 is not offered)"
    return f"{found}; print dialog built; the sheet printed to a file, read back"


# logs and modules --------------------------------------------------------------------------------


def _log_rotation(work: Path) -> str:
    logger = logging.getLogger("kiosk")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    try:
        path = logs.setup_logging(work / "logs")
        logger.propagate = False
        line = "x" * 10_000
        for _ in range(logs.MAX_BYTES // len(line) + 2):
            logger.info("self-test log rotation %s", line)
        rotated = path.with_name(path.name + ".1")
        _require(rotated.is_file(), f"{path.name} was not rotated")
        _require(path.stat().st_size < logs.MAX_BYTES, f"{path.name} kept growing")
        result = f"{path.name} rotated at {logs.MAX_BYTES} bytes into {rotated.name}"
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        handlers, level, propagate = saved
        for handler in handlers:
            logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    return result


def kiosk_modules() -> Iterator[str]:
    """Every module of the ``kiosk`` package but ``kiosk.__main__`` (which runs the program)."""
    yield kiosk.__name__
    for module in pkgutil.walk_packages(kiosk.__path__, prefix=f"{kiosk.__name__}."):
        if module.name != f"{kiosk.__name__}.__main__":
            yield module.name


def _modules() -> str:
    names = list(kiosk_modules())
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules of the kiosk package imported"
