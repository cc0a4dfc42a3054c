"""Backups never push out a good copy with a bad one; a bad data file is never built over.

Issue points covered: backups only of a file that passes quick_check; pruning keeps the
newest good backups of distinct days and never runs for a refused operation; backups
with future dates are ordered by their recorded time; an empty or damaged data file,
or one whose version record was emptied, is refused and left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pytest

from benzoapp.core.model import Medication
from benzoapp.main import main
from benzoapp.store import CorruptDatabaseError, list_backups, open_store
from benzoapp.store.backups import make_backup, prune_backups
from benzoapp.store.schema import DB_FILENAME

TODAY = dt.date(2030, 5, 20)


def names(folder: Path) -> set[str]:
    return (
        {p.name for p in (folder / "backups").glob("*")} if (folder / "backups").is_dir() else set()
    )


def dated_backups(folder: Path, days: int, start: dt.date = dt.date(2030, 5, 1)) -> list[Path]:
    """One good backup per day, its file time set to that day (as if made then)."""
    made = []
    for n in range(days):
        when = dt.datetime.combine(start + dt.timedelta(days=n), dt.time(9))
        made.append(make_backup(folder / DB_FILENAME, folder / "backups", "daily", now=when))
    return made


def damage(db: Path) -> None:
    """Overwrite pages in the middle of the file: SQLite's quick_check then fails."""
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 2, min(len(data), 4096 * 12), 7):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))


def test_a_damaged_data_file_is_never_backed_up_and_prunes_nothing(fresh_dir: Path) -> None:
    with open_store(fresh_dir, today=TODAY) as store:
        for n in range(300):
            store.medications.add(Medication(f"medicine {n}", notes="x" * 200))
    dated_backups(fresh_dir, 3)
    before = names(fresh_dir)
    damage(fresh_dir / DB_FILENAME)
    damaged = (fresh_dir / DB_FILENAME).read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_store(fresh_dir, keep_backups=2, today=TODAY + dt.timedelta(days=1))
    with pytest.raises(CorruptDatabaseError, match="no backup was made"):
        make_backup(fresh_dir / DB_FILENAME, fresh_dir / "backups", "manual")
    assert names(fresh_dir) == before
    assert (fresh_dir / DB_FILENAME).read_bytes() == damaged


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 84])
def test_an_empty_data_file_is_refused_not_made_new(fresh_dir: Path, content: bytes) -> None:
    dated_backups(fresh_dir, 3)
    before = names(fresh_dir)
    db = fresh_dir / DB_FILENAME
    db.write_bytes(content)
    for _ in range(2):
        with pytest.raises(CorruptDatabaseError):
            open_store(fresh_dir, keep_backups=2, today=TODAY)
    assert db.read_bytes() == content
    assert names(fresh_dir) == before


def test_a_file_whose_version_record_was_emptied_is_refused(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("keep me"))
    with sqlite3.connect(fresh_dir / DB_FILENAME) as conn:
        conn.execute("DELETE FROM alembic_version")
    conn.close()
    with pytest.raises(CorruptDatabaseError, match="version record"):
        open_store(fresh_dir)
    with sqlite3.connect(fresh_dir / DB_FILENAME) as conn:
        assert conn.execute("SELECT name FROM medications").fetchall() == [("keep me",)]
    conn.close()


def test_pruning_keeps_the_newest_good_backups_of_distinct_days(fresh_dir: Path) -> None:
    db = fresh_dir / DB_FILENAME
    folder = fresh_dir / "backups"
    old = dated_backups(fresh_dir, 4)  # 1-4 May
    same_day = [
        make_backup(db, folder, "manual", now=dt.datetime(2030, 5, 5, h)) for h in (8, 9, 10, 11)
    ]
    pruned = prune_backups(folder, 3, now=dt.datetime(2030, 5, 5, 12), made=same_day[-1])
    kept = list_backups(folder, dt.datetime(2030, 5, 5, 12))
    assert kept == [same_day[-1], old[3], old[2]]  # three days, not four copies of one
    assert set(pruned) == {*same_day[:-1], old[0], old[1]}


def test_damaged_backups_never_push_out_good_ones(fresh_dir: Path) -> None:
    good = dated_backups(fresh_dir, 3)
    bad = []
    for n in range(3):  # newer, but damaged
        path = fresh_dir / "backups" / f"benzoapp-2030050{n + 5}-090000-000000-daily.sqlite3"
        path.write_bytes(b"not a database" * 100)
        when = dt.datetime(2030, 5, 5 + n, 9).timestamp()
        os.utime(path, (when, when))
        bad.append(path)
    prune_backups(fresh_dir / "backups", 3, now=dt.datetime(2030, 5, 9))
    assert set(list_backups(fresh_dir / "backups")) == set(good)


def test_nothing_is_pruned_when_no_backup_is_good(fresh_dir: Path) -> None:
    folder = fresh_dir / "backups"
    folder.mkdir()
    for n in range(5):
        (folder / f"benzoapp-2030050{n + 1}-090000-000000-daily.sqlite3").write_bytes(b"x" * 99)
    assert prune_backups(folder, 2) == []
    assert len(list_backups(folder)) == 5


def test_backups_dated_in_the_future_never_delete_a_new_backup(fresh_dir: Path) -> None:
    """A clock once ahead left backups named (and timed) years ahead."""
    folder = fresh_dir / "backups"
    db = fresh_dir / DB_FILENAME
    ahead = dt.datetime.now() + dt.timedelta(days=3650)
    for n in range(5):
        made = make_backup(db, folder, "daily", now=ahead + dt.timedelta(days=n))
        assert made.name.startswith(f"benzoapp-{ahead.year}")
    with open_store(fresh_dir, keep_backups=3) as store:
        for _ in range(3):
            made = store.backup_now("manual")
            assert made.exists()  # "Backed up to X" and X is there
            assert list_backups(folder)[0] == made  # and it is the newest
    assert len(list_backups(folder)) == 3


def test_the_daily_backup_follows_recorded_time_not_names(fresh_dir: Path) -> None:
    folder = fresh_dir / "backups"
    ahead = dt.datetime.now() + dt.timedelta(days=365)
    make_backup(fresh_dir / DB_FILENAME, folder, "daily", now=ahead)
    open_store(fresh_dir).close()  # today has no backup yet: one is made
    assert len(list_backups(folder)) == 2


def test_a_refused_import_replace_makes_no_backup_and_prunes_nothing(
    fresh_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("mine"))
    dated_backups(fresh_dir, 3)
    (fresh_dir / "settings.ini").write_text("[data]\nkeep_backups=2\n", encoding="utf-8")
    export = tmp_path / "export.json"
    assert main(["--data-dir", str(fresh_dir), "export", str(export)]) == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    data["dose_log"] = [
        {"day": "2030-01-07", "time": "22:00", "drug": "diazepam", "planned_mg": "5"},
        {"day": "2030-01-07", "time": "99:99", "drug": "diazepam", "planned_mg": "5"},
    ]
    export.write_text(json.dumps(data), encoding="utf-8")
    before = names(fresh_dir)
    assert main(["--data-dir", str(fresh_dir), "import", str(export), "--replace"]) == 2
    assert names(fresh_dir) == before
    assert "dose_log[1]: time: a time must be HH:MM" in capsys.readouterr().err


def test_import_replace_backs_up_first_and_prunes_only_after_success(
    fresh_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("mine"))
    export = tmp_path / "export.json"
    assert main(["--data-dir", str(fresh_dir), "export", str(export)]) == 0
    assert main(["--data-dir", str(fresh_dir), "import", str(export), "--replace"]) == 0
    assert any("before-import" in p.name for p in list_backups(fresh_dir / "backups"))
    capsys.readouterr()


def test_restore_over_a_damaged_file_keeps_it_outside_the_backups(fresh_dir: Path) -> None:
    from benzoapp.store import restore_backup

    with open_store(fresh_dir) as store:
        store.medications.add(Medication("saved"))
        backup = store.backup_now("manual")
    (fresh_dir / DB_FILENAME).write_bytes(b"broken" * 500)
    kept = restore_backup(fresh_dir, backup)
    assert kept is not None
    assert kept.read_bytes() == b"broken" * 500
    assert kept not in list_backups(fresh_dir / "backups")  # never offered or counted
    with open_store(fresh_dir) as store:
        assert [m.name for _, m in store.medications.list()] == ["saved"]


def test_backups_being_a_file_opens_read_only_with_a_plain_reason(
    fresh_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fresh_dir / "backups").write_text("not a folder", encoding="utf-8")
    with open_store(fresh_dir) as store:
        assert store.read_only
        assert "backups" in store.read_only_reason
        assert store.medications.list() == []
    out = tmp_path / "out.json"
    assert main(["--data-dir", str(fresh_dir), "export", str(out)]) == 0
    assert out.exists()
    assert main(["--data-dir", str(fresh_dir), "backup"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "is a file, not a folder" in err


def test_a_full_disk_at_the_daily_backup_opens_read_only(
    fresh_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from benzoapp.store import backups

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_copy_with_sqlite", full)
    with open_store(fresh_dir) as store:
        assert store.read_only
        assert "the disk is full" in store.read_only_reason
    assert not list_backups(fresh_dir / "backups")
    assert not list((fresh_dir / "backups").glob(".*"))  # no temporary left
