"""What 朗读 says on each kind of screen, taken from what the screen shows: a question and its
choices with their numbers, a result's spoken summary (then its steps on request), an FAQ or
guide page's text, the idle countdown, the 字号/对比 panel, and the control the keys have just
moved to. Every word comes from the screen or the catalogue; :func:`~kiosk.content.spoken.
for_the_ear` makes the screen's symbols sayable.

Chinese text is said in Chinese whatever the session's language (the FAQ and the guide have no
English), the rest in the session's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.content.spoken import for_the_ear, language_of
from kiosk.content.texts import DEFAULT_LANGUAGE, Texts
from kiosk.ui.appearance import AppearancePanel
from kiosk.ui.ops.idle import CountdownOverlay
from kiosk.ui.ops.overlay import Overlay
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.journey import Journey, QuestionScreen
from kiosk.ui.speech import Utterance
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.option_group import OptionGroup
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.year_month_picker import YearMonthPicker


class Speaker:
    """Builds the utterances of one session language (``texts``)."""

    def __init__(self, texts: Texts) -> None:
        self.texts = texts
        self.speech = texts.speech

    # building blocks --------------------------------------------------------------------------

    def utter(self, *parts: str) -> list[Utterance]:
        """Each non-empty part made sayable, in Chinese if it has Chinese characters."""
        said = []
        for part in parts:
            text = for_the_ear(self.speech, part)
            if text:
                language = language_of(text, self.texts.language, chinese=DEFAULT_LANGUAGE)
                said.append(Utterance(text, language))
        return said

    def choices(self, buttons: Iterable[RichButton]) -> list[str]:
        """Each choice with its number (counted over every page of the choices), its line of
        explanation, and whether it is the one chosen."""
        parts = []
        for number, button in enumerate(buttons, start=1):
            title = self._state(button, button.text())
            parts.append(self.speech.choice.format(number=number, title=title))
            detail = button.detail_label.text().strip()
            if detail:
                parts.append(detail)
        return parts

    def _state(self, widget: QAbstractButton, title: str) -> str:
        if widget.isCheckable() and widget.isChecked():
            return self.speech.selected.format(title=title)
        if not widget.isEnabled():
            return self.speech.unavailable.format(title=title)
        return title

    # screens ----------------------------------------------------------------------------------

    def screen(self, window: QWidget, page: QWidget | None) -> list[Utterance]:
        """What the window shows now: the overlay on top if one is open, else ``page``."""
        overlay = top_overlay(window)
        if isinstance(overlay, CountdownOverlay):
            return self.utter(overlay.title.text(), overlay.body.text(), self.speech.countdown_hint)
        if isinstance(overlay, AppearancePanel):
            return self.appearance(overlay)
        if overlay is not None:
            return self.utter(*shown_words(overlay))
        if isinstance(page, HomePage):
            return self.home(page)
        if isinstance(page, Journey):
            return self.journey(page)
        return self.utter(*shown_words(page)) if page is not None else []

    def home(self, page: HomePage) -> list[Utterance]:
        return self.utter(page.greeting.text(), *self.choices(home_tiles(page)))

    def journey(self, page: Journey) -> list[Utterance]:
        cover = next(
            (w for w in page.findChildren(QWidget, "qr_view") if w.isVisible()), None
        )  # 扫码带走 over the result
        if cover is not None:
            return self.utter(*shown_words(cover))
        if page.showing_result() and page.presentation is not None:
            return self.result(page)
        screen = page.current_screen()
        if screen is not None:
            return self.question(screen)
        shown = page.stack.currentWidget()  # a page of screens without questions (the FAQ)
        return self.utter(*shown_words(shown)) if shown is not None else []

    def question(self, screen: QuestionScreen) -> list[Utterance]:
        parts = [screen.progress.text(), screen.heading.text()]
        if screen.help.isVisibleTo(screen):
            parts.append(screen.help.text())
        parts += self.input(screen.question.body)
        parts += [w.text() for w in screen.notes.findChildren(QLabel) if w.isVisibleTo(screen)]
        if screen.error.isVisibleTo(screen) and screen.error.text():
            parts.append(self.speech.attention.format(error=screen.error.text()))
        parts.append(self.speech.then_next.format(next=screen.next_button.text()))
        return self.utter(*parts)

    def input(self, body: QWidget) -> list[str]:
        """A question's input: its choices, what a keypad holds, or what its pickers show."""
        groups = [g for g in _with_self(body, OptionGroup) if g.isVisibleTo(body) or g is body]
        if groups:
            parts = [
                w.text()
                for w in body.findChildren(QLabel)
                if w.isVisibleTo(body) and not _inside(w, OptionGroup)
            ]
            for group in groups:
                parts += self.choices(map(group.button, group.keys()))
                if len(group.pages) > 1:
                    parts.append(
                        self.speech.choices_paged.format(
                            page=group.page + 1,
                            pages=len(group.pages),
                            more=group.pager.next_button.text(),
                        )
                    )
            return parts
        keypads = _with_self(body, NumericKeypad)
        if keypads:
            keypad = keypads[0]
            if not keypad.text():
                return [self.speech.nothing_entered]
            return [self.speech.entered.format(value=f"{keypad.text()}{keypad.unit.text()}")]
        parts = []
        for picker in _with_self(body, YearMonthPicker):
            month = next((b.text() for b in picker.month_buttons.values() if b.isChecked()), "")
            common = self.texts.common
            parts += [
                picker.year.display.text(),
                month or f"{common.picker_month} {common.picker_unset}",
            ]
        if parts:
            return parts
        return [w.text() for w in body.findChildren(QLabel) if w.isVisibleTo(body)]

    def result(self, page: Journey) -> list[Utterance]:
        """The spoken summary, then the steps if 计算过程 is open, else how to hear them."""
        presentation = page.presentation
        assert presentation is not None
        view = page.result_view
        common = self.texts.common
        if view is not None and view.current_section() == "steps":
            return [Utterance(presentation.spoken, self.texts.language), *self.steps(page)]
        hint = self.speech.steps_hint.format(steps=common.steps_tab)
        return [Utterance(presentation.spoken, self.texts.language), *self.utter(hint)]

    def steps(self, page: Journey) -> list[Utterance]:
        presentation = page.presentation
        if presentation is None:
            return []
        return self.utter(self.texts.common.steps_title, *presentation.steps)

    def appearance(self, panel: AppearancePanel) -> list[Utterance]:
        parts = [panel.title.text()]
        for caption, buttons in panel.groups():
            parts.append(caption)
            parts += [self._state(b, b.text()) for b in buttons]
        parts.append(panel.done_button.text())
        return self.utter(*parts)

    # the focused control ------------------------------------------------------------------------

    def control(self, widget: QWidget) -> list[Utterance]:
        """The control the keys have just moved to: its words and whether it is chosen."""
        if isinstance(widget, RichButton):
            title = self._state(widget, widget.text())
            return self.utter(title, widget.detail_label.text())
        if isinstance(widget, QAbstractButton):
            name = widget.accessibleName() or widget.text()
            holder = widget.parentWidget()
            if isinstance(holder, Stepper):  # −10, +1 ...: and the value it stands at
                return self.utter(name, holder.display.text())
            if isinstance(holder, NumericKeypad):  # a key: and what the keypad holds now
                return self.utter(name, *self.input(holder))
            return self.utter(self._state(widget, name))
        if isinstance(widget, QLineEdit):
            return self.utter(widget.accessibleName(), widget.text() or widget.placeholderText())
        return self.utter(widget.accessibleName())


def home_tiles(page: HomePage) -> list[RichButton]:
    """The home screen's tiles shown, numbered in this order when read (a digit presses one)."""
    tiles = (*page.tiles.values(), *page.info_tiles.values(), page.back_tile, page.more_tile)
    return [tile for tile in tiles if tile.isVisibleTo(page)]


def top_overlay(window: QWidget) -> Overlay | None:
    """The open overlay on top: one over the whole window before one over the pages, the one
    raised last first."""
    shown = [o for o in window.findChildren(Overlay) if o.isVisible()]

    def rank(overlay: Overlay) -> tuple[int, int]:
        parent = overlay.parentWidget()
        siblings = parent.children() if parent is not None else []
        return (0 if parent is window else 1, -siblings.index(overlay))

    return min(shown, key=rank) if shown else None


UNSAID_ROLES = frozenset({"key", "kbkey", "step", "pager", "page"})  # keyboards, 向上/向下


def shown_words(root: QWidget) -> list[str]:
    """The words of every label and button shown under ``root``, top to bottom, left to right
    (not a keyboard's keys, nor the 向上 / 向下 row of a long page)."""
    widgets = [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton)
        and w.isVisibleTo(root)
        and str(w.property("role") or "") not in UNSAID_ROLES
        and not _inside(w, RichButton, stop=root)
    ]

    def place(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(root, widget.rect().topLeft())
        return point.y(), point.x()

    words = []
    for widget in sorted(widgets, key=place):
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        if isinstance(widget, RichButton):
            text = f"{widget.text()} {widget.detail_label.text()}"
        if text.strip():
            words.append(text)
    return words


W = TypeVar("W", bound=QWidget)


def _with_self(root: QWidget, kind: type[W]) -> list[W]:
    """``root`` if it is a ``kind``, then each ``kind`` shown inside it."""
    found: list[W] = [root] if isinstance(root, kind) else []
    inside: list[W] = root.findChildren(kind)
    return found + [w for w in inside if w.isVisibleTo(root)]


def _inside(widget: QWidget, kind: type, *, stop: QWidget | None = None) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


__all__ = ["Speaker", "home_tiles", "shown_words", "top_overlay"]
