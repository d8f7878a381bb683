"""The one theme: a text-size preset and a colour theme, chosen separately and in any combination,
and the QSS built from them. Widgets only set ``objectName`` or a ``role`` property; nothing else
calls setStyleSheet.

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


def stylesheet(preset: Preset, theme: Theme, font_family: str) -> str:
    """The application's QSS for the text size ``preset`` in the colours of ``theme``."""
    p, m = palette_for(theme), metrics_for(preset)
    key_margin = KEY_MARGIN_PX
    return f"""
* {{
    font-family: "{font_family}";
    font-size: {m.body}px;
    color: {p.text};
}}
QMainWindow, QWidget#Central, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {p.window};
}}
QWidget#Header {{ background: {p.header}; }}
QWidget#Header QLabel {{
    color: {p.on_header}; font-size: {m.header_title}px; font-weight: bold;
}}
QWidget#Header QPushButton {{
    background: transparent; color: {p.on_header}; border: 3px solid {p.on_header};
    border-radius: {m.radius}px; min-height: {m.min_target - 6}px;
    min-width: {m.min_target - 46}px; padding: 0 20px; font-weight: bold;
}}
QWidget#Header QPushButton#appearance, QWidget#Header QPushButton#read_aloud {{
    background: {p.on_header}; color: {p.header};
}}
QWidget#Header QPushButton:pressed {{ background: {p.on_header}; color: {p.header}; }}
QWidget#Footer {{ background: {p.surface}; border-top: 2px solid {p.border}; }}
QWidget#Footer QLabel {{ font-size: {m.small}px; color: {p.muted}; }}
QLabel[role="heading"] {{ font-size: {m.heading}px; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {m.title}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="small"] {{ color: {p.muted}; font-size: {m.small}px; }}
QLabel[role="progress"] {{ color: {p.muted}; font-size: {m.small}px; font-weight: bold; }}
QLabel[role="error"] {{
    color: {p.error}; font-weight: bold; background: {p.surface};
    border: 3px solid {p.error}; border-radius: {m.radius}px; padding: 8px 16px;
}}
QLabel[role="figure"] {{ color: {p.figure}; font-size: {m.figure}px; font-weight: bold; }}
QLabel[role="figure-label"] {{ color: {p.muted}; font-size: {m.body}px; }}
QLabel[role="notice"] {{
    background: {p.notice}; color: {p.on_notice}; border: 2px solid {p.border};
    border-radius: {m.radius}px; padding: 12px;
}}
QLabel[role="display"] {{
    background: {p.surface}; border: 3px solid {p.border}; border-radius: {m.radius}px;
    font-size: {m.heading}px; font-weight: bold; padding: 4px 16px;
}}
QLabel[role="display"][wide="true"] {{ font-size: {m.title}px; }}
QLabel[role="display"][unset="true"] {{ color: {p.muted}; font-size: {m.title}px; }}
QLabel[role="page"] {{ color: {p.muted}; font-size: {m.small}px; font-weight: bold; }}
QFrame[role="card"] {{
    background: {p.surface}; border: 2px solid {p.border}; border-radius: {m.radius}px;
}}
QFrame[role="card"] QLabel {{ background: transparent; }}
QPushButton {{
    background: {p.secondary}; color: {p.on_secondary}; border: 2px solid {p.border};
    border-radius: {m.radius}px; min-height: {m.button_height - 4}px;
    min-width: {m.min_target - 52}px; padding: 0 24px;
}}
QPushButton:pressed {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton:focus {{ outline: none; }}
QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.on_primary}; border: 2px solid {p.primary};
    min-height: {m.primary_height - 4}px; font-weight: bold; font-size: {m.title}px;
}}
QPushButton[role="tile"] {{
    selection-background-color: {p.figure}; selection-color: {p.surface};
    background: {p.surface}; color: {p.text}; border: 3px solid {p.primary};
    border-radius: {m.radius * 2}px; padding: 16px; text-align: left;
}}
QPushButton[role="option"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.border};
    min-height: {m.button_height - 22}px; text-align: left; padding: 8px 24px;
}}
QPushButton[role="option"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QLabel[selected="true"] {{ color: {p.on_primary}; }}
QPushButton[role="choice"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.border};
    min-height: {m.button_height - 6}px; font-weight: bold; padding: 0 8px;
}}
QPushButton[role="choice"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="key"], QPushButton[role="kbkey"], QPushButton[role="step"] {{
    background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
    margin: {key_margin}px; padding: 0 4px; font-weight: bold;
    min-height: {m.key_size - 4 - 2 * key_margin}px;
    min-width: {m.key_size - 12 - 2 * key_margin}px;
}}
QPushButton[role="key"], QPushButton[role="kbkey"] {{
    min-height: {MIN_KEY_PX - 4 - 2 * key_margin}px;
    max-height: {m.key_size - 4 - 2 * key_margin}px;
}}
QPushButton[role="key"], QPushButton[role="step"] {{ font-size: {m.title}px; }}
QPushButton[role="kbkey"] {{
    font-size: {m.title}px; min-width: {MIN_KEY_PX - 12 - 2 * key_margin}px;
}}
QPushButton[role="key"][wide="true"], QPushButton[role="kbkey"][wide="true"],
QPushButton[role="step"][wide="true"] {{
    font-size: {m.body}px;
}}
QPushButton[role="key"][tall="true"] {{ max-height: {2 * m.key_size - 4 - 2 * key_margin}px; }}
QPushButton[role="key"][wide="true"] {{ min-width: {round(2.8 * m.body)}px; }}
QPushButton[role="link"] {{
    background: transparent; border: 2px solid {p.border}; color: {p.text};
    min-height: {m.min_target - 4}px; font-weight: bold;
}}
QPushButton[role="pager"] {{
    background: {p.secondary}; color: {p.on_secondary}; border: 3px solid {p.primary};
    min-height: {m.min_target - 6}px; font-weight: bold;
}}
QPushButton[role="pager"]:disabled {{ border-color: {p.border}; }}
QPushButton[role]:pressed {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QScrollBar:vertical {{ width: 24px; background: {p.window}; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 10px; min-height: 60px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QLineEdit[role="search"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.primary};
    border-radius: {m.radius}px; font-size: {m.heading}px; font-weight: bold;
    min-height: {m.button_height - 14}px; padding: 4px 16px;
}}
QLabel[role="strong"] {{ font-weight: bold; }}
QWidget#qr_view, QWidget#failure_view {{ background: {p.window}; }}
QLabel#failure_heading {{ color: {p.error}; }}
QLabel#take_away_status[failed="true"] {{ color: {p.error}; font-weight: bold; }}
QWidget#CountdownOverlay, QWidget#AppearancePanel {{ background: rgba(0, 0, 0, 160); }}
QWidget#CrashMessage, QWidget#PinPad, QWidget#AdminPanel {{ background: {p.window}; }}
QWidget#OutOfService {{ background: {p.window}; }}
QLabel[role="out-of-service-title"] {{
    font-size: {m.figure}px; font-weight: bold; color: {p.figure};
}}
QWidget#AdminPanel QScrollArea, QWidget#AdminContent {{ background: {p.window}; }}
QFrame#OverlayCard {{
    background: {p.surface}; border: 3px solid {p.border}; border-radius: {m.radius * 2}px;
}}
QFrame#OverlayCard QLabel {{ background: transparent; }}
QLabel[role="countdown"] {{ font-size: {m.title}px; }}
QWidget#AttractScreen {{ background: {p.header}; }}
QWidget#AttractScreen QFrame#OverlayCard {{ background: transparent; border: none; }}
QWidget#AttractScreen QLabel {{ color: {p.on_header}; background: transparent; }}
QFrame#AttractTip {{
    border: 3px solid {p.on_header}; border-radius: {m.radius * 2}px;
}}
QFrame#AttractHall {{ border-top: 2px solid {p.on_header}; }}
QLabel[role="attract-centre"] {{ font-size: {m.title}px; font-weight: bold; }}
QLabel[role="attract-heading"] {{ font-size: {m.heading}px; }}
QLabel[role="attract-title"] {{ font-size: {m.heading}px; font-weight: bold; }}
QLabel[role="attract-line"] {{ font-size: {m.body}px; }}
QLabel[role="attract-prompt"] {{
    font-size: {m.heading}px; font-weight: bold; border: 4px solid {p.on_header};
    border-radius: {m.radius * 3}px; padding: 16px 48px;
}}
QLabel[role="attract-small"] {{ font-size: {m.small}px; }}
QWidget#Header QLabel[role="badge"] {{
    background: {p.notice}; color: {p.on_notice}; font-size: {m.small}px; font-weight: bold;
    border-radius: {m.radius}px; padding: 4px 16px;
}}
QLabel[role="log"] {{ font-size: {m.small}px; color: {p.muted}; }}
QPushButton[role="danger"] {{
    background: {p.surface}; color: {p.error}; border: 3px solid {p.error};
    min-height: {m.primary_height - 6}px; font-weight: bold;
}}
QLabel[role="headline"] {{ font-size: {m.title}px; font-weight: bold; }}
QLabel[role="figure-part"] {{ color: {p.figure}; font-size: {m.title}px; font-weight: bold; }}
QFrame[role="card"][tone="warning"] {{ border: 4px solid {p.error}; }}
QFrame[role="card"][tone="warning"] QLabel[role="notice-text"] {{
    color: {p.error}; font-weight: bold;
}}
QFrame[role="card"][tone="good"] {{ border: 4px solid {p.primary}; }}
QFrame[role="card"][tone="provisional"] {{ background: {p.notice}; }}
QFrame[role="card"][tone="provisional"] QLabel {{ color: {p.on_notice}; }}
QPushButton[role="tab"] {{ min-height: {m.primary_height}px; font-weight: bold; }}
QWidget#comparison_chart {{
    color: {p.text}; background-color: {p.surface}; alternate-background-color: {p.border};
    selection-background-color: {p.primary};
    font-size: {m.body}px; font-weight: bold;
}}
QPushButton[role="tab"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
"""


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
    """Every foreground/background pair the QSS uses for text, for the contrast test."""
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
