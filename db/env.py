"""Alembic environment for BenzoApp: run from code, no alembic.ini, batch mode for SQLite.

The app passes an open SQLAlchemy connection in ``config.attributes["connection"]``; a
developer running the ``alembic`` command may instead set ``sqlalchemy.url``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=None,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    config = context.config
    given = config.attributes.get("connection")
    if given is not None:
        run_with(given)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url or pass a connection to run migrations")
    engine = create_engine(url)
    with engine.begin() as connection:
        run_with(connection)
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("BenzoApp migrations run online only")
main()
