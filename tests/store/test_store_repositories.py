"""Repositories: core objects go in and come out unchanged; the file is set up safely."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from decimal import Decimal

import pytest

from benzoapp.core.errors import BenzoAppError, InputError
from benzoapp.core.model import DoseLogEntry, JournalDay, Medication, Plan, Profile
from benzoapp.store import StoreError
from benzoapp.store.facade import Store

D = Decimal


def test_file_is_wal_owner_only_with_foreign_keys(store: Store) -> None:
    with store.db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    if os.name == "posix":
        assert store.db_path.stat().st_mode & 0o777 == 0o600


def test_new_folder_gets_owner_only_file(tmp_path: os.PathLike[str]) -> None:
    from pathlib import Path

    from benzoapp.store import open_store

    folder = Path(tmp_path) / "new"
    with open_store(folder) as opened:
        opened.medications.add(Medication("x"))
        assert opened.db_path.exists()
        if os.name == "posix":
            assert opened.db_path.stat().st_mode & 0o777 == 0o600
            assert folder.stat().st_mode & 0o077 == 0


def test_profile_round_trip_and_default(store: Store) -> None:
    assert store.profile.get() == Profile()
    profile = Profile(
        name="A",
        benzo_start=dt.date(2015, 3, 1),
        prior_tapers=2,
        prior_withdrawals=1,
        reinstatements=1,
        well_before_exposure=True,
        classical_trigger=False,
        onset_during_or_after_taper=None,
        post_exertional_malaise=True,
        notes="n",
    )
    store.profile.save(profile)
    store.profile.save(profile)  # a second save replaces, not duplicates
    assert store.profile.get() == profile


def test_medications_add_update_remove(store: Store) -> None:
    first = store.medications.add(Medication("Magnesium", "supplement", "200 mg"))
    second = store.medications.add(Medication("Yoga", "therapy", started=dt.date(2029, 5, 1)))
    store.medications.update(first, Medication("Magnesium glycinate", "supplement", "100 mg"))
    assert store.medications.list() == [
        (first, Medication("Magnesium glycinate", "supplement", "100 mg")),
        (second, Medication("Yoga", "therapy", started=dt.date(2029, 5, 1))),
    ]
    store.medications.remove(first)
    assert [m.name for _, m in store.medications.list()] == ["Yoga"]
    with pytest.raises(StoreError, match="no saved medication"):
        store.medications.update(first, Medication("gone"))


def test_plan_comes_back_exactly(store: Store, plan_factory: Callable[..., Plan]) -> None:
    plan = plan_factory(5)
    plan_id = store.plans.save(plan, "first")
    loaded = store.plans.get(plan_id)
    assert loaded == plan
    # Exact decimals, trailing zeros and all: no float ever touched them.
    assert str(loaded.steps[0].doses[1].mg) == "10.50"
    assert loaded.steps[0].doses[0].mg == D("0.125")
    assert str(loaded.regimen.doses[1].mg) == "1.000"


def test_one_active_plan_and_history(store: Store, plan_factory: Callable[..., Plan]) -> None:
    a = store.plans.save(plan_factory(2), "a")
    b = store.plans.save(plan_factory(3), "b")
    assert store.plans.active() == (b, plan_factory(3))
    store.plans.set_active(a)
    assert [(p.name, p.active) for p in store.plans.list()] == [("a", True), ("b", False)]
    edited = plan_factory(4)
    assert store.plans.revise(a, edited, "held a step") == 2
    assert store.plans.get(a) == edited
    assert store.plans.get(a, version=1) == plan_factory(2)
    history = store.plans.history(a)
    assert [(h.number, h.note, h.step_count) for h in history] == [
        (1, "", 2),
        (2, "held a step", 4),
    ]
    assert store.plans.list()[0].versions == 2
    store.plans.set_active(None)
    assert store.plans.active() is None
    store.plans.delete(b)
    assert [p.name for p in store.plans.list()] == ["a"]
    with pytest.raises(StoreError, match="no saved plan"):
        store.plans.get(b)


def test_database_refuses_two_active_plans(store: Store, plan_factory: Callable[..., Plan]) -> None:
    store.plans.save(plan_factory(1), "a")
    store.plans.save(plan_factory(1), "b", active=False)
    with pytest.raises(StoreError), store.db.write() as conn:
        conn.exec_driver_sql("UPDATE plans SET active = 1")
    assert sum(p.active for p in store.plans.list()) == 1


def test_dose_log_planned_vs_taken(store: Store) -> None:
    day = dt.date(2030, 2, 1)
    store.dose_log.record(DoseLogEntry(day, "08:00", "diazepam", D("5")))
    store.dose_log.record(DoseLogEntry(day, "22:00", "diazepam", D("5")))
    store.dose_log.record(DoseLogEntry(day, "08:00", "diazepam", D("5"), D("4.75"), "less"))
    store.dose_log.record(DoseLogEntry(day + dt.timedelta(days=1), "08:00", "diazepam", D("5")))
    assert store.dose_log.between(day, day) == [
        DoseLogEntry(day, "08:00", "diazepam", D("5"), D("4.75"), "less"),
        DoseLogEntry(day, "22:00", "diazepam", D("5")),
    ]
    assert len(store.dose_log.all()) == 3
    store.dose_log.remove(day, "22:00", "diazepam")
    assert len(store.dose_log.all()) == 2


def test_floats_are_refused_for_milligrams(store: Store) -> None:
    with pytest.raises(TypeError, match="Decimal"):
        store.dose_log.record(DoseLogEntry(dt.date(2030, 1, 1), "08:00", "x", 0.1))  # type: ignore[arg-type]
    assert store.dose_log.all() == []


def test_journal_replace_between_and_order(store: Store) -> None:
    first = JournalDay(dt.date(2030, 3, 1), {"tinnitus": 4, "anxiety": 2}, {"physical": 7}, "walk")
    store.journal.save_day(first)
    replaced = JournalDay(dt.date(2030, 3, 1), {"anxiety": 1}, {}, "")
    second = JournalDay(dt.date(2030, 3, 2), {"fatigue": 8})
    store.journal.save_days([replaced, second])
    assert store.journal.all() == [replaced, second]
    assert store.journal.between(dt.date(2030, 3, 2), dt.date(2030, 3, 9)) == [second]
    store.journal.save_day(first)
    got = store.journal.get(dt.date(2030, 3, 1))
    assert got == first
    assert got is not None
    assert list(got.symptoms) == ["tinnitus", "anxiety"]  # the order the person used
    store.journal.delete_day(dt.date(2030, 3, 1))
    assert store.journal.get(dt.date(2030, 3, 1)) is None
    with sqlite3.connect(store.db_path) as raw:  # children went with the day (foreign keys)
        assert raw.execute(
            "SELECT count(*) FROM journal_symptoms WHERE day='2030-03-01'"
        ).fetchone() == (0,)


def test_out_of_range_score_is_refused_whole(store: Store) -> None:
    good = JournalDay(dt.date(2030, 3, 1), {"anxiety": 2})
    bad = JournalDay(dt.date(2030, 3, 2), {"anxiety": 11})
    with pytest.raises(InputError, match="0-10"):
        store.journal.save_days([good, bad])
    assert store.journal.all() == []  # all or none


def test_store_errors_are_benzoapp_errors() -> None:
    assert issubclass(StoreError, BenzoAppError)


def test_is_empty(store: Store) -> None:
    assert store.is_empty()
    store.journal.save_day(JournalDay(dt.date(2030, 1, 1)))
    assert not store.is_empty()


# Every field of the core's objects that the store keeps. A new field in
# benzoapp/core/model.py fails this test until the store saves it (with a migration).
STORED_FIELDS = {
    "Plan": {"regimen", "settings", "steps", "warnings"},
    "PlanSettings": {
        "method",
        "rate_percent",
        "every_days",
        "form",
        "start",
        "crossover_to",
        "table",
        "liquid_mg_per_ml",
        "tablets",
        "micro",
        "final_dose_mg",
        "hyperbolic_k_de_mg",
        "rate_base_de_mg",
        "crossover_stage_de_mg",
        "modified_release",
        "crossover_max_dose_mg",
        "crossover_max_daily_mg",
        "crossover_caps",
        "keep_dose_times",
        "country",
        "tablet_mass_mg",
        "scale_resolution_mg",
        "syringe_step_ml",
    },
    "Step": {
        "index",
        "start",
        "days",
        "doses",
        "diazepam_equivalent_mg",
        "hold",
        "edited",
        "note",
        "history",
    },
    "StepDose": {"drug", "time", "mg", "units", "makeable"},
    "PlanWarning": {"code", "level", "message", "source", "step_index"},
    "Regimen": {"doses"},
    "RegimenDose": {"drug", "time", "mg", "release"},
    "TabletStrength": {"drug", "mg", "max_split"},
    "DoseLogEntry": {"day", "time", "drug", "planned_mg", "taken_mg", "note"},
    "JournalDay": {"day", "symptoms", "exertion", "notes"},
    "Medication": {"name", "kind", "dose", "notes", "started"},
    "Profile": {
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
    },
}


@pytest.mark.parametrize("name", sorted(STORED_FIELDS))
def test_store_keeps_every_field_of_the_core_objects(name: str) -> None:
    import dataclasses

    from benzoapp.core import model

    fields = {f.name for f in dataclasses.fields(getattr(model, name))}
    assert fields == STORED_FIELDS[name], "save the new field in the store (and add a migration)"
