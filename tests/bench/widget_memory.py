"""What the theme costs per widget: resident memory per 1,000 widgets of the kind the kiosk's screens
are made of (labels in their roles, buttons in theirs, cards, bare containers), laid out in a
window at 1920x1080 offscreen, shown and painted, in a fresh process each: once styled as the
kiosk styles its window (:func:`kiosk.ui.main_window.apply_theme`) and once with no theme at all.
The difference is what the styling holds per widget.

    python tests/bench/widget_memory.py [--widgets 3000] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

from benchkit import Result, current_rss_mib, report

BENCH = "widget_memory"
HERE = Path(__file__).resolve()
CHILD = "--child"
RUNS = 3
# (kind, role) of each widget of a batch of 20, roughly as a result or question screen mixes them
MIX = (
    *[("label", "")] * 4,
    ("label", "muted"),
    ("label", "heading"),
    ("label", "figure"),
    ("label", "figure-label"),
    ("label", "notice"),
    ("label", "small"),
    *[("button", "")] * 2,
    ("button", "primary"),
    ("button", "option"),
    ("button", "choice"),
    ("button", "key"),
    ("card", "card"),
    *[("box", "")] * 3,
)


def child(count: int, styled: bool) -> float:
    """In this process: the widgets, shown and painted; returns MiB per 1,000 widgets."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QScrollArea, QWidget

    from kiosk import resources
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.main_window import apply_theme
    from kiosk.ui.theme import Preset, Theme
    from kiosk.ui.widgets.style import button, label

    app = QApplication(sys.argv[:1])
    family = register_fonts(resources.fonts_dir())
    window = QScrollArea()
    window.resize(1920, 1080)
    if styled:
        apply_theme(window, Preset.STANDARD, Theme.STANDARD, family)
    window.show()
    _paint(app)
    content = QWidget()
    grid = QGridLayout(content)
    window.setWidget(content)
    window.setWidgetResizable(True)
    _paint(app)
    before = current_rss_mib()
    for number in range(count):
        kind, role = MIX[number % len(MIX)]
        widget: QWidget
        if kind == "label":
            widget = label(f"第{number}行 {number * 37 % 1000} 元/月", role)
        elif kind == "button":
            widget = button(f"按钮{number % 50}", role)
        elif kind == "card":
            widget = QFrame()
            widget.setProperty("role", role)
        else:
            widget = QWidget()
        grid.addWidget(widget, number // 10, number % 10)
    _paint(app)
    after = current_rss_mib()
    assert before is not None and after is not None
    return (after - before) * 1000 / count


def _paint(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def run(count: int, styled: bool) -> float:
    command = [sys.executable, str(HERE), CHILD, "styled" if styled else "plain", str(count)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return float(output.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widgets", type=int, default=3000, help="widgets per window")
    parser.add_argument("--quick", action="store_true", help="one run of each")
    parser.add_argument(CHILD, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, count = args.child
        print(f"{child(int(count), kind == 'styled'):.3f}")
        return 0
    runs = 1 if args.quick else RUNS
    figures: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(runs):  # alternately, each in a fresh process
        for styled in (True, False):
            figures[styled].append(run(args.widgets, styled))
    themed, plain = statistics.median(figures[True]), statistics.median(figures[False])
    print(f"{args.widgets} widgets, {runs} runs each, medians, MiB per 1,000 widgets:")
    print(f"  styled by the kiosk's theme {themed:6.2f}")
    print(f"  no theme                    {plain:6.2f}")
    print(f"  the theme's share           {themed - plain:6.2f}")
    report(
        Result(BENCH, "RSS per 1,000 widgets, themed", themed, "MiB"),
        Result(BENCH, "RSS per 1,000 widgets, no theme", plain, "MiB"),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
