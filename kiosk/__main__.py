"""``python -m kiosk``: the touchscreen application."""

from kiosk.main import main

raise SystemExit(main())
