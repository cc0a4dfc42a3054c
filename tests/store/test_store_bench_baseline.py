"""The store benchmark's sqlite3 baseline writes what the store writes, on today's schema.

A migration that adds a column broke the baseline once without any test noticing; the
benchmark is only honest if its plain-sqlite3 rows read back as the same plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.bench_store import big_plan, raw_load, raw_save
from benzoapp.store import open_store


def test_the_raw_save_reads_back_as_the_same_plan(tmp_path: Path) -> None:
    plan = big_plan()
    with open_store(tmp_path) as store:
        raw_save(store.db_path, plan, [0])
        (summary,) = store.plans.list()
        saved = store.plans.get(summary.id)
        assert raw_load(store.db_path) == 0
    assert saved.steps == plan.steps
    assert saved.regimen == plan.regimen
