"""``kiosk``: parse the options, load the settings and the bundle, build the window, run.

A broken data or settings file never reaches the user as a traceback: it stops start-up with a
dialog and a line on stderr naming the file and the field (or key), and exit status 1; in kiosk
mode the terminal shows 暂停服务 instead, logs the detail and serves once the files are fixed
(:mod:`kiosk.ui.ops.out_of_service`). One kiosk-mode instance per user (exit status 3 for a second);
SIGTERM and SIGHUP end it with "kiosk stopped" in the log and exit status 0.

Modes (``--kiosk`` / ``--windowed`` / ``--demo``, or ``mode`` in the settings file): see
:class:`kiosk.settings.KioskSettings`. ``kiosk --hash-pin`` prints the hash for ``admin_pin_hash``
(so does ``kiosk-calc hash-pin``, which works on Windows too: :mod:`kiosk.ops.set_pin`).
"""

from __future__ import annotations

import argparse
import gc
import linecache
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.ops.single_instance import InstanceLock
    from kiosk.service import KioskService

EXIT_BAD_DATA = 1
EXIT_USAGE = 2
EXIT_ALREADY_RUNNING = 3  # kiosk mode: another kiosk-mode instance of this user is running
# --self-test --config FILE: the PIN whose hash FILE's admin_pin_hash holds, tried at the gate
SELF_TEST_PIN_VARIABLE = "KIOSK_SELF_TEST_PIN"

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
    """The application version; the rules data's date and fingerprint; the content's
    fingerprint; the resources folder in use (:mod:`kiosk.fingerprint`)."""
    from kiosk import resources
    from kiosk.fingerprint import resources_fingerprint
    from kiosk.rules import load_rules

    base = root or resources.resources_dir()
    rules = load_rules(resources.rules_dir(base))
    fingerprint = resources_fingerprint(base)
    return (
        f"kiosk {__version__}\n"
        f"rules data: updated {rules.updated.isoformat()}, fingerprint {fingerprint.rules.digest}\n"
        f"content: fingerprint {fingerprint.content.digest}\n"
        f"resources: {base.resolve()}"
    )


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {"mode": args.mode} if args.mode else {}


def _cache(args: argparse.Namespace) -> Path | None:
    """Where the snapshot of the validated bundle is kept: the cache folder, except for the
    self-test, which validates every file as ``kiosk-calc check`` does."""
    from kiosk.settings import default_cache_dir

    return None if args.self_test else default_cache_dir()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.hash_pin:
        from kiosk.ops.set_pin import hash_pin_command

        return hash_pin_command(prog="kiosk")
    if args.version:
        from kiosk.datafile import DataFileError

        try:
            print(version_text(args.resources))
        except DataFileError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return EXIT_BAD_DATA
        return 0
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from kiosk.datafile import DataFileError
    from kiosk.settings import load_settings, salvage_settings

    checking = args.smoke or args.self_test
    settings_problem: DataFileError | None = None
    try:
        settings = load_settings(args.config, overrides=_overrides(args), cache=_cache(args))
    except DataFileError as exc:
        settings_problem = exc
        # a hall terminal shows 暂停服务 with what can be read; anything else stops here
        settings = salvage_settings(args.config, overrides=_overrides(args))
        if checking or settings.mode != "kiosk":
            return _startup_failed(f"kiosk: settings: {exc}", checking=checking)
    lock: InstanceLock | None = None
    if not checking and settings.mode == "kiosk":
        alone, lock = _one_kiosk_only()
        if not alone:
            return EXIT_ALREADY_RUNNING

    from PySide6.QtWidgets import QApplication

    from kiosk.app import load_bundle

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bundle = None
    problem = settings_problem
    if problem is None:
        try:
            bundle = load_bundle(args.resources, cache=_cache(args))
        except DataFileError as exc:
            problem = exc
    if problem is None and bundle is not None:  # the settings' hall texts the font must draw
        from kiosk import resources
        from kiosk.settings import default_config_path, settings_font_problems

        drawn = settings_font_problems(
            settings,
            args.config or default_config_path(),
            resources.fonts_dir(bundle.root),
            cache=_cache(args),
        )
        problem = drawn[0] if drawn else None
    if problem is not None and (checking or settings.mode != "kiosk"):
        prefix = "kiosk: settings: " if bundle is not None else "kiosk: "
        return _startup_failed(f"{prefix}{problem}", checking=checking)

    if args.self_test:
        from kiosk.selftest import run_self_test
        from kiosk.ui.ops.attract import HallInfo

        assert bundle is not None
        gc.enable()  # a long run of every screen, not a start-up
        return run_self_test(
            bundle,
            screenshots=args.screenshots,
            config=args.config,
            pin=os.environ.get(SELF_TEST_PIN_VARIABLE),
            hall=HallInfo(settings.service_hours, settings.service_desk),
        )

    from kiosk.service import KioskService
    from kiosk.ui.ops.install import OpsHooks

    log_file = None
    if not checking:
        from kiosk.ops.logs import setup_logging

        log_file = setup_logging(settings.resolved_log_dir())
    service = KioskService(  # from here SIGTERM and SIGHUP stop it cleanly
        hooks=OpsHooks(log_file=log_file, watch_after_paint=True),
        size=args.size,
        fullscreen=args.fullscreen,
        parent=app,
    )
    log.info("kiosk %s starting, mode %s", __version__, settings.mode)
    if bundle is not None:
        service.serve(settings, bundle, smoke=args.smoke)
    else:
        assert problem is not None  # logged, on stderr too
        _suspend(service, problem, settings, args)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, _after_start)
    try:
        return app.exec()
    finally:
        service.shutdown()
        log.info("kiosk stopped")
        if lock is not None:
            lock.release()


def _after_start() -> None:
    """The event loop runs: what start-up made lives as long as the program, so the garbage
    collector, off since :func:`run` began, never scans it again (``gc.freeze``) and runs from
    now on; and the sources PySide's import hook read of every module imported after it (to see
    whether each uses PySide: some 2 MB in ``linecache``) are let go."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
    linecache.clearcache()


def _one_kiosk_only() -> tuple[bool, InstanceLock | None]:
    """Whether this may run as the user's kiosk, and the lock it now holds. Another kiosk-mode
    instance holding it: no (said on stderr). A lock that cannot be taken at all (no state
    folder) is no reason not to run."""
    from kiosk.ops.single_instance import LOCK_FILE_NAME, InstanceLock
    from kiosk.settings import default_state_dir

    lock = InstanceLock(default_state_dir() / LOCK_FILE_NAME)
    try:
        if lock.acquire():
            return True, lock
    except OSError as exc:
        print(f"kiosk: no single-instance lock ({exc}); starting anyway", file=sys.stderr)
        return True, None
    print(
        f"kiosk: a kiosk-mode instance is already running for this user (process {lock.holder()},"
        f" lock {lock.path}); this one exits",
        file=sys.stderr,
    )
    return False, None


def _suspend(service: KioskService, problem: Exception, settings: Any, args: Any) -> None:
    """暂停服务 in the words and font of whichever bundle still has them; the settings and the
    bundle are tried again on a timer, and the kiosk serves once they load."""
    from kiosk import resources
    from kiosk.app import load_bundle
    from kiosk.datafile import DataFileError
    from kiosk.settings import load_settings
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.ops.out_of_service import out_of_service_texts

    roots = [args.resources or resources.resources_dir(), resources.resources_dir()]
    family = ""
    for root in roots:
        try:
            family = register_fonts(resources.fonts_dir(root))
            break
        except DataFileError:
            continue

    def load() -> tuple[Any, Any]:
        settings = load_settings(args.config, overrides=_overrides(args))
        return settings, load_bundle(args.resources, cache=_cache(args))

    assert isinstance(problem, DataFileError)
    service.suspend(
        problem,
        settings,
        texts=out_of_service_texts(roots, settings.language),
        font_family=family,
        load=load,
    )


def run() -> NoReturn:
    """The program's entry point (``kiosk``, ``python -m kiosk``, the stand-alone build):
    :func:`main`, then an immediate exit with its status.

    When the event loop has returned nothing is left to save: the usage counts are written as
    they happen and the log is flushed here. Tearing down the interpreter's modules and every Qt
    object one by one would take a fifth of a ``--smoke`` run, so the process ends at once.

    No garbage collection until the event loop runs (:func:`_after_start`): start-up makes
    objects that all live on, and some hundred collections would only scan them."""
    gc.disable()
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
