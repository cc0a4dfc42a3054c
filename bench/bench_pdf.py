"""PDF plan of a 3-year daily micro-taper against a bare ReportLab table of the same rows.

The baseline is what any ReportLab program printing the same step table would cost: one
``Table`` of the same header and rows, header repeated on each page, default font. The
plan adds everything else (summary, chart, pharmacy, checklist, prescriber page, an
embedded font, page furniture) and must stay within 1.3x of it and under 1.5 s.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from bench.harness import Figure

REPEAT = 5


def _bare_pdf(header: list[str], rows: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    table = Table([header, *rows], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0.6, 0.6, 0.6))]))
    doc.build([table])
    return buffer.getvalue()


def _alternating(a: Callable[[], object], b: Callable[[], object]) -> tuple[float, float]:
    """Medians of ``a`` and ``b`` run turn about, so machine noise hits both alike."""
    a()
    b()
    times_a, times_b = [], []
    for _ in range(REPEAT):
        start = time.perf_counter()
        a()
        times_a.append(time.perf_counter() - start)
        start = time.perf_counter()
        b()
        times_b.append(time.perf_counter() - start)
    return statistics.median(times_a), statistics.median(times_b)


def _figures(
    label: str, plan_factory: Callable[[], object], max_ratio: float | None = 1.3
) -> list[Figure]:
    from benzoapp.core.model import Plan
    from benzoapp.report.data import PageSize, ReportData, ReportOptions
    from benzoapp.report.pdf.steps import step_rows
    from benzoapp.report.pdf_plan import render_plan_pdf

    plan = plan_factory()
    assert isinstance(plan, Plan)
    data = ReportData(
        plan=plan,
        table_name="Ashton Manual (2002)",
        options=ReportOptions(page_size=PageSize.A4, generated_on=plan.steps[0].start),
    )
    header, rows = step_rows(plan, {})
    pages = render_plan_pdf(data).pages
    ours, bare = _alternating(lambda: render_plan_pdf(data), lambda: _bare_pdf(header, rows))
    return [
        Figure(
            name=f"{label}: {len(plan.steps)} steps, {pages} pages (median)",
            value=ours,
            baseline_name=f"bare ReportLab table of the same {len(rows)} rows",
            baseline=bare,
            unit="s",
            max_ratio=max_ratio,
            max_value=1.5,
        )
    ]


def _engine_plan() -> object:
    from benzoapp.core.model import Form, PlanSettings, Regimen, RegimenDose
    from benzoapp.core.taper import build_plan

    regimen = Regimen(
        doses=(
            RegimenDose("diazepam", "08:00", Decimal(10)),
            RegimenDose("diazepam", "20:00", Decimal(10)),
        )
    )
    settings = PlanSettings(
        start=dt.date(2025, 1, 6), micro=True, form=Form.WEIGHED, rate_percent=Decimal(10)
    )
    return build_plan(regimen, settings)


def run() -> list[Figure]:
    from benzoapp.report.pdf.styles import register_fonts
    from benzoapp.report.sample import daily_micro_plan

    register_fonts()  # once per process, like the app; not part of either figure
    return [
        *_figures("3-year daily micro-taper PDF", lambda: daily_micro_plan(days=1100)),
        # For information: the engine's finest daily plan has taller rows (splits spelled
        # out), so more pages; the ratio target is for the daily plan above.
        *_figures("engine weighed micro-taper PDF", _engine_plan, max_ratio=None),
    ]
