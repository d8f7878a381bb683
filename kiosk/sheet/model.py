"""The 测算单 as data: everything the printed or PDF sheet shows, already worded.

A :class:`Sheet` is built from a result and the answers that produced it (never a name or an ID
number: the kiosk asks for none). The renderer only lays it out; the QR code holds :attr:`summary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SheetKind(StrEnum):
    RETIREMENT = "retirement"
    CONTRIBUTION = "contribution"
    PENSION = "pension"


@dataclass(frozen=True, slots=True)
class Line:
    """A caption and its value (``出生年月`` / ``1965年7月``)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Section:
    """A titled block of the sheet: label/value lines, or numbered/bulleted paragraphs."""

    title: str
    lines: tuple[Line, ...] = ()
    paragraphs: tuple[str, ...] = ()
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Sheet:
    """One calculation's take-away sheet (测算单)."""

    kind: SheetKind
    centre: str
    title: str
    created: datetime
    created_text: str
    answers: Section
    results_title: str
    figures: tuple[Line, ...]
    notices: tuple[str, ...]
    details: Section
    parameters: Section
    steps: Section
    legal_basis: Section
    note: str
    qr_caption: str
    summary: str
    file_name: str

    def sections(self) -> tuple[Section, ...]:
        """The titled blocks under the headline figures, in the order they are printed."""
        return (self.details, self.parameters, self.steps, self.legal_basis)

    def visible_text(self) -> str:
        """Every string printed on the sheet (the QR summary aside), one per line."""
        parts = [self.centre, self.title, self.created_text, self.results_title]
        for section in (self.answers, *self.sections()):
            parts.append(section.title)
            parts += [f"{line.label} {line.value}" for line in section.lines]
            parts += section.paragraphs
        parts += [f"{line.label} {line.value}" for line in self.figures]
        parts += [*self.notices, self.note, self.qr_caption]
        return "\n".join(parts)
