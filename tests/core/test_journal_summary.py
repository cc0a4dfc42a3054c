"""analyse_journal bundles every detection; summary_lines says it in plain text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from benzoapp.core.journal import FrameworkAnswers, analyse_journal, summary_lines
from benzoapp.core.journal.synthetic import Exertion, Shift, make_journal, ten_years
from benzoapp.core.model import Plan, PlanSettings, Regimen, RegimenDose, Step, StepDose

START = dt.date(2025, 1, 1)


def _plan() -> Plan:
    steps = tuple(
        Step(
            i,
            START + dt.timedelta(days=28 * i),
            28,
            (StepDose("diazepam", "08:00", Decimal(mg)),),
            Decimal(mg),
        )
        for i, mg in enumerate(("10", "9", "8"))
    )
    return Plan(
        Regimen((RegimenDose("diazepam", "08:00", Decimal(10)),)), PlanSettings(start=START), steps
    )


def test_everything_in_one_summary() -> None:
    days = make_journal(
        START,
        45,
        noise=1,
        seed=3,
        shifts=(Shift(28, 40, 11),),
        exertions=(Exertion(10, flare=9, delay=3),),
    )
    summary = analyse_journal(days, plan=_plan(), profile=FrameworkAnswers(True, False, True, True))
    assert (summary.first_day, summary.last_day, summary.days_logged) == (
        START,
        START + dt.timedelta(days=44),
        45,
    )
    assert [e.start for e in summary.waves] == [START + dt.timedelta(days=28)]
    assert summary.windows == ()
    assert [o.flare_day for o in summary.pem.occurrences] == [START + dt.timedelta(days=13)]
    assert summary.hold is not None
    assert summary.hold.cut_date == START + dt.timedelta(days=28)
    assert summary.framework is not None
    text = "\n".join(summary_lines(summary))
    for expected in (
        "45 days logged",
        "waves (worse stretches): 1",
        "72 hours later",
        "Hold suggestion:",
        "ASAM 2025 Rec. 11",
        "What the Label Should Be",
        "Periodic paralysis",
        "prompts for a conversation",
    ):
        assert expected in text, expected


def test_without_plan_or_profile_only_the_detections() -> None:
    summary = analyse_journal(make_journal(START, 30))
    assert summary.hold is None
    assert summary.framework is None
    assert summary.episodes == ()
    assert summary.mean_load == 22


def test_an_empty_journal_says_so() -> None:
    summary = analyse_journal([])
    assert summary.first_day is None
    assert summary_lines(summary) == ["No symptoms are logged yet."]


def test_ten_years_of_days_are_analysed() -> None:
    summary = analyse_journal(ten_years())
    assert summary.days_logged == 3653
    assert len(summary.waves) > 10
    assert len(summary.windows) > 10
    assert summary.pem.assessed > 100
    assert len(summary.pem.occurrences) > 50
