"""Journal days: checking them, reading them from JSON, and a day's symptom load."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any

from benzoapp.core.errors import InputError
from benzoapp.core.model import JournalDay

EXERTION_KINDS: tuple[str, ...] = ("physical", "cognitive", "emotional")
MIN_SEVERITY = 0
MAX_SEVERITY = 10


def symptom_load(day: JournalDay) -> int:
    """The day's symptom load: the sum of its severities.

    A sum, not a mean, so that a symptom the person left unrated counts as absent rather
    than shifting the average of the others; the detections compare each person with
    their own usual level, so the scale of the sum does not matter to them.
    """
    return sum(day.symptoms.values())


_VALID = frozenset(range(MIN_SEVERITY, MAX_SEVERITY + 1))


def _check_scores(scores: dict[str, int], what: str, when: dt.date) -> None:
    """Refuse anything but whole numbers 0-10, naming the day and the score."""
    for name, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(f"{when.isoformat()}: {what} '{name}' must be a whole number 0-10")
        if not MIN_SEVERITY <= value <= MAX_SEVERITY:
            raise InputError(f"{when.isoformat()}: {what} '{name}' is {value}; use 0 to 10")


def _all_valid(values: list[int]) -> bool:
    """The fast test for a whole journal at once (this runs on every analysis)."""
    return _VALID.issuperset(values) and set(map(type, values)) <= {int}


def _check_names(names: set[str], what: str) -> None:
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"a {what} has no name")


def check_days(days: Iterable[JournalDay]) -> list[JournalDay]:
    """The days in date order, after checking scores and refusing two entries for one day."""
    ordered = list(days)
    dates = [d.day for d in ordered]
    if not all(a < b for a, b in itertools.pairwise(dates)):  # the store gives them in order
        ordered.sort(key=operator.attrgetter("day"))
        dates.sort()
        for previous, current in itertools.pairwise(dates):
            if previous == current:
                raise InputError(f"there are two journal entries for {current.isoformat()}")
    chain = itertools.chain.from_iterable
    symptoms = [d.symptoms for d in ordered]
    exertion = [d.exertion for d in ordered]
    symptom_names = set(chain(symptoms))
    exertion_names = set(chain(exertion))
    values = [*chain(map(dict.values, symptoms)), *chain(map(dict.values, exertion))]
    if not _all_valid(values):
        for entry in ordered:  # find and name the bad one
            _check_scores(entry.symptoms, "symptom", entry.day)
            _check_scores(entry.exertion, "exertion", entry.day)
    _check_names(symptom_names, "symptom")
    unknown = exertion_names - set(EXERTION_KINDS)
    if unknown:
        raise InputError(
            f"unknown exertion '{sorted(unknown)[0]}'; use {', '.join(EXERTION_KINDS)}"
        )
    return ordered


def _scores(raw: Any, key: str, where: str) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError(f"{where}: '{key}' must be an object of name: 0-10")
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(f"{where}: {key} '{name}' must be a whole number 0-10")
    return dict(raw)


def day_from_json(raw: Any, where: str = "entry") -> JournalDay:
    """One journal day from its JSON object ({"day", "symptoms", "exertion", "notes"})."""
    if not isinstance(raw, dict):
        raise InputError(f"{where} must be an object with a 'day'")
    day_text = raw.get("day")
    try:
        day = dt.date.fromisoformat(day_text) if isinstance(day_text, str) else None
    except ValueError:
        day = None
    if day is None:
        raise InputError(f"{where}: 'day' must be a date like 2025-03-01, not {day_text!r}")
    notes = raw.get("notes", "")
    if not isinstance(notes, str):
        raise InputError(f"{where}: 'notes' must be text")
    return JournalDay(
        day=day,
        symptoms=_scores(raw.get("symptoms"), "symptoms", where),
        exertion=_scores(raw.get("exertion"), "exertion", where),
        notes=notes,
    )


def days_from_json(data: Any) -> list[JournalDay]:
    """A checked, date-ordered journal from a JSON list of day objects."""
    if not isinstance(data, list):
        raise InputError("the journal file must hold a JSON list of days")
    days = [day_from_json(raw, f"entry {n}") for n, raw in enumerate(data, 1)]
    return check_days(days)


def day_to_json(day: JournalDay) -> dict[str, Any]:
    """The JSON object days_from_json reads back."""
    return {
        "day": day.day.isoformat(),
        "symptoms": dict(day.symptoms),
        "exertion": dict(day.exertion),
        "notes": day.notes,
    }


def days_to_json(days: Sequence[JournalDay]) -> list[dict[str, Any]]:
    return [day_to_json(d) for d in days]
