"""Which saved values a journal save would replace without the person having seen them.

Two pages write the same journal day (Today's short check-in and the Journal's full
entry). Each remembers the day as it was when its form was filled (``seen``); before a
save, the day as stored now is compared with it. A value that changed since then, and
that the save would change again, was never on the person's screen: the window asks
before replacing it. A value the save leaves as stored is no loss and is not listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from benzoapp.core.model import JournalDay

NOTES = "notes"


@dataclass(frozen=True)
class Replaced:
    """One value: ``kind`` is "symptom", "exertion" or "notes"; ``key`` its id."""

    kind: str
    key: str
    stored: int | str | None  # None: not rated in the stored day
    written: int | str | None


def _values(day: JournalDay | None) -> dict[tuple[str, str], int | str]:
    if day is None:
        return {}
    found: dict[tuple[str, str], int | str] = {
        ("symptom", key): value for key, value in day.symptoms.items()
    }
    found.update({("exertion", key): value for key, value in day.exertion.items()})
    if day.notes:
        found[(NOTES, NOTES)] = day.notes
    return found


def unseen_replacements(
    seen: JournalDay | None, stored: JournalDay | None, written: JournalDay
) -> tuple[Replaced, ...]:
    """Values of ``stored`` that differ from ``seen`` and that ``written`` would change.

    ``seen`` is None when the form was filled with no saved day behind it. A symptom
    missing from a day counts as not rated, which differs from a rating of 0: a day
    saved elsewhere with "Fatigue 0" was a choice the person made there.
    """
    before, now, after = _values(seen), _values(stored), _values(written)
    keys = list(dict.fromkeys([*now, *before]))
    return tuple(
        Replaced(kind, key, now.get((kind, key)), after.get((kind, key)))
        for kind, key in keys
        if now.get((kind, key)) != before.get((kind, key))
        and after.get((kind, key)) != now.get((kind, key))
    )
