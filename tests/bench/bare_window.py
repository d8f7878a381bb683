"""The baseline of startup.py and memory.py: a bare PySide6 window (one QLabel at the given size)
that is shown, quits on its first paint and exits, as ``kiosk --smoke`` does with the real window.
With ``--memory`` it then prints its peak and current resident memory (a ``MEMORY`` line).

    python tests/bench/bare_window.py 1920 1080 [--memory]
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main(argv: list[str]) -> int:
    width, height = int(argv[0]), int(argv[1])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    window = QLabel("bare")
    window.resize(width, height)
    window.installEventFilter(_FirstPaint(window))
    window.show()
    QTimer.singleShot(20_000, lambda: QApplication.exit(3))  # as kiosk/smoke.py: never hang
    code = app.exec()
    if "--memory" in argv:
        from benchkit import memory_line  # only here: the start-up baseline imports nothing more

        print(memory_line(), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
