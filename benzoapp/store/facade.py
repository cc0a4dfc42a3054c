"""The ``Store``: one object the GUI and CLI use for all saved data, and how it is opened."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import TracebackType

from sqlalchemy import func, select

from benzoapp.paths import check_data_folder
from benzoapp.store.backups import (
    backups_dir_of,
    daily_backup_due,
    db_path_of,
    list_backups,
    make_backup,
    owner_only,
    prune_backups,
)
from benzoapp.store.engine import Database, make_engine
from benzoapp.store.migrate import ensure_schema
from benzoapp.store.models import (
    DoseLogRow,
    JournalDayRow,
    MedicationRow,
    PlanRow,
    ProfileRow,
)
from benzoapp.store.plans import PlanRepository
from benzoapp.store.records import (
    DoseLogRepository,
    JournalRepository,
    MedicationRepository,
    ProfileRepository,
)

USER_TABLES = (ProfileRow, MedicationRow, PlanRow, DoseLogRow, JournalDayRow)


class Store:
    """All of one person's data in one SQLite file, reached through repositories."""

    def __init__(self, data_dir: Path, keep_backups: int) -> None:
        self.data_dir = data_dir
        self.db_path = db_path_of(data_dir)
        self.backups_dir = backups_dir_of(data_dir)
        self.keep_backups = keep_backups
        self.db = Database(make_engine(self.db_path), self.list_backups)
        self.profile = ProfileRepository(self.db)
        self.medications = MedicationRepository(self.db)
        self.plans = PlanRepository(self.db)
        self.dose_log = DoseLogRepository(self.db)
        self.journal = JournalRepository(self.db)

    def list_backups(self) -> list[Path]:
        """Backups of this data folder, newest first."""
        return list_backups(self.backups_dir)

    def backup_now(self, reason: str = "manual", now: dt.datetime | None = None) -> Path:
        """A consistent copy of the data file in the backups folder (older ones pruned)."""
        path = make_backup(self.db_path, self.backups_dir, reason, now)
        prune_backups(self.backups_dir, self.keep_backups)
        return path

    def is_empty(self) -> bool:
        """True when no profile, medication, plan, dose or journal day is saved."""
        with self.db.read() as conn:
            for model in USER_TABLES:
                if conn.execute(select(func.count()).select_from(model)).scalar_one():
                    return False
        return True

    def integrity_problems(self) -> list[str]:
        """What ``PRAGMA quick_check`` finds wrong; empty when the file is sound."""
        with self.db.read() as conn:
            found = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]
        return [] if found == ["ok"] else found

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store_now(data_dir: Path, keep_backups: int, today: dt.date | None = None) -> Store:
    """Create or upgrade the data file, make the daily backup, and return the open store."""
    check_data_folder(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    db_path = db_path_of(data_dir)
    backups_dir = backups_dir_of(data_dir)
    if not db_path.exists():
        # Created empty with owner-only permissions before SQLite writes a byte.
        os.close(os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600))
    previous = ensure_schema(db_path, backups_dir, keep_backups)
    owner_only(db_path)
    store = Store(data_dir, keep_backups)
    now = dt.datetime.now()
    if today is not None:
        now = dt.datetime.combine(today, now.time())
    if previous is not None and daily_backup_due(backups_dir, now.date()):
        # Check before copying, so a damaged file never pushes good backups out.
        problems = store.integrity_problems()
        if problems:
            store.close()
            from benzoapp.store.errors import CorruptDatabaseError

            raise CorruptDatabaseError(
                f"Your data file {db_path} is damaged ({problems[0]}). Nothing was changed.",
                list_backups(backups_dir),
            )
        store.backup_now("daily", now)
    return store
