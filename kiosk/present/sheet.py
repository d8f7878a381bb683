"""The 测算单 as data: everything the printed or PDF sheet shows, drawn from a result's
:class:`~kiosk.present.model.Presentation`, so the sheet says what the screen says.

Only the answers appear (never a name or an ID number: the kiosk asks for none). The renderer
(``kiosk.ui.sheet_render``) only lays it out; the QR code holds :attr:`Sheet.summary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.content.texts import Texts
from kiosk.present.model import Bar, Line, Presentation


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

    kind: str  # the journey's id
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
    chart: tuple[Bar, ...] = ()  # a comparison's bars, printed under the figures

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


def make_sheet(
    presentation: Presentation, texts: Texts, *, created: datetime, rules_updated: date
) -> Sheet:
    """The take-away sheet of ``presentation`` (worded in ``texts``' language), made at
    ``created``; ``rules_updated`` is the date the rules data were last checked."""
    p, s, common = presentation, texts.sheet, texts.common
    when = s.date_time.format(
        year=created.year,
        month=created.month,
        day=created.day,
        hour=f"{created.hour:02d}",
        minute=f"{created.minute:02d}",
    )
    footer = common.rules_footer.format(date=rules_updated.isoformat())
    figures = p.figures + p.parts
    notices = tuple(
        "\n".join([notice.text, *(f"· {item}" for item in notice.items)]) for notice in p.notices
    )
    summary_lines = [
        s.qr_header.format(centre=common.centre_name, title=p.sheet_title, when=when),
        *(s.line.format(label=line.label, value=line.value) for line in p.answers + figures),
        *p.summary_extra,
        *p.parameters,
        s.qr_note,
    ]
    return Sheet(
        kind=p.journey,
        centre=common.centre_name,
        title=p.sheet_title,
        created=created,
        created_text=s.created.format(when=when),
        answers=Section(s.answers_title, lines=p.answers),
        results_title=s.results_title,
        figures=figures,
        notices=notices,
        details=Section(p.details_title, lines=p.details),
        parameters=Section(s.parameters_title, paragraphs=(*p.parameters, footer)),
        steps=Section(common.steps_title, paragraphs=p.steps, numbered=True),
        legal_basis=Section(common.legal_basis_title, paragraphs=p.basis),
        note=p.disclaimer,
        qr_caption=s.qr_caption,
        summary="\n".join(summary_lines),
        file_name=s.file_name.format(title=p.sheet_title, date=created.strftime("%Y-%m-%d_%H%M")),
        chart=p.chart,
    )
