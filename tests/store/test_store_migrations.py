"""Migrations: every past schema upgrades with its data intact; bad files are refused untouched.

Run this file as a script (``python tests/store/test_store_migrations.py``) to write the
fixture database of a new revision; fixtures of past revisions are never rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from benzoapp.core.model import (
    DoseLogEntry,
    Form,
    JournalDay,
    Medication,
    Method,
    Plan,
    PlanSettings,
    PlanWarning,
    Profile,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    WarningLevel,
)
from benzoapp.store import (
    CorruptDatabaseError,
    NewerDatabaseError,
    UnreadableDatabaseError,
    open_store,
)
from benzoapp.store.migrate import upgrade
from benzoapp.store.schema import DB_FILENAME, KNOWN_REVISIONS, SCHEMA_HEAD

FIXTURES = Path(__file__).resolve().parent / "fixtures"
D = Decimal

# The data written at revision 0001, as SQL of that day's schema.
FILL_0001 = """
INSERT INTO profile VALUES (1, 'Robin', '2016-04-01', 2, 1, 1, 'kindling worry');
INSERT INTO medications VALUES (1, 'Magnesium glycinate', 'supplement', '100 mg', '', '2029-01-05');
INSERT INTO medications VALUES (2, 'Pacing', 'therapy', '', 'heart-rate cap', NULL);
INSERT INTO plans VALUES (1, 'Slow diazepam', 1, '2030-01-01T09:00:00+00:00');
INSERT INTO plans VALUES (2, 'Old plan', 0, '2029-06-01T09:00:00+00:00');
INSERT INTO plan_versions VALUES
  (1, 1, 1, '2030-01-01T09:00:00+00:00', '', 2, 'percent', '10', 14, 'tablet', '2030-01-07',
   NULL, 'ashton', NULL, 0),
  (2, 1, 2, '2030-01-20T09:00:00+00:00', 'held', 2, 'percent', '10', 14, 'tablet', '2030-01-07',
   NULL, 'ashton', NULL, 0),
  (3, 2, 1, '2029-06-01T09:00:00+00:00', '', 1, 'linear', '5', 7, 'liquid', '2029-06-03',
   'diazepam', 'ashton', '0.4', 1);
INSERT INTO plan_regimen_doses VALUES (1, 0, 'diazepam', '22:00', '10'),
  (2, 0, 'diazepam', '22:00', '10'), (3, 0, 'lorazepam', '08:00', '0.5');
INSERT INTO plan_tablets VALUES (1, 0, 'diazepam', '2', 2);
INSERT INTO plan_steps VALUES
  (1, 0, 0, '2030-01-07', 14, '10', 0, 0, '', 1), (1, 1, 1, '2030-01-21', 14, '9', 0, 0, '', 1),
  (2, 0, 0, '2030-01-07', 21, '10', 1, 1, 'held', 1), (2, 1, 1, '2030-01-28', 14, '9', 0, 0, '', 1),
  (3, 0, 0, '2029-06-03', 7, '5', 0, 0, '', 1);
INSERT INTO plan_step_doses VALUES
  (1, 0, 0, 'diazepam', '22:00', '10', '5 x 2 mg', 1), (1, 1, 0, 'diazepam', '22:00', '9', '', 1),
  (2, 0, 0, 'diazepam', '22:00', '10', '5 x 2 mg', 1), (2, 1, 0, 'diazepam', '22:00', '9', '', 1),
  (3, 0, 0, 'lorazepam', '08:00', '0.125', '0.3 ml', 0);
INSERT INTO plan_warnings VALUES (1, 0, 'c', 'info', 'm', 'ASAM 2025 Rec. 6', NULL),
  (2, 0, 'c', 'info', 'm', 'ASAM 2025 Rec. 6', NULL);
INSERT INTO dose_log VALUES (1, '2030-01-07', '22:00', 'diazepam', '10', '10', ''),
  (2, '2030-01-08', '22:00', 'diazepam', '10', NULL, ''),
  (3, '2030-01-09', '22:00', 'diazepam', '10', '9.5', 'split badly');
INSERT INTO journal_days VALUES ('2030-01-07', 'first day'), ('2030-01-08', '');
INSERT INTO journal_symptoms (day, symptom, position, severity) VALUES
  ('2030-01-07', 'tinnitus', 0, 5), ('2030-01-07', 'anxiety', 1, 3),
  ('2030-01-08', 'fatigue', 0, 7);
INSERT INTO journal_exertion (day, kind, position, level) VALUES ('2030-01-07', 'physical', 0, 8);
"""

# Revision 0002 added the profile's ME/CFS history questions.
FILL_0002 = FILL_0001.replace(
    "INSERT INTO profile VALUES (1, 'Robin', '2016-04-01', 2, 1, 1, 'kindling worry');",
    "INSERT INTO profile VALUES (1, 'Robin', '2016-04-01', 2, 1, 1, 'kindling worry', "
    "1, 0, NULL, 1);",
)


def _fill_0003() -> str:
    """Revision 0003 added four plan settings (K defaults to 5) and steps' history flag."""
    versions = FILL_0002.replace(
        "'ashton', NULL, 0),", "'ashton', NULL, 0, NULL, '5', NULL, NULL),"
    ).replace("'ashton', '0.4', 1);", "'ashton', '0.4', 1, NULL, '5', NULL, NULL);")
    head, rest = versions.split("INSERT INTO plan_steps VALUES", 1)
    steps, tail = rest.split("INSERT INTO plan_step_doses VALUES", 1)
    steps = steps.replace("', 1)", "', 1, 0)")
    return f"{head}INSERT INTO plan_steps VALUES{steps}INSERT INTO plan_step_doses VALUES{tail}"


FILL_0003 = _fill_0003()


def _fill_0004() -> str:
    """Revision 0004 added the modified-release product of plans and their regimen doses."""
    versions = FILL_0003.replace("'5', NULL, NULL),", "'5', NULL, NULL, ''),").replace(
        "'5', NULL, NULL);", "'5', NULL, NULL, '');"
    )
    return (
        versions.replace(
            "(1, 0, 'diazepam', '22:00', '10'),", "(1, 0, 'diazepam', '22:00', '10', ''),"
        )
        .replace("(2, 0, 'diazepam', '22:00', '10'),", "(2, 0, 'diazepam', '22:00', '10', ''),")
        .replace("(3, 0, 'lorazepam', '08:00', '0.5');", "(3, 0, 'lorazepam', '08:00', '0.5', '');")
    )


FILL_0004 = _fill_0004()

# Revision 0005 added the crossover caps and dose-time setting of plans (caps on, dose
# times kept) and the profile's birth year.
FILL_0005 = (
    FILL_0004.replace("'5', NULL, NULL, ''),", "'5', NULL, NULL, '', NULL, NULL, 1, 1),")
    .replace("'5', NULL, NULL, '');", "'5', NULL, NULL, '', NULL, NULL, 1, 1);")
    .replace("1, 0, NULL, 1);", "1, 0, NULL, 1, NULL);")
)

FILLS: dict[str, str] = {
    "0001_initial": FILL_0001,
    "0002_mecfs_history": FILL_0002,
    "0003_taper_settings": FILL_0003,
    "0004_modified_release": FILL_0004,
    "0005_taper_guidance": FILL_0005,
}


def expected_from(revision: str) -> dict[str, object]:
    """What the data written at ``revision`` must read as at the newest schema."""
    steps = (
        Step(
            0,
            dt.date(2030, 1, 7),
            14,
            (StepDose("diazepam", "22:00", D("10"), "5 x 2 mg"),),
            D("10"),
        ),
        Step(1, dt.date(2030, 1, 21), 14, (StepDose("diazepam", "22:00", D("9")),), D("9")),
    )
    from benzoapp.core.model import TabletStrength

    settings = PlanSettings(
        Method.PERCENT,
        D("10"),
        14,
        Form.TABLET,
        dt.date(2030, 1, 7),
        None,
        "ashton",
        None,
        (TabletStrength("diazepam", D("2"), 2),),
        False,
    )
    warning = (PlanWarning("c", WarningLevel.INFO, "m", "ASAM 2025 Rec. 6"),)
    regimen = Regimen((RegimenDose("diazepam", "22:00", D("10")),))
    v1 = Plan(regimen, settings, steps, warning)
    v2_steps = (
        Step(
            0,
            dt.date(2030, 1, 7),
            21,
            (StepDose("diazepam", "22:00", D("10"), "5 x 2 mg"),),
            D("10"),
            True,
            True,
            "held",
        ),
        Step(1, dt.date(2030, 1, 28), 14, (StepDose("diazepam", "22:00", D("9")),), D("9")),
    )
    v2 = Plan(
        regimen,
        PlanSettings(
            Method.PERCENT,
            D("10"),
            14,
            Form.TABLET,
            dt.date(2030, 1, 7),
            None,
            "ashton",
            None,
            (),
            False,
        ),
        v2_steps,
        warning,
    )
    old = Plan(
        Regimen((RegimenDose("lorazepam", "08:00", D("0.5")),)),
        PlanSettings(
            Method.LINEAR,
            D("5"),
            7,
            Form.LIQUID,
            dt.date(2029, 6, 3),
            "diazepam",
            "ashton",
            D("0.4"),
            (),
            True,
        ),
        (
            Step(
                0,
                dt.date(2029, 6, 3),
                7,
                (StepDose("lorazepam", "08:00", D("0.125"), "0.3 ml", False),),
                D("5"),
            ),
        ),
    )
    return {
        "profile": Profile("Robin", dt.date(2016, 4, 1), 2, 1, 1, notes="kindling worry")
        if revision == "0001_initial"
        else Profile(
            "Robin", dt.date(2016, 4, 1), 2, 1, 1, True, False, None, True, "kindling worry"
        ),
        "medications": [
            (1, Medication("Magnesium glycinate", "supplement", "100 mg", "", dt.date(2029, 1, 5))),
            (2, Medication("Pacing", "therapy", "", "heart-rate cap")),
        ],
        "plan_v1": v1,
        "plan_v2": v2,
        "old_plan": old,
        "dose_log": [
            DoseLogEntry(dt.date(2030, 1, 7), "22:00", "diazepam", D("10"), D("10")),
            DoseLogEntry(dt.date(2030, 1, 8), "22:00", "diazepam", D("10")),
            DoseLogEntry(
                dt.date(2030, 1, 9), "22:00", "diazepam", D("10"), D("9.5"), "split badly"
            ),
        ],
        "journal": [
            JournalDay(
                dt.date(2030, 1, 7), {"tinnitus": 5, "anxiety": 3}, {"physical": 8}, "first day"
            ),
            JournalDay(dt.date(2030, 1, 8), {"fatigue": 7}),
        ],
    }


def build_at(revision: str, db_path: Path) -> None:
    """A database at ``revision`` filled with that revision's data."""
    upgrade(db_path, revision)
    with sqlite3.connect(db_path) as conn:
        conn.executescript(FILLS[revision])
    conn.close()


def check_data(data_dir: Path, revision: str) -> None:
    expected = expected_from(revision)
    with open_store(data_dir) as store:
        assert store.profile.get() == expected["profile"]
        assert store.medications.list() == expected["medications"]
        assert store.plans.get(1, version=1) == expected["plan_v1"]
        assert store.plans.get(1) == expected["plan_v2"]
        assert store.plans.get(2) == expected["old_plan"]
        active = store.plans.active()
        assert active is not None
        assert active[0] == 1
        assert [h.note for h in store.plans.history(1)] == ["", "held"]
        assert store.dose_log.all() == expected["dose_log"]
        assert store.journal.all() == expected["journal"]
        assert store.integrity_problems() == []
        # Later revisions' fields read as their defaults (open questions stay open).
        assert all(not step.history for step in store.plans.get(1).steps)
        assert store.plans.get(1).settings.hyperbolic_k_de_mg == Decimal(5)
        guidance = store.plans.get(2).settings  # 0005: caps on, none set, dose times kept
        assert guidance.crossover_caps
        assert guidance.keep_dose_times
        assert guidance.crossover_max_dose_mg is None
        assert guidance.crossover_max_daily_mg is None
        # 0006_products: plans saved before read as the common strengths, default measuring.
        settings = store.plans.get(1).settings
        assert settings.country is None
        assert settings.tablet_mass_mg is None
        assert settings.scale_resolution_mg is None
        assert settings.syringe_step_ml is None
        backups = store.list_backups()
    assert any(f"before-upgrade-from-{revision}" in p.name for p in backups)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:-1])
def test_fixture_from_every_past_revision_upgrades_without_loss(
    tmp_path: Path, revision: str
) -> None:
    fixture = FIXTURES / f"{revision}.sqlite3"
    assert fixture.is_file(), f"commit a fixture for {revision} (run this file as a script)"
    shutil.copyfile(fixture, tmp_path / DB_FILENAME)
    check_data(tmp_path, revision)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:-1])
def test_database_built_at_every_past_revision_upgrades(tmp_path: Path, revision: str) -> None:
    build_at(revision, tmp_path / DB_FILENAME)
    check_data(tmp_path, revision)


def test_every_past_revision_has_fixture_data() -> None:
    assert set(FILLS) == set(KNOWN_REVISIONS[:-1])


def test_constants_match_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from benzoapp.paths import migrations_path

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == SCHEMA_HEAD
    ordered = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(ordered) == KNOWN_REVISIONS


def test_migrated_schema_matches_the_models(template_db: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from benzoapp.store.models import Base

    engine = create_engine(f"sqlite:///{template_db}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_and_left_untouched(fresh_dir: Path) -> None:
    db = fresh_dir / DB_FILENAME
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    before = digest(db)
    with pytest.raises(NewerDatabaseError, match="newer version of BenzoApp") as caught:
        open_store(fresh_dir)
    assert digest(db) == before
    assert caught.value.backups == ()
    assert not (fresh_dir / "backups").exists() or not list((fresh_dir / "backups").iterdir())


def test_corrupt_database_is_refused_with_backups_offered(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:  # the daily backup, and one more
        store.backup_now("manual")
    db = fresh_dir / DB_FILENAME
    db.write_bytes(b"this is not a database at all" * 100)
    before = digest(db)
    with pytest.raises(CorruptDatabaseError, match="damaged") as caught:
        open_store(fresh_dir)
    assert digest(db) == before
    assert len(caught.value.backups) == 2
    assert all(str(p) in str(caught.value) for p in caught.value.backups)


def test_damaged_pages_are_caught_before_the_daily_backup(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:
        store.journal.save_days(
            JournalDay(dt.date(2030, 1, 1) + dt.timedelta(days=i), {"pain": 3}, {}, "x" * 500)
            for i in range(400)
        )
    db = fresh_dir / DB_FILENAME
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 5, min(len(data), page * 40), page):
        data[offset + 100 : offset + 400] = os.urandom(300)
    db.write_bytes(bytes(data))
    before = digest(db)
    with pytest.raises(CorruptDatabaseError):
        open_store(fresh_dir, today=dt.date(2099, 1, 1))
    assert digest(db) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX modes, not root")
def test_unreadable_database_is_refused(fresh_dir: Path) -> None:
    db = fresh_dir / DB_FILENAME
    db.chmod(0)
    try:
        with pytest.raises(UnreadableDatabaseError, match="cannot be opened"):
            open_store(fresh_dir)
    finally:
        db.chmod(0o600)


def test_up_to_date_start_does_not_import_alembic(fresh_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from benzoapp.store import open_store\n"
        f"open_store(Path({str(fresh_dir)!r})).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_the_store_package_is_light() -> None:
    code = "import sys, benzoapp.store; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def write_missing_fixtures() -> None:
    """Write the fixture of each past revision that has none yet (never rewrite one)."""
    import tempfile

    FIXTURES.mkdir(exist_ok=True)
    for revision in KNOWN_REVISIONS[:-1]:
        target = FIXTURES / f"{revision}.sqlite3"
        if target.exists():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / DB_FILENAME
            build_at(revision, db)
            with sqlite3.connect(db) as conn:
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.close()
            shutil.copyfile(db, target)
        print(f"wrote {target}")


def test_data_file_that_cannot_be_opened_is_refused(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).mkdir()  # unopenable even for root
    (tmp_path / DB_FILENAME / "x").write_text("keep", encoding="utf-8")
    with pytest.raises(UnreadableDatabaseError, match="cannot be opened"):
        open_store(tmp_path)
    assert (tmp_path / DB_FILENAME / "x").read_text(encoding="utf-8") == "keep"


if __name__ == "__main__":
    write_missing_fixtures()
