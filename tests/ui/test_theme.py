"""The theme: WCAG contrast of every text colour pair, sizes per text size (标准 / 大 / 特大), the
colours per theme (标准 / 高对比) in any combination, and the look drawn from them (kiosk/ui/look.py:
fonts, palettes and a proxy style, no window stylesheet)."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

import kiosk
from kiosk.ui import boxes, theme
from kiosk.ui.look import apply_look
from kiosk.ui.theme import (
    MIN_KEY_PX,
    MIN_PRIMARY_PX,
    MIN_TARGET_PX,
    Preset,
    Theme,
    contrast_ratio,
    field_sheet,
    metrics_for,
    palette_for,
    scrollbar_sheet,
    text_pairs,
)

KIOSK_DIR = Path(kiosk.__file__).resolve().parent
WCAG_AA = 4.5
HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

PAIRS = [
    pytest.param(theme, name, id=f"{theme.value}-{name.replace(' ', '-')}")
    for theme in Theme
    for name in text_pairs(palette_for(theme))
]
LOOKS = [
    pytest.param(preset, theme, id=f"{preset.value}-{theme.value}")
    for preset in Preset
    for theme in Theme
]


# the contrast function itself --------------------------------------------------------------------


def test_black_on_white_is_21() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)


def test_same_colour_is_1() -> None:
    assert contrast_ratio("#0B57A4", "#0B57A4") == pytest.approx(1)


@pytest.mark.parametrize(
    ("foreground", "background", "expected"),
    [
        ("#777777", "#FFFFFF", 4.48),  # the well-known grey that just fails AA
        ("#767676", "#FFFFFF", 4.54),  # ... and the one that just passes
        ("#0000FF", "#FFFFFF", 8.59),
        ("#FF0000", "#FFFFFF", 4.00),
    ],
)
def test_known_mid_pairs(foreground: str, background: str, expected: float) -> None:
    assert contrast_ratio(foreground, background) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(background, foreground) == pytest.approx(expected, abs=0.01)


def test_relative_luminance_ends() -> None:
    assert theme.relative_luminance("#000000") == 0
    assert theme.relative_luminance("#FFFFFF") == pytest.approx(1)


# the palettes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("theme", "name"), PAIRS)
def test_text_contrast_at_least_aa(theme: Theme, name: str) -> None:
    foreground, background = text_pairs(palette_for(theme))[name]
    ratio = contrast_ratio(foreground, background)
    assert ratio >= WCAG_AA, f"{name} in {theme.value}: {foreground} on {background} = {ratio:.2f}"


@pytest.mark.parametrize("theme", list(Theme))
def test_palette_colours_are_hex_and_all_used_in_pairs(theme: Theme) -> None:
    palette = palette_for(theme)
    colours = {f.name: getattr(palette, f.name) for f in fields(palette)}
    assert all(HEX_COLOUR.match(value) for value in colours.values()), colours
    in_pairs = {colour for pair in text_pairs(palette).values() for colour in pair}
    unused = {name for name, value in colours.items() if value not in in_pairs}
    assert unused <= {"border"}, f"colours never checked for contrast: {unused}"


BUTTON_ROLES = ("", "primary", "tile", "option", "choice", "key", "link", "pager", "danger", "tab")


@pytest.mark.parametrize(("preset", "theme"), LOOKS)
def test_pressed_and_checked_captions_stay_readable(qtbot, preset: Preset, theme: Theme) -> None:
    """The pressed and checked states are not in text_pairs(); read their colours from the faces
    the style draws (a pressed button once got the contrast preset's white border colour under
    white text)."""
    look = boxes.Look(palette_for(theme), metrics_for(preset), "F")
    for role in BUTTON_ROLES:
        button = QPushButton("8")
        qtbot.add_widget(button)
        button.setProperty("role", role)
        for pressed, checked in ((True, False), (False, True), (False, False)):
            face = boxes.button_face(button, look, pressed=pressed, checked=checked)
            background = face.box.fill or look.palette.window
            ratio = contrast_ratio(face.text, background)
            assert ratio >= WCAG_AA, (role, pressed, checked, face.text, background)


def test_contrast_theme_has_its_own_palette() -> None:
    assert palette_for(Theme.CONTRAST) != palette_for(Theme.STANDARD)


def test_text_size_and_theme_combine(qtbot) -> None:
    """高对比 does not cancel 大 (they were one exclusive choice): every size in every theme has
    the size's fonts and the theme's colours."""
    for preset in Preset:
        for colours in Theme:
            widget = QWidget()
            qtbot.add_widget(widget)
            caption = QLabel("x", widget)
            apply_look(widget, preset, colours, "F")
            assert caption.font().pixelSize() == metrics_for(preset).body
            colour = caption.palette().color(caption.foregroundRole()).name().upper()
            assert colour == palette_for(colours).text


# sizes -------------------------------------------------------------------------------------------


def test_standard_sizes_meet_the_kiosk_floor() -> None:
    m = metrics_for(Preset.STANDARD)
    assert m.body >= 24
    assert m.heading >= 36
    assert m.primary_height >= MIN_PRIMARY_PX == 96
    assert m.min_target >= MIN_TARGET_PX == 64
    assert m.key_size >= MIN_KEY_PX == 80
    assert m.button_height >= m.min_target


@pytest.mark.parametrize("preset", list(Preset))
def test_every_preset_meets_the_floor(preset: Preset) -> None:
    m = metrics_for(preset)
    assert m.body >= 24 and m.heading >= 36
    assert m.primary_height >= MIN_PRIMARY_PX and m.min_target >= MIN_TARGET_PX
    assert m.key_size >= MIN_KEY_PX
    assert m.small < m.body < m.title < m.heading < m.figure
    # never a target under 1.5 times its own text
    assert m.min_target >= 1.5 * m.body and m.primary_height >= 1.5 * m.title


def test_the_largest_size_is_at_least_1_6_times_the_standard_body() -> None:
    assert metrics_for(Preset.LARGEST).body >= 1.6 * metrics_for(Preset.STANDARD).body


@pytest.mark.parametrize(
    "size",
    [
        "body",
        "small",
        "heading",
        "title",
        "figure",
        "primary_height",
        "button_height",
        "min_target",
        "key_size",
    ],
)
@pytest.mark.parametrize(
    ("smaller", "larger"), [(Preset.STANDARD, Preset.LARGE), (Preset.LARGE, Preset.LARGEST)]
)
def test_each_size_is_larger_targets_and_keys_included(
    smaller: Preset, larger: Preset, size: str
) -> None:
    assert getattr(metrics_for(larger), size) > getattr(metrics_for(smaller), size)


def test_larger_never_smaller_anywhere() -> None:
    for smaller, larger in ((Preset.STANDARD, Preset.LARGE), (Preset.LARGE, Preset.LARGEST)):
        for f in fields(metrics_for(smaller)):
            assert getattr(metrics_for(larger), f.name) >= getattr(metrics_for(smaller), f.name)


# the look ----------------------------------------------------------------------------------------

LABEL_SIZES = {
    "": "body",
    "heading": "heading",
    "subheading": "title",
    "figure": "figure",
    "error": "body",
    "notice": "body",
    "display": "heading",
    "small": "small",
    "muted": "body",
}
LABEL_COLOURS = {
    "": "text",
    "muted": "muted",
    "small": "muted",
    "figure": "figure",
    "error": "error",
    "notice": "on_notice",
}


@pytest.mark.parametrize(("preset", "theme"), LOOKS)
def test_every_label_role_gets_its_size_and_colour(qtbot, preset: Preset, theme: Theme) -> None:
    m, p = metrics_for(preset), palette_for(theme)
    widget = QWidget()
    qtbot.add_widget(widget)
    column = QVBoxLayout(widget)
    captions = {}
    for role in LABEL_SIZES:
        captions[role] = QLabel("x")
        captions[role].setProperty("role", role)
        column.addWidget(captions[role])
    apply_look(widget, preset, theme, "Noto Sans CJK SC")
    for role, size in LABEL_SIZES.items():
        caption = captions[role]
        assert caption.font().pixelSize() == getattr(m, size), role
        assert caption.font().family() == "Noto Sans CJK SC"
    for role, colour in LABEL_COLOURS.items():
        caption = captions[role]
        shown = caption.palette().color(caption.foregroundRole()).name().upper()
        assert shown == getattr(p, colour), role
    assert captions["heading"].font().bold() and not captions["muted"].font().bold()
    assert widget.palette().color(QPalette.ColorRole.Window).name().upper() == p.window


@pytest.mark.parametrize(("preset", "theme"), LOOKS)
def test_qt_parses_the_leaf_sheets(qtbot, preset: Preset, theme: Theme) -> None:
    """The search field and the scroll bars keep a small sheet each; Qt warns "Could not parse
    stylesheet" on a syntax error, and the strict log level fails on it."""
    p, m = palette_for(theme), metrics_for(preset)
    widget = QWidget()
    qtbot.add_widget(widget)
    widget.setStyleSheet(field_sheet(p, m) + "\n" + scrollbar_sheet(p))
    widget.ensurePolished()
    assert f"font-size: {m.heading}px" in field_sheet(p, m)


@pytest.mark.parametrize(("preset", "theme"), LOOKS)
def test_the_look_gives_every_role_its_target_size(qtbot, preset: Preset, theme: Theme) -> None:
    """The sizes the theme asks for are the sizes the buttons get (borders, paddings and the keys'
    margins included): every target grows with the text size."""
    m = metrics_for(preset)
    widget = QWidget()
    qtbot.add_widget(widget)
    column = QVBoxLayout(widget)
    buttons = {}
    for role in ("", "primary", "choice", "key", "kbkey", "step", "pager", "link"):
        button = QPushButton("8")
        button.setProperty("role", role)
        column.addWidget(button)
        buttons[role] = button
    apply_look(widget, preset, theme, "Noto Sans CJK SC")
    widget.show()
    qtbot.wait_until(lambda: buttons["primary"].height() > 0)
    assert buttons[""].minimumSizeHint().height() == m.button_height
    assert buttons["primary"].minimumSizeHint().height() == m.primary_height
    assert buttons["choice"].minimumSizeHint().height() == m.button_height
    assert buttons["step"].minimumSizeHint().height() == m.key_size
    assert buttons["step"].minimumSizeHint().width() >= m.key_size
    for role in ("key", "kbkey"):  # as tall as the theme's key where there is room, never < 80
        assert buttons[role].minimumSizeHint().height() == MIN_KEY_PX
        assert buttons[role].maximumHeight() == m.key_size
        assert buttons[role].minimumSizeHint().width() >= MIN_KEY_PX
    for role in ("pager", "link"):
        assert buttons[role].minimumSizeHint().height() == m.min_target


# setStyleSheet in one place only -------------------------------------------------------------------

# The one module that gives a widget a stylesheet: the look gives the search field and the scroll
# bars a small one each; no window or container has one (see tests/ui/test_look.py).
THEME_APPLIED_IN = KIOSK_DIR / "ui" / "look.py"


def stylesheet_calls(path: Path) -> list[int]:
    """Line numbers of ``<anything>.setStyleSheet(...)`` calls (docstrings and comments don't count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setStyleSheet"
    ]


def test_only_one_module_calls_set_style_sheet() -> None:
    offenders = {
        str(path.relative_to(KIOSK_DIR.parent)): lines
        for path in sorted(KIOSK_DIR.rglob("*.py"))
        if path != THEME_APPLIED_IN and (lines := stylesheet_calls(path))
    }
    assert offenders == {}


def test_the_check_sees_the_one_call() -> None:
    assert len(stylesheet_calls(THEME_APPLIED_IN)) == 1


def test_no_style_sheet_by_other_means() -> None:
    """A plain-text grep as well, in case a call is made through getattr or a string."""
    pattern = re.compile(r"setStyleSheet|styleSheet\s*=")
    hits = [
        str(path.relative_to(KIOSK_DIR.parent))
        for path in sorted(KIOSK_DIR.rglob("*.py"))
        if path not in (THEME_APPLIED_IN, KIOSK_DIR / "ui" / "theme.py")
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert hits == []
