"""Where ``benzoapp report`` gets the stored active plan and everything saved with it.

The command only needs one function from data folder to ``ReportData``; keeping it behind
this small seam lets the command be tested without a database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from benzoapp.report.data import ReportData, ReportOptions

# Reads the active plan with its profile, medications, notes; None when none is stored.
ReportLoader = Callable[[Path, ReportOptions], ReportData | None]


def load_active_report_data(data_dir: Path, options: ReportOptions) -> ReportData | None:
    """The stored active plan with the profile, medicines' cautions, pill counts and journal."""
    from benzoapp.core.cautions import Checker, check_regimen, load_knowledge_base
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.journal.summary import analyse_journal, summary_lines
    from benzoapp.core.taper import pill_counts
    from benzoapp.report.data import ClinicianNotes
    from benzoapp.report.from_core import (
        coping_rows,
        framework_rows,
        medication_rows,
        pharmacy_rows,
    )
    from benzoapp.store import open_store

    with open_store(data_dir) as store:
        active = store.plans.active()
        if active is None:
            return None
        _, plan = active
        profile = store.profile.get()
        medications = [m for _, m in store.medications.list()]
        journal = store.journal.all()
    catalog = load_catalog()
    kb = load_knowledge_base()
    checker = Checker(kb)
    results = check_regimen(checker, (), medications)
    summary = analyse_journal(journal, plan, profile)
    framework, mimics = framework_rows(summary.framework) if summary.framework else ((), ())
    return ReportData(
        plan=plan,
        table_name=catalog.table(plan.settings.table).name,
        profile=profile,
        medications=medication_rows(results, [m.kind for m in medications]),
        coping=coping_rows(kb),
        pharmacy=pharmacy_rows(plan, pill_counts(plan, catalog), options.prescription_days),
        clinician=ClinicianNotes(
            history=tuple(summary_lines(summary)) if journal else (),
            framework_notes=framework,
            mimic_conditions=mimics,
        ),
        options=options,
    )
