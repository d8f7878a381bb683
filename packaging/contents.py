"""What goes into the stand-alone build, decided before PyInstaller analyses anything.

PyInstaller's hooks for PySide6 collect every Qt plug-in of every type a Qt module uses (all
platforms, platform themes, image formats, input contexts ...), and its binary analysis then
collects every library those plug-ins link: on a build host with GTK 3 installed, the GTK platform
theme alone brings 40 libraries. So the build never lets them in:

* ``QT_PLUGINS``: the Qt plug-ins the kiosk uses, by type; the hook
  ``packaging/hooks/qt_module_hook.py``, which replaces PyInstaller's own for each of
  ``QT_MODULES``, hands PyInstaller only these, so nothing another plug-in links is analysed;
* ``QT_TRANSLATIONS``: the Qt translation files kept (the rest are never collected);
* ``EXCLUDED_MODULES``: Python modules (Qt bindings included) the kiosk never imports, given to
  ``Analysis(excludes=...)``;
* ``TERMINAL_PROVIDED``: plug-ins added to the folder as they are, without analysing what they
  link, because the terminal provides those libraries itself (CUPS);
* ``TERMINAL_LIBRARIES``: system libraries left to the terminal (X11, fonts, D-Bus, C++ runtime);
* ``UNWANTED`` and ``REQUIRED``: what ``build.py`` checks in the finished folder (a guard that the
  selection above worked, not a prune: it deletes nothing).

Standard library only: loaded by path from ``kiosk.spec``, the hooks, ``build.py`` and the tests.
"""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath

# The PySide6 modules the kiosk imports (directly or through another): each gets the hook
# packaging/hooks/qt_module_hook.py instead of PyInstaller's own. QtTextToSpeech (读给我听) is
# imported after the first paint, in the speech thread (kiosk/ui/speech_qt.py).
QT_MODULES = ["QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtTextToSpeech"]

# Plug-in type -> the plug-ins kept, by stem ("libqxcb.so" and "qxcb.dll" are both "qxcb").
QT_PLUGINS: dict[str, frozenset[str]] = {
    # xcb: the terminal (X11, or Xwayland); offscreen: --smoke and --self-test; windows: Windows
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows"}),
    # dead keys and compose sequences on a clerk's keyboard; the kiosk has its own touch keypad
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin"}),
    # the home-screen icons are SVG; nothing else is ever decoded
    "imageformats": frozenset({"qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    # 打印 on Windows (the CUPS one is added as it is: see TERMINAL_PROVIDED)
    "printsupport": frozenset({"windowsprintersupport"}),
    # the native widget style on Windows (6.7+ and older names); Linux wheels ship none
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
    # 读给我听: Windows' own voices (SAPI, WinRT); Qt's mock engine, which speaks nothing but
    # loads without I/O: the kiosk creates the engine object as that and then switches it to the
    # real one off Python's lock (kiosk/ui/speech_qt.py). speech-dispatcher's is added as it is
    # (TERMINAL_PROVIDED); flite's would need libflite.
    "texttospeech": frozenset({"qtexttospeech_sapi", "qtexttospeech_winrt", "qtexttospeech_mock"}),
}
# Every other type (platformthemes, xcbglintegrations, egldeviceintegrations, generic,
# wayland-*, accessiblebridge, networkinformation, tls, sqldrivers, ...) is left out whole.

# The CUPS print-support plug-in links libcups, which links gnutls, Kerberos, avahi ... (9 MB).
# The terminal has its own libcups2 with its CUPS (whose version must match its daemon anyway),
# so the plug-in is copied in without analysis; without CUPS no printer is found and 打印 is not
# offered. (plug-in type, file name)
# speech-dispatcher's plug-in links the terminal's libspeechd, which must be the one of its own
# speech-dispatcher (the .deb recommends it; linux/INSTALL.md names the packages for a Mandarin
# voice); without it the plug-in does not load and 朗读 is not offered.
TERMINAL_PROVIDED: list[tuple[str, str]] = [
    ("printsupport", "libcupsprintersupport.so"),
    ("texttospeech", "libqtexttospeech_speechd.so"),
]

# System libraries the terminal provides: the build never bundles them (the spec drops them from
# what PyInstaller found before anything is collected), so the folder is the same whatever the
# build host has installed, and the terminal's display, font, D-Bus and C++ runtime libraries are
# the ones its own X server, font configuration and system bus go with. Every Debian or Ubuntu
# desktop has them; the .deb depends on their packages (found with dpkg -S on the build host),
# linux/INSTALL.md lists them for a folder copied by hand. Top-level file names, fnmatch.
TERMINAL_LIBRARIES: list[tuple[str, str]] = [
    ("libstdc++.so.*", "the C++ runtime (every Debian has it: apt links it)"),
    ("libgcc_s.so.*", "the C++ runtime"),
    ("libz.so.*", "zlib (Essential on Debian)"),
    ("libX11*.so.*", "the X11 client library: the display's"),
    ("libXau.so.*", "X11 authorisation"),
    ("libXdmcp.so.*", "X11 display manager protocol"),
    ("libxcb-*.so.*", "X11 (xcb) extensions of Qt's X11 platform (libxcb itself is never bundled)"),
    ("libxkbcommon*.so.*", "the keyboard map of the X server"),
    ("libbsd.so.*", "for libXdmcp"),
    ("libmd.so.*", "for libbsd"),
    ("libfontconfig.so.*", "fonts: must read the terminal's own /etc/fonts configuration"),
    ("libfreetype.so.*", "fonts"),
    ("libpng16.so.*", "for FreeType"),
    ("libbrotli*.so.*", "for FreeType"),
    ("libbz2.so.*", "for FreeType"),
    ("libexpat.so.*", "for fontconfig"),
    ("libglib-2.0.so.*", "the GLib event loop Qt runs on X11"),
    ("libgthread-2.0.so.*", "GLib"),
    ("libpcre2-8.so.*", "for GLib"),
    ("libdbus-1.so.*", "the D-Bus client (QtGui links QtDBus): the system bus's"),
    ("libsystemd.so.*", "for libdbus"),
    ("libgcrypt.so.*", "for libsystemd"),
    ("libgpg-error.so.*", "for libgcrypt"),
    ("liblz4.so.*", "for libsystemd"),
    ("libzstd.so.*", "for libsystemd"),
    ("liblzma.so.*", "for libsystemd"),
    ("libcap.so.*", "for libsystemd"),
    # 读给我听: QtTextToSpeech links QtMultimedia, which links PulseAudio's client, and QtNetwork,
    # which links Kerberos. The terminal's sound comes from its own sound server (speech-dispatcher
    # plays through it: its audio plug-ins depend on libpulse0); nothing opens a connection.
    ("libpulse*", "PulseAudio's client (QtMultimedia links it): the terminal's sound server's"),
    ("libsndfile.so.*", "for libpulse"),
    ("libasyncns.so.*", "for libpulse"),
    ("libFLAC.so.*", "for libsndfile"),
    ("libvorbis*.so.*", "for libsndfile"),
    ("libogg.so.*", "for libsndfile"),
    ("libopus.so.*", "for libsndfile"),
    ("libmpg123.so.*", "for libsndfile"),
    ("libmp3lame.so.*", "for libsndfile"),
    ("libgssapi_krb5.so.*", "Kerberos (QtNetwork links it; the kiosk opens no connection)"),
    ("libkrb5*.so.*", "for libgssapi_krb5"),
    ("libk5crypto.so.*", "for libgssapi_krb5"),
    ("libkeyutils.so.*", "for libkrb5"),
    ("libcom_err.so.*", "for libkrb5"),
]

# Qt's own translations: the kiosk's text is its own; the Chinese ones of Qt's standard dialogs
# are kept (qt_zh_CN is the meta-catalogue that loads qtbase_zh_CN).
QT_TRANSLATIONS = frozenset({"qt_zh_CN.qm", "qtbase_zh_CN.qm"})

EXCLUDED_MODULES: list[str] = [
    # Qt modules the kiosk never imports (it uses QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport)
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtMultimedia",
    "PySide6.QtAsyncio",
    # setuptools builds the wheel in the build venv; bundled, its runtime hook would import it at
    # every start (and with it, see packaging/README.md, an abort at interpreter exit)
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    "tkinter",
    "pydoc_data",  # help() topics
    "readline",  # line editing of the interactive prompt
    # TLS: no network. hashlib (_hashlib, OpenSSL's libcrypto) stays: scrypt hashes the admin PIN
    "ssl",
    "_ssl",
    # CJK codecs other than Chinese: all text is UTF-8
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_codecs_hk",
    "_codecs_iso2022",
]

# Libraries never in the finished folder (relative to its contents directory, fnmatch patterns,
# '*' crosses '/'). Plug-ins and translations outside the selection above are refused as well.
UNWANTED: list[tuple[str, str]] = [
    ("libgtk-3.so*", "GTK: only the GTK platform theme links it"),
    ("libgdk-3.so*", "GTK"),
    ("libXi.so*", "GTK's X input library (Qt uses xcb-xinput)"),
    ("libXcursor.so*", "GTK's cursor library (Qt uses xcb-cursor)"),
    ("libepoxy.so*", "GTK's OpenGL loader"),
    ("libwayland-*", "Wayland: the terminal runs X11"),
    # (libQt6Network is in: QtMultimedia links it, and QtTextToSpeech links QtMultimedia; its
    # Python module stays out, so nothing of the kiosk can open a connection)
    ("*libQt6Qml*", "no QML"),
    ("*libQt6Quick*", "no Qt Quick"),
    ("*libQt6OpenGL*", "widgets paint in software"),
    ("*libQt6Wayland*", "Wayland"),
    ("libssl.so*", "TLS: no network"),
    ("libcups.so*", "the terminal's own CUPS client"),
    ("libgnutls.so*", "the terminal's own CUPS client"),
]

# Always in the finished folder, per platform (what the kiosk cannot run or be checked without).
REQUIRED_LINUX: list[str] = [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/QtPrintSupport.abi3.so",
    "PySide6/QtTextToSpeech.abi3.so",  # 读给我听
    "PySide6/Qt/lib/libQt6TextToSpeech.so.6",
    "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
    "PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so",
    "python3*/lib-dynload/_hashlib.*",  # hashlib.scrypt: the admin PIN
    "libcrypto.so*",
    "python3*/lib-dynload/_decimal.*",
    "python3*/lib-dynload/unicodedata.*",
    "python3*/lib-dynload/_codecs_cn.*",
    "resources/fonts/OFL.txt",
]
REQUIRED_WINDOWS: list[str] = [
    "PySide6/QtTextToSpeech.pyd",
    "PySide6/plugins/texttospeech/qtexttospeech_sapi.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/plugins/iconengines/qsvgicon.dll",
    "PySide6/plugins/printsupport/windowsprintersupport.dll",
    "_hashlib.pyd",
    "libcrypto-*.dll",
    "_decimal.pyd",
    "resources/fonts/OFL.txt",
]


def plugin_stem(file_name: str) -> str:
    """``libqxcb.so`` -> ``qxcb``; ``qxcb.dll`` -> ``qxcb``."""
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") and file_name.endswith(".so") else stem


def plugin_type(dest_dir: str) -> str | None:
    """The plug-in type of a TOC destination folder (``PySide6/Qt/plugins/platforms`` ->
    ``platforms``), or None when it is not a plug-in folder."""
    parts = PurePosixPath(dest_dir.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    rest = parts[parts.index("plugins") + 1 :]
    return "/".join(rest) if rest else None


def keep_plugin(dest_dir: str, file_name: str) -> bool:
    kind = plugin_type(dest_dir)
    return kind is None or plugin_stem(file_name) in QT_PLUGINS.get(kind, frozenset())


def keep_translation(dest_dir: str, file_name: str) -> bool:
    in_translations = PurePosixPath(dest_dir.replace("\\", "/")).name == "translations"
    return not (in_translations and file_name.endswith(".qm")) or file_name in QT_TRANSLATIONS


def select(
    binaries: list[tuple[str, str]], datas: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A hook's ``(source, destination folder)`` lists without the plug-ins and translations the
    kiosk does not use."""
    kept_binaries = [
        (source, dest)
        for source, dest in binaries
        if keep_plugin(dest, PurePosixPath(source.replace("\\", "/")).name)
    ]
    kept_datas = [
        (source, dest)
        for source, dest in datas
        if keep_translation(dest, PurePosixPath(source.replace("\\", "/")).name)
    ]
    return kept_binaries, kept_datas


def matches(relative: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(relative.replace("\\", "/"), pattern)


def terminal_provides(dest: str) -> bool:
    """Whether the library at ``dest`` (a TOC destination) is one the terminal provides."""
    name = dest.replace("\\", "/")
    return "/" not in name and any(fnmatch.fnmatchcase(name, p) for p, _ in TERMINAL_LIBRARIES)


def unwanted_in(files: list[str]) -> list[tuple[str, str]]:
    """``(file, why)`` for every file of the finished folder that should not be there."""
    provided = {(kind, name) for kind, name in TERMINAL_PROVIDED}
    found = []
    for relative in files:
        path = PurePosixPath(relative.replace("\\", "/"))
        kind = plugin_type(str(path.parent))
        if kind is not None and not keep_plugin(str(path.parent), path.name):
            if (kind, path.name) not in provided:
                found.append((relative, f"a Qt plug-in ({kind}) outside QT_PLUGINS"))
        elif not keep_translation(str(path.parent), path.name):
            found.append((relative, "a Qt translation outside QT_TRANSLATIONS"))
        if terminal_provides(relative):
            found.append((relative, "a library the terminal provides (TERMINAL_LIBRARIES)"))
        found += [(relative, why) for pattern, why in UNWANTED if matches(relative, pattern)]
    return found


def missing_from(files: list[str], windows: bool) -> list[str]:
    """The REQUIRED patterns no file of the finished folder matches."""
    required = REQUIRED_WINDOWS if windows else REQUIRED_LINUX
    return [pattern for pattern in required if not any(matches(f, pattern) for f in files)]
