"""Pace suggestions from the profile: each offered with its source, the plan never changed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import load_catalog
from benzoapp.core.model import Plan, PlanSettings, Profile
from benzoapp.core.taper import build_plan
from benzoapp.core.taper.pace import pace_suggestions
from benzoapp.main import main

D = Decimal
MakePlan = Callable[..., Plan]
START = dt.date(2030, 1, 7)


def _codes(plan: Plan, profile: Profile) -> list[str]:
    return [s.code for s in pace_suggestions(plan, profile)]


def test_65_and_over_is_offered_a_slower_start_with_sources(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 10mg 22:00")
    (older,) = pace_suggestions(plan, Profile(birth_year=START.year - 65))
    assert older.code == "older_age"
    assert (older.rate_percent, older.every_days) == (5, 28)
    assert "Ashton Manual" in older.source
    assert "ASAM 2025" in older.source
    assert "Maudsley" in older.source
    assert _codes(plan, Profile(birth_year=START.year - 64)) == []


def test_years_of_use_earlier_withdrawals_and_high_dose(make_plan: MakePlan) -> None:
    long_ago = START - dt.timedelta(days=365 * 8)
    plan = make_plan("diazepam 10mg 22:00")
    assert _codes(plan, Profile(benzo_start=long_ago)) == ["long_use"]
    assert _codes(plan, Profile(benzo_start=START - dt.timedelta(days=30))) == []
    assert _codes(plan, Profile(prior_withdrawals=1)) == ["difficult_withdrawals"]
    assert _codes(plan, Profile(reinstatements=2)) == ["difficult_withdrawals"]
    fast = make_plan("diazepam 50mg 08:00", rate_percent=D(25))
    (high,) = pace_suggestions(fast, Profile())
    assert high.code == "high_dose"
    assert "specialist advice" in high.reason
    assert "eTG" in high.source
    assert "ASAM 2025 Table 2" in high.source


def test_only_paces_slower_than_the_chosen_one_are_offered(make_plan: MakePlan) -> None:
    slow = make_plan("diazepam 10mg 22:00", rate_percent=D(5), every_days=28)
    assert _codes(slow, Profile(birth_year=1930, prior_withdrawals=3)) == []
    # the default pace is already at most 10% every 2 weeks, so a high dose adds nothing
    assert _codes(make_plan("diazepam 30mg 22:00"), Profile()) == []


@settings(max_examples=40, deadline=None)
@given(
    age=st.one_of(st.none(), st.integers(18, 99)),
    years=st.integers(0, 40),
    prior=st.integers(0, 3),
    rate=st.sampled_from([D(5), D(10), D(25)]),
)
def test_suggestions_never_change_the_plan(
    age: int | None, years: int, prior: int, rate: Decimal
) -> None:
    catalog = load_catalog()
    regimen = parse_regimen("clonazepam 1mg 22:00", catalog)
    chosen = PlanSettings(start=START, rate_percent=rate)
    profile = Profile(
        birth_year=None if age is None else START.year - age,
        benzo_start=START - dt.timedelta(days=365 * years),
        prior_withdrawals=prior,
    )
    plain = build_plan(regimen, chosen, catalog)
    with_profile = build_plan(regimen, chosen, catalog, profile)
    assert with_profile.steps == plain.steps
    assert with_profile.settings == plain.settings
    for suggestion in pace_suggestions(with_profile, profile):
        assert suggestion.source
        assert suggestion.rate_percent <= rate


def test_plan_cli_offers_them_in_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--regimen", "diazepam 10mg 22:00", "--age", "72", "--years-of-use", "6"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Pace suggestions (offered, not applied" in out
    assert "At 72" in out
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    codes = [p["code"] for p in data["pace_suggestions"]]
    assert codes == ["older_age", "long_use"]
    assert data["pace_suggestions"][0]["settings"] == {"rate_percent": 5, "every_days": 28}
    assert data["settings"]["rate_percent"] == 10  # offered, not applied


@pytest.mark.parametrize(
    ("argv", "message"), [(["--age", "0"], "--age"), (["--years-of-use", "x"], "--years-of-use")]
)
def test_bad_profile_options_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["plan", "--regimen", "diazepam 10mg 22:00", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
