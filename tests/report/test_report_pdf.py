"""The PDF plan read back: doses, dates, flags, escaping, page furniture, page size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from benzoapp.report.data import PageSize, ReportData, ReportOptions
from benzoapp.report.pdf_plan import render_plan_pdf, render_plan_pdf_bytes, write_plan_pdf
from benzoapp.report.sample import daily_micro_plan, sample_plan

from .conftest import TRICKY_NAME, pdf_pages_text


@pytest.fixture
def pages(report_data: ReportData) -> list[str]:
    return pdf_pages_text(render_plan_pdf_bytes(report_data))


def test_every_page_has_number_date_version_table_and_statement(pages: list[str]) -> None:
    assert len(pages) >= 5
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in text
        assert "made 20 Mar 2025" in text
        assert "BenzoApp 9.8.7" in text
        assert "equivalences: Ashton Manual (2002)" in text
        assert "This plan informs; the prescriber decides." in text


def test_typed_name_prints_exactly_as_typed(pages: list[str]) -> None:
    assert f"Taper plan for {TRICKY_NAME}" in pages[0]
    # Every page header carries it, and the markup did not turn into formatting.
    assert all(TRICKY_NAME in text for text in pages)
    assert "Worse <after> flu" in pages[-1]


def test_typed_markup_cannot_change_the_layout(report_data: ReportData) -> None:
    plain = dataclasses.replace(
        report_data, options=dataclasses.replace(report_data.options, name="Ann Bo")
    )
    assert render_plan_pdf(plain).pages == render_plan_pdf(report_data).pages


def test_summary_states_regimen_dates_and_duration(pages: list[str]) -> None:
    first = pages[0]
    assert "clonazepam 0.5 mg at 08:00, 0.25 mg at 20:00 (0.75 mg a day)" in first
    assert "Start 3 Mar 2025" in first
    assert "Expected end 8 Jun 2025" in first
    assert "98 days (about 14 weeks)" in first
    assert "10% every 14 days" in first
    assert "Caution: " in first
    assert "Level: caution" not in first
    assert "The dose over time" in first


def test_step_table_has_doses_dates_and_flags(pages: list[str]) -> None:
    table = next(text for text in pages if "Step by step" in text)
    assert "3/4 x 0.5 mg" in table
    assert "0.375 mg" in table
    assert "0.125 mg" in table
    assert "31 Mar 2025 to 13 Apr 2025" in table
    for flag in ("hold", "warning", "edited by hand", "see note 1", "cannot be made exactly"):
        assert flag in table
    assert "Note 1, step 5: Slower here: exams that month" in table


def test_pharmacy_medications_coping_checklist_and_prescriber_page(pages: list[str]) -> None:
    text = " ".join(pages)
    assert "clonazepam 0.5 mg 53 tablets (53 tablets used)" in text
    # Whole tablets per period; the half left over from period 2 is used first in period 3.
    assert "clonazepam 0.5 mg: 15 tablets (14.5 tablets used)" in text
    assert "clonazepam 0.5 mg: 10 tablets (10 tablets used)" in text
    assert "clonazepam 0.5 mg: 7 tablets (7.5 tablets used)" in text
    assert "Gabapentin 300 (recognised as gabapentin)" in text
    assert "Level: Caution" in text
    assert "(muscular-effects, What to avoid)" in text
    assert "xyzzy (not recognised" in text
    assert "Pace activity inside your energy. (mecfs-overlap, Management)" in text
    prescriber = " ".join(pages[pages.index(next(p for p in pages if "one-page summary" in p)) :])
    assert "For the prescriber" in prescriber
    assert "Earlier withdrawals: 2" in prescriber
    assert "Onset during the taper points to withdrawal." in prescriber
    assert "Multiple sclerosis" in prescriber
    # the full warning once, on page 1; the summary page has it in one line with its step
    assert "ASAM 2025 Rec. 6; step 4, from 14 Apr 2025" in pages[0]
    assert "ASAM 2025 Rec. 6; step 4" not in prescriber
    assert "(step 4)" in prescriber


def test_checklist_has_a_box_per_dose_for_four_weeks_from_today(pages: list[str]) -> None:
    checklist = next(text for text in pages if "Daily checklist" in text)
    # Made on 20 Mar 2025, during the plan: 28 days from then, two doses a day.
    assert "covers 20 Mar 2025 to 16 Apr 2025" in checklist
    assert "Thu 20 Mar 2025 ☐ 0.5 mg ☐ 0.25 mg" in checklist
    assert "Mon 31 Mar 2025 ☐ 0.375 mg ☐ 0.25 mg" in checklist
    boxes = sum(text.count("☐") for text in pages)
    assert boxes == 28 * 2
    assert "--checklist-weeks" in checklist


@pytest.mark.parametrize(
    ("size", "points"), [(PageSize.A4, (595.3, 841.9)), (PageSize.LETTER, (612.0, 792.0))]
)
def test_page_size(report_data: ReportData, size: PageSize, points: tuple[float, float]) -> None:
    data = dataclasses.replace(
        report_data, options=dataclasses.replace(report_data.options, page_size=size)
    )
    reader = PdfReader(io.BytesIO(render_plan_pdf_bytes(data)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == points


def test_font_is_embedded_and_non_latin_names_survive(report_data: ReportData) -> None:
    name = "Zoë Ångström Ζωή Дарья"
    data = dataclasses.replace(
        report_data, options=dataclasses.replace(report_data.options, name=name)
    )
    raw = render_plan_pdf_bytes(data)
    assert b"/FontFile2" in raw
    assert not re.search(rb"/BaseFont /Helvetica", raw)
    assert name in pdf_pages_text(raw)[0]


def test_write_is_atomic_and_replaces(tmp_path: Path, report_data: ReportData) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    assert write_plan_pdf(target, report_data) == target
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_long_daily_plan_keeps_table_header_on_every_table_page() -> None:
    plan = daily_micro_plan(days=200)
    data = ReportData(plan=plan, options=ReportOptions(page_size=PageSize.LETTER))
    pages = pdf_pages_text(render_plan_pdf_bytes(data))
    # Daily steps: one date per row, no Days or Notes columns.
    header = "Step Date 08:00 20:00 A day"
    table_pages = [t for t in pages if re.search(r"\b\d{1,3} \d{1,2} \w{3} 2025 \d", t)]
    assert len(table_pages) >= 3
    assert all(header in t for t in table_pages)
    # Every step is printed exactly once, the last one included.
    numbers = [int(n) for t in table_pages for n in re.findall(r"(\d+) \d{1,2} \w{3} 202[56] ", t)]
    assert numbers == list(range(1, 201))


def test_a_plan_without_extras_prints() -> None:
    data = ReportData(plan=sample_plan())
    text = " ".join(pdf_pages_text(render_plan_pdf_bytes(data)))
    assert "None were entered." in text
    assert "No history was entered." in text
    assert "Taper plan for" not in text


@settings(max_examples=12, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abcXYZ019<>&\"'/=;!?éøßДж ")), min_size=1, max_size=30
    ).filter(lambda s: s.strip())
)
def test_any_typed_name_prints_as_typed(name: str) -> None:
    data = ReportData(plan=sample_plan(), options=ReportOptions(name=name, checklist_weeks=0))
    first = pdf_pages_text(render_plan_pdf_bytes(data))[0]
    assert f"Taper plan for {' '.join(name.split())}" in first


def test_very_long_name_and_table_name_stay_inside_the_footer(report_data: ReportData) -> None:
    data = dataclasses.replace(
        report_data,
        table_name="A very long equivalence table name " * 4,
        options=dataclasses.replace(report_data.options, name="Name " * 40),
    )
    pages = pdf_pages_text(render_plan_pdf_bytes(data))
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in text
        assert "…" in text


def _first_page_on(report_data: ReportData, day: dt.date) -> str:
    data = dataclasses.replace(
        report_data, options=dataclasses.replace(report_data.options, generated_on=day)
    )
    return pdf_pages_text(render_plan_pdf_bytes(data))[0]


def test_summary_shows_todays_step_not_only_the_starting_regimen(
    report_data: ReportData,
) -> None:
    # 2 Apr 2025 falls in step 3 (from 31 Mar): 0.375 mg in the morning, 0.25 mg at night.
    first = _first_page_on(report_data, dt.date(2025, 4, 2))
    assert "Started from clonazepam 0.5 mg at 08:00, 0.25 mg at 20:00 (0.75 mg a day)" in first
    assert (
        "Today (2 Apr 2025) clonazepam 0.375 mg at 08:00, 0.25 mg at 20:00 (0.625 mg a day)"
        in first
    )
    assert "Now taking" not in first


def test_summary_says_plainly_when_today_is_outside_the_plan(report_data: ReportData) -> None:
    before = _first_page_on(report_data, dt.date(2025, 2, 1))
    assert "Today (1 Feb 2025) the plan has not started yet (it starts 3 Mar 2025)" in before
    after = _first_page_on(report_data, dt.date(2025, 7, 1))
    assert "Today (1 Jul 2025) the plan ended on 8 Jun 2025" in after


def test_the_chart_never_has_a_page_to_itself(report_data: ReportData) -> None:
    """With the summary on page one and warnings pushing the chart over, the step table
    follows the chart on its page rather than starting a fresh one."""
    warnings = report_data.plan.warnings * 4  # a summary that fills the first page
    crowded = dataclasses.replace(
        report_data, plan=dataclasses.replace(report_data.plan, warnings=warnings)
    )
    for data in (report_data, crowded):
        texts = pdf_pages_text(render_plan_pdf(data).data)
        chart = next(text for text in texts if "The dose over time" in text)
        assert "Started from" in chart or "Step by step" in chart
