"""Calendar and spreadsheet exports of the step table."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from icalendar import Calendar

from benzoapp.core.model import Plan, PlanSettings, Regimen, RegimenDose, Step, StepDose
from benzoapp.report.csv_export import plan_to_csv, safe_text, write_plan_csv
from benzoapp.report.ics import dose_changes, plan_to_ics, write_plan_ics
from benzoapp.report.sample import daily_micro_plan, sample_plan


def events(data: bytes) -> list[Calendar]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_all_day_event_per_dose_change() -> None:
    plan = sample_plan()
    found = events(plan_to_ics(plan, dt.date(2025, 3, 1)))
    # Seven steps, but step 2 holds step 1's dose: six changes, plus the end.
    assert len(found) == 7
    starts = [e.decoded("dtstart") for e in found]
    assert starts[:2] == [dt.date(2025, 3, 3), dt.date(2025, 3, 31)]
    assert starts[-1] == plan.end_date + dt.timedelta(days=1)  # type: ignore[operator]
    for event in found:
        start = event.decoded("dtstart")
        assert type(start) is dt.date  # all-day: no time, no time zone
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
    first = found[0]
    assert str(first["summary"]) == "Taper: 0.75 mg a day from today"
    assert "08:00: 0.5 mg (1 x 0.5 mg)" in str(first["description"])
    assert "Until 30 Mar 2025" in str(first["description"])
    assert b"VTIMEZONE" not in plan_to_ics(plan)


def test_event_ids_are_stable_and_unique() -> None:
    plan = sample_plan()
    one = [str(e["uid"]) for e in events(plan_to_ics(plan))]
    two = [str(e["uid"]) for e in events(plan_to_ics(plan))]
    assert one == two
    assert len(set(one)) == len(one)


def test_daily_micro_taper_changes_every_day() -> None:
    plan = daily_micro_plan(days=60)
    assert len(dose_changes(plan)) == 60


def test_ics_written_atomically(tmp_path: Path) -> None:
    path = write_plan_ics(tmp_path / "plan.ics", sample_plan())
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]


def test_csv_rows_are_exact_decimals_and_flags(tmp_path: Path) -> None:
    path = write_plan_csv(tmp_path / "plan.csv", sample_plan())
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 7
    assert rows[2]["start"] == "2025-03-31"
    assert rows[2]["end"] == "2025-04-13"
    assert rows[2]["08:00_mg"] == "0.375"
    assert rows[2]["08:00_what_to_take"] == "3/4 x 0.5 mg"
    assert rows[2]["total_mg"] == "0.625"
    assert rows[1]["flags"] == "hold"
    assert rows[3]["flags"] == "warning"
    assert rows[6]["flags"] == "cannot be made exactly"
    assert rows[4]["note"] == "Slower here: exams that month"


def test_csv_neutralises_formulas_in_typed_text() -> None:
    plan = sample_plan()
    step = dataclasses.replace(
        plan.steps[0],
        note='=HYPERLINK("x")',
        doses=(StepDose("clonazepam", "08:00", Decimal("0.5"), "+1 tablet"),),
    )
    plan = dataclasses.replace(plan, steps=(step,))
    text = plan_to_csv(plan).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'+1 tablet" in text
    assert safe_text("1 x 0.5 mg") == "1 x 0.5 mg"


def _two_drug_plan() -> Plan:
    """Lorazepam and temazepam, crossed over to diazepam: three steps, three drug mixes."""
    start = dt.date(2025, 5, 5)
    regimen = Regimen(
        (
            RegimenDose("lorazepam", "08:00", Decimal(1)),
            RegimenDose("temazepam", "22:00", Decimal(20)),
        )
    )
    mixes = (
        (("lorazepam", "08:00", "1"), ("temazepam", "22:00", "20")),
        (("lorazepam", "08:00", "1"), ("diazepam", "22:00", "10")),
        (("diazepam", "08:00", "10"), ("diazepam", "22:00", "10")),
    )
    steps = tuple(
        Step(
            index=i,
            start=start + dt.timedelta(days=7 * i),
            days=7,
            doses=tuple(StepDose(drug, time, Decimal(mg)) for drug, time, mg in mix),
            diazepam_equivalent_mg=Decimal(20),
        )
        for i, mix in enumerate(mixes)
    )
    return Plan(regimen=regimen, settings=PlanSettings(start=start), steps=steps)


def test_calendar_never_adds_up_milligrams_of_different_drugs() -> None:
    summaries = [str(e["summary"]) for e in events(plan_to_ics(_two_drug_plan()))]
    assert summaries[:3] == [
        "Taper: lorazepam 1 mg, temazepam 20 mg a day from today",
        "Taper: lorazepam 1 mg, diazepam 10 mg a day from today",
        "Taper: diazepam 20 mg a day from today",
    ]
    assert not any("21 mg" in s or "11 mg" in s for s in summaries)


def test_csv_leaves_the_total_empty_when_a_step_has_several_drugs() -> None:
    text = plan_to_csv(_two_drug_plan()).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["total_mg"] for r in rows] == ["", "", "20"]
    assert [r["diazepam_equivalent_mg"] for r in rows] == ["20", "20", "20"]
    assert rows[0]["08:00_lorazepam_mg"] == "1"
    assert rows[0]["22:00_temazepam_mg"] == "20"


def test_the_calendar_marks_the_stop_as_the_last_step_not_as_0_mg() -> None:
    plan = sample_plan()
    stopped = dataclasses.replace(
        plan,
        steps=(
            *plan.steps,
            Step(
                index=len(plan.steps),
                start=plan.steps[-1].end + dt.timedelta(days=1),
                days=1,
                doses=tuple(
                    dataclasses.replace(d, mg=Decimal(0), units="") for d in plan.steps[-1].doses
                ),
                diazepam_equivalent_mg=Decimal(0),
            ),
        ),
    )
    assert stopped.is_stop(stopped.steps[-1])
    summaries = [str(e["summary"]) for e in events(plan_to_ics(stopped))]
    assert summaries[-1] == "Taper: none from today, the last step"
    assert not any("0 mg a day" in s for s in summaries)
