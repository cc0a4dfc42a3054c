"""The prescriber's one-page summary, read back from the PDF (issue 17, point 1)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from benzoapp.core.cautions import Checker, check_regimen, load_knowledge_base, plan_drug_names
from benzoapp.core.drugs import load_catalog
from benzoapp.core.journal.series import load_series
from benzoapp.core.model import (
    JournalDay,
    Medication,
    PlanWarning,
    WarningLevel,
)
from benzoapp.report.data import FlagRow, MedicationRow, PageSize, ReportData
from benzoapp.report.gather import gather_report_data
from benzoapp.report.pdf.load_chart import chart_marks
from benzoapp.report.pdf_plan import render_plan_pdf_bytes
from benzoapp.report.prescriber_facts import (
    first_sentence,
    fortnightly_rate,
    warnings_in_force,
    weekly_loads,
)
from benzoapp.report.sample import sample_plan

from .conftest import pdf_pages_text

DEMO_DAY = dt.date(2026, 6, 1)
SUMMARY = "For the prescriber: one-page summary"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    """The demo data's report, as ``benzoapp report`` gathers it."""
    from benzoapp.cli.report_source import load_active_report_data
    from benzoapp.report.data import PageSize, ReportOptions
    from benzoapp.store import open_store
    from benzoapp.store.demo import fill_demo

    folder: Path = tmp_path_factory.mktemp("demo")
    with open_store(folder) as store:
        fill_demo(store, today=DEMO_DAY)
    options = ReportOptions(page_size=PageSize.A4, generated_on=DEMO_DAY)
    data = load_active_report_data(folder, options)
    assert data is not None
    return data


@pytest.fixture(scope="module")
def demo_pages(demo: ReportData) -> list[str]:
    return pdf_pages_text(render_plan_pdf_bytes(demo))


def summary_index(pages: list[str]) -> int:
    return next(i for i, text in enumerate(pages) if SUMMARY in text)


def test_the_summary_page_holds_every_item_and_stands_alone(
    demo: ReportData, demo_pages: list[str]
) -> None:
    at = summary_index(demo_pages)
    page = demo_pages[at]
    for item in (
        "Who",
        "Today",
        "Where the plan is",
        "Diazepam eq.",
        "Pace",
        "So far:",
        "Planned: 10% every 14 days",
        "Warnings in force",
        "Other medicines and regimen flags",
        "Next prescription",
        "Review next",
        "At each reduction, ask",
        "Needs urgent help",
        "seizure",
        "suicide",
        "ASAM 2025 guideline, patient guide, p. 17",
        "What the journal found",
        "Solid line: the daily dose",  # the chart's caption: the chart is on this page
    ):
        assert item in page, item
    assert re.search(r"step \d+ of \d+", page)
    assert re.search(r"now [\d.]+ mg; at the end 0 mg", page)
    # Nothing of it runs over: the next page is the history.
    following = demo_pages[at + 1]
    assert "History" in following
    for item in ("Needs urgent help", "What the journal found", "Solid line"):
        assert item not in following


def test_the_summary_counts_the_journal_and_the_appendix_lists_each_once(
    demo: ReportData, demo_pages: list[str]
) -> None:
    found = demo.clinician.journal
    assert found is not None
    page = demo_pages[summary_index(demo_pages)]
    assert f"Better stretches (windows): {len(found.windows)}" in page
    assert f"worse stretches (waves): {len(found.waves)}" in page
    assert f"{found.days_logged} days rated" in page
    text = " ".join(demo_pages)
    for line in (*found.windows, *found.waves, *found.exertion_found):
        assert text.count(" ".join(line.split())) == 1, line
    for heading in ("Conditions withdrawal can be mistaken for", "Which framework fits"):
        assert text.count(heading) == 1, heading
    for mimic in demo.clinician.mimic_conditions:
        assert text.count(" ".join(mimic.text.split())[:60]) == 1


def test_each_warning_is_printed_in_full_once_and_in_one_line_on_the_summary(
    demo: ReportData, demo_pages: list[str]
) -> None:
    text = " ".join(demo_pages)
    at = summary_index(demo_pages)
    in_force = warnings_in_force(demo.plan, demo.clinician.warnings, DEMO_DAY)
    assert f"Warnings in force ({len(in_force)};" in demo_pages[at]
    for warning in demo.plan.warnings:
        full = " ".join(warning.message.split())
        assert text.count(full) <= 1, full
        assert full in " ".join(demo_pages[:at]) or len(full) > 80


def test_regimen_flags_from_the_checker_are_shown() -> None:
    plan = sample_plan()
    kb = load_knowledge_base()
    medications = [Medication("lorazepam"), Medication("Paracetamol")]
    data = gather_report_data(
        plan,
        catalog=load_catalog(),
        kb=kb,
        profile=None,
        medications=medications,
        journal=[],
        options=dataclasses.replace(
            ReportData(plan=plan).options, generated_on=plan.steps[0].start
        ),
    )
    flags = check_regimen(Checker(kb), plan_drug_names(plan), medications).flags
    assert flags, "a second benzodiazepine should raise a regimen flag"
    pages = pdf_pages_text(render_plan_pdf_bytes(data))
    page = pages[summary_index(pages)]
    for flag in flags:
        assert " ".join(first_sentence(flag.message, 150).split())[:50] in page
    assert "none found" not in page
    assert "lorazepam:" in page


def test_no_flags_reads_none_found_and_no_medicines_says_so() -> None:
    plan = sample_plan()
    base = ReportData(plan=plan)
    options = dataclasses.replace(base.options, generated_on=plan.steps[0].start)
    with_meds = dataclasses.replace(
        base, options=options, medications=(MedicationRow("Vitamin D3", "", "Not covered"),)
    )
    page = pdf_pages_text(render_plan_pdf_bytes(with_meds))
    assert "Regimen flags: none found." in page[summary_index(page)]
    alone = dataclasses.replace(base, options=options)
    page = pdf_pages_text(render_plan_pdf_bytes(alone))
    assert "No other medicines, supplements or therapies entered." in page[summary_index(page)]


@pytest.mark.parametrize("size", [PageSize.A4, PageSize.LETTER])
def test_the_summary_stays_on_one_page_with_long_lists(size: PageSize) -> None:
    plan = sample_plan()
    noisy = tuple(
        PlanWarning(
            f"w{n}",
            WarningLevel.CAUTION if n % 2 else WarningLevel.INFO,
            f"Warning number {n} is long on purpose, " * 6 + "and ends here. A second sentence.",
            "ASAM 2025 Rec. 6",
            plan.steps[-1].index,
        )
        for n in range(12)
    )
    plan = dataclasses.replace(plan, warnings=(*plan.warnings, *noisy))
    base = ReportData(plan=plan)
    data = dataclasses.replace(
        base,
        options=dataclasses.replace(base.options, generated_on=plan.steps[1].start, page_size=size),
        medications=tuple(MedicationRow(f"Medicine {n}", "", "Caution") for n in range(12)),
        clinician=dataclasses.replace(
            base.clinician,
            regimen_flags=tuple(
                FlagRow("Caution", f"Flag {n}: two of these together " * 4, "checker")
                for n in range(8)
            ),
        ),
    )
    pages = pdf_pages_text(render_plan_pdf_bytes(data))
    at = summary_index(pages)
    assert "Solid line: the daily dose" in pages[at]
    assert "History" in pages[at + 1]
    assert "Needs urgent help" not in pages[at + 1]
    assert "Warnings in force (" in pages[at]
    assert re.search(r"\d more flags", pages[at])


def test_weekly_loads_are_means_of_calendar_weeks() -> None:
    monday = dt.date(2025, 3, 3)
    days = [JournalDay(monday + dt.timedelta(days=n), {"anxiety": n % 5}) for n in range(10)]
    series = load_series(days)
    weeks = weekly_loads(series)
    assert [w.start for w in weeks] == [monday, monday + dt.timedelta(days=7)]
    first = [n % 5 for n in range(7)]
    assert weeks[0].mean == pytest.approx(sum(first) / 7)
    assert weeks[1].days == 3
    assert weekly_loads(None) == ()


def test_chart_shades_each_hold_and_draws_a_dot_per_week() -> None:
    plan = sample_plan()
    day = plan.steps[-1].end
    monday = plan.steps[0].start - dt.timedelta(days=plan.steps[0].start.weekday())
    days = [JournalDay(monday + dt.timedelta(days=n), {"anxiety": 3}) for n in range(70)]
    weeks = weekly_loads(load_series(days))
    marks = chart_marks(plan, weeks, 400, day)
    assert len(marks.holds) == sum(1 for s in plan.steps if s.hold) >= 1
    assert len(marks.loads) == len(weeks)
    # the dose line steps down with the plan: its heights never rise
    heights = [y for _, y in marks.dose]
    assert heights == sorted(heights, reverse=True)
    # a hold's shading spans exactly its days
    hold = next(s for s in plan.steps if s.hold)
    _, _, w, _ = marks.holds[0]
    per_day = (marks.axis[2] - marks.axis[0]) / (plan.steps[-1].end - plan.steps[0].start).days
    assert w == pytest.approx(hold.days * per_day, rel=0.02)


def test_pace_compounds_for_percentage_plans_and_not_for_linear() -> None:
    # 20 mg to 10 mg in 14 weeks: 7 fortnights, halving overall.
    assert fortnightly_rate(Decimal(20), Decimal(10), 14, linear=False) == pytest.approx(
        (1 - 0.5 ** (1 / 7)) * 100
    )
    assert fortnightly_rate(Decimal(20), Decimal(10), 14, linear=True) == pytest.approx(50 / 7)


def test_one_line_warnings_end_on_a_whole_word() -> None:
    text = "Step 33 cuts 50% of the current dose in one step, more than " + "x" * 20 + " words"
    line = first_sentence(text, 40)
    assert line.endswith("…")
    assert len(line) <= 40
    assert text.startswith(line[:-1])
    assert text[len(line) - 1] == " "  # the cut falls between words
    assert first_sentence("Short one. Then more.") == "Short one."


@pytest.mark.parametrize("when", ["before", "after"])
def test_summary_before_the_plan_starts_and_after_it_ends(when: str) -> None:
    plan = sample_plan()
    day = (
        plan.steps[0].start - dt.timedelta(days=10)
        if when == "before"
        else plan.steps[-1].end + dt.timedelta(days=30)
    )
    base = ReportData(plan=plan)
    data = dataclasses.replace(base, options=dataclasses.replace(base.options, generated_on=day))
    pages = pdf_pages_text(render_plan_pdf_bytes(data))
    page = pages[summary_index(pages)]
    if when == "before":
        assert "Not started yet." in page
        assert "before the plan (it starts 3 Mar 2025" in page
        assert "when the plan starts (step 1)" in page
    else:
        assert "Not started yet." not in page
        assert "So far: 87% cut in 14 weeks" in page
        assert "the plan ended on 8 Jun 2025" in page
    assert "not worked out for this plan's form" in page  # no pharmacy rows were given


def test_coping_advice_given_as_a_medicine_reason_is_not_printed_again(
    demo: ReportData, demo_pages: list[str]
) -> None:
    text = " ".join(demo_pages)
    reasons = [r for m in demo.medications for r in m.reasons]
    assert reasons
    for reason in reasons:
        assert text.count(" ".join(reason.text.split())) == 1, reason.text
    assert "Already under “Other medicines” above:" in text


def test_without_ratings_the_chart_has_no_load_scale() -> None:
    plan = sample_plan()
    marks = chart_marks(plan, (), 400, plan.steps[0].start)
    texts = [text for _, _, text, _ in marks.labels]
    assert "symptom load" not in texts
    assert marks.loads == []
    assert marks.dose
