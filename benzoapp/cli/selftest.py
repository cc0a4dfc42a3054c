"""``benzoapp --self-test``: exercise every subsystem once on a fresh temporary database.

Meant for a frozen build on a user's machine as much as for CI: it prints each check and
its outcome, and exits non-zero with a plain message when anything fails.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SelfTestContext:
    """What the checks share: a throw-away data folder and notes for later checks."""

    data_dir: Path
    notes: dict[str, object] = field(default_factory=dict)


Check = Callable[[SelfTestContext], str]


def check_resources(ctx: SelfTestContext) -> str:
    """The bundle carries its resources and migrations."""
    from benzoapp.paths import bundle_root, migrations_path, resource_path

    resource_path("styles", "base.qss")
    if not (migrations_path() / "versions").is_dir():
        raise RuntimeError("the migrations folder has no versions/")
    return f"bundle at {bundle_root()}"


def check_store(ctx: SelfTestContext) -> str:
    """A fresh data file is created and migrated; a plan and a journal day read back exactly."""
    import datetime as dt
    from decimal import Decimal

    from benzoapp.core.model import (
        JournalDay,
        Plan,
        PlanSettings,
        Regimen,
        RegimenDose,
        Step,
        StepDose,
    )
    from benzoapp.store import open_store
    from benzoapp.store.schema import DB_FILENAME, SCHEMA_HEAD, read_stored_revision

    dose = StepDose("diazepam", "22:00", Decimal("0.125"))
    plan = Plan(
        Regimen((RegimenDose("diazepam", "22:00", Decimal("0.25")),)),
        PlanSettings(start=dt.date(2030, 1, 7)),
        (Step(0, dt.date(2030, 1, 7), 14, (dose,), Decimal("0.125")),),
    )
    day = JournalDay(dt.date(2030, 1, 7), {"tinnitus": 3}, {"physical": 2}, "self-test")
    with open_store(ctx.data_dir) as store:
        revision = read_stored_revision(ctx.data_dir / DB_FILENAME)
        if revision != SCHEMA_HEAD:
            raise RuntimeError(f"schema is {revision}, expected {SCHEMA_HEAD}")
        plan_id = store.plans.save(plan, "self-test")
        store.journal.save_day(day)
        if store.plans.get(plan_id) != plan or store.journal.all() != [day]:
            raise RuntimeError("saved data did not read back unchanged")
    return f"database at schema {revision}; plan and journal day read back exactly"


def check_main_window(ctx: SelfTestContext) -> str:
    """The main window builds and shows offscreen."""
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = MainWindow()
    window.show()
    app.processEvents()
    shown = window.isVisible()
    window.close()
    if not shown:
        raise RuntimeError("the main window did not show")
    return f"main window shown with {window.navigation.count()} sections"


CHECKS: list[tuple[str, Check]] = [
    ("resources", check_resources),
    ("store", check_store),
    ("main window", check_main_window),
]


def run_self_test() -> int:
    """Run every check; print one line each; return 0 only if all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="benzoapp-selftest-") as tmp:
        ctx = SelfTestContext(data_dir=Path(tmp))
        for name, check in CHECKS:
            try:
                detail = check(ctx)
            except Exception as error:  # report every failure, then go on
                failures += 1
                print(f"FAIL  {name}: {error}")
                traceback.print_exc(file=sys.stderr)
            else:
                print(f"ok    {name}: {detail}")
    print(f"self-test: {len(CHECKS) - failures} passed, {failures} failed")
    return 1 if failures else 0
