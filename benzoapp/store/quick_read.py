"""A read-only look at what the Today page shows, with the standard library only.

Opening the store imports SQLAlchemy, which costs about half a second at start-up before
the person's day can be shown. When the data file is already at this build's schema
(no upgrade, nothing to write), the active plan, today's dose log and today's journal
day are read here with ``sqlite3`` on a read-only connection, so Today can show them at
once while the real store opens on the next turn of the event loop. The columns and the
conversion to core objects are the ones the repositories use (``rows``), so both paths
give equal objects. Anything unusual (no file, another revision, an error) gives None
and the app takes the normal path, which explains any problem.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benzoapp.core.model import DoseLogEntry, JournalDay, Plan
from benzoapp.store.errors import StoreError
from benzoapp.store.rows import (
    DOSE_LOG_FIELDS,
    EXERTION_FIELDS,
    JOURNAL_DAY_FIELDS,
    REGIMEN_FIELDS,
    STEP_DOSE_FIELDS,
    STEP_FIELDS,
    SYMPTOM_FIELDS,
    TABLET_FIELDS,
    VERSION_FIELDS,
    WARNING_FIELDS,
    dose_log_entries,
    journal_days,
    plan_from_rows,
)
from benzoapp.store.schema import DB_FILENAME, SCHEMA_HEAD, revision_in

# Short: a read in WAL mode is not blocked by a writer, so waiting means something odd,
# and the normal path is the place to wait and explain.
TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True)
class TodaySnapshot:
    """What Today shows for one day, read once; it has no way to write anything.

    It answers the read half of the Today page's services (``active``, ``between``,
    ``get``) for its own day only.
    """

    day: dt.date
    plan: tuple[int, Plan] | None
    doses: tuple[DoseLogEntry, ...]
    journal_day: JournalDay | None

    def active(self) -> tuple[int, Plan] | None:
        return self.plan

    def between(self, start: dt.date, end: dt.date) -> list[DoseLogEntry]:
        self._require(start, end)
        return list(self.doses)

    def get(self, day: dt.date) -> JournalDay | None:
        self._require(day, day)
        return self.journal_day

    def _require(self, start: dt.date, end: dt.date) -> None:
        if (start, end) != (self.day, self.day):
            raise StoreError(f"Only {self.day.isoformat()} was read at start-up.")


def read_today(data_dir: Path, day: dt.date) -> TodaySnapshot | None:
    """Today's plan, doses and journal day from ``data_dir``; None to take the normal path.

    None when there is no data file, when it is not at :data:`SCHEMA_HEAD` (it needs an
    upgrade, or is newer), or when it cannot be read read-only for any reason.
    """
    db_path = (Path(data_dir) / DB_FILENAME).absolute()
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(
            f"{db_path.as_uri()}?mode=ro", uri=True, timeout=TIMEOUT_SECONDS, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot: the revision and every row read agree
        if revision_in(conn) != SCHEMA_HEAD:
            return None
        return TodaySnapshot(day, _active_plan(conn), _doses(conn, day), _journal_day(conn, day))
    except (sqlite3.Error, ValueError, ArithmeticError):
        return None  # the normal path reads it again and explains any problem
    finally:
        conn.close()


def _select(conn: sqlite3.Connection, fields: tuple[str, ...], rest: str, *args: Any) -> list[Any]:
    columns = ", ".join(f'"{name}"' for name in fields)
    return conn.execute(f"SELECT {columns} {rest}", args).fetchall()


def _active_plan(conn: sqlite3.Connection) -> tuple[int, Plan] | None:
    """The active plan's latest version, as ``PlanRepository.active`` returns it."""
    found = conn.execute("SELECT id FROM plans WHERE active = 1").fetchone()
    if found is None:
        return None
    plan_id = int(found[0])
    header = _select(
        conn,
        VERSION_FIELDS,
        "FROM plan_versions WHERE plan_id = ? ORDER BY number DESC LIMIT 1",
        plan_id,
    )
    if not header:
        raise ValueError(f"plan {plan_id} has no version")
    vid = header[0][0]

    def rows(table: str, fields: tuple[str, ...], order: str = "position") -> list[Any]:
        return _select(conn, fields, f"FROM {table} WHERE version_id = ? ORDER BY {order}", vid)

    plan = plan_from_rows(
        header[0],
        regimen=rows("plan_regimen_doses", REGIMEN_FIELDS),
        tablets=rows("plan_tablets", TABLET_FIELDS),
        steps=rows("plan_steps", STEP_FIELDS),
        doses=rows("plan_step_doses", STEP_DOSE_FIELDS, "step_position, position"),
        warnings=rows("plan_warnings", WARNING_FIELDS),
    )
    return plan_id, plan


def _doses(conn: sqlite3.Connection, day: dt.date) -> tuple[DoseLogEntry, ...]:
    """``DoseLogRepository.between(day, day)``."""
    order = "ORDER BY day, time, drug"
    rows = _select(conn, DOSE_LOG_FIELDS, f"FROM dose_log WHERE day = ? {order}", day.isoformat())
    return tuple(dose_log_entries(rows))


def _journal_day(conn: sqlite3.Connection, day: dt.date) -> JournalDay | None:
    """``JournalRepository.get(day)``."""
    key = day.isoformat()
    where = "WHERE day = ? ORDER BY position"
    found = journal_days(
        _select(conn, JOURNAL_DAY_FIELDS, "FROM journal_days WHERE day = ?", key),
        _select(conn, SYMPTOM_FIELDS, f"FROM journal_symptoms {where}", key),
        _select(conn, EXERTION_FIELDS, f"FROM journal_exertion {where}", key),
    )
    return found[0] if found else None
