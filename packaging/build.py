#!/usr/bin/env python3
"""Build the stand-alone kiosk with PyInstaller, prune it, prove it works and measure it.

    python3 packaging/build.py [--onefile] [--strict] [--runs N]     # Linux
    py packaging\\build.py [--onefile] [--strict]                      # Windows

Produces ``dist/kiosk/`` (one folder): ``kiosk`` (the touchscreen application; no console window
on Windows) and ``kiosk-calc`` (the rules on the command line), sharing ``_internal/`` with Python,
Qt and ``resources/``. Steps:

1. a build environment of its own in ``build/venv`` (re-created when pyproject.toml changes), into
   which the project is installed non-editable, from a clean copy in ``build/kiosk-src``, together
   with PyInstaller;
2. PyInstaller on ``packaging/kiosk.spec`` (two executables, one folder);
3. pruning of what the application never uses, by the explicit list ``PRUNE`` below, after a check
   that no kept binary links a file on the list;
4. the proof: ``kiosk --version``, ``kiosk --smoke`` and ``kiosk --self-test`` offscreen,
   ``kiosk-calc retirement ...`` and ``kiosk-calc check`` from the pruned build; any failure
   fails the build (exit 1);
5. the figures: the folder's size, and the start-up time of ``kiosk --smoke`` from the build next
   to ``python -m kiosk --smoke`` from the build environment, run alternately, median of N runs,
   against the budgets (folder <= 130 MB, build <= 1.2x source). A missed budget is printed as
   FAIL; it fails the build only with ``--strict``.

``--onefile`` also builds ``dist/kiosk-onefile/kiosk``, a single self-extracting file for a demo
USB stick (pruned by the same list before the archive is written), checks it the same way and
times its start-up next to the others.

Standard library only: it runs before anything is installed, and packaging/kiosk.spec and the
tests import it for the prune list.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "kiosk.spec"
BUILD = ROOT / "build"
VENV = BUILD / "venv"
STAGE = BUILD / "kiosk-src"
WORK = BUILD / "pyinstaller"
DIST = ROOT / "dist"
APP_DIR = DIST / "kiosk"
ONEFILE_DIR = DIST / "kiosk-onefile"
CONTENTS = "_internal"  # PyInstaller 6's contents directory: sys._MEIPASS of the one-folder build

WINDOWS = os.name == "nt"
EXE = ".exe" if WINDOWS else ""
VENV_PYTHON = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# What the build environment needs besides the project itself (setuptools builds the project
# without build isolation, so the wheel build works offline once this is installed).
BUILD_REQUIREMENTS = ["pyinstaller>=6.10,<7", "setuptools>=70.1"]
STAGED = ["pyproject.toml", "README.md", "kiosk", "resources"]

SIZE_BUDGET_BYTES = 130 * 1000 * 1000  # 130 MB (decimal), the stricter reading
STARTUP_BUDGET_RATIO = 1.2

# The proof the pruned build still works: (name, arguments, timeout in seconds).
CALC_PROBE = ["retirement", "--birth", "1965-07", "--category", "male", "--as-of", "2026-11-29"]
CALC_EXPECTED_AGE = "60岁2个月"

# ---------------------------------------------------------------------------------------------
# The prune list. Paths are relative to the contents directory (dist/kiosk/_internal, which is
# also where PyInstaller's TOC puts them), '/'-separated, fnmatch patterns ('*' also crosses '/').
# A file is pruned when it matches a PRUNE pattern and no KEEP pattern. Patterns that match
# nothing are reported and harmless (other PySide6 versions collect other files).
# ---------------------------------------------------------------------------------------------

_QT_LINUX = "PySide6/Qt"

# libcups and the libraries only it brings in (gnutls, Kerberos, avahi ...), from ldd.
_CUPS_STACK = (
    "libcups.so*",
    "libgssapi_krb5.so*",
    "libkrb5.so*",
    "libk5crypto.so*",
    "libkrb5support.so*",
    "libcom_err.so*",
    "libkeyutils.so*",
    "libavahi-common.so*",
    "libavahi-client.so*",
    "libgnutls.so*",
    "libp11-kit.so*",
    "libidn2.so*",
    "libunistring.so*",
    "libtasn1.so*",
    "libnettle.so*",
    "libhogweed.so*",
    "libgmp.so*",
)

PRUNE_LINUX: list[tuple[str, str]] = [
    # Qt libraries the application never loads (it uses QtCore, QtGui, QtWidgets, QtSvg through
    # the SVG icon engine, and QtDBus because QtGui links it).
    (f"{_QT_LINUX}/lib/libQt6Network.so*", "no networking; only the vnc/tuio plugins link it"),
    (f"{_QT_LINUX}/lib/libQt6OpenGL.so*", "widgets paint in software; only EGL plugins link it"),
    (f"{_QT_LINUX}/lib/libQt6EglF[Ss]*", "EGLFS (full-screen EGL without X11) is not used"),
    (f"{_QT_LINUX}/lib/libQt6Wayland*", "the terminal runs X11 (xcb); Wayland is not bundled"),
    (f"{_QT_LINUX}/lib/libQt6WlShell*", "Wayland"),
    (f"{_QT_LINUX}/lib/libQt6Qml*", "no Qt Quick / QML"),
    (f"{_QT_LINUX}/lib/libQt6Quick*", "no Qt Quick / QML"),
    (f"{_QT_LINUX}/lib/libQt6Pdf*", "no PDF"),
    (f"{_QT_LINUX}/lib/libQt6VirtualKeyboard*", "the kiosk has its own touch keypad"),
    # Qt plugins. Kept: platforms xcb (the terminal) and offscreen (--smoke/--self-test),
    # imageformats/svg and iconengines/svgicon (the home-screen icons), the compose input context.
    (f"{_QT_LINUX}/plugins/platforms/libqeglfs.so", "EGLFS platform"),
    (f"{_QT_LINUX}/plugins/platforms/libqlinuxfb.so", "framebuffer platform"),
    (f"{_QT_LINUX}/plugins/platforms/libqminimal.so", "test platform (offscreen is used)"),
    (f"{_QT_LINUX}/plugins/platforms/libqminimalegl.so", "test platform"),
    (f"{_QT_LINUX}/plugins/platforms/libqvkkhrdisplay.so", "Vulkan display platform"),
    (f"{_QT_LINUX}/plugins/platforms/libqvnc.so", "VNC platform"),
    (f"{_QT_LINUX}/plugins/platforms/libqwayland*", "Wayland platform"),
    (f"{_QT_LINUX}/plugins/egldeviceintegrations/*", "EGLFS"),
    (f"{_QT_LINUX}/plugins/wayland-*", "Wayland decorations, shells, graphics"),
    (f"{_QT_LINUX}/plugins/xcbglintegrations/*", "OpenGL under X11; widgets need none"),
    (f"{_QT_LINUX}/plugins/platformthemes/*", "GTK/portal theming; the kiosk styles itself"),
    (f"{_QT_LINUX}/plugins/generic/*", "evdev/tuio input for EGLFS/linuxfb; X11 delivers touch"),
    (f"{_QT_LINUX}/plugins/platforminputcontexts/libibus*", "input methods; touch keypad only"),
    (f"{_QT_LINUX}/plugins/platforminputcontexts/libqtvirtualkeyboard*", "virtual keyboard"),
    (f"{_QT_LINUX}/plugins/virtualkeyboard/*", "virtual keyboard"),
    (f"{_QT_LINUX}/plugins/qmltooling/*", "QML"),
    (f"{_QT_LINUX}/plugins/networkinformation/*", "QtNetwork"),
    (f"{_QT_LINUX}/plugins/tls/*", "QtNetwork"),
    (f"{_QT_LINUX}/plugins/imageformats/libqgif.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqicns.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqico.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqjpeg.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqpdf.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqtga.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqtiff.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqwbmp.so", "only SVG images are shown"),
    (f"{_QT_LINUX}/plugins/imageformats/libqwebp.so", "only SVG images are shown"),
    # Qt's own translations: the application loads none (all its text is its own, zh_CN);
    # qt/qtbase zh_CN are kept (see KEEP) for a QTranslator on standard dialog buttons.
    (f"{_QT_LINUX}/translations/*", "Qt translations other than zh_CN"),
    # Python extension modules the kiosk never loads, with the libraries only they link.
    ("python3*/lib-dynload/_ssl.*", "TLS: the kiosk has no network"),
    ("libssl.so*", "TLS: the kiosk has no network"),
    ("python3*/lib-dynload/_hashlib.*", "OpenSSL hashes: hashlib uses Python's own md5/sha*"),
    ("libcrypto.so*", "OpenSSL: only _ssl and _hashlib link it"),
    ("python3*/lib-dynload/readline.*", "line editing for the interactive prompt"),
    ("libreadline.so*", "line editing for the interactive prompt"),
    ("libtinfo.so*", "terminfo, for readline only"),
    ("python3*/lib-dynload/_codecs_jp.*", "Japanese codecs; all text is UTF-8"),
    ("python3*/lib-dynload/_codecs_kr.*", "Korean codecs; all text is UTF-8"),
    ("python3*/lib-dynload/_codecs_tw.*", "Taiwanese codecs; all text is UTF-8"),
    ("python3*/lib-dynload/_codecs_hk.*", "Hong Kong codecs; all text is UTF-8"),
    ("python3*/lib-dynload/_codecs_iso2022.*", "ISO-2022 codecs; all text is UTF-8"),
    # The CUPS client stack is the terminal's own: the print-support plugin loads the libcups2
    # that comes with the terminal's CUPS (whose version must match its daemon anyway). Without
    # CUPS the plugin finds no printer and the 打印 button is simply not offered.
    *((name, "CUPS client stack: the terminal's own (libcups2)") for name in _CUPS_STACK),
    # System libraries PyInstaller copied only for plugins pruned above (found with ldd).
    ("libgtk-3.so*", "GTK platform theme"),
    ("libgdk-3.so*", "GTK platform theme"),
    ("libatk-1.0.so*", "GTK platform theme"),
    ("libatk-bridge-2.0.so*", "GTK platform theme"),
    ("libatspi.so*", "GTK platform theme"),
    ("libcairo.so*", "GTK platform theme"),
    ("libcairo-gobject.so*", "GTK platform theme"),
    ("libpango-1.0.so*", "GTK platform theme"),
    ("libpangocairo-1.0.so*", "GTK platform theme"),
    ("libpangoft2-1.0.so*", "GTK platform theme"),
    ("libgdk_pixbuf-2.0.so*", "GTK platform theme"),
    ("libharfbuzz.so*", "GTK platform theme (Qt has its own HarfBuzz)"),
    ("libgraphite2.so*", "GTK platform theme (HarfBuzz)"),
    ("libfribidi.so*", "GTK platform theme (Pango)"),
    ("libthai.so*", "GTK platform theme (Pango)"),
    ("libdatrie.so*", "GTK platform theme (Pango)"),
    ("libpixman-1.so*", "GTK platform theme (cairo)"),
    ("libXrender.so*", "GTK platform theme (cairo)"),
    ("libXext.so*", "GTK platform theme (cairo)"),
    ("libjpeg.so*", "GTK platform theme (gdk-pixbuf)"),
    ("libgio-2.0.so*", "GTK platform theme (GIO)"),
    ("libgobject-2.0.so*", "GTK platform theme (GObject)"),
    ("libgmodule-2.0.so*", "GTK platform theme (GIO)"),
    ("libmount.so*", "GTK platform theme (GIO)"),
    ("libblkid.so*", "GTK platform theme (GIO)"),
    ("libselinux.so*", "GTK platform theme (GIO)"),
    # Kerberos stays: libcups (the 打印 button's CUPS print support) links it.
    ("libxcb-glx.so*", "OpenGL under X11"),
    ("libwayland-*.so*", "Wayland"),
    ("libdrm.so*", "EGLFS/linuxfb"),
]

_QT_WINDOWS = "PySide6"  # on Windows PySide6 keeps Qt's DLLs, plugins/ and translations/ in it

# Not tried here (no Windows machine): derived from the Linux list and PySide6's Windows layout.
# The smoke and self-test runs after pruning are the proof there too.
PRUNE_WINDOWS: list[tuple[str, str]] = [
    (f"{_QT_WINDOWS}/Qt6Network.dll", "no networking"),
    (f"{_QT_WINDOWS}/Qt6OpenGL.dll", "widgets paint in software"),
    (f"{_QT_WINDOWS}/Qt6Qml*.dll", "no Qt Quick / QML"),
    (f"{_QT_WINDOWS}/Qt6Quick*.dll", "no Qt Quick / QML"),
    (f"{_QT_WINDOWS}/Qt6Pdf*.dll", "no PDF"),
    (f"{_QT_WINDOWS}/Qt6VirtualKeyboard*.dll", "the kiosk has its own touch keypad"),
    (f"{_QT_WINDOWS}/opengl32sw.dll", "software OpenGL renderer (Mesa llvmpipe); no OpenGL"),
    (f"{_QT_WINDOWS}/d3dcompiler_*.dll", "Direct3D shader compiler for Qt Quick / ANGLE"),
    (f"{_QT_WINDOWS}/plugins/platforms/qdirect2d.dll", "Direct2D platform (qwindows is used)"),
    (f"{_QT_WINDOWS}/plugins/platforms/qminimal.dll", "test platform (offscreen is used)"),
    (f"{_QT_WINDOWS}/plugins/generic/*", "tuio touch over the network"),
    (f"{_QT_WINDOWS}/plugins/networkinformation/*", "QtNetwork"),
    (f"{_QT_WINDOWS}/plugins/tls/*", "QtNetwork"),
    (f"{_QT_WINDOWS}/plugins/qmltooling/*", "QML"),
    (f"{_QT_WINDOWS}/plugins/virtualkeyboard/*", "virtual keyboard"),
    (f"{_QT_WINDOWS}/plugins/platforminputcontexts/*", "virtual keyboard"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qgif.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qicns.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qico.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qjpeg.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qpdf.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qtga.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qtiff.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qwbmp.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/plugins/imageformats/qwebp.dll", "only SVG images are shown"),
    (f"{_QT_WINDOWS}/translations/*", "Qt translations other than zh_CN"),
    ("_ssl.pyd", "TLS: the kiosk has no network"),
    ("libssl-*.dll", "TLS: the kiosk has no network"),
    ("_hashlib.pyd", "OpenSSL hashes: hashlib uses Python's own md5/sha*"),
    ("libcrypto-*.dll", "OpenSSL: only _ssl and _hashlib link it"),
]

# Never pruned, whatever PRUNE says: what the xcb (terminal), offscreen (--smoke/--self-test) and
# windows platforms, the SVG icons, the zh_CN Qt translations and the application itself need.
KEEP: list[str] = [
    "*/platforms/libqxcb.so",
    "*/platforms/libqoffscreen.so",
    "*/platforms/qwindows.dll",
    "*/platforms/qoffscreen.dll",
    "*/imageformats/libqsvg.so",
    "*/imageformats/qsvg.dll",
    "*/iconengines/*",
    "*/styles/*",
    "*libQt6Core.so*",
    "*libQt6Gui.so*",
    "*libQt6Widgets.so*",
    "*libQt6Svg.so*",
    "*libQt6DBus.so*",
    "*libQt6XcbQpa.so*",
    "*Qt6Core.dll",
    "*Qt6Gui.dll",
    "*Qt6Widgets.dll",
    "*Qt6Svg.dll",
    "*/translations/qt_zh_CN.qm",
    "*/translations/qtbase_zh_CN.qm",
    "libpython*",
    "python3*.dll",
    "resources/*",
]


def prune_list(windows: bool = WINDOWS) -> list[tuple[str, str]]:
    return PRUNE_WINDOWS if windows else PRUNE_LINUX


def _system_provided(path: str) -> bool:
    """Libraries pruned from the bundle because the terminal's system provides them."""
    return any(fnmatch.fnmatchcase(Path(path).name, pattern) for pattern in _CUPS_STACK)


def is_pruned(relative: str, windows: bool = WINDOWS) -> bool:
    """Whether the file at ``relative`` (to the contents directory) is pruned."""
    path = relative.replace("\\", "/")
    if any(fnmatch.fnmatchcase(path, pattern) for pattern in KEEP):
        return False
    return any(fnmatch.fnmatchcase(path, pattern) for pattern, _ in prune_list(windows))


def prune_toc(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The PyInstaller TOC without pruned entries (used by the spec for --onefile).

    A SYMLINK entry (dest, target relative to dest's folder) goes with its target.
    """
    kept = []
    for dest, source, typecode in toc:
        name = dest.replace("\\", "/")
        if typecode == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(name), source))
            name = target.replace("\\", "/")
        if not is_pruned(name):
            kept.append((dest, source, typecode))
    return kept


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


class BuildError(Exception):
    pass


def say(text: str = "") -> None:
    print(text, flush=True)


def step(text: str) -> None:
    say(f"\n=== {text} ===")


def run(command: Sequence[str | Path], cwd: Path) -> None:
    printable = " ".join(str(part) for part in command)
    say(f"$ {printable}")
    result = subprocess.run([str(part) for part in command], cwd=cwd, check=False)
    if result.returncode != 0:
        raise BuildError(f"command failed ({result.returncode}): {printable}")


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def files_under(root: Path) -> dict[str, int]:
    """Regular files under ``root`` (symlinks not followed, not counted) -> size in bytes."""
    found = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path.stat().st_size
    return found


def folder_size(root: Path) -> int:
    return sum(files_under(root).values())


def _group(relative: str) -> str:
    parts = relative.split("/")
    if parts[0] == "PySide6":
        if len(parts) > 2 and parts[1] == "Qt":
            sub = parts[2]
            if sub == "lib" and parts[-1].startswith("libicu"):
                return "Qt: ICU data and libraries"
            return f"Qt: {sub}"
        if parts[1] in {"plugins", "translations"}:
            return f"Qt: {parts[1]}"
        return "PySide6 bindings"
    if parts[0] == "resources":
        return "resources/ (rules, text, fonts, icons)"
    if parts[0].startswith(("libpython", "python3")) or parts[0] == "base_library.zip":
        return "Python (interpreter, extension modules, stdlib)"
    if parts[0] in {"pydantic_core", "shiboken6"} or parts[0].endswith(".dist-info"):
        return "pydantic_core, shiboken6, metadata"
    if len(parts) == 1:
        return "system libraries"
    return "other"


def size_table(files: dict[str, int]) -> list[tuple[str, int]]:
    groups: dict[str, int] = {}
    for relative, size in files.items():
        key = _group(relative)
        groups[key] = groups.get(key, 0) + size
    return sorted(groups.items(), key=lambda item: -item[1])


def contents_dir(app_dir: Path) -> Path:
    return app_dir / CONTENTS


# ---------------------------------------------------------------------------------------------
# 1. The build environment
# ---------------------------------------------------------------------------------------------


def stage_sources() -> None:
    """A clean copy of what the wheel is built from (no stale setuptools build/ or egg-info)."""
    shutil.rmtree(STAGE, ignore_errors=True)
    STAGE.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in STAGED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, STAGE / name, ignore=ignore)
        else:
            shutil.copy2(source, STAGE / name)


def ensure_venv() -> None:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(repr((BUILD_REQUIREMENTS, sys.version, sys.platform)).encode())
    wanted = digest.hexdigest()
    marker = VENV / ".kiosk-build-installed"
    pip = [VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if not (marker.exists() and marker.read_text() == wanted and VENV_PYTHON.exists()):
        say(f"creating the build environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        run([*pip, *BUILD_REQUIREMENTS, STAGE], cwd=BUILD)
        marker.write_text(wanted)
    else:
        # the dependencies are in place; reinstall only the project (its code changes every time)
        run([*pip, "--no-deps", "--force-reinstall", "--no-build-isolation", STAGE], cwd=BUILD)


def pyinstaller(onefile: bool) -> None:
    work = WORK / ("onefile" if onefile else "onedir")
    work.mkdir(parents=True, exist_ok=True)
    log = work / "pyinstaller.log"
    env = dict(os.environ, KIOSK_RESOURCES_SRC=str(STAGE / "resources"))
    env["KIOSK_ONEFILE"] = "1" if onefile else "0"
    env.pop("PYTHONPATH", None)
    command = [
        str(VENV_PYTHON),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(ONEFILE_DIR if onefile else DIST),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    say(f"$ {' '.join(command)}  (log: {log.relative_to(ROOT)})")
    started = time.monotonic()
    # cwd is the work folder, so `python -m` cannot put the checkout's kiosk/ on sys.path: the
    # build bundles the copy installed in the build environment.
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call(command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    text = log.read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if "WARNING" in line or "ERROR" in line:
            say(f"  pyinstaller: {line.strip()}")
    if code != 0:
        say("\n".join(text.splitlines()[-30:]))
        raise BuildError(f"PyInstaller failed ({code}); full log in {log}")
    say(f"PyInstaller finished in {time.monotonic() - started:.0f} s")


# ---------------------------------------------------------------------------------------------
# 3. Pruning
# ---------------------------------------------------------------------------------------------


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def _ldd(path: Path, contents: Path) -> tuple[set[str], set[str]]:
    """(resolved real paths, names not found) of ``path``'s dynamic dependencies, the way the
    PyInstaller bootloader runs it (LD_LIBRARY_PATH = the contents folder)."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(contents))
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
    resolved, missing = set(), set()
    for line in result.stdout.splitlines():
        name, arrow, rest = line.strip().partition(" => ")
        if not arrow:
            continue
        if rest.startswith("not found"):
            missing.add(name)
        else:
            resolved.add(os.path.realpath(rest.split(" (")[0]))
    return resolved, missing


# Debian packages for the X11 libraries Qt's xcb plugin needs and PyInstaller could not find on
# the build machine (so the terminal must have them).
_DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
}


def check_links(contents: Path, pruned: set[str]) -> list[str]:
    """Refuse to prune a file that a kept binary links (Linux, with ldd); report the libraries a
    kept binary needs that are neither bundled nor on this machine (the terminal must have
    them). Returns those missing names."""
    if WINDOWS or shutil.which("ldd") is None:
        say("(no ldd here: link check skipped; the smoke and self-test runs below are the proof)")
        return []
    pruned_real = {os.path.realpath(contents / relative) for relative in pruned}
    broken: list[str] = []
    missing: dict[str, set[str]] = {}
    for relative in sorted(files_under(contents)):
        if relative in pruned or not _is_elf(contents / relative):
            continue
        resolved, not_found = _ldd(contents / relative, contents)
        for path in sorted(resolved & pruned_real):
            if _system_provided(path):
                continue
            broken.append(f"{relative} links {Path(path).relative_to(contents.resolve())}")
        for name in not_found:
            missing.setdefault(name, set()).add(relative)
    if broken:
        raise BuildError(
            "the prune list would remove libraries that kept files link:\n  "
            + "\n  ".join(broken)
            + "\nremove them from PRUNE in packaging/build.py"
        )
    if missing:
        say("NOTE: libraries a kept binary links that are neither bundled nor on this machine")
        say("      (install them on the terminal, or on the build machine to have them bundled):")
        for name, users in sorted(missing.items()):
            package = _DEBIAN_PACKAGES.get(name, "?")
            say(f"      {name} (Debian: {package}) <- {', '.join(sorted(users)[:3])}")
    return sorted(missing)


def prune(app_dir: Path) -> None:
    contents = contents_dir(app_dir)
    before = files_under(contents)
    pruned = {relative for relative in before if is_pruned(relative)}
    say(f"collected by PyInstaller: {len(before)} files, {mb(folder_size(app_dir))}")
    for group, size in size_table(before):
        say(f"  {size / 1e6:7.1f} MB  {group}")
    check_links(contents, pruned)

    say("\npruning (pattern: files, size, why):")
    for pattern, reason in prune_list():
        hits = [r for r in pruned if fnmatch.fnmatchcase(r, pattern)]
        size = sum(before[r] for r in hits)
        status = f"{len(hits):3d} files {size / 1e6:6.2f} MB" if hits else "  - (not collected)"
        say(f"  {pattern:58s} {status}  {reason}")
    for relative in sorted(pruned):
        (contents / relative).unlink()
    # symlinks PyInstaller made to pruned libraries, then folders left empty
    for dirpath, dirs, names in os.walk(contents, topdown=False):
        for name in [*names, *dirs]:
            path = Path(dirpath) / name
            if path.is_symlink() and not path.exists():
                path.unlink()
        if Path(dirpath) != contents and not any(Path(dirpath).iterdir()):
            Path(dirpath).rmdir()
    after = files_under(contents)
    saved = sum(before.values()) - sum(after.values())
    say(f"\npruned {len(before) - len(after)} files, {mb(saved)}; now {mb(folder_size(app_dir))}")
    for group, size in size_table(after):
        say(f"  {size / 1e6:7.1f} MB  {group}")


# ---------------------------------------------------------------------------------------------
# 4. The proof
# ---------------------------------------------------------------------------------------------


def check_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("KIOSK_RESOURCES", "PYTHONPATH", "PYTHONHOME", "QT_PLUGIN_PATH"):
        env.pop(name, None)
    return env


def _run_check(name: str, command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    say(f"$ {' '.join(command)}")
    started = time.monotonic()
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            env=check_env(),
            cwd=tempfile.gettempdir(),
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{name}: no answer within {timeout:.0f} s") from exc
    seconds = time.monotonic() - started
    if result.returncode != 0:
        say(result.stdout[-3000:])
        say(result.stderr[-3000:])
        raise BuildError(f"{name}: exit status {result.returncode}")
    say(f"  ok in {seconds:.1f} s")
    return result


def staged_version() -> str:
    text = (STAGE / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    return match.group(1) if match else "?"


def prove(kiosk: Path, calc: Path | None, contents: Path | None) -> None:
    version = _run_check("kiosk --version", [str(kiosk), "--version"], 60)
    shown = (version.stdout + version.stderr).strip()
    say(f"  {shown or '(no output: a windowed program on Windows has no console)'}")
    if shown and staged_version() not in shown:
        raise BuildError(f"kiosk --version shows {shown!r}, expected version {staged_version()}")

    smoke = _run_check("kiosk --smoke", [str(kiosk), "--smoke"], 120)
    for line in smoke.stderr.splitlines():
        if "plugin" in line.lower() and "could not" in line.lower():
            raise BuildError(f"kiosk --smoke: {line}")

    test = _run_check("kiosk --self-test", [str(kiosk), "--self-test"], 600)
    summary = [line for line in test.stdout.splitlines() if line.strip()]
    say(f"  {summary[-1] if summary else '(no output)'}")

    if calc is not None:
        result = _run_check("kiosk-calc retirement", [str(calc), *CALC_PROBE], 60)
        data = json.loads(result.stdout)
        age = data.get("statutory_age_text")
        say(f"  statutory_age_text = {age}")
        if age != CALC_EXPECTED_AGE:
            raise BuildError(
                f"kiosk-calc: statutory_age_text {age!r}, expected {CALC_EXPECTED_AGE}"
            )
        result = _run_check("kiosk-calc check", [str(calc), "check"], 60)
        if json.loads(result.stdout).get("ok") is not True:
            raise BuildError("kiosk-calc check: not ok")

    if contents is not None:
        bundled = contents / "resources"
        expected = files_under(STAGE / "resources")
        absent = [relative for relative in expected if not (bundled / relative).is_file()]
        if absent:
            raise BuildError(f"resources missing from the build: {', '.join(absent)}")
        say(f"resources/: all {len(expected)} files bundled in {bundled.relative_to(ROOT)}")


# ---------------------------------------------------------------------------------------------
# 5. The figures
# ---------------------------------------------------------------------------------------------


def startup_times(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, run in turn (A B C A B C ...) after one warm-up each."""
    env = check_env()
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            started = time.perf_counter()
            code = subprocess.call(
                command,
                env=env,
                cwd=tempfile.gettempdir(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            elapsed = time.perf_counter() - started
            if code != 0:
                raise BuildError(f"{name} --smoke failed while timing ({code})")
            if round_ > 0:  # round 0 warms the disk cache
                times[name].append(elapsed)
    for name, values in times.items():
        say(f"  {name:28s} " + " ".join(f"{value:.2f}" for value in values))
    return {name: statistics.median(values) for name, values in times.items()}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build dist/kiosk/ (PyInstaller, one folder: kiosk + kiosk-calc), prune it, "
        "prove it with --smoke/--self-test/kiosk-calc, and measure size and start-up.",
    )
    parser.add_argument(
        "--onefile",
        action="store_true",
        help="also build dist/kiosk-onefile/kiosk, one self-extracting file (demo USB stick)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a size or start-up budget is missed"
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="timed start-ups per program (median; default 7)"
    )
    parser.add_argument(
        "--no-prune", action="store_true", help="keep everything PyInstaller collected (to compare)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    kiosk = APP_DIR / f"kiosk{EXE}"
    calc = APP_DIR / f"kiosk-calc{EXE}"
    onefile = ONEFILE_DIR / f"kiosk{EXE}"
    try:
        step("build environment")
        BUILD.mkdir(exist_ok=True)
        stage_sources()
        ensure_venv()

        step("PyInstaller: dist/kiosk (one folder)")
        pyinstaller(onefile=False)

        step("pruning")
        if args.no_prune:
            say(f"--no-prune: keeping everything, {mb(folder_size(APP_DIR))}")
        else:
            prune(APP_DIR)

        step("proof: the pruned build, offscreen")
        prove(kiosk, calc, contents_dir(APP_DIR))

        if args.onefile:
            step("PyInstaller: dist/kiosk-onefile (one file, pruned by the same list)")
            shutil.rmtree(ONEFILE_DIR, ignore_errors=True)
            pyinstaller(onefile=True)
            step("proof: the one-file build, offscreen")
            prove(onefile, None, None)

        step(f"start-up of --smoke, offscreen, {args.runs} alternating runs (seconds)")
        commands = {"build (dist/kiosk/kiosk)": [str(kiosk), "--smoke"]}
        if args.onefile:
            commands["one file (kiosk-onefile)"] = [str(onefile), "--smoke"]
        commands["source (python -m kiosk)"] = [str(VENV_PYTHON), "-m", "kiosk", "--smoke"]
        medians = startup_times(commands, args.runs)
    except BuildError as exc:
        say(f"\nBUILD FAILED: {exc}")
        return 1

    size = folder_size(APP_DIR)
    source = medians["source (python -m kiosk)"]
    build = medians["build (dist/kiosk/kiosk)"]
    ratio = build / source
    size_ok = size <= SIZE_BUDGET_BYTES
    startup_ok = ratio <= STARTUP_BUDGET_RATIO

    step("figures")
    say(f"folder dist/kiosk/          {mb(size):28s} budget <= 130 MB    {verdict(size_ok)}")
    say(f"start-up from source        {source:5.2f} s (median)")
    say(
        f"start-up from the build     {build:5.2f} s (median)  x{ratio:.2f} of source  "
        f"budget <= x{STARTUP_BUDGET_RATIO}  {verdict(startup_ok)}"
    )
    if args.onefile:
        one = medians["one file (kiosk-onefile)"]
        say(
            f"start-up from the one file  {one:5.2f} s (median)  x{one / source:.2f} of source "
            f"(+{one - build:.2f} s to unpack; no budget)  size {mb(onefile.stat().st_size)}"
        )
    say(f"built in {time.monotonic() - started:.0f} s: {kiosk.relative_to(ROOT)}")
    if not (size_ok and startup_ok):
        if args.strict:
            say("BUDGET MISSED (--strict): failing the build")
            return 1
        say("BUDGET MISSED: not enforced without --strict")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
