"""Language, title and an outline entry per part (issue 17, point 6), read back with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader

from benzoapp.report.data import ReportData
from benzoapp.report.pdf_plan import render_plan_pdf_bytes

from .conftest import TRICKY_NAME, pdf_pages_text

PARTS = [
    "Summary",
    "The dose over time",
    "Step by step",
    "For the pharmacy",
    "Other medicines, supplements and therapies",
    "Coping along the way",
    "Daily checklist",
    "For the prescriber",
    "Appendix: the journal in full",
]


def test_language_and_title_are_in_the_metadata(report_data: ReportData) -> None:
    reader = PdfReader(io.BytesIO(render_plan_pdf_bytes(report_data)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == f"Taper plan for {TRICKY_NAME}"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert root["/PageMode"] == "/UseOutlines"


def test_each_part_has_an_outline_entry_that_opens_its_page(report_data: ReportData) -> None:
    raw = render_plan_pdf_bytes(report_data)
    reader = PdfReader(io.BytesIO(raw))
    pages = pdf_pages_text(raw)
    entries = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert [title for title, _ in entries] == PARTS
    numbers = [number for _, number in entries]
    assert numbers == sorted(numbers)
    for title, number in entries:
        heading = "Taper plan for" if title == "Summary" else title
        assert heading in pages[number], title
    pharmacy = dict(entries)["For the pharmacy"]
    assert "whole tablets" in pages[pharmacy].lower()
