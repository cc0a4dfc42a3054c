"""Step numbers are counted from 1 everywhere (issue 17, point 3)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from benzoapp.cli.commands.plan import plan_json
from benzoapp.cli.output import to_jsonable
from benzoapp.core.model import Plan
from benzoapp.report.csv_export import plan_to_csv
from benzoapp.report.data import ReportData, ReportOptions
from benzoapp.report.ics import plan_to_ics
from benzoapp.report.pdf_plan import render_plan_pdf_bytes
from benzoapp.report.sample import sample_plan

from .conftest import pdf_pages_text
from .ics_reader import read_events


def shifted(plan: Plan, by: int) -> Plan:
    """The same plan with step indices that do not start at 0 (as after edits)."""
    steps = tuple(dataclasses.replace(s, index=s.index + by) for s in plan.steps)
    warnings = tuple(
        dataclasses.replace(w, step_index=w.step_index + by) if w.step_index is not None else w
        for w in plan.warnings
    )
    return dataclasses.replace(plan, steps=steps, warnings=warnings)


@pytest.mark.parametrize("offset", [0, 7])
def test_csv_numbers_steps_from_one(offset: int) -> None:
    plan = shifted(sample_plan(), offset)
    rows = list(csv.reader(io.StringIO(plan_to_csv(plan).decode("utf-8-sig"))))
    assert rows[0][0] == "step"
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(plan.steps) + 1)]


@pytest.mark.parametrize("offset", [0, 7])
def test_plan_json_has_step_from_one_beside_index(offset: int) -> None:
    plan = shifted(sample_plan(), offset)
    steps = json.loads(json.dumps(to_jsonable(plan_json(plan))))["steps"]
    assert [s["step"] for s in steps] == list(range(1, len(plan.steps) + 1))
    assert [s["index"] for s in steps] == [s.index for s in plan.steps]


def test_calendar_events_name_the_step_counted_from_one() -> None:
    plan = sample_plan()
    events = read_events(plan_to_ics(plan))
    described = [e["DESCRIPTION"] for e in events if e["DESCRIPTION"].startswith("Step ")]
    assert described[0].startswith(f"Step 1 of {len(plan.steps)}")
    numbers = [int(d.split()[1]) for d in described]
    assert numbers == sorted(numbers)
    assert all(1 <= n <= len(plan.steps) for n in numbers)


def test_pdf_step_table_and_warnings_count_from_one() -> None:
    plan = shifted(sample_plan(), 7)
    data = ReportData(plan=plan, options=ReportOptions(generated_on=plan.steps[0].start))
    text = " ".join(pdf_pages_text(render_plan_pdf_bytes(data)))
    warned = next(w for w in plan.warnings if w.step_index is not None)
    position = [s.index for s in plan.steps].index(warned.step_index) + 1
    assert f"step {position}, from" in text
    assert f"step {warned.step_index + 1}, from" not in text


def test_plan_command_text_counts_from_one(capsys: pytest.CaptureFixture[str]) -> None:
    from benzoapp.main import main

    assert main(["plan", "--regimen", "diazepam 10mg 08:00"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(line for line in lines if line.strip().startswith("1 "))
    assert first.split()[0] == "1"
