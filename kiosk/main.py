"""``kiosk``: parse the options, load and validate the bundle, build the window, run.

A broken data file never reaches the user as a traceback: it stops start-up with a dialog and a
line on stderr naming the file and the field, and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__

EXIT_BAD_DATA = 1
EXIT_USAGE = 2


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
    import hashlib

    from kiosk import resources
    from kiosk.rules import load_rules

    base = root or resources.resources_dir()
    rules = load_rules(resources.rules_dir(base))
    digest = hashlib.sha256()
    for path in sorted(resources.text_dir(base).rglob("*.toml")):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    return (
        f"kiosk {__version__}\n"
        f"rules data: updated {rules.updated.isoformat()}\n"
        f"content: sha256 {digest.hexdigest()[:12]}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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

    from PySide6.QtWidgets import QApplication, QMessageBox

    from kiosk.app import build_main_window, load_bundle
    from kiosk.rules import DataFileError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    try:
        bundle = load_bundle(args.resources)
    except DataFileError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        if not (args.smoke or args.self_test) and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, "威海社保自助终端", f"数据文件有误，无法启动：\n{exc}")
        return EXIT_BAD_DATA

    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test(bundle, screenshots=args.screenshots)

    window = build_main_window(bundle)
    if args.size:
        window.resize(*args.size)
    else:
        window.resize(1366, 768)
    if args.smoke:
        from kiosk.smoke import exit_after_first_paint

        exit_after_first_paint(window)
    if args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
