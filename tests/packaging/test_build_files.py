"""The packaging files, checked without building anything (Qt-free, fast).

The build itself (PyInstaller, the contents check, --smoke/--self-test of the result) runs in
``python3 packaging/build.py``; these tests keep its inputs honest: both entry points in the spec,
a selection (packaging/contents.py) that keeps what the offscreen/xcb/windows platforms, the SVG
icons and printing need and leaves out the GTK theme and the rest, excludes that never name a
module the kiosk imports, a restarting systemd unit that runs --kiosk, a valid autostart entry.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    """A packaging/ script, loaded by path ("build" is also a PyPI package name)."""
    path = PACKAGING / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kiosk_{name}_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


contents = _load("contents")

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
    "PySide6/QtPrintSupport.abi3.so",
    "PySide6/QtTextToSpeech.abi3.so",  # 读给我听
    "PySide6/Qt/lib/libQt6TextToSpeech.so.6",
    "PySide6/Qt/lib/libQt6Multimedia.so.6",  # linked by QtTextToSpeech
    "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
    "PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so",  # loaded first, then replaced
    "PySide6/libpyside6.abi3.so.6.11",
    "shiboken6/libshiboken6.abi3.so.6.11",
    "pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so",
    "libpython3.11.so.1.0",
    "libcrypto.so.3",  # hashlib.scrypt: the admin PIN
    "python3.11/lib-dynload/_hashlib.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_sha512.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/unicodedata.cpython-311-x86_64-linux-gnu.so",
    "python3.11/lib-dynload/_codecs_cn.cpython-311-x86_64-linux-gnu.so",
    "base_library.zip",
    "resources/fonts/OFL.txt",
    "resources/fonts/NotoSansSC-Kiosk-Regular.otf",
    "resources/rules/retirement.toml",
    "resources/text/zh_CN/common.toml",
    "resources/icons/retirement.svg",
]

NEEDED_WINDOWS = [
    "PySide6/QtTextToSpeech.pyd",
    "PySide6/plugins/texttospeech/qtexttospeech_sapi.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/plugins/iconengines/qsvgicon.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/plugins/printsupport/windowsprintersupport.dll",
    "PySide6/Qt6Core.dll",
    "PySide6/Qt6Gui.dll",
    "PySide6/Qt6Widgets.dll",
    "PySide6/Qt6Svg.dll",
    "PySide6/translations/qtbase_zh_CN.qm",
    "python311.dll",
    "_decimal.pyd",
    "_hashlib.pyd",
    "libcrypto-3-x64.dll",
    "resources/fonts/OFL.txt",
]

QT = "PySide6/Qt/plugins"

# (destination folder, file name) as PyInstaller's PySide6 hooks hand plug-ins over.
KEPT_PLUGINS = [
    (f"{QT}/platforms", "libqxcb.so"),
    (f"{QT}/platforms", "libqoffscreen.so"),
    (f"{QT}/imageformats", "libqsvg.so"),
    (f"{QT}/iconengines", "libqsvgicon.so"),
    (f"{QT}/platforminputcontexts", "libcomposeplatforminputcontextplugin.so"),
    (f"{QT}/texttospeech", "libqtexttospeech_mock.so"),
    ("PySide6/plugins/texttospeech", "qtexttospeech_sapi.dll"),
    ("PySide6/plugins/texttospeech", "qtexttospeech_winrt.dll"),
    ("PySide6/plugins/platforms", "qwindows.dll"),
    ("PySide6/plugins/platforms", "qoffscreen.dll"),
    ("PySide6/plugins/styles", "qmodernwindowsstyle.dll"),
    ("PySide6/plugins/printsupport", "windowsprintersupport.dll"),
    ("PySide6/plugins/imageformats", "qsvg.dll"),
]
LEFT_OUT_PLUGINS = [
    (f"{QT}/platformthemes", "libqgtk3.so"),  # the one that brought GTK in
    (f"{QT}/platformthemes", "libqxdgdesktopportal.so"),
    (f"{QT}/platforms", "libqwayland.so"),
    (f"{QT}/platforms", "libqeglfs.so"),
    (f"{QT}/platforms", "libqvnc.so"),
    (f"{QT}/platforms", "libqminimal.so"),
    (f"{QT}/platforms", "libqlinuxfb.so"),
    (f"{QT}/imageformats", "libqjpeg.so"),
    (f"{QT}/imageformats", "libqwebp.so"),
    (f"{QT}/xcbglintegrations", "libqxcb-glx-integration.so"),
    (f"{QT}/egldeviceintegrations", "libqeglfs-kms-integration.so"),
    (f"{QT}/wayland-shell-integration", "libxdg-shell.so"),
    (f"{QT}/platforminputcontexts", "libibusplatforminputcontextplugin.so"),
    (f"{QT}/generic", "libqevdevtouchplugin.so"),
    (f"{QT}/printsupport", "libcupsprintersupport.so"),  # added by the spec, unanalysed
    (f"{QT}/texttospeech", "libqtexttospeech_speechd.so"),  # added by the spec, unanalysed
    (f"{QT}/texttospeech", "libqtexttospeech_flite.so"),
    (f"{QT}/multimedia", "libffmpegmediaplugin.so"),  # QtMultimedia's, linked by QtTextToSpeech
    ("PySide6/plugins/platforms", "qdirect2d.dll"),
    ("PySide6/plugins/imageformats", "qjpeg.dll"),
]


@pytest.mark.parametrize(("dest", "name"), KEPT_PLUGINS)
def test_the_hooks_keep_what_the_kiosk_uses(dest: str, name: str) -> None:
    binaries, _ = contents.select([(f"/venv/{dest}/{name}", dest)], [])
    assert binaries == [(f"/venv/{dest}/{name}", dest)]


@pytest.mark.parametrize(("dest", "name"), LEFT_OUT_PLUGINS)
def test_the_hooks_leave_out_what_it_does_not(dest: str, name: str) -> None:
    assert contents.select([(f"/venv/{dest}/{name}", dest)], []) == ([], [])


def test_the_hooks_keep_qt_libraries_and_only_the_chinese_translations() -> None:
    library = ("/venv/PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib")
    translations = [
        (f"/venv/PySide6/Qt/translations/{name}", "PySide6/Qt/translations")
        for name in ("qtbase_zh_CN.qm", "qt_zh_CN.qm", "qtbase_de.qm", "qt_help_zh_CN.qm")
    ]
    binaries, datas = contents.select([library], translations)
    assert binaries == [library]
    assert [Path(source).name for source, _ in datas] == ["qtbase_zh_CN.qm", "qt_zh_CN.qm"]


def test_every_pyside6_module_the_kiosk_imports_is_hooked_and_none_excluded() -> None:
    imported = set()
    for path in (ROOT / "kiosk").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert imported <= set(contents.QT_MODULES)
    excluded = {name.removeprefix("PySide6.") for name in contents.EXCLUDED_MODULES}
    assert not imported & excluded
    assert not {"hashlib", "_hashlib", "unicodedata", "decimal", "_decimal", "qrcode"} & excluded


def test_the_spec_selects_before_the_analysis() -> None:
    spec = (PACKAGING / "kiosk.spec").read_text(encoding="utf-8")
    assert "excludes=contents.EXCLUDED_MODULES" in spec
    assert "hookspath=HOOKS" in spec
    hook = (PACKAGING / "hooks" / "qt_module_hook.py").read_text(encoding="utf-8")
    assert "add_qt6_dependencies(__file__)" in hook
    assert "contents.select(binaries, datas)" in hook


@pytest.mark.parametrize(
    "relative",
    [
        "libgtk-3.so.0",
        "libXi.so.6",
        "libXcursor.so.1",
        "libepoxy.so.0",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "libssl.so.3",
        "libcups.so.2",
        "libstdc++.so.6",  # the terminal's
        "libX11.so.6",
        "libfontconfig.so.1",
        "libpulse.so.0",  # QtMultimedia's (under QtTextToSpeech): the terminal's sound server's
        "libpulsecommon-16.1.so",
        "libsndfile.so.1",
        "libgssapi_krb5.so.2",  # QtNetwork's (under QtMultimedia)
    ],
)
def test_the_contents_check_refuses_what_is_left_out(relative: str) -> None:
    assert [found for found, _ in contents.unwanted_in([relative])] == [relative]


def test_the_contents_check_accepts_what_the_kiosk_needs() -> None:
    assert contents.unwanted_in(NEEDED_LINUX) == []
    assert contents.missing_from(NEEDED_LINUX, windows=False) == []
    assert contents.unwanted_in(NEEDED_WINDOWS) == []
    assert contents.missing_from(NEEDED_WINDOWS, windows=True) == []
    assert contents.missing_from(NEEDED_LINUX[1:], windows=False) == [
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"
    ]


def test_only_system_libraries_are_left_to_the_terminal() -> None:
    """Never Qt's libraries, ICU, Python or OpenSSL's libcrypto (hashlib.scrypt: the PIN)."""
    for dest in ["libstdc++.so.6", "libX11.so.6", "libxcb-cursor.so.0", "libdbus-1.so.3"]:
        assert contents.terminal_provides(dest)
    for dest in [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "libpython3.11.so.1.0",
        "libcrypto.so.3",
        "libffi.so.8",
    ]:
        assert not contents.terminal_provides(dest)


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
    assert "--kiosk" in command
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
    for option in ("--onefile", "--strict", "--runs", "--deb"):
        assert option in result.stdout


def test_each_timed_program_starts_from_a_cache_of_its_own(tmp_path: Path) -> None:
    """The bundle's snapshot is keyed by the program: the build and the source alternating over
    one cache folder each found the other's snapshot and validated every file on every start, a
    start no terminal makes (and a ratio of x1.35 in one run, x0.97 in another)."""
    build = _load("build")
    seen = tmp_path / "caches.txt"
    record = ["sh", "-c", f'echo "$0 $XDG_CACHE_HOME" >> "{seen}"']
    build.startup_times({"a": [*record, "a"], "b": [*record, "b"]}, runs=2)
    lines = [line.split() for line in seen.read_text().splitlines()]
    assert len(lines) == 6  # a warm-up and two timed runs of each
    caches = {name: {cache for n, cache in lines if n == name} for name in ("a", "b")}
    assert all(len(folders) == 1 for folders in caches.values())  # the same one every run
    assert caches["a"] != caches["b"]
