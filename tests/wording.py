"""The Chinese catalogue for tests that check wording (the rules speak no language): an age as the
official calculator writes it, a duration, a refused input's message. Qt-free."""

from __future__ import annotations

from kiosk import resources
from kiosk.content import format as fmt
from kiosk.content.texts import load_texts
from kiosk.rules import InputError

ZH = load_texts(resources.text_dir())


def age_text(months: int) -> str:
    """``60岁2个月`` / ``63岁``."""
    return fmt.age(ZH.common, months)


def duration_text(months: int) -> str:
    """``15年6个月`` / ``20年`` / ``8个月``."""
    return fmt.duration(ZH.common, months)


def error_message(error: InputError) -> str:
    """The refusal as the CLI prints it: it names the input; no placeholder is left unfilled."""
    text = fmt.error_text(ZH, error)
    assert fmt.field_name(ZH, error.field) in text, text
    assert "{" not in text, text
    return text
