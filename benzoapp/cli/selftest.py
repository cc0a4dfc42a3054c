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
from decimal import Decimal
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


def check_quick_read(ctx: SelfTestContext) -> str:
    """The start-up snapshot (plain sqlite3) reads what the store reads."""
    import datetime as dt

    from benzoapp.store import open_store
    from benzoapp.store.quick_read import read_today

    day = dt.date(2030, 1, 7)
    snapshot = read_today(ctx.data_dir, day)
    with open_store(ctx.data_dir) as store:
        same = snapshot is not None and (
            snapshot.active() == store.plans.active()
            and snapshot.between(day, day) == store.dose_log.between(day, day)
            and snapshot.get(day) == store.journal.get(day)
        )
    if not same:
        raise RuntimeError("the start-up snapshot differs from the store")
    return "start-up snapshot equals the store"


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


def check_taper(ctx: SelfTestContext) -> str:
    """The drug data loads and a small crossover taper plans down to zero."""
    import datetime as dt

    from benzoapp.core.dose_parse import parse_regimen
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.model import Method, PlanSettings
    from benzoapp.core.taper import build_plan

    catalog = load_catalog()
    regimen = parse_regimen("lorazepam 1mg 08:00; lorazepam 1mg 22:00", catalog)
    settings = PlanSettings(
        method=Method.LINEAR,
        rate_percent=Decimal(5),
        start=dt.date(2030, 1, 7),
        crossover_to="diazepam",
    )
    plan = build_plan(regimen, settings, catalog)
    if plan.steps[-1].total_mg != 0 or plan.steps[2].diazepam_equivalent_mg != 20:
        raise RuntimeError("the lorazepam crossover plan did not reach zero from 20 mg")
    return f"{len(catalog.drugs)} drugs; crossover plan of {len(plan.steps)} steps to zero"


def check_cautions(ctx: SelfTestContext) -> str:
    """The caution knowledge base loads and reads a brand, a phrase and a made-up word right."""
    from benzoapp.core.cautions import KNOWN_KIND, Checker, Level, load_knowledge_base

    checker = Checker(load_knowledge_base())
    expected = {
        "Valium": Level.AVOID,
        "Epsom salt bath": Level.AVOID,
        "qwertyuiop": Level.NOT_COVERED,
        "Dramamine": Level.NOT_COVERED,  # a known medicine, not its look-alike Dalmane
    }
    for query, level in expected.items():
        result = checker.check(query)
        if result.level is not level or (query == "Dramamine" and result.suggestions):
            raise RuntimeError(f"check {query!r} gave {result.level.value}, expected {level.value}")
    known = sum(entry.kind == KNOWN_KIND for entry in checker.kb.entries.values())
    return (
        f"{len(checker.kb.entries) - known} entries, {known} known medicines not covered; "
        "Valium, Epsom salt bath, qwertyuiop, Dramamine read right"
    )


def check_journal(ctx: SelfTestContext) -> str:
    """A small synthetic journal: its wave and its post-exertional flare are found."""
    import datetime as dt

    from benzoapp.core.journal import FrameworkAnswers, analyse_journal, load_catalogue
    from benzoapp.core.journal.synthetic import Exertion, Shift, make_journal

    catalogue = load_catalogue()
    days = make_journal(
        dt.date(2025, 1, 1),
        60,
        shifts=(Shift(offset=20, days=6, change=9),),
        exertions=(Exertion(offset=40, flare=9, delay=2),),
    )
    summary = analyse_journal(days, profile=FrameworkAnswers(True, False, True, True))
    if [(e.start.day, e.days) for e in summary.waves] != [(21, 6)]:
        raise RuntimeError(f"expected one 6-day wave from 21 January, got {summary.episodes}")
    if [o.delay_days for o in summary.pem.occurrences] != [2]:
        raise RuntimeError("the flare 48 hours after exertion was not found")
    if summary.framework is None or summary.framework.position is None:
        raise RuntimeError("the framework answers matched no position")
    return (
        f"{len(catalogue.symptoms)} symptoms; wave, 48-hour flare and "
        f"'{summary.framework.position.id}' position found"
    )


def check_gui_pages(ctx: SelfTestContext) -> str:
    """The composition root fills the window's sections from a fresh data folder."""
    from PySide6.QtWidgets import QApplication

    from benzoapp.app import attach_data, create_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    folder = ctx.data_dir / "gui"
    folder.mkdir()
    window, undo_stack = create_window(app, folder)
    window.show()
    attach_data(window, folder, undo_stack)
    app.processEvents()
    missing = [t for t, page in window.pages.items() if page.objectName() == "placeholder"]
    filled = len(window.pages) - len(missing)
    window.close()
    if missing:
        raise RuntimeError(f"sections left empty: {', '.join(missing)}")
    return f"all {filled} sections filled from a fresh data folder"


def check_report(ctx: SelfTestContext) -> str:
    """A small plan's PDF is written to the data folder and reads back as a whole PDF."""
    import re

    from benzoapp.report.data import ReportData
    from benzoapp.report.pdf_plan import write_plan_pdf
    from benzoapp.report.sample import sample_plan

    path = write_plan_pdf(ctx.data_dir / "self-test-plan.pdf", ReportData(plan=sample_plan()))
    raw = path.read_bytes()
    pages = len(re.findall(rb"/Type /Page\b", raw))
    if not raw.startswith(b"%PDF-") or not raw.rstrip().endswith(b"%%EOF"):
        raise RuntimeError("the PDF plan is not a complete PDF file")
    if pages < 4 or b"/FontFile2" not in raw:
        raise RuntimeError(f"the PDF plan has {pages} pages or lacks its embedded font")
    return f"PDF plan of {pages} pages, {len(raw) // 1024} KiB, font embedded"


CHECKS: list[tuple[str, Check]] = [
    ("resources", check_resources),
    ("store", check_store),
    ("quick start read", check_quick_read),
    ("taper engine", check_taper),
    ("main window", check_main_window),
    ("cautions", check_cautions),
    ("journal", check_journal),
    ("window sections", check_gui_pages),
    ("pdf plan", check_report),
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
