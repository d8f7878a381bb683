"""The packaging files, checked without building anything (Qt-free, fast).

The build itself (PyInstaller, pruning, --smoke/--self-test of the result) runs in
``python3 packaging/build.py``; these tests keep its inputs honest: both entry points in the spec,
a prune list that never touches what the offscreen/xcb/windows platforms need, a restarting
systemd unit and a valid autostart entry.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiosk_build_under_test", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()


# What the application needs at run time, in the layout PyInstaller gives the contents folder.
NEEDED_LINUX = [
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",  # 打印
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Gui.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libicudata.so.73",
    "PySide6/Qt/lib/libicuuc.so.73",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/QtCore.abi3.so",
    "PySide6/QtGui.abi3.so",
    "PySide6/QtWidgets.abi3.so",
    "PySide6/libpyside6.abi3.so.6.12",
    "shiboken6/libshiboken6.abi3.so.6.12",
    "pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so",
    "libpython3.11.so.1.0",
    "python3.11/lib-dynload/_sha512.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_codecs_cn.cpython-311-x86_64-linux-gnu.so",
    "base_library.zip",
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-keysyms.so.1",
    "libxcb-shm.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libpng16.so.16",
    "libglib-2.0.so.0",
    "libdbus-1.so.3",
    "libstdc++.so.6",
    "resources/fonts/OFL.txt",
    "resources/fonts/NotoSansSC-Kiosk-Regular.otf",
    "resources/rules/retirement.toml",
    "resources/text/zh_CN/common.toml",
    "resources/icons/retirement.svg",
]

NEEDED_WINDOWS = [
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/plugins/iconengines/qsvgicon.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt6Core.dll",
    "PySide6/Qt6Gui.dll",
    "PySide6/Qt6Widgets.dll",
    "PySide6/Qt6Svg.dll",
    "PySide6/translations/qtbase_zh_CN.qm",
    "python311.dll",
    "_decimal.pyd",
    "resources/fonts/OFL.txt",
]

UNUSED_LINUX = [
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_zh_CN.qm",
    "libcrypto.so.3",
    "libcups.so.2",  # the terminal's own CUPS client is used
    "libgnutls.so.30",
]


def _spec_calls(name: str) -> list[dict[str, object]]:
    """The keyword arguments of every call to ``name`` (EXE, COLLECT ...) in the spec."""
    tree = ast.parse((PACKAGING / "kiosk.spec").read_text(encoding="utf-8"))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
            keywords = {}
            for keyword in node.keywords:
                try:
                    keywords[keyword.arg or ""] = ast.literal_eval(keyword.value)
                except ValueError:
                    keywords[keyword.arg or ""] = ast.unparse(keyword.value)
            calls.append(keywords)
    return calls


def test_spec_builds_both_entry_points_into_one_folder() -> None:
    spec_text = (PACKAGING / "kiosk.spec").read_text(encoding="utf-8")
    assert '"entry_kiosk.py"' in spec_text
    assert '"entry_kiosk_calc.py"' in spec_text
    exes = {str(call["name"]): call for call in _spec_calls("EXE")}
    assert exes["kiosk"]["console"] is False  # windowed on Windows
    assert exes["kiosk-calc"]["console"] is True
    assert exes["kiosk-calc"]["exclude_binaries"] is True
    collects = _spec_calls("COLLECT")
    assert [call["name"] for call in collects] == ["kiosk"]


def test_entry_scripts_call_the_package_entry_points() -> None:
    """The build's two programs start where the installed ``kiosk`` and ``kiosk-calc`` do."""
    project = tomllib.loads((PACKAGING.parent / "pyproject.toml").read_text(encoding="utf-8"))
    scripts = {**project["project"]["scripts"], **project["project"]["gui-scripts"]}
    assert scripts == {"kiosk": "kiosk.main:run", "kiosk-calc": "kiosk.cli:main"}
    gui = (PACKAGING / "entry_kiosk.py").read_text(encoding="utf-8")
    calc = (PACKAGING / "entry_kiosk_calc.py").read_text(encoding="utf-8")
    assert "from kiosk.main import run" in gui and "    run()" in gui
    assert "from kiosk.cli import main" in calc and "sys.exit(main())" in calc


@pytest.mark.parametrize("relative", NEEDED_LINUX)
def test_prune_list_keeps_what_linux_needs(relative: str) -> None:
    assert not build.is_pruned(relative, windows=False)
    if "/translations/" in relative:
        return  # translations/* is pruned but for the zh_CN ones named in KEEP
    # the binaries not even thanks to KEEP: no pattern of the list itself matches them
    assert not any(fnmatch.fnmatchcase(relative, pattern) for pattern, _ in build.PRUNE_LINUX)


@pytest.mark.parametrize("relative", NEEDED_WINDOWS)
def test_prune_list_keeps_what_windows_needs(relative: str) -> None:
    assert not build.is_pruned(relative, windows=True)


@pytest.mark.parametrize("relative", UNUSED_LINUX)
def test_prune_list_removes_what_is_unused(relative: str) -> None:
    assert build.is_pruned(relative, windows=False)


def test_prune_list_never_names_the_offscreen_or_xcb_platforms() -> None:
    for pattern, reason in [*build.PRUNE_LINUX, *build.PRUNE_WINDOWS]:
        assert "offscreen" not in pattern
        assert "qxcb" not in pattern and "XcbQpa" not in pattern
        assert "qwindows" not in pattern
        assert reason.strip(), f"{pattern}: say why it is pruned"


def test_prune_toc_drops_symlinks_with_their_targets() -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Network.so.6", "/venv/libQt6Network.so.6", "BINARY"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/venv/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("resources/fonts/OFL.txt", "/src/resources/fonts/OFL.txt", "DATA"),
    ]
    kept = [dest for dest, _source, _kind in build.prune_toc(toc)]
    if build.WINDOWS:  # the Linux names mean nothing to the Windows list
        assert len(kept) == len(toc)
    else:
        assert kept == [
            "PySide6/Qt/lib/libQt6Core.so.6",
            "libQt6Core.so.6",
            "resources/fonts/OFL.txt",
        ]


def _unit() -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for raw in (PACKAGING / "linux" / "kiosk.service").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, {})
            continue
        key, sep, value = line.partition("=")
        assert sep, f"not a key=value line: {raw!r}"
        sections[current][key.strip()] = value.strip()
    return sections


def test_systemd_unit_restarts_the_kiosk() -> None:
    unit = _unit()
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert service["RestartSec"] == "2"
    command = service["ExecStart"].split()
    assert command[0].startswith("/") and command[0].endswith("/kiosk")
    assert "--fullscreen" in command
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"  # never gives up
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_autostart_entry_is_a_valid_desktop_file() -> None:
    path = PACKAGING / "linux" / "kiosk.desktop"
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    assert parser.sections()[0] == "Desktop Entry"
    entry = parser["Desktop Entry"]
    for key in ("Type", "Name", "Exec"):
        assert entry.get(key), f"missing {key}"
    assert entry["Type"] == "Application"
    assert "kiosk.service" in entry["Exec"]
    assert entry.get("Hidden", "false") == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_build_script_help_runs_without_installing_anything() -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for option in ("--onefile", "--strict", "--runs"):
        assert option in result.stdout
