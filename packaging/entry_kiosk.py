"""PyInstaller entry point of the ``kiosk`` executable (the touchscreen application).

Kept tiny on purpose: everything lives in ``kiosk.main``; this file only exists because
PyInstaller wants a script, not a ``module:function`` entry point.
"""

import sys

from kiosk.main import main

if __name__ == "__main__":
    sys.exit(main())
