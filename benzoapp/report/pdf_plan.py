"""The printed plan as a PDF: what a person takes to their prescriber and pharmacist.

``write_plan_pdf`` saves it (atomically); ``render_plan_pdf_bytes`` returns the bytes for
a print preview or for the GUI to hand to the system's printing.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from benzoapp.report.atomic import write_atomic
from benzoapp.report.data import ReportData
from benzoapp.report.pdf.chart import chart_story
from benzoapp.report.pdf.checklist import checklist_story
from benzoapp.report.pdf.clinician import appendix_story, history_story
from benzoapp.report.pdf.coping import coping_story
from benzoapp.report.pdf.medications import medications_story
from benzoapp.report.pdf.options import options_story
from benzoapp.report.pdf.page import Furniture, canvas_class, frame_size, make_doc
from benzoapp.report.pdf.pharmacy import pharmacy_story
from benzoapp.report.pdf.prescriber import prescriber_summary_story
from benzoapp.report.pdf.steps import steps_story
from benzoapp.report.pdf.styles import PAGE_SIZES, make_styles
from benzoapp.report.pdf.summary import summary_story
from benzoapp.report.text import format_date


@dataclass(frozen=True)
class RenderedPdf:
    """The finished document and how many pages it has."""

    data: bytes
    pages: int


def furniture_for(data: ReportData) -> Furniture:
    name = data.person_name
    options = data.options
    return Furniture(
        title=f"Taper plan for {name}" if name else "Taper plan",
        made_line=(
            f"BenzoApp {options.app_version} · made {format_date(options.generated_on)} · "
            f"equivalences: {data.equivalence_table}"
        ),
        page_size=PAGE_SIZES[options.page_size],
    )


def build_story(data: ReportData) -> list[Flowable]:
    """Every section in reading order; sections a reader may hand on start a new page.

    The prescriber's part opens with a page that stands alone (:mod:`.pdf.prescriber`).
    """
    styles = make_styles()
    width, height = frame_size(PAGE_SIZES[data.options.page_size])
    plan = data.plan
    return [
        *summary_story(data, styles, width),
        *chart_story(plan, styles, width),
        # The step table may follow the chart on its page: its heading goes with at least
        # three rows (and repeats its header on each page); a lone chart would waste a sheet.
        *steps_story(plan, styles, width),
        PageBreak(),
        *pharmacy_story(data, styles, width),
        *medications_story(data.medications, styles, data.clinician.regimen_flags),
        *coping_story(data.coping, styles, data.medications),
        PageBreak(),
        *checklist_story(data, styles, width),
        PageBreak(),
        *prescriber_summary_story(data, styles, width, height),
        PageBreak(),
        *history_story(data, styles),
        *options_story(data, styles),
        *appendix_story(data, styles),
    ]


def render_plan_pdf(data: ReportData) -> RenderedPdf:
    """Lay out the whole plan in memory."""
    furniture = furniture_for(data)
    buffer = io.BytesIO()
    doc = make_doc(buffer, furniture, title=furniture.title)
    doc.build(build_story(data), canvasmaker=canvas_class(furniture))
    return RenderedPdf(data=buffer.getvalue(), pages=doc.page)


def render_plan_pdf_bytes(data: ReportData) -> bytes:
    """The PDF's bytes, e.g. for a print preview; nothing is written to disk."""
    return render_plan_pdf(data).data


def write_plan_pdf(path: str | os.PathLike[str], data: ReportData) -> Path:
    """Save the plan as a PDF at ``path`` (temporary sibling, then rename); return the path."""
    return write_atomic(path, render_plan_pdf(data).data)
