"""The PDF plan from the window: rendered only when the person exports.

ReportLab and the report package are imported only here (and in the export slot), when
the person exports, so they never slow the start. What the PDF holds is gathered by
``benzoapp.report.gather.gather_report_data``, the same function ``benzoapp report`` uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benzoapp.report.data import ReportData


def render_pdf(data: ReportData) -> bytes:
    """The PDF as bytes, saved by the caller through a temporary sibling."""
    from benzoapp.report.pdf_plan import render_plan_pdf_bytes

    return render_plan_pdf_bytes(data)
