"""The one theme: a text-size preset and a colour theme, chosen separately and in any combination,
and their sizes and colours. Widgets only set ``objectName`` or a ``role`` property;
:mod:`kiosk.ui.look` draws them (palettes, fonts and a proxy style: no window stylesheet).

Text sizes (标准 / 大 / 特大): body text 26 / 34 / 42 px (特大 is 1.6x 标准), and every target grows
with them: any target at least 64 / 72 / 80 px, primary actions 96 / 104 / 112 px high, keypad and
keyboard keys 88 / 96 / 104 px. Themes (标准 / 高对比): the colours only; a theme never changes a size.
The floors the self-test holds every screen to are :data:`MIN_TARGET_PX`, :data:`MIN_PRIMARY_PX`
and :data:`MIN_KEY_PX` (kiosk-ux.md: 60x60 dp for the elder-friendly standard, 80-120 px primary
targets at arm's length).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MIN_TARGET_PX = 64  # every tap target, both sides, at the standard size
MIN_PRIMARY_PX = 96  # the height of a primary action (下一步, 继续使用...)
MIN_KEY_PX = 80  # keypad and keyboard keys, both sides
MAX_KEY_GAP_PX = 0  # between neighbouring keys: none (the visible gap is the keys' own margin)
KEY_MARGIN_PX = 4  # drawn inside each key's target, so the gap a finger can hit is still a key


class Preset(StrEnum):
    """The text size (字号)."""

    STANDARD = "standard"  # 标准
    LARGE = "large"  # 大
    LARGEST = "largest"  # 特大


class Theme(StrEnum):
    """The colours (对比)."""

    STANDARD = "standard"  # 标准
    CONTRAST = "contrast"  # 高对比: light text on black, yellow actions


@dataclass(frozen=True, slots=True)
class Palette:
    window: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    secondary: str
    on_secondary: str
    header: str
    on_header: str
    border: str
    error: str
    notice: str
    on_notice: str
    figure: str


@dataclass(frozen=True, slots=True)
class Metrics:
    body: int
    small: int
    heading: int
    title: int
    figure: int
    header_title: int
    primary_height: int
    button_height: int
    min_target: int
    key_size: int
    radius: int
    spacing: int


LIGHT = Palette(
    window="#EEF2F7",
    surface="#FFFFFF",
    text="#1B1F24",
    muted="#434A54",
    primary="#0B57A4",
    on_primary="#FFFFFF",
    secondary="#DCE6F2",
    on_secondary="#0B2E55",
    header="#0B57A4",
    on_header="#FFFFFF",
    border="#8A96A6",
    error="#A4161A",
    notice="#FFF4D6",
    on_notice="#5A3B00",
    figure="#0B57A4",
)

DARK_CONTRAST = Palette(
    window="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#F0F0F0",
    primary="#FFD400",
    on_primary="#000000",
    secondary="#1A1A1A",
    on_secondary="#FFFFFF",
    header="#000000",
    on_header="#FFD400",
    border="#FFFFFF",
    error="#FF8A80",
    notice="#1A1A1A",
    on_notice="#FFD400",
    figure="#FFD400",
)

_METRICS = {
    Preset.STANDARD: Metrics(
        body=26,
        small=22,
        heading=40,
        title=34,
        figure=60,
        header_title=30,
        primary_height=96,
        button_height=72,
        min_target=64,
        key_size=88,
        radius=12,
        spacing=16,
    ),
    Preset.LARGE: Metrics(
        body=34,
        small=28,
        heading=48,
        title=40,
        figure=72,
        header_title=34,
        primary_height=104,
        button_height=80,
        min_target=72,
        key_size=96,
        radius=12,
        spacing=16,
    ),
    Preset.LARGEST: Metrics(
        body=42,  # 1.6x the standard body text
        small=34,
        heading=54,
        title=46,
        figure=80,
        header_title=38,
        primary_height=112,
        button_height=88,
        min_target=80,
        key_size=104,
        radius=14,
        spacing=16,
    ),
}


def palette_for(theme: Theme) -> Palette:
    return DARK_CONTRAST if theme is Theme.CONTRAST else LIGHT


def metrics_for(preset: Preset) -> Metrics:
    return _METRICS[preset]


def field_sheet(p: Palette, m: Metrics) -> str:
    """The search field's own small stylesheet (a leaf widget: it styles nothing else)."""
    return f"""QLineEdit {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.primary};
    border-radius: {m.radius}px; font-size: {m.heading}px; font-weight: bold;
    min-height: {m.button_height - 14}px; padding: 4px 16px;
}}"""


def scrollbar_sheet(p: Palette) -> str:
    """A scroll bar's own small stylesheet: a wide bar, a long handle, no arrows."""
    return f"""QScrollBar:vertical {{ width: 24px; background: {p.window}; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 10px; min-height: 60px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}"""


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def text_pairs(palette: Palette) -> dict[str, tuple[str, str]]:
    """Every foreground/background pair the theme uses for text, for the contrast test."""
    p = palette
    return {
        "body on window": (p.text, p.window),
        "body on surface": (p.text, p.surface),
        "muted on window": (p.muted, p.window),
        "muted on surface": (p.muted, p.surface),
        "header": (p.on_header, p.header),
        "primary button": (p.on_primary, p.primary),
        "secondary button": (p.on_secondary, p.secondary),
        "error on window": (p.error, p.window),
        "error on surface": (p.error, p.surface),
        "notice": (p.on_notice, p.notice),
        "figure on surface": (p.figure, p.surface),
        "figure on window": (p.figure, p.window),
        "disabled on secondary": (p.muted, p.secondary),
        "header's own button": (p.header, p.on_header),
    }
