"""One screen of a journey, as data: its title, its input, how to check and clear the answer,
whether it applies to this person; and the common shape of a question answered by one touch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.category_chooser import CategoryChooser
from kiosk.ui.widgets.option_group import OptionGroup


def always() -> bool:
    """A question that applies to everyone."""
    return True


@dataclass
class Question:
    """One screen of a journey. ``validate`` returns what to do, in plain words, or None.

    ``notes`` are more words about the input (the limits of an amount, say): under it on a
    portrait screen, under the question beside it on a landscape one. ``changed`` are the signals
    the input emits when the answer changes: an error shown on the screen goes at once."""

    key: str
    title: str
    body: QWidget
    validate: Callable[[], str | None]
    clear: Callable[[], None]
    help: str = ""
    optional: bool = False
    skip: Callable[[], None] | None = None
    relevant: Callable[[], bool] = field(default=always)
    notes: Sequence[QWidget] = ()
    changed: Sequence[SignalInstance] = ()


def choice_question(
    key: str,
    title: str,
    choices: OptionGroup | CategoryChooser,
    *,
    missing: str,
    help: str = "",
    relevant: Callable[[], bool] = always,
) -> Question:
    """A question answered by touching one of ``choices``; ``missing`` says what to do while
    nothing is chosen. Its error goes as soon as a choice is made."""
    return Question(
        key,
        title,
        choices,
        validate=lambda: None if choices.value() is not None else missing,
        clear=choices.clear,
        help=help,
        relevant=relevant,
        changed=(choices.chosen,),
    )
