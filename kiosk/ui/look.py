"""The theme drawn without a window stylesheet: a QPalette and fonts for the text, and a proxy
style over Fusion for what a palette cannot say (buttons' and cards' rounded boxes, minimum
target sizes, the text sizes of each ``role``).

A stylesheet on the window made Qt keep about 11 KiB of style data for every widget under it,
whatever its rules (tests/bench/performance.md); this style keeps nothing per widget but a font,
and a palette on the few containers that recolour their contents (the header, the attract screen,
a provisional card). The sizes and colours are :mod:`kiosk.ui.theme`'s; :mod:`kiosk.ui.boxes`
says which box and text each widget gets. Only two kinds of leaf widget keep a small stylesheet of
their own: the search field and the scroll bars.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QPushButton,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QWidget,
)

from kiosk.ui import boxes
from kiosk.ui.boxes import Box, Look
from kiosk.ui.theme import Preset, Theme, field_sheet, metrics_for, palette_for, scrollbar_sheet

Role = QPalette.ColorRole
PE_WIDGET = QStyle.PrimitiveElement.PE_Widget
PE_FOCUS_RECT = QStyle.PrimitiveElement.PE_FrameFocusRect
CE_SHAPED_FRAME = QStyle.ControlElement.CE_ShapedFrame
CE_PUSH_BUTTON = QStyle.ControlElement.CE_PushButton
CT_PUSH_BUTTON = QStyle.ContentsType.CT_PushButton


def qt_palette(look: Look) -> QPalette:
    """The window's palette: the theme's colours in Qt's roles (see :data:`boxes.COLOUR_ROLES`)."""
    p = look.palette
    palette = QPalette()
    for role, colour in (
        (Role.Window, p.window),
        (Role.WindowText, p.text),
        (Role.Base, p.surface),
        (Role.AlternateBase, p.border),
        (Role.Text, p.text),
        (Role.Button, p.secondary),
        (Role.ButtonText, p.on_secondary),
        (Role.Highlight, p.figure),  # the tiles' icons' ink (and the chart's statutory bar)
        (Role.HighlightedText, p.surface),  # ... and their paper
        (Role.PlaceholderText, p.muted),
        (Role.BrightText, p.error),
        (Role.Link, p.figure),
        (Role.ToolTipBase, p.notice),
        (Role.ToolTipText, p.on_notice),
        (Role.LinkVisited, p.on_primary),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.ButtonText, QColor(p.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.WindowText, QColor(p.muted))
    return palette


class KioskStyle(QProxyStyle):
    """The application's style while a kiosk window is themed (:func:`apply_look`)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.look = Look(palette_for(Theme.STANDARD), metrics_for(Preset.STANDARD), "")
        self._palette = qt_palette(self.look)
        self._fonts: dict[tuple[int, bool], QFont] = {}
        self._faces: dict[tuple[object, ...], boxes.ButtonFace] = {}

    def set_look(self, look: Look) -> None:
        self.look, self._palette, self._fonts, self._faces = look, qt_palette(look), {}, {}

    @property
    def window_palette(self) -> QPalette:
        return self._palette

    def font(self, size: int, bold: bool = False) -> QFont:
        key = (size, bold)
        if key not in self._fonts:
            font = QFont(self.look.family) if self.look.family else QFont()
            font.setPixelSize(size)
            font.setBold(bold)
            self._fonts[key] = font
        return self._fonts[key]

    # polish: fonts, palettes, minimum sizes ---------------------------------------------------

    def polish(self, target: Any) -> None:
        if not isinstance(target, QWidget):
            super().polish(target)
            return
        super().polish(target)
        if not themed(target):
            return
        if isinstance(target, QLabel):
            self._polish_label(target)
        elif isinstance(target, QPushButton):
            self._polish_button(target)
        elif isinstance(target, QLineEdit) and target.property("role") == "search":
            _set_sheet(target, field_sheet(self.look.palette, self.look.metrics))
        elif isinstance(target, QScrollBar):
            _set_sheet(target, scrollbar_sheet(self.look.palette))
        else:
            self._polish_container(target)

    def _polish_label(self, widget: QLabel) -> None:
        text = boxes.label_text(widget, self.look)
        widget.setFont(self.font(text.size, text.bold))
        widget.setForegroundRole(text.colour)
        self._frame(widget, boxes.label_box(widget, self.look))

    def _polish_button(self, widget: QPushButton) -> None:
        face = self._face(widget, pressed=False, checked=False, enabled=True)
        widget.setFont(self.font(face.size, face.bold))
        inset = face.box.inset
        if face.min_height is not None:
            widget.setMinimumHeight(face.min_height + 2 * inset + 2 * face.box.pad_v)
        if face.min_width is not None:
            widget.setMinimumWidth(face.min_width + 2 * inset + 2 * face.box.pad_h)
        if face.max_height is not None:
            widget.setMaximumHeight(face.max_height + 2 * inset + 2 * face.box.pad_v)
        elif widget.maximumHeight() != 16777215 and widget.property("role") in boxes.KEY_ROLES:
            widget.setMaximumHeight(16777215)

    def _polish_container(self, widget: QWidget) -> None:
        palette = boxes.container_palette(widget, self.look, self._palette)
        if palette is not None:
            widget.setPalette(palette)
        if widget.objectName() == "comparison_chart":
            widget.setFont(self.font(self.look.metrics.body, True))
        self._frame(widget, boxes.container_box(widget, self.look))
        if isinstance(widget, QFrame) and widget.property("role") == "card":
            for child in widget.findChildren(QLabel):  # a card's tone recolours its text
                self._polish_label(child)

    def _frame(self, widget: QWidget, box: Box | None) -> None:
        """Draw ``box`` behind ``widget`` (PE_Widget), its contents inside the border and padding
        as QSS placed them: a label's text by its contents margins, a frame's children by its
        frame width added to its own margins (a rule above the contents, ``top_only``, leaves
        them where they are)."""
        boxed = box is not None and not box.top_only and (box.width or box.pad_v or box.pad_h)
        if box is not None:
            widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        if boxed and isinstance(widget, QFrame):  # every boxed widget is a frame or a label
            assert box is not None
            widget.setProperty(BOXED, True)
            widget.setFrameStyle(QFrame.Shape.Box | QFrame.Shadow.Plain)
            if isinstance(widget, QLabel):
                # its text inside border and padding; a frame, as under QSS, also gives the
                # text QLabel's indent of half an "x" from the box
                widget.setLineWidth(max(1, box.width))
                h, v = box.inset + box.pad_h, box.inset + box.pad_v
                widget.setContentsMargins(h, v, h, v)
            else:  # a frame's border added to its own margins
                widget.setLineWidth(box.width)
        elif widget.property(BOXED):  # no longer boxed (its role changed)
            widget.setProperty(BOXED, None)
            if isinstance(widget, QFrame):
                widget.setFrameStyle(QFrame.Shape.NoFrame)
            if isinstance(widget, QLabel):
                widget.setContentsMargins(0, 0, 0, 0)

    # drawing ----------------------------------------------------------------------------------

    # Each is called for every widget painted: the element is compared first, so that what the
    # look does not draw goes back to Fusion at once.

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def]
        if element == PE_WIDGET and widget is not None and themed(widget):
            box = (
                boxes.label_box(widget, self.look)
                if isinstance(widget, QLabel)
                else boxes.container_box(widget, self.look)
            )
            if box is not None:
                paint_box(painter, QRect(option.rect), box)
                return
        elif element == PE_FOCUS_RECT and isinstance(widget, QPushButton) and themed(widget):
            return  # the focus frame (kiosk/ui/focus_frame.py) shows the focus
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(self, element, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def]
        if element == CE_SHAPED_FRAME:
            if widget is not None and widget.property(BOXED) and themed(widget):
                return  # drawn with its background (PE_Widget)
        elif element == CE_PUSH_BUTTON and isinstance(widget, QPushButton) and themed(widget):
            self._draw_button(option, painter, widget)
            return
        super().drawControl(element, option, painter, widget)

    def _face(
        self, widget: QPushButton, *, pressed: bool, checked: bool, enabled: bool
    ) -> boxes.ButtonFace:
        """:func:`boxes.button_face`, kept for the look by all it depends on (asked on every
        paint of every button)."""
        key = (
            widget.property("role"),
            widget.property("wide"),
            widget.property("tall"),
            widget.objectName(),
            boxes.in_header(widget),
            pressed,
            checked,
            enabled,
        )
        face = self._faces.get(key)
        if face is None:
            face = boxes.button_face(
                widget, self.look, pressed=pressed, checked=checked, enabled=enabled
            )
            self._faces[key] = face
        return face

    def _draw_button(self, option: QStyleOption, painter: QPainter, widget: QPushButton) -> None:
        state = option.state
        face = self._face(
            widget,
            pressed=bool(state & QStyle.StateFlag.State_Sunken),
            checked=bool(state & QStyle.StateFlag.State_On),
            enabled=bool(state & QStyle.StateFlag.State_Enabled),
        )
        rect = QRect(option.rect)
        paint_box(painter, rect, face.box)
        assert isinstance(option, QStyleOptionButton)
        if not option.text:
            return
        inner = rect.adjusted(
            face.box.inset + face.box.pad_h,
            face.box.inset + face.box.pad_v,
            -face.box.inset - face.box.pad_h,
            -face.box.inset - face.box.pad_v,
        )
        align = face.align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextShowMnemonic
        painter.save()
        painter.setPen(QColor(face.text))
        painter.setFont(widget.font())
        painter.drawText(inner, int(align), option.text)
        painter.restore()

    def sizeFromContents(self, kind, option, size, widget=None) -> QSize:  # type: ignore[no-untyped-def]
        if kind == CT_PUSH_BUTTON and isinstance(widget, QPushButton) and themed(widget):
            face = self._face(widget, pressed=False, checked=False, enabled=True)
            box = face.box
            return QSize(
                max(size.width(), face.min_width or 0) + 2 * (box.inset + box.pad_h),
                max(size.height(), face.min_height or 0) + 2 * (box.inset + box.pad_v),
            )
        return super().sizeFromContents(kind, option, size, widget)


THEMED = "kiosk_look"  # True on the windows apply_look() themed, False on one that opts out
BOXED = "kiosk_boxed"  # on a widget whose contents margins are its box's border and padding


def themed(widget: QWidget | None) -> bool:
    """Whether the look draws ``widget``: in every window but one that opted out (``THEMED`` set
    to False, as a test's bare window does). A widget polished before it is placed in the kiosk's
    window is drawn by the look too."""
    return widget is not None and widget.window().property(THEMED) is not False


def paint_box(painter: QPainter, rect: QRect, box: Box) -> None:
    """``box`` in ``rect``: its fill, its border (all round or only on top), its rounded corners,
    in one shape drawn (the fill reaches under the border's inner half, which covers it)."""
    outer = QRectF(rect).adjusted(box.margin, box.margin, -box.margin, -box.margin)
    fill = QColor(box.fill) if box.fill is not None else None
    if not box.radius and (box.top_only or not box.width):  # a plain rectangle: no antialiasing
        if fill is not None:
            painter.fillRect(outer, fill)
        if box.border is not None and box.width:
            painter.fillRect(
                QRectF(outer.left(), outer.top(), outer.width(), box.width), QColor(box.border)
            )
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    half = box.width / 2
    if box.border is not None and box.width:
        pen = QPen(QColor(box.border), box.width)
        if box.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        half = 0
    radius = max(0.0, box.radius - half)
    painter.drawRoundedRect(outer.adjusted(half, half, -half, -half), radius, radius)
    painter.restore()


def _set_sheet(widget: QWidget, sheet: str) -> None:
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def kiosk_style() -> KioskStyle:
    """The application's :class:`KioskStyle`, installed on first use."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.style()
    if isinstance(style, KioskStyle):
        return style
    style = KioskStyle()
    app.setStyle(style)
    return style


def apply_look(window: QWidget, preset: Preset, theme: Theme, font_family: str) -> None:
    """Theme ``window`` and everything in it: the palette and body font on the window, then every
    widget re-polished for its role's size and colours."""
    style = kiosk_style()
    style.set_look(Look(palette_for(theme), metrics_for(preset), font_family))
    window.setProperty(THEMED, True)
    window.setPalette(style.window_palette)
    window.setFont(style.font(style.look.metrics.body))
    for widget in (window, *window.findChildren(QWidget)):
        style.polish(widget)
        widget.update()
