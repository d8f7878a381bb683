"""What each widget of the kiosk looks like, by its ``role``, ``objectName`` and where it sits:
its text size, weight and colour, and the box drawn behind it (fill, border, rounded corners,
padding). :mod:`kiosk.ui.look` applies and draws these; the sizes and colours are
:mod:`kiosk.ui.theme`'s. The rules follow what the kiosk's stylesheet said, most specific last:
a role, then a card's tone, then the header, footer or attract screen around the widget.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from kiosk.ui.theme import KEY_MARGIN_PX, MIN_KEY_PX, Metrics, Palette

Role = QPalette.ColorRole
KEY_ROLES = frozenset({"key", "kbkey", "step"})


@dataclass(frozen=True, slots=True)
class Look:
    palette: Palette
    metrics: Metrics
    family: str


@dataclass(frozen=True, slots=True)
class Box:
    fill: str | None = None
    border: str | None = None
    width: int = 0  # the border's
    radius: int = 0
    pad_v: int = 0
    pad_h: int = 0
    margin: int = 0  # outside the border, inside the widget (keys: the gap between them)
    dashed: bool = False
    top_only: bool = False  # a rule above, no border round

    @property
    def inset(self) -> int:
        """From the widget's edge to the inside of the border."""
        return self.margin + self.width


@dataclass(frozen=True, slots=True)
class Text:
    size: int
    bold: bool
    colour: QPalette.ColorRole  # one of the window palette's (kiosk.ui.look.qt_palette)


@dataclass(frozen=True, slots=True)
class ButtonFace:
    box: Box
    text: str  # #RRGGBB
    size: int
    bold: bool
    align: Qt.AlignmentFlag
    min_height: int | None  # of the contents, as the stylesheet said min-height
    min_width: int | None
    max_height: int | None


# labels ------------------------------------------------------------------------------------------

# role: (size, bold, colour); a size is a Metrics field, a colour a palette role
_LABELS: dict[str, tuple[str, bool, Role]] = {
    "": ("body", False, Role.WindowText),
    "heading": ("heading", True, Role.WindowText),
    "subheading": ("title", True, Role.WindowText),
    "muted": ("body", False, Role.PlaceholderText),
    "small": ("small", False, Role.PlaceholderText),
    "progress": ("small", True, Role.PlaceholderText),
    "error": ("body", True, Role.BrightText),
    "figure": ("figure", True, Role.Link),
    "figure-label": ("body", False, Role.PlaceholderText),
    "notice": ("body", False, Role.ToolTipText),
    "display": ("heading", True, Role.WindowText),
    "page": ("small", True, Role.PlaceholderText),
    "strong": ("body", True, Role.WindowText),
    "out-of-service-title": ("figure", True, Role.Link),
    "countdown": ("title", False, Role.WindowText),
    "attract-centre": ("title", True, Role.WindowText),
    "attract-heading": ("heading", False, Role.WindowText),
    "attract-title": ("heading", True, Role.WindowText),
    "attract-line": ("body", False, Role.WindowText),
    "attract-prompt": ("heading", True, Role.WindowText),
    "attract-small": ("small", False, Role.WindowText),
    "badge": ("body", False, Role.WindowText),
    "log": ("small", False, Role.PlaceholderText),
    "headline": ("title", True, Role.WindowText),
    "figure-part": ("title", True, Role.Link),
    "notice-text": ("body", False, Role.WindowText),
}


def _context(widget: QWidget) -> tuple[str, str]:
    """The named area around ``widget`` (Header, Footer, AttractScreen or '') and the tone of the
    card it is in ('' when none)."""
    area = tone = ""
    parent = widget.parentWidget()
    while parent is not None:
        name = parent.objectName()
        if not area and name in ("Header", "Footer", "AttractScreen"):
            area = name
        if not tone and isinstance(parent, QFrame) and parent.property("role") == "card":
            tone = str(parent.property("tone") or "")
        parent = parent.parentWidget()
    return area, tone


def in_header(widget: QWidget) -> bool:
    """In the header's row (its buttons and badge are its own children): asked on every paint,
    so no walk up the ancestors."""
    parent = widget.parentWidget()
    return parent is not None and parent.objectName() == "Header"


def label_text(widget: QLabel, look: Look) -> Text:
    m = look.metrics
    role = str(widget.property("role") or "")
    size_name, bold, colour = _LABELS.get(role, _LABELS[""])
    size = getattr(m, size_name)
    if role == "display" and (widget.property("wide") or widget.property("unset")):
        size = m.title
        if widget.property("unset"):
            colour = Role.PlaceholderText
    if widget.property("selected"):
        colour = Role.LinkVisited
    area, tone = _context(widget)
    if tone == "provisional":
        colour = Role.WindowText  # the card's palette: on_notice
    elif tone == "warning" and role == "notice-text":
        colour, bold = Role.BrightText, True
    if area == "Header":
        if role == "badge":
            size, bold, colour = m.small, True, Role.ToolTipText
        else:
            size, bold, colour = m.header_title, True, Role.WindowText
    elif area == "Footer":
        size, colour = m.small, Role.PlaceholderText
    elif area == "AttractScreen":
        colour = Role.WindowText  # the screen's palette: on_header
    name = widget.objectName()
    if name == "failure_heading":
        colour = Role.BrightText
    elif name == "take_away_status" and widget.property("failed"):
        colour, bold = Role.BrightText, True
    return Text(size, bold, colour)


def label_box(widget: QWidget, look: Look) -> Box | None:
    p, m = look.palette, look.metrics
    role = widget.property("role")
    if role == "error":
        return Box(p.surface, p.error, 3, m.radius, 8, 16)
    if role == "notice":
        return Box(p.notice, p.border, 2, m.radius, 12, 12)
    if role == "display":
        return Box(p.surface, p.border, 3, m.radius, 4, 16)
    if role == "badge" and in_header(widget):
        return Box(p.notice, None, 0, m.radius, 4, 16)
    if role == "attract-prompt":
        return Box(None, p.on_header, 4, m.radius * 3, 16, 48)
    return None


# containers --------------------------------------------------------------------------------------

_WINDOW_FILLED = frozenset(
    {
        "qr_view",
        "failure_view",
        "CrashMessage",
        "PinPad",
        "AdminPanel",
        "OutOfService",
        "AdminContent",
    }
)


def container_box(widget: QWidget, look: Look) -> Box | None:
    p, m = look.palette, look.metrics
    name = widget.objectName()
    if name == "Header":
        return Box(p.header)
    if name == "Footer":
        return Box(p.surface, p.border, 2, top_only=True)
    if name in _WINDOW_FILLED:
        return Box(p.window)
    if name in ("CountdownOverlay", "AppearancePanel"):
        return Box("#A0000000")
    if name == "AttractScreen":
        return Box(p.header)
    if name == "OverlayCard":
        if _context(widget)[0] == "AttractScreen":
            return None
        return Box(p.surface, p.border, 3, m.radius * 2)
    if name == "AttractTip":
        return Box(None, p.on_header, 3, m.radius * 2)
    if name == "AttractHall":
        return Box(None, p.on_header, 2, top_only=True)
    if isinstance(widget, QFrame) and widget.property("role") == "card":
        tone = widget.property("tone")
        if tone == "warning":
            return Box(p.surface, p.error, 4, m.radius)
        if tone == "good":
            return Box(p.surface, p.primary, 4, m.radius)
        if tone == "provisional":
            return Box(p.notice, p.border, 2, m.radius)
        return Box(p.surface, p.border, 2, m.radius)
    return None


def container_palette(widget: QWidget, look: Look, base: QPalette) -> QPalette | None:
    """The palette of an area that recolours its text, or None to inherit the window's."""
    p = look.palette
    name = widget.objectName()
    colours: dict[Role, str] = {}
    if name in ("Header", "AttractScreen"):
        colours = {Role.WindowText: p.on_header, Role.Window: p.header}
    elif isinstance(widget, QFrame) and widget.property("role") == "card":
        if widget.property("tone") == "provisional":
            colours = {Role.WindowText: p.on_notice, Role.Window: p.notice}
        elif widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            return base  # no longer provisional: back to the window's
    elif name == "comparison_chart":
        colours = {
            Role.WindowText: p.text,
            Role.Window: p.surface,
            Role.AlternateBase: p.border,
            Role.Highlight: p.primary,
        }
    if not colours:
        return None
    palette = QPalette(base)
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


# buttons -----------------------------------------------------------------------------------------


def button_face(
    widget: QPushButton, look: Look, *, pressed: bool, checked: bool, enabled: bool = True
) -> ButtonFace:
    p, m = look.palette, look.metrics
    role = str(widget.property("role") or "")
    wide, tall = bool(widget.property("wide")), bool(widget.property("tall"))
    left = Qt.AlignmentFlag.AlignLeft
    centre = Qt.AlignmentFlag.AlignHCenter
    box = Box(p.secondary, p.border, 2, m.radius, 0, 24)
    face = ButtonFace(
        box, p.on_secondary, m.body, False, centre, m.button_height - 4, m.min_target - 52, None
    )
    key_margin = KEY_MARGIN_PX
    if role == "primary":
        face = replace(
            face,
            box=replace(box, fill=p.primary, border=p.primary),
            text=p.on_primary,
            min_height=m.primary_height - 4,
            bold=True,
            size=m.title,
        )
    elif role == "tile":
        face = replace(
            face, box=Box(p.surface, p.primary, 3, m.radius * 2, 16, 16), text=p.text, align=left
        )
    elif role == "option":
        face = replace(
            face,
            box=Box(p.surface, p.border, 3, m.radius, 8, 24),
            text=p.text,
            min_height=m.button_height - 22,
            align=left,
        )
    elif role == "choice":
        face = replace(
            face,
            box=Box(p.surface, p.border, 3, m.radius, 0, 8),
            text=p.text,
            min_height=m.button_height - 6,
            bold=True,
        )
    elif role in KEY_ROLES:
        key_box = Box(p.surface, p.border, 2, m.radius, 0, 4, key_margin)
        face = replace(
            face,
            box=key_box,
            text=p.text,
            bold=True,
            size=m.title,
            min_height=m.key_size - 4 - 2 * key_margin,
            min_width=m.key_size - 12 - 2 * key_margin,
        )
        if role in ("key", "kbkey"):
            face = replace(
                face,
                min_height=MIN_KEY_PX - 4 - 2 * key_margin,
                max_height=m.key_size - 4 - 2 * key_margin,
            )
        if role == "kbkey":
            face = replace(face, min_width=MIN_KEY_PX - 12 - 2 * key_margin)
        if wide:
            face = replace(face, size=m.body)
        if role == "key" and tall:
            face = replace(face, max_height=2 * m.key_size - 4 - 2 * key_margin)
        if role == "key" and wide:
            face = replace(face, min_width=round(2.8 * m.body))
    elif role == "link":
        face = replace(
            face, box=replace(box, fill=None), text=p.text, min_height=m.min_target - 4, bold=True
        )
    elif role == "pager":
        border = p.primary if enabled else p.border
        face = replace(
            face, box=replace(box, border=border, width=3), min_height=m.min_target - 6, bold=True
        )
    elif role == "danger":
        face = replace(
            face,
            box=replace(box, fill=p.surface, border=p.error, width=3),
            text=p.error,
            min_height=m.primary_height - 6,
            bold=True,
        )
    elif role == "tab":
        face = replace(face, min_height=m.primary_height, bold=True)
    if not role and not enabled:
        face = replace(face, text=p.muted, box=replace(face.box, dashed=True))
    if pressed or (checked and role in ("option", "choice", "tab")):
        face = replace(
            face,
            text=p.on_primary,
            box=replace(face.box, fill=p.primary, border=p.primary if role else face.box.border),
        )
    if in_header(widget):
        inverse = widget.objectName() in ("appearance", "read_aloud") or pressed
        face = replace(
            face,
            box=Box(p.on_header if inverse else None, p.on_header, 3, m.radius, 0, 20),
            text=p.header if inverse else p.on_header,
            bold=True,
            min_height=m.min_target - 6,
            min_width=m.min_target - 46,
        )
    return face
