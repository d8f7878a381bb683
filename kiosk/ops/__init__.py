"""Kiosk operations: what lets a hall leave the terminal running all day, unattended.

Idle watcher and countdown, attract screen, admin gate (corner taps, PIN pad, panel), lockdown,
crash guard, usage counts and logging. :func:`kiosk.ops.install.install_operations` wires them onto
a main window. This package's ``__init__`` and :mod:`kiosk.ops.pin` import no Qt, so
:mod:`kiosk.settings` can use the PIN-hash parser without a display.
"""
