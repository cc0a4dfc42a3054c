"""A second instance works safely: two processes writing to one data file at once both succeed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benzoapp.store import open_store

WRITER = """
import datetime as dt, sys
from decimal import Decimal
from pathlib import Path
from benzoapp.core.model import DoseLogEntry, JournalDay
from benzoapp.store import open_store

folder, who = Path(sys.argv[1]), sys.argv[2]
sys.stdin.readline()  # start together
with open_store(folder) as store:
    for i in range(150):
        day = dt.date(2030, 1, 1) + dt.timedelta(days=i)
        store.dose_log.record(DoseLogEntry(day, "08:00", who, Decimal("5"), Decimal("5")))
        store.journal.save_day(JournalDay(day, {who: i % 11}))
print("done")
"""


def test_two_processes_writing_at_once(fresh_dir: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(fresh_dir), who],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("gui", "cli")
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    with open_store(fresh_dir) as store:
        log = store.dose_log.all()
        assert len(log) == 300
        assert {e.drug for e in log} == {"gui", "cli"}
        journal = store.journal.all()
        assert len(journal) == 150
        # Saving a day replaces it whole: each day holds one writer's entry, never a blend.
        assert all(len(d.symptoms) == 1 for d in journal)
        assert store.integrity_problems() == []
