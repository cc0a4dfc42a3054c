"""The PDF plan from the window: gather what the report shows, render it when asked.

ReportLab and the report package are imported only here, when the person exports, so
they never slow the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from benzoapp.core.cautions import Checker
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.model import Medication, Plan, Profile

if TYPE_CHECKING:
    from benzoapp.report.data import ReportData


def report_data(
    plan: Plan,
    catalog: DrugCatalog,
    profile: Profile | None,
    medications: list[Medication],
    checker: Checker,
) -> ReportData:
    """The plan, the pharmacy amounts, and each medication with the checker's answer."""
    from benzoapp.core.taper import pill_counts
    from benzoapp.report.data import ReportData, ReportOptions
    from benzoapp.report.from_core import coping_rows, medication_rows, pharmacy_rows

    options = ReportOptions()
    return ReportData(
        plan=plan,
        table_name=catalog.table(plan.settings.table).name,
        profile=profile,
        medications=medication_rows(
            [checker.check(m.name) for m in medications], [m.kind for m in medications]
        ),
        pharmacy=pharmacy_rows(plan, pill_counts(plan, catalog), options.prescription_days),
        coping=coping_rows(checker.kb),
        options=options,
    )


def render_pdf(data: ReportData) -> bytes:
    """The PDF as bytes, saved by the caller through a temporary sibling."""
    from benzoapp.report.pdf_plan import render_plan_pdf_bytes

    return render_plan_pdf_bytes(data)
