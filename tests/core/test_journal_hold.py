"""Hold suggestion: only when symptoms after a cut stay well above the level before it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from benzoapp.core.journal import suggest_hold
from benzoapp.core.journal.synthetic import Shift, make_journal
from benzoapp.core.model import (
    JournalDay,
    Plan,
    PlanSettings,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
)

START = dt.date(2025, 1, 1)
STEP_DAYS = 28


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def plan(*doses: str, hold_at: int | None = None) -> Plan:
    """Four-week steps of diazepam at the given doses, starting on START."""
    steps = tuple(
        Step(
            index=i,
            start=day(i * STEP_DAYS),
            days=STEP_DAYS,
            doses=(StepDose("diazepam", "08:00", Decimal(mg)),),
            diazepam_equivalent_mg=Decimal(mg),
            hold=i == hold_at,
        )
        for i, mg in enumerate(doses)
    )
    regimen = Regimen((RegimenDose("diazepam", "08:00", Decimal(doses[0])),))
    return Plan(regimen=regimen, settings=PlanSettings(start=START), steps=steps)


PLAN = plan("20", "18", "16.2", "14.6")
CUT = STEP_DAYS  # the cut to 18 mg


def journal(rise: int, days: int = 50, noise: int = 2) -> list[JournalDay]:
    """Load 22 with noise; from the cut on, ``rise`` points higher."""
    return make_journal(START, days, noise=noise, seed=7, shifts=(Shift(CUT, 100, rise),))


def test_load_well_above_before_the_cut_suggests_a_hold() -> None:
    suggestion = suggest_hold(journal(rise=10), PLAN, today=day(CUT + 14))
    assert suggestion is not None
    assert suggestion.cut_date == day(CUT)
    assert suggestion.cut_step_index == 1
    assert (suggestion.dose_before_mg, suggestion.dose_after_mg) == (Decimal(20), Decimal(18))
    assert suggestion.next_cut_date == day(2 * STEP_DAYS)
    assert suggestion.level_after - suggestion.level_before == pytest.approx(10, abs=2.5)
    assert 30 <= suggestion.rise_percent <= 60
    message = suggestion.message
    assert "holding at 18 mg" in message
    assert "suggestion" in message
    assert "you and your prescriber decide" in message
    assert "must" not in message.lower()
    sources = [s.text for r in suggestion.reasons for s in r.sources]
    assert any("ASAM 2025 Rec. 11" in s for s in sources)
    assert any(s.startswith("muscular-effects") for s in sources)
    assert all(r.text and r.sources for r in suggestion.reasons)


def test_none_where_there_is_none_when_load_stays_level() -> None:
    assert suggest_hold(journal(rise=0), PLAN, today=day(CUT + 14)) is None


def test_a_modest_rise_is_not_enough() -> None:
    # 22 -> 26 is under the 30% needed; the suggestion is for load that stays *well* above.
    assert suggest_hold(journal(rise=4, noise=0), PLAN, today=day(CUT + 14)) is None


def test_nothing_is_judged_in_the_first_week_after_a_cut() -> None:
    assert suggest_hold(journal(rise=10), PLAN, today=day(CUT + 5)) is None
    assert suggest_hold(journal(rise=10), PLAN, today=day(CUT + 6)) is not None


def test_a_rise_that_has_settled_again_is_not_a_reason() -> None:
    days = make_journal(START, 50, shifts=(Shift(CUT, 8, 10),))  # eight worse days, then back
    assert suggest_hold(days, PLAN, today=day(CUT + 14)) is None


def test_no_suggestion_while_already_holding_or_without_a_next_cut() -> None:
    held = plan("20", "18", "16.2", hold_at=1)
    assert suggest_hold(journal(rise=10), held, today=day(CUT + 14)) is None
    last = plan("20", "18")
    assert suggest_hold(journal(rise=10), last, today=day(CUT + 14)) is None


def test_no_suggestion_outside_the_plan_or_without_data() -> None:
    assert suggest_hold(journal(rise=10), PLAN, today=day(-3)) is None
    assert suggest_hold(journal(rise=10), PLAN, today=day(4 * STEP_DAYS + 3)) is None
    assert suggest_hold([], PLAN, today=day(CUT + 14)) is None
    sparse = [d for d in journal(rise=10) if d.day.day % 3 == 0]
    assert suggest_hold(sparse, PLAN, today=day(CUT + 14)) is None


def test_first_step_has_no_cut_to_compare() -> None:
    assert suggest_hold(journal(rise=10), PLAN, today=day(20)) is None
