"""Store speed: ten years of log and journal loaded, a 2,000-step plan saved, against raw sqlite3.

The baseline reads and writes the very same rows through the sqlite3 module with no
objects built, so the ratio shows what the repositories (SQLAlchemy, exact Decimals,
core dataclasses) cost on top of SQLite itself.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path

from bench.harness import Figure, median_seconds
from benzoapp.core.model import (
    DoseLogEntry,
    JournalDay,
    Plan,
    PlanSettings,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
)
from benzoapp.store import open_store
from benzoapp.store.facade import Store

DAYS = 3650
SYMPTOMS = 12
STEPS = 2000
START = dt.date(2020, 1, 1)


def fill_ten_years(store: Store) -> None:
    days = [START + dt.timedelta(days=i) for i in range(DAYS)]
    store.dose_log.record_many(
        DoseLogEntry(day, time, "diazepam", Decimal("2.5"), Decimal("2.5"))
        for day in days
        for time in ("08:00", "22:00")
    )
    store.journal.save_days(
        JournalDay(
            day,
            {f"symptom_{k:02d}": (i + k) % 11 for k in range(SYMPTOMS)},
            {"physical": i % 11, "cognitive": (i * 3) % 11, "emotional": (i * 7) % 11},
            "",
        )
        for i, day in enumerate(days)
    )


def big_plan() -> Plan:
    steps = tuple(
        Step(
            i,
            START + dt.timedelta(days=i),
            1,
            (
                StepDose("diazepam", "08:00", Decimal("1.25"), "1/2 x 2.5 mg"),
                StepDose("diazepam", "22:00", Decimal("2.5"), "1 x 2.5 mg"),
            ),
            Decimal("3.75"),
        )
        for i in range(STEPS)
    )
    regimen = Regimen((RegimenDose("diazepam", "22:00", Decimal(10)),))
    return Plan(regimen, PlanSettings(start=START), steps)


def raw_load(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        n = len(
            conn.execute(
                "SELECT day, time, drug, planned_mg, taken_mg, note FROM dose_log "
                "ORDER BY day, time, drug"
            ).fetchall()
        )
        n += len(conn.execute("SELECT day, notes FROM journal_days ORDER BY day").fetchall())
        n += len(
            conn.execute(
                "SELECT day, symptom, severity FROM journal_symptoms ORDER BY day, position"
            ).fetchall()
        )
        n += len(
            conn.execute(
                "SELECT day, kind, level FROM journal_exertion ORDER BY day, position"
            ).fetchall()
        )
        return n
    finally:
        conn.close()


def raw_save(db: Path, plan: Plan, number: list[int]) -> None:
    """The same plan rows as a store save, through sqlite3 in one transaction."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN IMMEDIATE")
        number[0] += 1
        plan_id = conn.execute(
            "INSERT INTO plans (name, active, created_at) VALUES (?, 0, '')", (f"raw{number[0]}",)
        ).lastrowid
        s = plan.settings
        version_id = conn.execute(
            "INSERT INTO plan_versions (plan_id, number, created_at, note, step_count, method, "
            "rate_percent, every_days, form, start, crossover_to, equivalence_table, "
            "liquid_mg_per_ml, micro, modified_release) "
            "VALUES (?, 1, '', '', ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?)",
            (
                plan_id,
                len(plan.steps),
                s.method.value,
                str(s.rate_percent),
                s.every_days,
                s.form.value,
                s.start.isoformat(),
                s.crossover_to,
                s.table,
                ",".join(s.modified_release),
            ),
        ).lastrowid
        conn.executemany(
            "INSERT INTO plan_regimen_doses (version_id, position, drug, time, mg, release) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (version_id, i, d.drug, d.time, str(d.mg), d.release)
                for i, d in enumerate(plan.regimen.doses)
            ],
        )
        conn.executemany(
            "INSERT INTO plan_steps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    version_id,
                    i,
                    st.index,
                    st.start.isoformat(),
                    st.days,
                    str(st.diazepam_equivalent_mg),
                    st.hold,
                    st.edited,
                    st.note,
                    len(st.doses),
                    st.history,
                )
                for i, st in enumerate(plan.steps)
            ],
        )
        conn.executemany(
            "INSERT INTO plan_step_doses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (version_id, i, j, d.drug, d.time, str(d.mg), d.units, d.makeable)
                for i, st in enumerate(plan.steps)
                for j, d in enumerate(st.doses)
            ],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="benzoapp-bench-store-") as tmp:
        folder = Path(tmp)
        plan = big_plan()
        with open_store(folder) as store:
            fill_ten_years(store)

            def load() -> None:
                store.dose_log.all()
                store.journal.all()

            load_s = median_seconds(load, repeat=7)
            raw_load_s = median_seconds(lambda: raw_load(store.db_path), repeat=7)
            save_s = median_seconds(lambda: store.plans.save(plan, "bench", active=False), repeat=7)
            counter = [0]
            raw_save_s = median_seconds(lambda: raw_save(store.db_path, plan, counter), repeat=7)
    return [
        Figure(
            name=f"load {DAYS} days of dose log + journal",
            value=load_s * 1000,
            baseline_name="same rows through sqlite3, no objects",
            baseline=raw_load_s * 1000,
            unit="ms",
            max_value=200,
        ),
        Figure(
            name=f"save a {STEPS}-step plan",
            value=save_s * 1000,
            baseline_name="same rows through sqlite3 executemany",
            baseline=raw_save_s * 1000,
            unit="ms",
            max_value=100,
        ),
    ]
