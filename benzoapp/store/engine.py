"""The SQLAlchemy engine over the data file: pragmas, explicit transactions, error translation.

pysqlite's own transaction handling starts transactions late and never for reads; the
engine turns it off and emits ``BEGIN`` itself, ``BEGIN IMMEDIATE`` for writes, so a save
is all-or-nothing and two programs writing at once queue on the lock instead of failing
half-way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc

from benzoapp.store.errors import BusyDatabaseError, CorruptDatabaseError, StoreError

BUSY_TIMEOUT_MS = 15_000
BEGIN_OPTION = "benzoapp_begin"


def make_engine(db_path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine whose every connection has WAL, a busy timeout and foreign keys on.

    Migrations pass ``foreign_keys=False``: batch mode rebuilds tables, and with foreign
    keys on, dropping the old copy of a parent table would cascade into its children.
    """
    engine = create_engine(f"sqlite:///{db_path}")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")  # a finished save survives power loss
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def translate(error: sa_exc.DBAPIError, backups: Callable[[], list[Path]]) -> StoreError:
    """Turn a database failure into a plain message the person can act on."""
    text = str(error.orig).lower()
    if isinstance(error, sa_exc.IntegrityError):
        return StoreError(f"This could not be saved: {error.orig}. Nothing was changed.")
    if "locked" in text or "busy" in text:
        return BusyDatabaseError(
            "Another program (perhaps a second BenzoApp) kept your data busy for too long. "
            "Nothing was changed; try again.",
            backups(),
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptDatabaseError(
            "Your data file is damaged. Nothing was changed or overwritten; "
            "restoring a backup will bring back your data as of that backup.",
            backups(),
        )
    return StoreError(f"Your data could not be read or saved: {error.orig}.", backups())


class Database:
    """An engine plus the two kinds of transaction the repositories use."""

    def __init__(self, engine: Engine, backups: Callable[[], list[Path]]) -> None:
        self.engine = engine
        self._backups = backups

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for everything read inside it."""
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except sa_exc.DBAPIError as error:
            raise translate(error, self._backups) from error

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction that takes the write lock first, so it cannot deadlock."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
                with conn.begin():
                    yield conn
        except sa_exc.DBAPIError as error:
            raise translate(error, self._backups) from error
        except sa_exc.StatementError as error:
            if isinstance(error.orig, TypeError):  # e.g. a float where Decimal mg belong
                raise error.orig from error
            raise

    def dispose(self) -> None:
        self.engine.dispose()
