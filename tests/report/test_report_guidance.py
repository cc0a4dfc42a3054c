"""The printout after the taper engine's second wave, read back from the PDF and the CLI:
level words, overlap of substitution and reduction, crossover caps, country and
measuring settings, gentler alternatives, pace suggestions, the medicines' answers and
the journal's sentences on the prescriber's pages."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from benzoapp.core.cautions import load_knowledge_base
from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import load_catalog
from benzoapp.core.levels import level_word
from benzoapp.core.model import Form, Medication, Plan, PlanSettings, WarningLevel
from benzoapp.core.taper import build_plan
from benzoapp.core.taper.alternatives import alternatives
from benzoapp.core.taper.engine import overlap_steps
from benzoapp.main import main
from benzoapp.report.data import PageSize, ReportData, ReportOptions
from benzoapp.report.gather import gather_report_data
from benzoapp.report.pdf_plan import render_plan_pdf_bytes

from .conftest import pdf_pages_text

DAY = dt.date(2026, 6, 1)
START = dt.date(2026, 1, 5)
RAW_LEVEL = re.compile(
    r"Level: (strong|caution|info|avoid|not_covered)\b|\[(strong|caution|info)\]"
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
OTHER_MEDICINES = ("Klonopin", "Xanax", "oxycodone", "Benadryl", "clarithromycin")
SUMMARY = "For the prescriber: one-page summary"


def _plan(regimen: str, **settings: object) -> Plan:
    catalog = load_catalog()
    settings.setdefault("start", START)
    return build_plan(parse_regimen(regimen, catalog), PlanSettings(**settings), catalog)  # type: ignore[arg-type]


def _pages(plan: Plan, medications: tuple[Medication, ...] = (), **kw: object) -> list[str]:
    data = gather_report_data(
        plan,
        catalog=load_catalog(),
        kb=load_knowledge_base(),
        profile=kw.get("profile"),  # type: ignore[arg-type]
        medications=medications,
        journal=(),
        options=ReportOptions(page_size=PageSize.A4, generated_on=DAY),
    )
    return pdf_pages_text(render_plan_pdf_bytes(data))


@pytest.fixture(scope="module")
def meds_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data (a clonazepam plan switching to diazepam, a year of journal) with
    Klonopin, Xanax, oxycodone, Benadryl and clarithromycin among the medicines."""
    from benzoapp.store import open_store
    from benzoapp.store.demo import fill_demo

    folder = tmp_path_factory.mktemp("meds")
    with open_store(folder) as store:
        fill_demo(store, today=DAY)
        for name in OTHER_MEDICINES:
            store.medications.add(Medication(name))
    return folder


@pytest.fixture(scope="module")
def meds_report(meds_folder: Path) -> ReportData:
    from benzoapp.cli.report_source import load_active_report_data

    data = load_active_report_data(
        meds_folder, ReportOptions(page_size=PageSize.A4, generated_on=DAY)
    )
    assert data is not None
    return data


@pytest.fixture(scope="module")
def meds_pages(meds_report: ReportData) -> list[str]:
    return pdf_pages_text(render_plan_pdf_bytes(meds_report))


# 1. Level words, never ids -------------------------------------------------------------


def test_the_pdf_prints_levels_in_words(meds_pages: list[str]) -> None:
    text = " ".join(meds_pages)
    assert not RAW_LEVEL.search(text), RAW_LEVEL.search(text)
    assert f"{level_word('strong')}: " in meds_pages[0]  # page 1, every warning in full
    summary = next(p for p in meds_pages if SUMMARY in p)
    assert f"{level_word('strong')}: " in summary  # and one line each on the summary page
    assert "Level: Avoid" in text  # Xanax, as the checker words it


def test_the_plan_command_prints_levels_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "plan",
            "--regimen",
            "Klonopin 4mg 22:00",
            "--crossover",
            "diazepam",
            "--no-crossover-caps",
            "--start",
            START.isoformat(),
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert not RAW_LEVEL.search(out), RAW_LEVEL.search(out)
    assert re.search(rf"^{level_word(WarningLevel.STRONG.value)} \(step \d+\): ", out, re.M)


# 2. Overlap, caps, settings, alternatives, pace ------------------------------------------


@pytest.fixture(scope="module")
def capped() -> Plan:
    plan = _plan("Klonopin 4mg 22:00", crossover_to="diazepam")
    assert overlap_steps(plan)
    return plan


def test_overlap_steps_are_flagged_in_the_table_and_named_under_the_chart(capped: Plan) -> None:
    pages = _pages(capped)
    text = " ".join(pages)
    numbers = [n for n, s in enumerate(capped.steps, 1) if s.index in overlap_steps(capped)]
    first, last = numbers[0], numbers[-1]
    where = f"step {first}" if first == last else f"steps {first} to {last}"
    assert f"Hatched: {where}, where the old drug is reduced while the switch is made" in text
    # each overlapping row carries the flag in its Notes cell; the others do not
    rows = re.findall(r"(?:^| )(\d+) (\d{1,2} \w{3} \d{4}) to", text)
    assert rows
    flagged = text.count("reducing while switching")
    notes = sum(1 for s in capped.steps if "reducing while switching" in s.note)
    # the flag in the table for each overlap step, plus the chart caption once
    assert flagged >= len(numbers) + 1
    assert notes == len(numbers)


def test_the_chart_hatches_exactly_the_overlap(capped: Plan) -> None:
    from benzoapp.report.pdf.chart import dose_chart

    plain = _plan("Klonopin 1mg 22:00", crossover_to="diazepam")
    assert not overlap_steps(plain)

    def hatch_lines(plan: Plan) -> list[object]:
        drawing = dose_chart(plan, 450)
        return [
            c
            for c in drawing.contents
            if type(c).__name__ == "Line" and c.x1 != c.x2 and c.y1 != c.y2  # diagonals only
        ]

    assert hatch_lines(plain) == []
    lines = hatch_lines(capped)
    assert len(lines) >= 3
    xs = [x for line in lines for x in (line.x1, line.x2)]  # type: ignore[attr-defined]
    assert max(xs) - min(xs) > 12  # a band, not a stray line


def test_page_one_names_the_caps_country_and_measuring(capped: Plan) -> None:
    first = _pages(capped)[0]
    assert "Crossover caps diazepam at most 30 mg a day, no cap per dose time" in first
    assert "Ashton Manual" in first
    weighed = _plan(
        "diazepam 10mg 22:00",
        form=Form.WEIGHED,
        country="GB",
        tablet_mass_mg=Decimal(200),
        scale_resolution_mg=Decimal(2),
    )
    first = _pages(weighed)[0]
    assert "Country GB" in first
    assert "one whole tablet weighs 200 mg; the scale reads to 2 mg" in first
    assert "Crossover caps" not in first
    liquid = _plan("diazepam 10mg 22:00", form=Form.LIQUID, syringe_step_ml=Decimal("0.5"))
    assert "Measuring oral syringe marked every 0.5 ml" in _pages(liquid)[0]
    plain_first = _pages(_plan("diazepam 10mg 22:00"))[0]
    for absent in ("Country", "Measuring", "Crossover caps"):
        assert absent not in plain_first


def test_alternatives_are_printed_once_with_figures_and_sources() -> None:
    plan = _plan("clonazepam 0.5mg 22:00")
    found = alternatives(plan, load_catalog())
    assert found
    text = " ".join(_pages(plan))
    assert text.count("For the prescriber: options to weigh") == 1
    assert "This plan: largest cut" in text
    for option in found:
        line = (
            f"{option.what}: largest cut {option.figures.largest_cut_pct.normalize():f}%, "
            f"longest forced hold {option.figures.longest_forced_hold_days} days, "
            f"{option.figures.days} days in all."
        )
        assert text.count(line) == 1, line
        assert option.source.split(";")[0] in text


def test_pace_suggestions_are_offered_and_the_plan_keeps_its_pace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "plan.pdf"
    status = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "plan",
            "--regimen",
            "diazepam 10mg 22:00",
            "--age",
            "72",
            "--start",
            START.isoformat(),
            "--pdf",
            str(pdf),
        ]
    )
    assert status == 0, capsys.readouterr().err
    pages = pdf_pages_text(pdf.read_bytes())
    text = " ".join(pages)
    assert "Pace suggestions (offered, not applied)" in text
    assert "5% of the current dose every 28 days" in text
    assert "At 72, a slower start is wiser" in text
    assert "Rate 10% every 14 days" in pages[0]  # the plan printed is the one chosen


def test_the_summary_stays_one_page_with_everything_added(meds_pages: list[str]) -> None:
    at = next(i for i, p in enumerate(meds_pages) if SUMMARY in p)
    assert "Solid line" in meds_pages[at]
    assert "History" in meds_pages[at + 1]
    assert "Needs urgent help" not in meds_pages[at + 1]


# 3. Medicines: what to do instead, the prescriber note, regimen flags -------------------


@pytest.mark.parametrize(
    "regimen",
    [
        "clonazepam 0.5mg 08:00; clonazepam 0.5mg 22:00",
        "alprazolam 0.5mg 08:00; alprazolam 0.5mg 20:00",
    ],
)
def test_each_answer_and_note_once_and_flags_with_sources(regimen: str) -> None:
    from benzoapp.core.cautions import Checker, check_regimen, plan_drug_names

    plan = _plan(regimen)
    medications = tuple(Medication(n) for n in OTHER_MEDICINES)
    check = check_regimen(Checker(load_knowledge_base()), plan_drug_names(plan), medications)
    pages = _pages(plan, medications)
    text = " ".join(pages)
    # the summary page gives each flag one line; everywhere else each thing stands once
    rest = " ".join(p for p in pages if SUMMARY not in p)
    instead = {a.text for r in check.results for a in r.alternatives}
    assert instead
    for alternative in instead:
        assert text.count(" ".join(alternative.split())) == 1, alternative
    notes = {r.prescriber_note.text for r in check.results if r.prescriber_note}
    assert notes
    for note in notes:
        assert text.count(" ".join(note.split())) == 1, note
    covered = [r.query for r in check.results if r.prescriber_note]
    assert f"For {', '.join(covered)}:" in text
    codes = {f.code for f in check.flags}
    assert {"opioid_with_benzodiazepine", "sedating_with_benzodiazepine"} <= codes
    if regimen.startswith("alprazolam"):
        assert any("cyp3a4" in c for c in codes)
    for flag in check.flags:
        body = " ".join(flag.message.split())
        assert rest.count(body) == 1, flag.code  # in full, once, under "Other medicines"
        assert f"{body} (Source: {' '.join(flag.source.split())[:40]}" in rest


def test_the_data_folder_report_shows_instead_note_and_flags(
    meds_report: ReportData, meds_pages: list[str]
) -> None:
    text = " ".join(meds_pages)
    assert "What to do instead:" in text
    assert "The medicines taken together" in text
    assert len(meds_report.clinician.regimen_flags) >= 4
    assert text.count("do not stop it or change the dose") == 1


# 4. The journal on the prescriber's pages ------------------------------------------------


def test_prescriber_pages_speak_about_the_person_in_the_app_date_format(
    meds_report: ReportData, meds_pages: list[str]
) -> None:
    at = next(i for i, p in enumerate(meds_pages) if SUMMARY in p)
    prescriber = " ".join(meds_pages[at:])
    about = re.compile(r"\b([Yy]our (usual|symptom|journal|answers)|You were|You answered)\b")
    assert not about.search(prescriber), about.search(prescriber)
    assert not ISO_DATE.search(prescriber), ISO_DATE.search(prescriber)
    found = meds_report.clinician.journal
    assert found is not None
    assert found.windows
    assert found.exertion_found
    assert "against the person's usual" in prescriber
    assert re.search(r"Window, \d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4} \(\d+ days\)", prescriber)
    assert re.search(r"\d{1,2} \w{3} \d{4}: [a-z, ]+ exertion rated \d+/10", prescriber)


def test_the_summary_lists_the_loudest_flags_and_medicines_first(
    meds_pages: list[str],
) -> None:
    page = next(p for p in meds_pages if SUMMARY in p)
    section = page.split("Other medicines and regimen flags", 1)[1].split("At each reduction")[0]
    # Xanax (avoid) before Klonopin (caution), though entered after it
    assert section.index("Xanax: Avoid") < section.index("Klonopin: Caution")
    # the first flag shown is an "avoid" one (the opioid or CYP3A4 finding)
    first_flag = section.split("•", 1)[1]
    assert first_flag.strip().startswith("Avoid:")


@pytest.mark.parametrize(
    ("to_the_person", "about_them"),
    [
        ("Your answers match the position “X”.", "The person's answers match the position “X”."),
        (
            "You were free of such an illness before the drug.",
            "The person was free of such an illness before the drug.",
        ),
        ("Stay inside your energy envelope.", "Stay inside the person's energy envelope."),
        (
            "You answered that effort does not bring on delayed worsening.",
            "The person answered that effort does not bring on delayed worsening.",
        ),
    ],
)
def test_framework_sentences_are_about_the_person(to_the_person: str, about_them: str) -> None:
    from benzoapp.report.journal_words import about_the_person

    assert about_the_person(to_the_person) == about_them
