"""Tables never leave a stub on a page, headings stay with their tables (issue 17, point 4).

The layout is recorded as ReportLab lays the real printout out: after each flowable is
drawn, which page it went on and, for a table, which of its rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from typing import Any

import pytest
from reportlab.platypus import Paragraph

from benzoapp.report.data import PageSize, ReportData, ReportOptions
from benzoapp.report.pdf.page import canvas_class, make_doc
from benzoapp.report.pdf.tables import MIN_ROWS
from benzoapp.report.pdf_plan import build_story, furniture_for, render_plan_pdf_bytes
from benzoapp.report.sample import daily_micro_plan, sample_plan

from .conftest import pdf_pages_text

HEADING_STYLES = {"title", "heading", "subheading"}


def laid_out(data: ReportData) -> list[tuple[int, Any]]:
    """(page, flowable) for every flowable drawn, in order."""
    furniture = furniture_for(data)
    doc = make_doc(io.BytesIO(), furniture, title=furniture.title)
    drawn: list[tuple[int, Any]] = []
    doc.afterFlowable = lambda flowable: drawn.append((doc.page, flowable))
    doc.build(build_story(data), canvasmaker=canvas_class(furniture))
    return drawn


def check_layout(drawn: list[tuple[int, Any]]) -> int:
    """Assert the rules; return how many table pieces were checked."""
    pieces = 0
    for page, flowable in drawn:
        span = getattr(flowable, "rows_span", None)
        if span is None:
            continue
        first, end, whole = span
        pieces += 1
        assert end - first >= min(MIN_ROWS, whole), (page, span)
        if first > 0 or end < whole:  # a piece of a split table: the rest holds enough too
            assert whole - end == 0 or whole - end >= MIN_ROWS, (page, span)
    last_on_page: dict[int, Any] = {}
    for page, flowable in drawn:
        last_on_page[page] = flowable
    for page, flowable in last_on_page.items():
        if isinstance(flowable, Paragraph):
            assert flowable.style.name not in HEADING_STYLES, (page, flowable.text)
    return pieces


@pytest.mark.parametrize("weeks", [1, 2, 3, 4, 5, 6, 8])
@pytest.mark.parametrize("days", [20, 45, 61, 90])
def test_no_table_leaves_fewer_than_three_rows_on_a_page(days: int, weeks: int) -> None:
    plan = daily_micro_plan(days=days)
    data = ReportData(
        plan=plan,
        options=ReportOptions(
            page_size=PageSize.A4, generated_on=plan.steps[0].start, checklist_weeks=weeks
        ),
    )
    assert check_layout(laid_out(data)) >= 3


@pytest.mark.parametrize("size", [PageSize.A4, PageSize.LETTER])
@pytest.mark.parametrize("every", [3, 7, 14])
def test_the_sample_plans_keep_headings_with_their_tables(
    report_data: ReportData, size: PageSize, every: int
) -> None:
    plan = sample_plan(every_days=every)
    data = dataclasses.replace(
        report_data,
        plan=plan,
        options=dataclasses.replace(report_data.options, page_size=size, checklist_weeks=6),
    )
    check_layout(laid_out(data))


def test_a_long_checklist_repeats_its_header_on_every_page() -> None:
    plan = daily_micro_plan(days=200)
    data = ReportData(
        plan=plan,
        options=ReportOptions(
            page_size=PageSize.A4, generated_on=plan.steps[0].start, checklist_weeks=12
        ),
    )
    pages = pdf_pages_text(render_plan_pdf_bytes(data))
    start = plan.steps[0].start
    checklist = [
        text
        for text in pages
        if any(
            f"{day:%a} {day.day} {day:%b %Y} ☐" in text
            for day in (start + dt.timedelta(days=n) for n in range(84))
        )
    ]
    assert len(checklist) >= 3
    assert all("Day 08:00 20:00 Notes" in text for text in checklist)
