"""The journey registry: one :class:`JourneySpec` per calculation, in the order of the home tiles.

The home screen, the window's navigation, the FAQ's 去测算 links, ``kiosk-calc``, the take-away
sheet and the self-test all read this table; none of them lists the journeys again. Adding a
journey means its own modules (rules, presenter, page, spec), its texts, and one line below.

Qt-free: a spec names its page and its self-test walks as ``"module:attribute"``, imported only by
the window (:func:`load`), so ``kiosk-calc`` never loads Qt. What a command computes with (the
rules, the presenters) is imported when it runs: the home screen's tiles need none of it.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.content.texts import Texts
    from kiosk.present import Presentation
    from kiosk.rules import Basis, RulesData, Step


@dataclass(frozen=True, slots=True)
class CliRun:
    """What one ``kiosk-calc <journey>`` computed: its typed JSON fields and its presentation."""

    fields: dict[str, Any]
    presentation: Presentation

    @classmethod
    def of(
        cls,
        fields: dict[str, Any],
        steps: Iterable[Step],
        legal_basis: Iterable[Basis],
        presentation: Presentation,
    ) -> CliRun:
        """``fields``, then the steps (their typed values) and the documents the result rests
        on (a comparison's assumptions are in its presentation: no steps of its own)."""
        explained: dict[str, Any] = {"steps": [step.as_json() for step in steps]}
        if not explained["steps"]:
            del explained["steps"]
        explained["legal_basis"] = [basis.title for basis in legal_basis]
        return cls(fields | explained, presentation)


@dataclass(frozen=True, slots=True)
class CliCommand:
    """The journey on the command line: ``kiosk-calc <name> [arguments]``."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, RulesData, date, Texts], CliRun]


@dataclass(frozen=True, slots=True)
class Tile:
    """The home screen's tile: its title and one line saying what the journey answers."""

    title: str
    line: str


@dataclass(frozen=True, slots=True)
class JourneySpec:
    id: str
    """Page and usage id; FAQ answers name it in ``journey``."""
    icon: str
    """File name under resources/icons."""
    tile: Callable[[Texts], Tile]
    page: str
    """``"module:Class"`` of its page: ``Class(texts=, rules=, today=, session=)``, a Journey."""
    walks: str
    """``"module:NAME"`` of its self-test walks (a sequence of ``kiosk.ui.walks.Walk``)."""
    cli: tuple[CliCommand, ...] = ()
    """Its ``kiosk-calc`` commands (the first is named after the journey)."""


def bundled(journey_id: str, page_class: str, *cli: CliCommand) -> JourneySpec:
    """A journey shipped with the kiosk, laid out as each of them is: its icon ``<id>.svg``, its
    tile's words ``home.<id>_title`` and ``home.<id>_line``, its page ``page_class`` in
    ``kiosk.ui.pages.<id>``, its self-test walks ``kiosk.ui.walks.<id>:WALKS``."""

    def tile(texts: Texts) -> Tile:
        home = texts.home
        return Tile(getattr(home, f"{journey_id}_title"), getattr(home, f"{journey_id}_line"))

    return JourneySpec(
        id=journey_id,
        icon=f"{journey_id}.svg",
        tile=tile,
        page=f"kiosk.ui.pages.{journey_id}:{page_class}",
        walks=f"kiosk.ui.walks.{journey_id}:WALKS",
        cli=cli,
    )


def load(reference: str) -> Any:
    """The object a ``"module:attribute"`` reference names (imported now)."""
    module, _, attribute = reference.partition(":")
    return getattr(importlib.import_module(module), attribute)


def by_id(journeys: Sequence[JourneySpec], journey_id: str) -> JourneySpec:
    return next(spec for spec in journeys if spec.id == journey_id)


def _registered() -> tuple[JourneySpec, ...]:
    from kiosk.journeys.contribution import SPEC as CONTRIBUTION
    from kiosk.journeys.pension import SPEC as PENSION
    from kiosk.journeys.retirement import SPEC as RETIREMENT

    return (RETIREMENT, CONTRIBUTION, PENSION)


JOURNEYS: tuple[JourneySpec, ...] = _registered()
"""Every journey, in the order of the home tiles: the one registration table."""

__all__ = ["JOURNEYS", "CliCommand", "CliRun", "JourneySpec", "Tile", "bundled", "by_id", "load"]
