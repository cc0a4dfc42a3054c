"""Repositories for the profile, other medications, the dose log and the symptom journal.

Each takes and returns the core's dataclasses. Bulk reads select plain columns (no ORM
objects), which is what lets ten years of log and journal load in a fraction of a second.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from benzoapp.core import validation as valid
from benzoapp.core.model import DoseLogEntry, JournalDay, Medication, Profile
from benzoapp.store.engine import Database, plain_rows
from benzoapp.store.errors import StoreError
from benzoapp.store.models import (
    DoseLogRow,
    JournalDayRow,
    JournalExertionRow,
    JournalSymptomRow,
    MedicationRow,
    ProfileRow,
)
from benzoapp.store.rows import (
    DOSE_LOG_FIELDS,
    EXERTION_FIELDS,
    JOURNAL_DAY_FIELDS,
    SYMPTOM_FIELDS,
    dose_log_entries,
    journal_days,
)

PROFILE = cast(Table, ProfileRow.__table__)
MEDICATIONS = cast(Table, MedicationRow.__table__)
DOSE_LOG = cast(Table, DoseLogRow.__table__)
DAYS = cast(Table, JournalDayRow.__table__)
SYMPTOMS = cast(Table, JournalSymptomRow.__table__)
EXERTION = cast(Table, JournalExertionRow.__table__)

PROFILE_FIELDS = (
    "name",
    "benzo_start",
    "prior_tapers",
    "prior_withdrawals",
    "reinstatements",
    "well_before_exposure",
    "classical_trigger",
    "onset_during_or_after_taper",
    "post_exertional_malaise",
    "notes",
    "birth_year",
)


class ProfileRepository:
    """The person's history (one per data file); an empty profile until one is saved."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Profile:
        with self._db.read() as conn:
            row = conn.execute(select(PROFILE).where(PROFILE.c.id == 1)).mappings().first()
        if row is None:
            return Profile()
        return Profile(**{name: row[name] for name in PROFILE_FIELDS})

    def save(self, profile: Profile) -> None:
        valid.check_profile(profile)
        values = {name: getattr(profile, name) for name in PROFILE_FIELDS}
        with self._db.write() as conn:
            stmt = sqlite_insert(PROFILE).values(id=1, **values)
            conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))


class MedicationRepository:
    """Other medicines, supplements and therapies, each with a stable id."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> builtins.list[tuple[int, Medication]]:
        """Every entry with its id, in the order they were added."""
        with self._db.read() as conn:
            rows = conn.execute(select(MEDICATIONS).order_by(MEDICATIONS.c.id))
            return [(r.id, Medication(r.name, r.kind, r.dose, r.notes, r.started)) for r in rows]

    def add(self, medication: Medication) -> int:
        valid.check_medication(medication)
        with self._db.write() as conn:
            result = conn.execute(insert(MEDICATIONS).values(**_medication_values(medication)))
            return int(result.lastrowid)

    def update(self, medication_id: int, medication: Medication) -> None:
        valid.check_medication(medication)
        with self._db.write() as conn:
            result = conn.execute(
                update(MEDICATIONS)
                .where(MEDICATIONS.c.id == medication_id)
                .values(**_medication_values(medication))
            )
            if result.rowcount == 0:
                raise StoreError(f"There is no saved medication with id {medication_id}.")

    def remove(self, medication_id: int) -> None:
        with self._db.write() as conn:
            conn.execute(delete(MEDICATIONS).where(MEDICATIONS.c.id == medication_id))


def _medication_values(m: Medication) -> dict[str, Any]:
    return {"name": m.name, "kind": m.kind, "dose": m.dose, "notes": m.notes, "started": m.started}


class DoseLogRepository:
    """Planned and taken doses, one entry per day, time and drug (a later record replaces)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, entry: DoseLogEntry) -> None:
        self.record_many([entry])

    def record_many(self, entries: Iterable[DoseLogEntry]) -> None:
        """Record several entries in one transaction: all of them are saved, or none.

        Each is bounded first (a date from 1900 to 2200, HH:MM, at most 1,000 mg, a
        note of at most 10,000 characters): ``InputError`` and nothing saved otherwise.
        """
        entries = list(entries)
        for i, entry in enumerate(entries):
            valid.check_dose_entry(entry, None, f"dose[{i}]" if len(entries) > 1 else "dose")
        with self._db.write() as conn:
            upsert_dose_log(conn, entries)

    def remove(self, day: dt.date, time: str, drug: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                delete(DOSE_LOG).where(
                    DOSE_LOG.c.day == day, DOSE_LOG.c.time == time, DOSE_LOG.c.drug == drug
                )
            )

    def between(self, start: dt.date, end: dt.date) -> builtins.list[DoseLogEntry]:
        """Entries from ``start`` to ``end`` inclusive, by day, time and drug."""
        return self._select(start, end)

    def all(self) -> builtins.list[DoseLogEntry]:
        return self._select(None, None)

    def _select(self, start: dt.date | None, end: dt.date | None) -> builtins.list[DoseLogEntry]:
        query = select(*(DOSE_LOG.c[name] for name in DOSE_LOG_FIELDS))
        query = query.order_by(DOSE_LOG.c.day, DOSE_LOG.c.time, DOSE_LOG.c.drug)
        if start is not None:
            query = query.where(DOSE_LOG.c.day >= start)
        if end is not None:
            query = query.where(DOSE_LOG.c.day <= end)
        with self._db.read() as conn:
            return dose_log_entries(plain_rows(conn, query))


class JournalRepository:
    """The symptom journal: one ``JournalDay`` per date; saving a day replaces it whole."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save_day(self, day: JournalDay) -> None:
        self.save_days([day])

    def save_days(self, days: Iterable[JournalDay]) -> None:
        """Save several days in one transaction (all or none), each bounded first."""
        days = list(days)
        for day in days:
            valid.check_journal_day(day, f"journal day {day.day}")
        with self._db.write() as conn:
            replace_journal_days(conn, days)

    def delete_day(self, day: dt.date) -> None:
        with self._db.write() as conn:
            conn.execute(delete(DAYS).where(DAYS.c.day == day))

    def get(self, day: dt.date) -> JournalDay | None:
        found = self._select(day, day)
        return found[0] if found else None

    def between(self, start: dt.date, end: dt.date) -> builtins.list[JournalDay]:
        """Days from ``start`` to ``end`` inclusive, oldest first."""
        return self._select(start, end)

    def all(self) -> builtins.list[JournalDay]:
        return self._select(None, None)

    def _select(self, start: dt.date | None, end: dt.date | None) -> builtins.list[JournalDay]:
        days_q = select(*(DAYS.c[n] for n in JOURNAL_DAY_FIELDS)).order_by(DAYS.c.day)
        sym_q = select(*(SYMPTOMS.c[n] for n in SYMPTOM_FIELDS))
        sym_q = sym_q.order_by(SYMPTOMS.c.day, SYMPTOMS.c.position)
        ex_q = select(*(EXERTION.c[n] for n in EXERTION_FIELDS))
        ex_q = ex_q.order_by(EXERTION.c.day, EXERTION.c.position)
        if start is not None:
            days_q = days_q.where(DAYS.c.day >= start)
            sym_q = sym_q.where(SYMPTOMS.c.day >= start)
            ex_q = ex_q.where(EXERTION.c.day >= start)
        if end is not None:
            days_q = days_q.where(DAYS.c.day <= end)
            sym_q = sym_q.where(SYMPTOMS.c.day <= end)
            ex_q = ex_q.where(EXERTION.c.day <= end)
        with self._db.read() as conn:
            day_rows = plain_rows(conn, days_q)
            return journal_days(day_rows, plain_rows(conn, sym_q), plain_rows(conn, ex_q))


def upsert_dose_log(conn: Connection, entries: Iterable[DoseLogEntry]) -> None:
    """Insert entries; one already logged for the same day, time and drug is replaced."""
    rows = [
        {
            "day": e.day,
            "time": e.time,
            "drug": e.drug,
            "planned_mg": e.planned_mg,
            "taken_mg": e.taken_mg,
            "note": e.note,
        }
        for e in entries
    ]
    if not rows:
        return
    stmt = sqlite_insert(DOSE_LOG)
    stmt = stmt.on_conflict_do_update(
        index_elements=["day", "time", "drug"],
        set_={
            "planned_mg": stmt.excluded.planned_mg,
            "taken_mg": stmt.excluded.taken_mg,
            "note": stmt.excluded.note,
        },
    )
    conn.execute(stmt, rows)


def replace_journal_days(conn: Connection, days: Iterable[JournalDay]) -> None:
    """Write whole journal days, replacing any saved ones with the same dates."""
    days = builtins.list(days)
    if not days:
        return
    for chunk in _chunks([d.day for d in days], 500):
        conn.execute(delete(DAYS).where(DAYS.c.day.in_(chunk)))
    conn.execute(insert(DAYS), [{"day": d.day, "notes": d.notes} for d in days])
    symptoms = [
        {"day": d.day, "symptom": name, "position": i, "severity": value}
        for d in days
        for i, (name, value) in enumerate(d.symptoms.items())
    ]
    exertion = [
        {"day": d.day, "kind": name, "position": i, "level": value}
        for d in days
        for i, (name, value) in enumerate(d.exertion.items())
    ]
    if symptoms:
        conn.execute(insert(SYMPTOMS), symptoms)
    if exertion:
        conn.execute(insert(EXERTION), exertion)


def _chunks(items: builtins.list[dt.date], size: int) -> Iterable[builtins.list[dt.date]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
