"""The start-up quick read gives exactly what the repositories give, or None; no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from benzoapp.core.model import Plan
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo
from benzoapp.store.errors import StoreError
from benzoapp.store.facade import Store
from benzoapp.store.quick_read import read_today
from benzoapp.store.schema import DB_FILENAME, SCHEMA_HEAD

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO_TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the demo year (plan with a revision, log, journal)."""
    folder = tmp_path_factory.mktemp("quick-demo")
    with open_store(folder, today=DEMO_TODAY) as store:
        fill_demo(store, DEMO_TODAY)
    return folder


def unusual_days(store: Store) -> list[dt.date]:
    """Days with a missed or changed dose, a day without doses, and days around today."""
    log = store.dose_log.all()
    missed = [e.day for e in log if e.taken_mg is not None and e.taken_mg == 0]
    changed = [e.day for e in log if e.taken_mg is not None and e.taken_mg > e.planned_mg]
    assert missed  # the demo has both, or this test proves nothing
    assert changed
    before_log = log[0].day - dt.timedelta(days=3)
    return [*missed[:3], *changed[:3], before_log, DEMO_TODAY, DEMO_TODAY - dt.timedelta(days=1)]


def test_the_quick_read_equals_the_repositories_on_the_demo_year(demo_dir: Path) -> None:
    with open_store(demo_dir, today=DEMO_TODAY) as store:
        active = store.plans.active()
        assert active is not None
        for day in unusual_days(store):
            quick = read_today(demo_dir, day)
            assert quick is not None
            assert quick.active() == active
            assert quick.between(day, day) == store.dose_log.between(day, day)
            journal_day = store.journal.get(day)
            assert quick.get(day) == journal_day
            if journal_day is not None:  # the order too, which dict equality ignores
                assert list(quick.get(day).symptoms.items()) == list(journal_day.symptoms.items())
                assert list(quick.get(day).exertion.items()) == list(journal_day.exertion.items())
        assert store.dose_log.between(DEMO_TODAY, DEMO_TODAY)  # today really has doses


def test_the_active_plan_is_the_latest_version_with_every_field(
    store: Store, plan_factory: Callable[..., Plan]
) -> None:
    """Awkward amounts, holds, history steps, warnings with and without a step, settings."""
    first = plan_factory(steps=4)
    plan_id = store.plans.save(first, "first", active=True)
    revised = plan_factory(steps=5, start=dt.date(2031, 2, 3))
    store.plans.revise(plan_id, revised, "longer")
    store.plans.save(plan_factory(steps=2), "not in use", active=False)
    quick = read_today(store.data_dir, dt.date(2031, 2, 3))
    assert quick is not None
    assert quick.active() == store.plans.active() == (plan_id, revised)


def test_no_active_plan_and_an_empty_day(store: Store) -> None:
    quick = read_today(store.data_dir, DEMO_TODAY)
    assert quick is not None
    assert quick.active() is None
    assert quick.between(DEMO_TODAY, DEMO_TODAY) == []
    assert quick.get(DEMO_TODAY) is None


def test_it_answers_for_its_own_day_only(demo_dir: Path) -> None:
    quick = read_today(demo_dir, DEMO_TODAY)
    assert quick is not None
    other = DEMO_TODAY - dt.timedelta(days=1)
    with pytest.raises(StoreError):
        quick.between(other, DEMO_TODAY)
    with pytest.raises(StoreError):
        quick.get(other)


def test_none_for_a_missing_file_without_creating_one(tmp_path: Path) -> None:
    assert read_today(tmp_path, DEMO_TODAY) is None
    assert read_today(tmp_path / "no such folder", DEMO_TODAY) is None
    assert list(tmp_path.iterdir()) == []


def test_none_for_an_older_revision(tmp_path: Path) -> None:
    shutil.copyfile(FIXTURES / "0002_mecfs_history.sqlite3", tmp_path / DB_FILENAME)
    before = (tmp_path / DB_FILENAME).read_bytes()
    assert read_today(tmp_path, DEMO_TODAY) is None
    assert (tmp_path / DB_FILENAME).read_bytes() == before  # not upgraded, not touched


def test_none_for_a_newer_revision_and_for_a_damaged_file(demo_dir: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer"
    newer.mkdir()
    shutil.copyfile(demo_dir / DB_FILENAME, newer / DB_FILENAME)
    with sqlite3.connect(newer / DB_FILENAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    assert read_today(newer, DEMO_TODAY) is None
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / DB_FILENAME).write_bytes(b"not a database at all" * 100)
    assert read_today(damaged, DEMO_TODAY) is None


def test_the_head_revision_is_what_the_quick_read_accepts(demo_dir: Path, tmp_path: Path) -> None:
    """The same file with only its revision changed back is refused: the check is real."""
    older = tmp_path / "older"
    older.mkdir()
    shutil.copyfile(demo_dir / DB_FILENAME, older / DB_FILENAME)
    assert read_today(older, DEMO_TODAY) is not None
    with sqlite3.connect(older / DB_FILENAME) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
        conn.execute("UPDATE alembic_version SET version_num = '0002_mecfs_history'")
    conn.close()
    assert read_today(older, DEMO_TODAY) is None


def test_the_quick_read_does_not_import_sqlalchemy(demo_dir: Path) -> None:
    code = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from benzoapp.store.quick_read import read_today\n"
        f"quick = read_today(Path({str(demo_dir)!r}), dt.date({DEMO_TODAY:%Y, %-m, %-d}))\n"
        "assert quick is not None and quick.active() is not None and quick.doses\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print(heavy)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
