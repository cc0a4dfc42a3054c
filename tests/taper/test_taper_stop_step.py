"""The last, dose-free step reads as the end of the taper, not as "0 mg for 1 day"."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import load_catalog
from benzoapp.core.model import Form, Method, Plan, PlanSettings
from benzoapp.core.taper import build_plan
from benzoapp.main import main
from benzoapp.report.pdf.steps import step_rows


def sample_plan() -> Plan:
    catalog = load_catalog()
    settings = PlanSettings(
        method=Method.PERCENT,
        rate_percent=Decimal(10),
        every_days=14,
        form=Form.TABLET,
        start=dt.date(2030, 1, 7),
    )
    return build_plan(parse_regimen("diazepam 5mg 08:00; diazepam 5mg 22:00", catalog), settings)


def test_only_a_last_step_with_no_dose_is_the_stop() -> None:
    plan = sample_plan()
    last = plan.steps[-1]
    assert last.total_mg == 0
    assert plan.is_stop(last)
    assert not any(plan.is_stop(step) for step in plan.steps[:-1])
    # A plan that ends on a final dose (kept, not stopped) has no stop step.
    kept = dataclasses.replace(plan, steps=plan.steps[:-1])
    assert not kept.is_stop(kept.steps[-1])


def test_the_printed_table_says_none_from_here_on() -> None:
    plan = sample_plan()
    header, rows = step_rows(plan, {})
    last = dict(zip(header, rows[-1], strict=True))
    assert last["Dates"].startswith("from ")
    assert last["Days"] == "–"
    assert "none from here on" in rows[-1]
    assert not any("none from here on" in cell for row in rows[:-1] for cell in row)


def test_the_text_plan_says_none_from_here_on(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", "--regimen", "diazepam 2mg 22:00", "--start", "2030-01-07"])
    out = capsys.readouterr().out
    assert code == 0
    step_lines = [line for line in out.splitlines() if line[:4].strip().isdigit()]
    assert step_lines[-1].rstrip().endswith("none from here on")
    assert " – " in step_lines[-1]
    assert all("none from here on" not in line for line in step_lines[:-1])


def test_json_never_adds_milligrams_of_two_drugs(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    argv = ["plan", "--regimen", "alprazolam 0.5mg 08:00; alprazolam 0.5mg 22:00"]
    code = main([*argv, "--crossover", "diazepam", "--json", "--start", "2030-01-07"])
    assert code == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    mixed = [s for s in steps if len(s["mg_by_drug"]) > 1]
    assert mixed
    assert all(s["total_mg"] is None for s in mixed)
    single = [s for s in steps if len(s["mg_by_drug"]) == 1]
    assert all(s["total_mg"] == next(iter(s["mg_by_drug"].values())) for s in single)
