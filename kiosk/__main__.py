"""``python -m kiosk``: the touchscreen application."""

from kiosk.main import run

run()
