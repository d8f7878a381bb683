"""Application-wide event filters (the idle watcher, the admin gate, the lockdown): every event of
the application passes through them while they are in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


def filter_application(*filters: QObject, on: bool = True) -> None:
    """Put ``filters`` in the path of every event of the application, or take them out of it
    (``on=False``); nothing before there is an application."""
    app = QCoreApplication.instance()
    if app is None:
        return
    for event_filter in filters:
        if on:
            app.installEventFilter(event_filter)
        else:
            app.removeEventFilter(event_filter)
