"""Everything the printed plan shows, gathered in one place for the window and the command.

``benzoapp report`` and the window's *Export PDF* both call :func:`gather_report_data`
with what the data folder holds, so the two printouts cannot drift apart (an earlier
window export left out the journal's history and framework notes on the prescriber's
page). It only combines the core's results; it reads nothing from disk itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from benzoapp.core.cautions import Checker, KnowledgeBase, check_regimen, plan_drug_names
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.model import JournalDay, Medication, Plan, Profile
from benzoapp.report.data import ClinicianNotes, ReportData, ReportOptions


def gather_report_data(
    plan: Plan,
    *,
    catalog: DrugCatalog,
    kb: KnowledgeBase,
    profile: Profile | None,
    medications: Sequence[Medication],
    journal: Sequence[JournalDay],
    options: ReportOptions | None = None,
    checker: Checker | None = None,
) -> ReportData:
    """The plan with its pharmacy amounts, each medication's caution, coping guidance and
    the prescriber's part (the checker's regimen flags, the journal's findings, framework
    notes, conditions withdrawal mimics).

    ``checker`` may be passed to reuse one already built over ``kb``.
    """
    from benzoapp.core.journal.summary import analyse_journal
    from benzoapp.core.taper import pill_counts
    from benzoapp.report.from_core import (
        coping_rows,
        framework_rows,
        medication_rows,
        pharmacy_rows,
    )
    from benzoapp.report.plan_guidance import plan_guidance
    from benzoapp.report.prescriber_facts import flag_rows, journal_findings

    options = options or ReportOptions()
    checker = checker or Checker(kb)
    check = check_regimen(checker, plan_drug_names(plan), medications)
    days = list(journal)
    summary = analyse_journal(days, plan, profile)
    framework, mimics = framework_rows(summary.framework) if summary.framework else ((), ())
    return ReportData(
        plan=plan,
        table_name=catalog.table(plan.settings.table).name,
        profile=profile,
        medications=medication_rows(check.results, [m.kind for m in medications]),
        coping=coping_rows(kb),
        pharmacy=pharmacy_rows(
            plan, pill_counts(plan, catalog), options.prescription_days, options.bottle_ml
        ),
        clinician=ClinicianNotes(
            framework_notes=framework,
            mimic_conditions=mimics,
            journal=journal_findings(summary) if days else None,
            regimen_flags=flag_rows(check.flags),
        ),
        options=options,
        guidance=plan_guidance(plan, catalog, profile),
    )
