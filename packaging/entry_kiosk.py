"""PyInstaller entry point of the ``kiosk`` executable (the touchscreen application).

Kept tiny on purpose: everything lives in ``kiosk.main``; this file only exists because
PyInstaller wants a script, not a ``module:function`` entry point.
"""

from kiosk.main import run

if __name__ == "__main__":
    run()
