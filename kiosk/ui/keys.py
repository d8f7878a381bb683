"""Every screen by keys: a USB keypad, an accessibility controller or a clerk's keyboard.

- ↑ ↓ ← → move to the nearest control that way; Tab / Shift+Tab go through them in reading order.
  The first key on a screen shows where the keys are (the first choice of a question, the first
  tile of home) before anything moves.
- Enter presses the control; on a question's choice it chooses it and goes on (下一步). With no
  control under the keys, Enter is 下一步. Space presses the control too.
- Esc goes back (返回), or closes what is open over the screen (字号/对比, 扫码带走, the PIN pad).
- A digit chooses that choice of a question, or presses that tile of home (both are read with
  their numbers); on the
  clerk's desk (windowed mode) digits, Backspace and Delete also type into a question's number or
  date (:mod:`kiosk.ui.desk_keys`), and Enter after typing is 下一步.
- ← → choose a bar of the comparison chart while it has the keys.

The control under the keys has a large focus frame (:class:`~kiosk.ui.focus_frame.FocusFrame`),
shown from the first key press until the next touch; a touch never moves the focus, so touch use
looks as it always did. :attr:`KeyNavigator.focus_moved` says where the keys went (语音引导 reads
it aloud).

Installed before the kiosk operations (:func:`kiosk.ui.ops.install.install_operations`): the idle
watcher, an application event filter installed later, then sees every key before this one takes
it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from kiosk.ui.appearance import AppearancePanel
from kiosk.ui.focus_frame import FocusFrame
from kiosk.ui.focus_search import nearest, reading_order, rect_in
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ops.admin import AdminPanel, PinPad
from kiosk.ui.ops.attract import AttractScreen
from kiosk.ui.ops.crash import CrashMessage
from kiosk.ui.ops.idle import CountdownOverlay
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey, QuestionScreen
from kiosk.ui.settle import settle_layouts
from kiosk.ui.speakable import home_tiles, top_overlay
from kiosk.ui.theme import metrics_for
from kiosk.ui.widgets.chart import ComparisonChart
from kiosk.ui.widgets.keypad import DIGITS, NumericKeypad
from kiosk.ui.widgets.option_group import OptionGroup
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

if TYPE_CHECKING:
    from kiosk.ui.desk_keys import TypedEntry

ARROWS: dict[int, str] = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
}
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
TOUCHES = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}
)
SCREEN_EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.Hide})
FRAME_EVENTS = frozenset({QEvent.Type.Move, QEvent.Type.Resize})
WATCHED = frozenset({QEvent.Type.KeyPress, *TOUCHES, *SCREEN_EVENTS, *FRAME_EVENTS})
MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
REVEAL_MARGIN_PX = 24


class KeyNavigator(QObject):
    """The keys of one window. ``typing``: the clerk's desk, where numbers and dates are typed."""

    focus_moved = Signal(QWidget)

    def __init__(self, window: MainWindow, *, typing: bool = False) -> None:
        super().__init__(window)
        self.setObjectName("KeyNavigator")
        self.window = window
        self.typing = typing
        self.frame = FocusFrame(window)
        self._active = False
        self._entry: TypedEntry | None = None
        self._entry_screen: QuestionScreen | None = None
        self._refocus_timer = QTimer(self, singleShot=True, interval=0)
        self._refocus_timer.timeout.connect(self._refocus)
        self._frame_timer = QTimer(self, singleShot=True, interval=0)
        self._frame_timer.timeout.connect(self._update_frame)
        window.page_changed.connect(lambda _page: self._screen_changed())
        window.session_reset.connect(self.leave)  # a new visitor starts as touch use looks
        window.page_built.connect(self._connect_page)
        for page, widget in window.built_pages().items():
            self._connect_page(page, widget)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(self)
            app.focusChanged.connect(self._on_focus_changed)

    def _connect_page(self, _page: str, widget: QWidget) -> None:
        if isinstance(widget, Journey):
            widget.stack.currentChanged.connect(lambda _index: self._screen_changed())
            widget.result_shown.connect(self._screen_changed)

    # public API -------------------------------------------------------------------------------

    def active(self) -> bool:
        """Whether the keys are in use (the focus frame shows)."""
        return self._active

    def candidates(self) -> list[QWidget]:
        """Every control the keys can reach now: shown, enabled, not covered by what is open over
        it (a control scrolled out of its area counts: the keys scroll it into view)."""
        layer: QWidget = top_overlay(self.window) or self.window
        found: list[QWidget] = [
            *layer.findChildren(QAbstractButton),
            *layer.findChildren(QLineEdit),
            *layer.findChildren(ComparisonChart),
        ]
        return [
            w
            for w in found
            if _keys_reach(w) and w.isVisible() and w.isEnabled() and self._reachable(w)
        ]

    def first_item(self) -> QWidget | None:
        """Where the keys start on the screen shown: the chosen choice of a question, else its
        input's first control; a result's own first action (接着估算养老金, 比较不同退休时间,
        then 详细情况 ...); the first tile or choice of a page; else its first control."""
        found = self.candidates()
        if not found:
            return None
        area = found
        if top_overlay(self.window) is None:
            screen = self.question_screen()
            if screen is not None:
                body = [w for w in found if screen.question.body.isAncestorOf(w)]
                chosen = [w for w in body if isinstance(w, QAbstractButton) and w.isChecked()]
                if chosen or body:
                    return (chosen or reading_order(body, self.window))[0]
            page = self.window.stack.currentWidget()
            view = page.result_view if isinstance(page, Journey) and page.showing_result() else None
            inside = view if view is not None else page
            area = [w for w in found if inside is not None and inside.isAncestorOf(w)] or found
        tiles = [w for w in area if isinstance(w, RichButton)]
        return reading_order(tiles or area, self.window)[0]

    def question_screen(self) -> QuestionScreen | None:
        """The question shown, when nothing is open over it."""
        page = self.window.stack.currentWidget()
        if not isinstance(page, Journey) or page.showing_result():
            return None
        return page.current_screen()

    def focus(self, widget: QWidget | None, *, moved: bool = True) -> None:
        """Put the keys on ``widget`` (scrolled into view, framed); ``moved``: say so."""
        if widget is None:
            self.frame.hide()
            return
        self._active = True
        for area in _scroll_areas(widget):
            margin = REVEAL_MARGIN_PX + self.frame.thickness
            area.ensureWidgetVisible(widget, margin, margin)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        self._update_frame()
        if moved:
            self.focus_moved.emit(widget)

    def leave(self) -> None:
        """A touch: the frame goes until the next key."""
        self._active = False
        self.frame.hide()

    # keys ---------------------------------------------------------------------------------------

    def _on_key(self, event: QKeyEvent) -> bool:
        """Whether the key was taken (then no widget sees it)."""
        if event.modifiers() & MODIFIERS:
            return False
        overlay = top_overlay(self.window)
        if isinstance(overlay, AttractScreen):
            return False  # any key starts, as a touch does
        key, text = event.key(), event.text()
        focus = self.window.focusWidget()
        field = focus if isinstance(focus, QLineEdit) and focus.isVisible() else None
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            self._step(-1 if backwards else 1)
            return True
        if key in ARROWS:
            sideways = key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            if field is not None and sideways:
                return False  # the cursor in the search field
            chart = focus if self._active and isinstance(focus, ComparisonChart) else None
            if chart is not None and sideways and chart.step(-1 if key == Qt.Key.Key_Left else 1):
                self.focus_moved.emit(chart)
                return True
            self._move(ARROWS[key])
            return True
        if key in ENTER_KEYS:
            return self._enter(field)
        if key == Qt.Key.Key_Space and field is None:
            if self._active and focus is not None and focus in self.candidates():
                self._press(focus)
            else:
                self._activate()
            return True
        if key == Qt.Key.Key_Escape:
            return self._escape(overlay)
        if field is not None:
            return False
        if isinstance(overlay, PinPad):
            return _type_into_keypad(overlay, key, text)
        if overlay is not None:
            return False
        return self._type(key, text)

    def _move(self, direction: str) -> None:
        if (focused := self._focused()) is None:
            return
        focus, found = focused
        best = nearest(rect_in(focus, self.window), found, focus, direction, self.window)
        if best is not None:
            self.focus(best)

    def _step(self, step: int) -> None:
        if (focused := self._focused()) is None:
            return
        focus, found = focused
        ordered = reading_order(found, self.window)
        index = ordered.index(focus) if focus in ordered else -1
        self.focus(ordered[(index + step) % len(ordered)])

    def _focused(self) -> tuple[QWidget, list[QWidget]] | None:
        """The item the keys are on and every item they can reach; None, and the keys started,
        when this is the first key since a touch (or the focus is on nothing they reach)."""
        focus = self.window.focusWidget()
        found = self.candidates()
        if not self._active or focus is None or focus not in found:
            self._activate()
            return None
        return focus, found

    def _activate(self) -> None:
        """The first key since a touch (or ever): the keys start at the screen's first item."""
        focus = self.window.focusWidget()
        if self._active and focus is not None and focus in self.candidates():
            self.focus(focus)
        else:
            self.focus(self.first_item())

    def _enter(self, field: QLineEdit | None) -> bool:
        focus = self.window.focusWidget()
        if self._active and isinstance(focus, QAbstractButton) and focus in self.candidates():
            self._press(focus)
            return True
        if field is not None:
            return False
        screen = self.question_screen()
        if screen is not None and top_overlay(self.window) is None:
            screen.next_button.click()  # 下一步
            return True
        self._activate()
        return True

    def _press(self, widget: QWidget) -> None:
        """Press ``widget``; a question's choice is chosen and the question answered."""
        if not isinstance(widget, QAbstractButton):
            return
        screen = self.question_screen()
        choice = (
            screen is not None
            and isinstance(widget, RichButton)
            and widget.isCheckable()
            and screen.question.body.isAncestorOf(widget)
            and isinstance(widget.parentWidget(), OptionGroup)
        )
        widget.click()
        if choice and screen is not None:
            screen.next_button.click()
        elif _changes_in_place(widget) and self.window.focusWidget() is widget:
            self.focus_moved.emit(widget)  # the keys stay: what the press changed is said

    def _escape(self, overlay: Overlay | None) -> bool:
        if isinstance(overlay, CountdownOverlay):
            return True  # the key itself continued the session (the idle watcher saw it)
        if overlay is not None:
            way_out = {
                AppearancePanel: "done_button",
                PinPad: "cancel_button",
                AdminPanel: "close_button",
                CrashMessage: "home_button",
            }
            name = next((n for kind, n in way_out.items() if isinstance(overlay, kind)), None)
            if name is None:
                return False
            getattr(overlay, name).click()
            return True
        page = self.window.stack.currentWidget()
        cover = page.findChild(QWidget, "qr_view") if page is not None else None
        if cover is not None and cover.isVisible():
            close = cover.findChild(QAbstractButton, "close_qr")
            if close is not None:
                close.click()
                return True
        back = self.window.header.back_button
        if back.isVisible():
            back.click()  # 返回, as the header's button (speech stops with it)
        return True

    def _type(self, key: int, text: str) -> bool:
        page = self.window.stack.currentWidget()
        if isinstance(page, HomePage) and text in DIGITS:
            tiles = home_tiles(page)  # read with their numbers
            number = int(text)
            if 1 <= number <= len(tiles):
                tiles[number - 1].click()
            return True
        screen = self.question_screen()
        if screen is None:
            return False
        if text in DIGITS:
            group = next((g for g in _option_groups(screen.question.body) if g.isVisible()), None)
            if group is not None:
                self._choose(group, int(text))
                return True
        entry = self._typed_entry(screen)
        if entry is None:
            return False
        if key == Qt.Key.Key_Backspace:
            taken = entry.backspace()
        elif key == Qt.Key.Key_Delete:
            taken = entry.clear()
        else:
            taken = len(text) == 1 and entry.key(text)
        if taken:
            self.leave()  # typing, not moving: Enter is 下一步 now
        return taken

    def _choose(self, group: OptionGroup, number: int) -> None:
        """Choose the ``number``-th choice (from 1, over every page of them)."""
        keys = group.keys()
        if not 1 <= number <= len(keys):
            return
        button = group.button(keys[number - 1])
        if not button.isEnabled():
            return
        group.show_page(group.page_of(keys[number - 1]))
        button.click()
        if self._active:
            self.focus(button, moved=False)
        self.focus_moved.emit(button)

    def _typed_entry(self, screen: QuestionScreen) -> TypedEntry | None:
        if not self.typing:
            return None
        if self._entry_screen is not screen:
            from kiosk.ui.desk_keys import typed_entry  # the clerk's desk only

            self._entry_screen = screen
            self._entry = typed_entry(screen.question.body)
        return self._entry

    # screens and the frame ------------------------------------------------------------------

    def _screen_changed(self) -> None:
        self._entry_screen = None
        if self._active:
            self._refocus_timer.start()

    def _refocus(self) -> None:
        if self._active:
            settle_layouts()  # where the first item is depends on the final layout
            self.focus(self.first_item(), moved=False)

    def _update_frame(self) -> None:
        focus = self.window.focusWidget()
        if not self._active or focus is None or focus.window() is not self.window:
            self.frame.hide()
            return
        self.frame.set_body_px(metrics_for(self.window.preset).body)
        self.frame.follow(focus if focus is not self.window else None)

    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self._active:
            self._frame_timer.start()

    def _reachable(self, widget: QWidget) -> bool:
        """Not covered: what is at its middle (or, scrolled out of sight, at the middle of its
        scroll area) is the widget, or inside its scroll area."""
        window = self.window
        point = rect_in(widget, window).center()
        areas = _scroll_areas(widget)
        inside: QWidget = widget
        for area in areas:
            viewport = area.viewport()
            seen = rect_in(viewport, window)
            if not seen.contains(point):
                point, inside = seen.center(), viewport
        hit = window.childAt(point)
        return hit is not None and (hit is inside or inside.isAncestorOf(hit))

    # Qt overrides ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in WATCHED or not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.KeyPress:
            # A key goes to the focused control of the active window (this one's, when it is), or
            # to the window. One the control does not take reaches the window too: every way
            # that is not taken here has done nothing, so it is not taken there either.
            target = self.window.focusWidget() or self.window
            if watched is target or watched is self.window:
                assert isinstance(event, QKeyEvent)
                return self._on_key(event)
            return False
        if not self._active or watched is self.frame:
            return False
        if kind in TOUCHES:
            if watched.window() is self.window:
                self.leave()
        elif kind in SCREEN_EVENTS:
            if isinstance(watched, Overlay) or watched.objectName() == "qr_view":
                self._screen_changed()
        else:
            self._frame_timer.start()
        return False


def _keys_reach(widget: QWidget) -> bool:
    """Whether the keys go to ``widget``: it takes Tab, or it is a choice of a button group (Qt
    takes Tab from a group's other checkable buttons while one has the focus, as radio buttons'
    arrows move inside their group; here the arrows move anywhere, so every choice stays
    reachable)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    return (
        isinstance(widget, QAbstractButton) and widget.isCheckable() and widget.group() is not None
    )


def _changes_in_place(widget: QWidget) -> bool:
    """A press that changes what is chosen where the keys are (a stepper's −10 / +1, a month of
    the picker, a keypad's key) and says nothing itself."""
    return isinstance(widget.parentWidget(), Stepper | YearMonthPicker | NumericKeypad)


def _type_into_keypad(pad: PinPad, key: int, text: str) -> bool:
    if text in DIGITS:
        pad.keypad.press(text)
    elif key == Qt.Key.Key_Backspace:
        pad.keypad.press("delete")
    elif key == Qt.Key.Key_Delete:
        pad.keypad.press("clear")
    else:
        return False
    return True


def _option_groups(body: QWidget) -> list[OptionGroup]:
    return [body] if isinstance(body, OptionGroup) else body.findChildren(OptionGroup)


def _scroll_areas(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas ``widget`` is inside, innermost first."""
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.viewport().isAncestorOf(widget):
            found.append(parent)
        parent = parent.parentWidget()
    return found


__all__ = ["KeyNavigator"]
