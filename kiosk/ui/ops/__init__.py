"""The kiosk behaviour on screen (Qt): idle reset and countdown, attract screen, admin gate, PIN
pad and panel, lockdown and the fullscreen keeper, crash message, 暂停服务, stop signals. What
runs the terminal without Qt (PIN hashing, usage counts, logs, printing through CUPS, one
instance) is in :mod:`kiosk.ops`."""
