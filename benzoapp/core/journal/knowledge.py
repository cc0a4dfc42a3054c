"""The journal's guidance texts: framework positions, mimic conditions and hold reasons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benzoapp.core.errors import DataError
from benzoapp.core.journal.sources import (
    Source,
    list_field,
    read_json_object,
    sources_field,
    text_field,
    unique_ids,
)

FRAMEWORKS_FILE = "frameworks.json"
HOLD_FILE = "hold_reasons.json"
POSITION_IDS: tuple[str, ...] = ("withdrawal_first", "both", "mecfs")
QUESTION_IDS: tuple[str, ...] = (
    "well_before_exposure",
    "classical_trigger",
    "onset_during_or_after_taper",
    "post_exertional_malaise",
)


@dataclass(frozen=True)
class Question:
    """A plain question whose answer points towards one of the positions."""

    id: str  # the matching Profile field
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Position:
    """One of the three working labels the mecfs-overlap document calls defensible."""

    id: str
    title: str
    fits_when: str
    management: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Mimic:
    """A condition muscular-effects says withdrawal's muscle symptoms can be mistaken for."""

    id: str
    name: str
    resemblance: str
    related_symptoms: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Note:
    """A short text with its sources."""

    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Frameworks:
    """Everything framework_notes draws on."""

    questions: tuple[Question, ...]
    positions: tuple[Position, ...]
    pem_defining: str
    pem_in_withdrawal: str
    pem_pacing: str
    pem_sources: tuple[Source, ...]
    mimics: tuple[Mimic, ...]
    mimics_note: Note

    def position(self, position_id: str) -> Position:
        return next(p for p in self.positions if p.id == position_id)


@dataclass(frozen=True)
class HoldReason:
    """One reason to consider holding a dose, with its source."""

    id: str
    text: str
    sources: tuple[Source, ...]


def parse_frameworks(data: dict[str, Any]) -> Frameworks:
    """Check and convert frameworks.json; errors name the bad entry."""
    f = FRAMEWORKS_FILE
    questions = tuple(
        Question(ident, text_field(e, "text", f"{f}: question '{ident}'"), sources_field(e, ident))
        for ident, e in unique_ids(list_field(data, "questions", f), "question", f)
    )
    if tuple(q.id for q in questions) != QUESTION_IDS:
        raise DataError(f"{f}: the questions must be {', '.join(QUESTION_IDS)} in that order")
    positions = []
    for ident, e in unique_ids(list_field(data, "positions", f), "position", f):
        where = f"{f}: position '{ident}'"
        positions.append(
            Position(
                id=ident,
                title=text_field(e, "title", where),
                fits_when=text_field(e, "fits_when", where),
                management=text_field(e, "management", where),
                sources=sources_field(e, where),
            )
        )
    if sorted(p.id for p in positions) != sorted(POSITION_IDS):
        raise DataError(f"{f}: the positions must be exactly {', '.join(POSITION_IDS)}")
    mimics = []
    for ident, e in unique_ids(list_field(data, "mimics", f), "mimic", f):
        where = f"{f}: mimic '{ident}'"
        related = list_field(e, "related_symptoms", where)
        if not all(isinstance(r, str) and r for r in related):
            raise DataError(f"{where}: related_symptoms must be symptom ids")
        mimics.append(
            Mimic(
                id=ident,
                name=text_field(e, "name", where),
                resemblance=text_field(e, "resemblance", where),
                related_symptoms=tuple(related),
                sources=sources_field(e, where),
            )
        )
    pem = data.get("pem")
    where = f"{f}: pem"
    note = data.get("mimics_note")
    return Frameworks(
        questions=questions,
        positions=tuple(positions),
        pem_defining=text_field(pem, "defining", where),
        pem_in_withdrawal=text_field(pem, "in_withdrawal", where),
        pem_pacing=text_field(pem, "pacing", where),
        pem_sources=sources_field(pem, where) if isinstance(pem, dict) else (),
        mimics=tuple(mimics),
        mimics_note=Note(
            text_field(note, "text", f"{f}: mimics_note"),
            sources_field(note, f"{f}: mimics_note") if isinstance(note, dict) else (),
        ),
    )


def parse_hold_reasons(data: dict[str, Any]) -> tuple[HoldReason, ...]:
    """Check and convert hold_reasons.json; errors name the bad entry."""
    reasons = tuple(
        HoldReason(
            id=ident,
            text=text_field(e, "text", f"{HOLD_FILE}: reason '{ident}'"),
            sources=sources_field(e, f"{HOLD_FILE}: reason '{ident}'"),
        )
        for ident, e in unique_ids(list_field(data, "reasons", HOLD_FILE), "reason", HOLD_FILE)
    )
    if not reasons:
        raise DataError(f"{HOLD_FILE}: no reasons")
    return reasons


def _bundled(name: str) -> Path:
    from benzoapp.paths import resource_path

    return resource_path("journal", name)


def load_frameworks(path: Path | None = None) -> Frameworks:
    """The bundled framework texts (or the file given), validated."""
    return parse_frameworks(read_json_object(path or _bundled(FRAMEWORKS_FILE)))


def load_hold_reasons(path: Path | None = None) -> tuple[HoldReason, ...]:
    """The bundled hold reasons (or the file given), validated."""
    return parse_hold_reasons(read_json_object(path or _bundled(HOLD_FILE)))
