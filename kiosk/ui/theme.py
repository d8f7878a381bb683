"""The one theme: colours per preset, sizes scaled by the text-size preset, and the QSS built from
them. Widgets only set ``objectName`` or a ``role`` property; nothing else calls setStyleSheet.

Sizes are in pixels at the standard preset: body text 26 px, headings 40 px, primary targets at
least 88 px high and nothing under 48 px (kiosk-ux.md: >= 24 px body, >= 36 px headings,
>= 80 px primary targets, >= 44 px any target).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Preset(StrEnum):
    STANDARD = "standard"  # 标准
    LARGE = "large"  # 大字（长辈模式）
    CONTRAST = "contrast"  # 高对比


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

_STANDARD_METRICS = Metrics(
    body=26,
    small=22,
    heading=40,
    title=34,
    figure=60,
    primary_height=88,
    button_height=64,
    min_target=48,
    key_size=88,
    radius=12,
    spacing=16,
)


def palette_for(preset: Preset) -> Palette:
    return DARK_CONTRAST if preset is Preset.CONTRAST else LIGHT


def metrics_for(preset: Preset) -> Metrics:
    if preset is not Preset.LARGE:
        return _STANDARD_METRICS
    scale = 1.3
    m = _STANDARD_METRICS
    return Metrics(
        body=round(m.body * scale),
        small=round(m.small * scale),
        heading=round(m.heading * scale),
        title=round(m.title * scale),
        figure=round(m.figure * scale),
        primary_height=round(m.primary_height * 1.15),
        button_height=round(m.button_height * 1.15),
        min_target=m.min_target,
        key_size=round(m.key_size * 1.1),
        radius=m.radius,
        spacing=m.spacing,
    )


def stylesheet(preset: Preset, font_family: str) -> str:
    """The application's QSS for ``preset``."""
    p, m = palette_for(preset), metrics_for(preset)
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
QWidget#Header QLabel {{ color: {p.on_header}; font-size: {m.title}px; font-weight: bold; }}
QWidget#Header QPushButton {{
    background: transparent; color: {p.on_header}; border: 2px solid {p.on_header};
    border-radius: {m.radius}px; min-height: {m.button_height}px; min-width: 120px;
    padding: 0 20px; font-weight: bold;
}}
QWidget#Footer {{ background: {p.surface}; border-top: 2px solid {p.border}; }}
QWidget#Footer QLabel {{ font-size: {m.small}px; color: {p.muted}; }}
QWidget#Footer QPushButton {{ min-height: {m.min_target}px; font-size: {m.small}px; padding: 0 16px; }}
QLabel[role="heading"] {{ font-size: {m.heading}px; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {m.title}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="small"] {{ color: {p.muted}; font-size: {m.small}px; }}
QLabel[role="error"] {{ color: {p.error}; font-weight: bold; }}
QLabel[role="figure"] {{ color: {p.figure}; font-size: {m.figure}px; font-weight: bold; }}
QLabel[role="figure-label"] {{ color: {p.muted}; font-size: {m.body}px; }}
QLabel[role="notice"] {{
    background: {p.notice}; color: {p.on_notice}; border: 2px solid {p.border};
    border-radius: {m.radius}px; padding: 12px;
}}
QLabel[role="display"] {{
    background: {p.surface}; border: 3px solid {p.border}; border-radius: {m.radius}px;
    font-size: {m.heading}px; font-weight: bold; padding: 8px 16px;
}}
QFrame[role="card"] {{
    background: {p.surface}; border: 2px solid {p.border}; border-radius: {m.radius}px;
}}
QFrame[role="card"] QLabel {{ background: transparent; }}
QPushButton {{
    background: {p.secondary}; color: {p.on_secondary}; border: 2px solid {p.border};
    border-radius: {m.radius}px; min-height: {m.button_height}px; padding: 0 24px;
}}
QPushButton:pressed {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.on_primary}; border: 2px solid {p.primary};
    min-height: {m.primary_height}px; font-weight: bold; font-size: {m.title}px;
}}
QPushButton[role="tile"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.primary};
    border-radius: {m.radius * 2}px; padding: 24px; text-align: left;
}}
QPushButton[role="option"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.border};
    min-height: {m.primary_height}px; text-align: left; padding: 12px 24px;
}}
QPushButton[role="option"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QLabel[selected="true"] {{ color: {p.on_primary}; }}
QPushButton[role="choice"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.border};
    min-height: {m.button_height}px; font-weight: bold;
}}
QPushButton[role="choice"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="key"] {{
    background: {p.surface}; color: {p.text}; min-height: {m.key_size}px;
    min-width: {m.key_size}px; font-size: {m.heading}px; font-weight: bold;
}}
QPushButton[role="preset"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="link"] {{
    background: transparent; border: 2px solid {p.border}; color: {p.text};
    min-height: {m.min_target}px;
}}
QPushButton[role]:pressed {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QScrollBar:vertical {{ width: 24px; background: {p.window}; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 10px; min-height: 60px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QPushButton[role="kbkey"] {{
    background: {p.surface}; color: {p.text}; min-height: {round(m.key_size * 0.7)}px;
    min-width: {m.min_target}px; padding: 0 4px; font-size: {m.title}px; font-weight: bold;
}}
QLineEdit[role="search"] {{
    background: {p.surface}; color: {p.text}; border: 3px solid {p.primary};
    border-radius: {m.radius}px; font-size: {m.heading}px; font-weight: bold;
    min-height: {m.button_height}px; padding: 4px 16px;
}}
QLabel[role="strong"] {{ font-weight: bold; }}
QWidget#qr_view, QWidget#failure_view {{ background: {p.window}; }}
QLabel#failure_heading {{ color: {p.error}; }}
QLabel#take_away_status[failed="true"] {{ color: {p.error}; font-weight: bold; }}
QWidget#CountdownOverlay {{ background: rgba(0, 0, 0, 160); }}
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
QWidget#AttractScreen {{ background: {p.primary}; }}
QWidget#AttractScreen QFrame#OverlayCard {{ background: transparent; border: none; }}
QWidget#AttractScreen QLabel {{ color: {p.on_primary}; }}
QLabel[role="attract-centre"] {{ font-size: {m.title}px; font-weight: bold; }}
QLabel[role="attract-heading"] {{ font-size: {m.heading}px; }}
QLabel[role="attract-title"] {{ font-size: {m.figure}px; font-weight: bold; }}
QLabel[role="attract-line"] {{ font-size: {m.title}px; }}
QLabel[role="attract-prompt"] {{
    font-size: {m.heading}px; font-weight: bold; border: 3px solid {p.on_primary};
    border-radius: {m.radius * 2}px; padding: 16px 32px;
}}
QLabel[role="attract-small"] {{ font-size: {m.small}px; }}
QWidget#Header QLabel[role="badge"] {{
    background: {p.notice}; color: {p.on_notice}; font-size: {m.small}px; font-weight: bold;
    border-radius: {m.radius}px; padding: 4px 16px;
}}
QLabel[role="log"] {{ font-size: {m.small}px; color: {p.muted}; }}
QPushButton[role="danger"] {{
    background: {p.surface}; color: {p.error}; border: 3px solid {p.error};
    min-height: {m.primary_height}px; font-weight: bold;
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
    }
