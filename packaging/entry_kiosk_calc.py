"""PyInstaller entry point of the ``kiosk-calc`` executable (the rules on the command line)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
