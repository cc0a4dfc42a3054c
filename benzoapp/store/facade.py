"""The ``Store``: one object the GUI and CLI use for all saved data, and how it is opened."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from sqlalchemy import func, select

from benzoapp.paths import check_data_folder
from benzoapp.store.access import (
    connect_read_only,
    no_data_error,
    read_only_message,
    write_problem,
)
from benzoapp.store.backups import (
    BackupError,
    backup_into,
    backups_dir_of,
    daily_backup_due,
    db_path_of,
    list_backups,
    make_backup,
    owner_only,
    prune_backups,
)
from benzoapp.store.creation import (
    create_data_file,
    folder_privacy_note,
    remove_stale_temporaries,
    settle_leftovers,
)
from benzoapp.store.engine import Database, make_engine, make_read_only_engine
from benzoapp.store.errors import NewerDatabaseError, ReadOnlyDatabaseError
from benzoapp.store.migrate import ensure_schema, stored_revision_or_raise, upgrade
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
from benzoapp.store.schema import DB_FILENAME, KNOWN_REVISIONS, SCHEMA_HEAD

USER_TABLES = (ProfileRow, MedicationRow, PlanRow, DoseLogRow, JournalDayRow)


class Store:
    """All of one person's data in one SQLite file, reached through repositories."""

    def __init__(
        self,
        data_dir: Path,
        keep_backups: int,
        *,
        read_only_reason: str = "",
        read_from: Path | None = None,
        scratch: Path | None = None,
    ) -> None:
        """``read_only_reason`` (plain words) opens the data for reading only.

        ``read_from`` is then the file actually read (an upgraded copy of an older file
        in the temporary folder ``scratch``, removed on close); by default the data file.
        """
        self.data_dir = data_dir
        self.db_path = db_path_of(data_dir)
        self.backups_dir = backups_dir_of(data_dir)
        self.keep_backups = keep_backups
        self.read_only = bool(read_only_reason)
        self.read_only_reason = read_only_reason
        self._scratch = scratch
        # One-line notes for the person (an existing folder others can read); the CLI
        # prints them on stderr, the window logs them.
        self.notices: list[str] = []
        engine = (
            make_read_only_engine(read_from or self.db_path)
            if self.read_only
            else make_engine(self.db_path)
        )
        self.db = Database(engine, self.list_backups, read_only_reason)
        self.profile = ProfileRepository(self.db)
        self.medications = MedicationRepository(self.db)
        self.plans = PlanRepository(self.db)
        self.dose_log = DoseLogRepository(self.db)
        self.journal = JournalRepository(self.db)

    def list_backups(self) -> list[Path]:
        """Backups of this data folder, newest first."""
        return list_backups(self.backups_dir)

    def backup_now(
        self,
        reason: str = "manual",
        now: dt.datetime | None = None,
        keep: int | None = None,
        *,
        prune: bool = True,
    ) -> Path:
        """A consistent copy of the data file in the backups folder.

        Older ones beyond the newest ``keep`` (by default the store's ``keep_backups``)
        are deleted; the window passes the number in its preferences as it is now.
        ``prune=False`` keeps them all: an operation that may still be refused (an
        import) takes its backup that way and calls :meth:`prune_backups` once it has
        succeeded, so a refused operation never deletes a backup.
        """
        if self.read_only:
            raise ReadOnlyDatabaseError(self.read_only_reason)
        path = make_backup(self.db_path, self.backups_dir, reason, now)
        if prune:
            self.prune_backups(keep, now=now, made=path)
        return path

    def prune_backups(
        self, keep: int | None = None, *, now: dt.datetime | None = None, made: Path | None = None
    ) -> list[Path]:
        """Delete backups beyond the newest good ``keep`` (see ``backups.prune_backups``)."""
        if self.read_only:
            return []
        limit = self.keep_backups if keep is None else keep
        return prune_backups(self.backups_dir, limit, now=now, made=made)

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
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

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
    """Create or upgrade the data file, make the daily backup, and return the open store.

    A new data file is built whole beside the real name and linked into place, so two
    programs opening a new folder at once both succeed and an empty data file can only
    be something that went wrong: it is refused, never re-created over. When a backup
    cannot be written (a full disk, ``backups`` not a folder) the data opens read-only
    with that reason instead of failing.
    """
    from benzoapp.output_guard import protect_data_folder

    check_data_folder(data_dir)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise no_data_error(data_dir, error) from error
    protect_data_folder(data_dir)
    note = folder_privacy_note(data_dir)
    db_path = db_path_of(data_dir)
    backups_dir = backups_dir_of(data_dir)
    problem = write_problem(data_dir, db_path)
    if problem is not None:
        store = open_read_only(data_dir, keep_backups, problem)
    else:
        try:
            store = _open_writable(data_dir, keep_backups, today, db_path, backups_dir)
        except BackupError as error:
            store = open_read_only(
                data_dir, keep_backups, error.cause or OSError(str(error)), str(error)
            )
    if note:
        store.notices.append(note)
    return store


def _open_writable(
    data_dir: Path, keep_backups: int, today: dt.date | None, db_path: Path, backups_dir: Path
) -> Store:
    created = False
    remove_stale_temporaries(data_dir, db_path.name)
    if not db_path.exists():
        created = create_data_file(db_path)
    else:
        settle_leftovers(db_path)
    ensure_schema(db_path, backups_dir, keep_backups)
    owner_only(db_path)
    store = Store(data_dir, keep_backups)
    now = dt.datetime.now()
    if today is not None:
        now = dt.datetime.combine(today, now.time())
    if not created and daily_backup_due(backups_dir, now.date(), now):
        try:
            # make_backup checks the file first, so a damaged file never pushes good
            # backups out; it is refused with a plain message instead.
            store.backup_now("daily", now)
        except BaseException:
            store.close()
            raise
    return store


def open_read_only(data_dir: Path, keep_backups: int, problem: OSError, reason: str = "") -> Store:
    """Open data that cannot be written, for reading only; no backup, no upgrade in place.

    A file from an older BenzoApp is upgraded in a temporary copy, so it can be shown,
    while the file itself stays exactly as it was (never half-upgraded). A file from a
    newer BenzoApp, a damaged one, or no file at all is refused as when writable.
    """
    db_path = db_path_of(data_dir)
    backups_dir = backups_dir_of(data_dir)
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise no_data_error(data_dir, problem)
    stored = stored_revision_or_raise(db_path, backups_dir, read_only=True)
    if stored is None:
        raise no_data_error(data_dir, problem)
    if stored not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            f"Your data file {db_path} was written by a newer version of BenzoApp "
            f"(schema {stored}). This version cannot use it safely, so it was left "
            "untouched. Install the newer version.",
            list_backups(backups_dir),
        )
    message = read_only_message(data_dir, problem, db_path)
    if reason:
        message = (
            f"Changes cannot be saved. {reason} You can still see and print everything, "
            "but nothing you change will be kept until a backup can be made again."
        )
    if stored == SCHEMA_HEAD:
        return Store(data_dir, keep_backups, read_only_reason=message)
    scratch = Path(tempfile.mkdtemp(prefix="benzoapp-read-only-"))
    try:
        copy = scratch / DB_FILENAME
        source = connect_read_only(db_path)
        try:
            backup_into(source, copy)
        finally:
            source.close()
        upgrade(copy, SCHEMA_HEAD)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    message += (
        " Your data was saved by an older BenzoApp and needs an upgrade, which cannot be "
        "saved either: what you see comes from an upgraded copy, and your file is left "
        "exactly as it was."
    )
    return Store(data_dir, keep_backups, read_only_reason=message, read_from=copy, scratch=scratch)
