"""Crash safety: SIGKILL at random moments while large plans and logs are saved.

After every kill the file opens, passes ``PRAGMA integrity_check`` and holds either the
state before the interrupted save or the one after it, never part of one: every saved
plan equals, step for step, the plan the writer meant to save, each version's header
step count matches its rows, and each dose-log batch is there whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import sys
import time
import traceback
from decimal import Decimal
from pathlib import Path

import pytest

from benzoapp.core.model import (
    DoseLogEntry,
    Plan,
    PlanSettings,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
)
from benzoapp.store import open_store
from benzoapp.store.schema import DB_FILENAME

KILLS = 55
START = dt.date(2030, 1, 1)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX only"),
]


def big_plan(i: int) -> Plan:
    """The plan the writer saves in round ``i`` (the checker rebuilds it to compare)."""
    rng = random.Random(i)
    count = rng.randint(300, 2500)
    steps = tuple(
        Step(
            index=k,
            start=START + dt.timedelta(days=k),
            days=1,
            doses=tuple(
                StepDose("diazepam", t, Decimal(rng.randint(1, 4000)) / 100, f"round {i}")
                for t in ("08:00", "22:00")[: rng.randint(1, 2)]
            ),
            diazepam_equivalent_mg=Decimal(k) / 4,
        )
        for k in range(count)
    )
    regimen = Regimen((RegimenDose("diazepam", "22:00", Decimal(i)),))
    return Plan(regimen, PlanSettings(start=START), steps)


def batch(i: int) -> list[DoseLogEntry]:
    """The dose-log entries the writer records in one transaction in round ``i``."""
    size = random.Random(-i).randint(50, 400)
    return [
        DoseLogEntry(
            START + dt.timedelta(days=d), "08:00", f"batch-{i}", Decimal(d), None, str(size)
        )
        for d in range(size)
    ]


def writer(folder: Path, first: int, report_fd: int) -> None:
    """Save rounds forever, reporting each committed round on the pipe."""
    store = open_store(folder)
    i = first
    while True:
        store.plans.save(big_plan(i), f"crash-{i}")
        store.dose_log.record_many(batch(i))
        os.write(report_fd, f"{i}\n".encode())
        # Keep the file small: drop rounds older than i - 2 (each deletion is atomic too).
        for summary in store.plans.list():
            if int(summary.name.removeprefix("crash-")) < i - 2:
                store.plans.delete(summary.id)
        with store.db.write() as conn:
            conn.exec_driver_sql("DELETE FROM dose_log WHERE drug = ?", (f"batch-{i - 3}",))
        i += 1


def check(folder: Path, committed: int) -> None:
    db = folder / DB_FILENAME
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        torn = raw.execute(
            "SELECT v.id FROM plan_versions v WHERE v.step_count != "
            "(SELECT count(*) FROM plan_steps s WHERE s.version_id = v.id)"
        ).fetchall()
        assert torn == [], "a plan version lost some of its steps"
        torn = raw.execute(
            "SELECT s.version_id, s.position FROM plan_steps s WHERE s.dose_count != (SELECT "
            "count(*) FROM plan_step_doses d WHERE d.version_id = s.version_id "
            "AND d.step_position = s.position)"
        ).fetchall()
        assert torn == [], "a step lost some of its doses"
    finally:
        raw.close()
    with open_store(folder) as store:
        names = {p.name: p.id for p in store.plans.list()}
        if committed >= 0:
            assert f"crash-{committed}" in names, "a committed save was lost"
        for name, plan_id in names.items():
            i = int(name.removeprefix("crash-"))
            assert i <= committed + 1, "a save appeared that was never made"
            assert store.plans.get(plan_id) == big_plan(i)
        by_batch: dict[str, list[DoseLogEntry]] = {}
        for entry in store.dose_log.all():
            by_batch.setdefault(entry.drug, []).append(entry)
        for drug, entries in by_batch.items():
            assert entries == batch(int(drug.removeprefix("batch-"))), f"{drug} is partial"


def test_sigkill_during_saves_never_leaves_a_mix(fresh_dir: Path) -> None:
    rng = random.Random(20261122)
    committed = -1
    deadline = time.monotonic() + 180
    for _ in range(KILLS):
        assert time.monotonic() < deadline, "crash test is too slow"
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns into pytest
            code = 0
            try:
                os.close(read_fd)
                writer(fresh_dir, committed + 1, write_fd)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.35))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), "the writer stopped by itself: it failed"
        assert os.WTERMSIG(status) == signal.SIGKILL
        with os.fdopen(read_fd) as reports:
            rounds = [int(line) for line in reports.read().split()]
        if rounds:
            committed = rounds[-1]
        check(fresh_dir, committed)
    assert committed >= 10, "too few saves finished for the test to mean anything"
