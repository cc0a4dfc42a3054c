"""The SQLAlchemy engine over the data file: pragmas, explicit transactions, error translation.

pysqlite's own transaction handling starts transactions late and never for reads; the
engine turns it off and emits ``BEGIN`` itself, ``BEGIN IMMEDIATE`` for writes, so a save
is all-or-nothing and two programs writing at once queue on the lock instead of failing
half-way.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Select, Table, create_engine, event
from sqlalchemy import exc as sa_exc

from benzoapp.store.access import connect_read_only
from benzoapp.store.errors import (
    BusyDatabaseError,
    CorruptDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)

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


def make_read_only_engine(db_path: Path) -> Engine:
    """An engine whose connections can only read (for a folder that cannot be written).

    The URL names the file so SQLAlchemy pools it as a file; the connections come from
    :func:`connect_read_only`, which SQLite itself keeps from writing.
    """
    engine = create_engine(f"sqlite:///{db_path}", creator=lambda: connect_read_only(db_path))

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN DEFERRED")

    return engine


def translate(orig: BaseException, backups: Callable[[], list[Path]]) -> StoreError:
    """Turn a database failure into a plain message the person can act on."""
    text = str(orig).lower()
    if isinstance(orig, sqlite3.IntegrityError):
        return StoreError(f"This could not be saved: {orig}. Nothing was changed.")
    if "locked" in text or "busy" in text:
        return BusyDatabaseError(
            "Another program (perhaps a second BenzoApp) kept your data busy for too long. "
            "Nothing was changed; try again.",
            backups(),
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(
            "This could not be saved: your data file cannot be written just now (the disk "
            "or folder has become read-only, or this user may no longer write it). Nothing "
            "was changed. Make the folder writable again, then restart BenzoApp."
        )
    if "disk is full" in text or "no space" in text:
        return ReadOnlyDatabaseError(
            "This could not be saved: the disk is full. Nothing was changed. "
            "Free some space on the disk, then try again."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptDatabaseError(
            "Your data file is damaged. Nothing was changed or overwritten; "
            "restoring a backup will bring back your data as of that backup.",
            backups(),
        )
    return StoreError(f"Your data could not be read or saved: {orig}.", backups())


def plain_rows(conn: Connection, stmt: Select[Any]) -> list[tuple[Any, ...]]:
    """Run a Core select on the driver directly and return its rows as plain tuples.

    Only for the bulk reads that load years of data: it skips SQLAlchemy's per-row
    work, so values come back as SQLite stores them (ISO date text, decimal text,
    integers). It runs inside ``conn``'s transaction, so it sees the same snapshot.
    """
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.params
    values = [_plain_param(params[name]) for name in compiled.positiontup or ()]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return list(cursor.execute(str(compiled), values).fetchall())
    finally:
        cursor.close()


def plain_insert_many(
    conn: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows of plain values (text, integers, None) through the driver's executemany.

    For the bulk writes (a plan's steps and doses): the caller converts values itself,
    with :func:`mg_text` and :func:`day_text`, which keeps the exactness checks.
    """
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def mg_text(value: Decimal | None) -> str | None:
    """Milligrams as stored: the Decimal's own text; anything but a Decimal is refused."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        raise TypeError(f"milligrams must be Decimal, not {type(value).__name__}")
    return str(value)


def day_text(value: dt.date) -> str:
    return value.isoformat()


def _plain_param(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int | None):
        return value
    raise TypeError(f"plain_rows cannot pass a {type(value).__name__} parameter")


class Database:
    """An engine plus the two kinds of transaction the repositories use."""

    def __init__(
        self, engine: Engine, backups: Callable[[], list[Path]], read_only_reason: str = ""
    ) -> None:
        self.engine = engine
        self._backups = backups
        # Set when the data cannot be saved: every write is refused with this message
        # before SQLite is asked, so nothing half-happens.
        self.read_only_reason = read_only_reason

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for everything read inside it."""
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except sa_exc.DBAPIError as error:
            raise translate(error.orig or error, self._backups) from error
        except sqlite3.DatabaseError as error:  # from plain_rows
            raise translate(error, self._backups) from error

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction that takes the write lock first, so it cannot deadlock."""
        if self.read_only_reason:
            raise ReadOnlyDatabaseError(self.read_only_reason)
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
                with conn.begin():
                    yield conn
        except sa_exc.DBAPIError as error:
            raise translate(error.orig or error, self._backups) from error
        except sqlite3.DatabaseError as error:  # from plain_insert_many
            raise translate(error, self._backups) from error
        except sa_exc.StatementError as error:
            if isinstance(error.orig, TypeError):  # e.g. a float where Decimal mg belong
                raise error.orig from error
            raise

    def dispose(self) -> None:
        self.engine.dispose()
