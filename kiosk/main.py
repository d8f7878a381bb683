"""``kiosk``: parse the options, load the settings and the bundle, build the window, run.

A broken data or settings file never reaches the user as a traceback: it stops start-up with a
dialog and a line on stderr naming the file and the field (or key), and exit status 1.

Modes (``--kiosk`` / ``--windowed`` / ``--demo``, or ``mode`` in the settings file): see
:class:`kiosk.settings.KioskSettings`. ``kiosk --hash-pin`` prints the hash for ``admin_pin_hash``.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from kiosk import __version__

EXIT_BAD_DATA = 1
EXIT_USAGE = 2

log = logging.getLogger("kiosk.main")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1920x1080, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="威海市社会保险事业中心自助终端")
    parser.add_argument(
        "--version",
        action="store_true",
        help="show the application, rules-data and content versions",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--kiosk",
        dest="mode",
        action="store_const",
        const="kiosk",
        help="hall terminal: fullscreen, locked down, exit only from the admin panel",
    )
    modes.add_argument(
        "--windowed",
        dest="mode",
        action="store_const",
        const="windowed",
        help="clerk: a normal window that closes normally",
    )
    modes.add_argument(
        "--demo",
        dest="mode",
        action="store_const",
        const="demo",
        help="windowed, marked as a demo, attract screen on",
    )
    parser.add_argument(
        "--config", type=Path, help="settings file (default: the platform's config folder)"
    )
    parser.add_argument(
        "--hash-pin",
        action="store_true",
        help="read an admin PIN (4-8 digits) and print its salted hash for admin_pin_hash",
    )
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen (hall terminal)")
    parser.add_argument("--size", type=_size, help="window size WxH, e.g. 1080x1920")
    parser.add_argument("--resources", type=Path, help="resources folder (default: bundled)")
    parser.add_argument("--smoke", action="store_true", help="start, paint the home screen, exit 0")
    parser.add_argument(
        "--self-test", action="store_true", help="walk every journey offscreen and check results"
    )
    parser.add_argument("--screenshots", type=Path, help="with --self-test: save a PNG per page")
    return parser


def version_text(root: Path | None = None) -> str:
    """The application version, the rules data's date and a fingerprint of the bundled text."""
    from kiosk import resources
    from kiosk.ops.checks import content_fingerprint
    from kiosk.rules import load_rules

    base = root or resources.resources_dir()
    rules = load_rules(resources.rules_dir(base))
    return (
        f"kiosk {__version__}\n"
        f"rules data: updated {rules.updated.isoformat()}\n"
        f"content: sha256 {content_fingerprint(base).digest}"
    )


def hash_pin_command(stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """``kiosk --hash-pin``: a PIN from the terminal (asked twice) or the first line of stdin."""
    from kiosk.ops.pin import check_pin_format, hash_pin

    stdin = stdin or sys.stdin
    out = out or sys.stdout
    if stdin.isatty():
        pin = getpass.getpass("admin PIN (4-8 digits): ")
        if getpass.getpass("again: ") != pin:
            print("kiosk: the two PINs differ", file=sys.stderr)
            return EXIT_USAGE
    else:
        pin = stdin.readline().strip()
    try:
        check_pin_format(pin)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(hash_pin(pin), file=out)
    return 0


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {"mode": args.mode} if args.mode else {}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.hash_pin:
        return hash_pin_command()
    if args.version:
        from kiosk.rules import DataFileError

        try:
            print(version_text(args.resources))
        except DataFileError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return EXIT_BAD_DATA
        return 0
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from kiosk.rules import DataFileError
    from kiosk.settings import load_settings

    checking = args.smoke or args.self_test
    try:
        settings = load_settings(args.config, overrides=_overrides(args))
    except DataFileError as exc:
        return _startup_failed(f"kiosk: settings: {exc}", checking=checking)

    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_main_window, load_bundle

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    try:
        bundle = load_bundle(args.resources)
    except DataFileError as exc:
        return _startup_failed(f"kiosk: {exc}", checking=checking)
    from kiosk import resources
    from kiosk.settings import default_config_path, settings_font_problems

    settings_path = args.config or default_config_path()
    for problem in settings_font_problems(
        settings, settings_path, resources.fonts_dir(bundle.root)
    ):
        return _startup_failed(f"kiosk: settings: {problem}", checking=checking)

    if args.self_test:
        from kiosk.ops.attract import HallInfo
        from kiosk.selftest import run_self_test

        hall = HallInfo(settings.service_hours, settings.service_desk)
        return run_self_test(bundle, screenshots=args.screenshots, hall=hall)

    from kiosk.ops.install import Operations, OpsHooks
    from kiosk.ops.logs import setup_logging

    log_file = None if checking else setup_logging(settings.resolved_log_dir())
    log.info("kiosk %s starting, mode %s", __version__, settings.mode)
    if settings.mode == "kiosk" and settings.admin_pin_hash is None:
        log.warning(
            "kiosk mode without admin_pin_hash: the admin panel (and exit) cannot be opened"
        )

    window = build_main_window(bundle, settings=settings, ops_hooks=OpsHooks(log_file=log_file))
    operations = window.findChild(Operations)
    assert isinstance(operations, Operations)
    operations.crash_guard.install()
    window.resize(*(args.size or (1366, 768)))
    if args.smoke:
        from kiosk.smoke import exit_after_first_paint

        if operations.lockdown is not None:
            operations.lockdown.allow_close()
        exit_after_first_paint(window)
    if settings.mode == "kiosk":
        from kiosk.ops.lockdown import show_kiosk_window

        keeper = show_kiosk_window(window, hide_cursor=settings.cursor_hidden)
        keeper.setObjectName("FullscreenKeeper")
    elif args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    operations.start()
    try:
        return app.exec()
    finally:
        operations.crash_guard.uninstall()
        log.info("kiosk stopped")


def run() -> NoReturn:
    """The program's entry point (``kiosk``, ``python -m kiosk``, the stand-alone build):
    :func:`main`, then an immediate exit with its status.

    When the event loop has returned nothing is left to save: the usage counts are written as
    they happen and the log is flushed here. Tearing down the interpreter's modules and every Qt
    object one by one would take a fifth of a ``--smoke`` run, so the process ends at once."""
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # a windowed build on Windows has neither
            stream.flush()
    os._exit(code)


def _startup_failed(message: str, *, checking: bool) -> int:
    print(message, file=sys.stderr)
    if not checking and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "威海社保自助终端", f"文件有误，无法启动：\n{message}")
    return EXIT_BAD_DATA
