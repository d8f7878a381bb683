"""What runs the terminal, without Qt: the admin PIN's hash (and ``kiosk-calc hash-pin``), the
anonymous usage counts, the log, printing followed through CUPS, one kiosk-mode instance. The
kiosk behaviour on screen is in :mod:`kiosk.ui.ops`.
"""
