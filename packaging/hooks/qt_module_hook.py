"""PyInstaller hook for one PySide6 module the kiosk imports, less what it does not use.

kiosk.spec copies this file as ``hook-PySide6.<Module>.py`` for each of
``contents.QT_MODULES`` into the build's work folder and passes that folder as ``hookspath``, where
it takes precedence over PyInstaller's own hook of the same name. It collects exactly what
PyInstaller's hook would (``add_qt6_dependencies`` reads the module name from the file name), then
drops the Qt plug-ins and translations ``packaging/contents.py`` leaves out, before PyInstaller
analyses any of them: what those plug-ins link never enters the build.
"""

import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

contents = sys.modules["kiosk_build_contents"]  # registered by kiosk.spec
hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries, datas = contents.select(binaries, datas)
