"""Review of the second-wave taper rules, run as a person types them into the CLI.

Each case is a regimen as people write it and the reading a prescriber would give the
output of ``benzoapp plan --json``: a dose nothing on record can make is said to be so
and held, with the options that would make it, rather than stopped after one period;
the gentler options offered are gentler; and, over random regimens, the plan never rises,
never goes negative, every dose is makeable or warned, and no alternative names a form
not on record for the drug in the chosen country.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Method, PlanSettings, Regimen, RegimenDose
from benzoapp.core.taper import build_plan
from benzoapp.core.taper.alternatives import alternatives, plan_figures
from benzoapp.core.taper.short_acting import switch_reason
from benzoapp.main import main

START = "2030-01-07"


def plan_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, regimen: str, *extra: str
) -> dict[str, Any]:
    """``benzoapp plan --json`` with no stored preference (an empty data folder)."""
    argv = ["--data-dir", str(tmp_path), "plan", "--regimen", regimen, "--start", START]
    code = main([*argv, *extra, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    loaded: dict[str, Any] = json.loads(out)
    return loaded


def codes(plan: dict[str, Any], level: str | None = None) -> set[str]:
    return {w["code"] for w in plan["warnings"] if level is None or w["level"] == level}


def warning(plan: dict[str, Any], code: str) -> dict[str, Any]:
    return next(w for w in plan["warnings"] if w["code"] == code)


# ---- a starting dose nothing on record can make (issue 13 point 4) -------------------


def test_clonazepam_0125_without_a_country_is_held_not_stopped_after_one_period(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = plan_cli(capsys, tmp_path, "clonazepam 0.125 mg at night")
    first = plan["steps"][0]
    assert first["doses"][0]["makeable"] is False
    # Not stopped after one 14-day period: held as taken now until the pace allows the
    # stop (10% every 14 days falls below half of it after 98 days).
    assert first["days"] > plan["settings"]["every_days"] * 2
    start = warning(plan, "start_not_makeable")
    assert start["level"] == "strong"
    for option in ("US", "oral liquid", "diazepam"):
        assert option in start["message"]
    assert "Maudsley" in start["source"]
    offered = [a["settings"] for a in plan["alternatives"]]
    assert {"country": "US"} in offered
    assert any(s.get("form") == "liquid" for s in offered)
    assert any(s.get("crossover_to") == "diazepam" for s in offered)
    us = next(a for a in plan["alternatives"] if a["settings"] == {"country": "US"})
    assert "orally disintegrating tablet 0.125 mg" in us["what"]


def test_two_unmakeable_dose_times_hold_the_last_one_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = plan_cli(capsys, tmp_path, "clonazepam 0.125 mg morning and 0.125 mg at night")
    live = [s for s in plan["steps"] if any(d["mg"] for d in s["doses"])]
    last = live[-1]
    assert last["doses"][0]["makeable"] is False
    assert last["days"] > plan["settings"]["every_days"]  # not stopped after one period
    assert "start_not_makeable" in codes(plan, "strong")


def test_an_asked_for_final_dose_still_stops_an_unmakeable_start(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The person's own final dose is the stop threshold, as documented; only the default
    (the smallest amount the form makes) no longer stops a dose the form cannot make."""
    plan = plan_cli(capsys, tmp_path, "clonazepam 0.125 mg at night", "--final-dose", "0.125")
    assert plan["steps"][0]["days"] == 14
    assert "start_not_makeable" in codes(plan)  # still said, with the options


def test_temazepam_15mg_names_the_us_capsule_only_when_no_country_is_chosen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = plan_cli(capsys, tmp_path, "temazepam 15 mg at night")
    assert "start_not_makeable" in codes(plan, "strong")
    us = [a for a in plan["alternatives"] if a["settings"] == {"country": "US"}]
    assert us
    assert "capsule 15 mg" in us[0]["what"]
    chosen = plan_cli(capsys, tmp_path, "temazepam 15 mg at night", "--country", "GB")
    assert "start_not_makeable" in codes(chosen, "strong")
    assert "US" not in warning(chosen, "start_not_makeable")["message"]
    assert all("country" not in a["settings"] for a in chosen["alternatives"])
    made = plan_cli(capsys, tmp_path, "temazepam 15 mg at night", "--country", "US")
    assert "start_not_makeable" not in codes(made)
    assert made["steps"][0]["doses"][0]["units"] == "1 x 15 mg"


# ---- the options offered are gentler than the plan (issue 13 point 3) ---------------


@pytest.mark.parametrize(
    ("regimen", "extra", "not_offered"),
    [
        # Australia's clonazepam liquid is 2.5 mg/ml: with a 0.1 ml syringe it steps by
        # 0.25 mg, as coarse as the tablets (a 100% stop after a 98-day hold).
        ("clonazepam 0.5 mg at night", ("--country", "AU"), "An oral liquid of clonazepam"),
        # Lorazepam's 2 mg/ml concentrate gives the same largest cut and hold as tablets.
        ("lorazepam 1mg tds", (), "An oral liquid of lorazepam"),
        # Sweden's diazepam is 5 and 10 mg whole tablets: a switch is coarser than the plan.
        ("clonazepam 0.5 mg at night", ("--country", "SE"), "Switch to a comparable dose"),
        # Australia has diazepam on record only as an elixir: no switch planned in tablets
        # (the common strengths the plan would fall back on are no product there).
        ("zopiclone 7.5 mg at night", ("--country", "AU"), "Switch to a comparable dose"),
    ],
)
def test_an_option_no_gentler_than_the_plan_or_not_on_record_is_not_offered(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    regimen: str,
    extra: tuple[str, ...],
    not_offered: str,
) -> None:
    plan = plan_cli(capsys, tmp_path, regimen, *extra)
    own = plan["figures"]
    for alt in plan["alternatives"]:
        assert not alt["what"].startswith(not_offered), alt["what"]
        guideline_switch = alt["settings"] == {"crossover_to": "diazepam"}
        if not guideline_switch and "country" not in alt["settings"]:
            smaller_cut = Decimal(str(alt["largest_cut_pct"])) < Decimal(
                str(own["largest_cut_pct"])
            )
            shorter_hold = alt["longest_forced_hold_days"] < own["longest_forced_hold_days"]
            assert smaller_cut or shorter_hold, alt["what"]


def test_where_diazepam_is_only_a_liquid_the_switch_is_offered_as_the_liquid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = plan_cli(capsys, tmp_path, "zopiclone 7.5 mg at night", "--country", "AU")
    (switch,) = [a for a in plan["alternatives"] if "crossover_to" in a["settings"]]
    assert switch["settings"] == {
        "crossover_to": "diazepam",
        "form": "liquid",
        "liquid_mg_per_ml": 1,
    }
    assert "PrescQIPP" in switch["source"]


def test_the_guideline_switch_for_a_short_acting_drug_is_kept_even_when_as_long(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Alprazolam three times a day: the switch answers inter-dose withdrawal, which the
    figures do not measure, so it stays offered though its cuts are no smaller."""
    plan = plan_cli(capsys, tmp_path, "alprazolam 2 mg three times a day")
    assert {"crossover_to": "diazepam"} in [a["settings"] for a in plan["alternatives"]]
    assert "ASAM 2025 Rec. 7" in plan["alternatives"][0]["source"]


# ---- properties over random regimens and settings (issue 13 points 1-6) -------------

PROPERTY_DRUGS = (
    "diazepam",
    "clonazepam",
    "lorazepam",
    "alprazolam",
    "oxazepam",
    "temazepam",
    "zopiclone",
    "zolpidem",
    "chlordiazepoxide",
)
GRID = (Decimal("0.125"), Decimal("0.25"), Decimal("0.5"), Decimal(1), Decimal("2.5"))
TIMES = ("08:00", "14:00", "22:00")
_CATALOG = load_catalog()


@st.composite
def typed_regimens(draw: st.DrawFn) -> Regimen:
    """One drug at 1-3 times a day, each dose on a common grid and at most the usual
    daily maximum over the times (so dose sanity would let it through)."""
    drug = draw(st.sampled_from(PROPERTY_DRUGS))
    info = _CATALOG.drugs[drug]
    times = draw(st.integers(1, 3))
    ceiling = (info.usual_max_daily_mg or Decimal(30)) / times
    step = draw(st.sampled_from(GRID))
    most = max(1, int(ceiling / step))
    doses = tuple(
        RegimenDose(drug, TIMES[i], step * draw(st.integers(1, min(most, 40))))
        for i in range(times)
    )
    return Regimen(doses)


@st.composite
def typed_settings(draw: st.DrawFn) -> PlanSettings:
    return PlanSettings(
        method=draw(st.sampled_from(list(Method))),
        rate_percent=Decimal(draw(st.sampled_from(["5", "10", "25"]))),
        every_days=draw(st.sampled_from([7, 14, 28])),
        form=draw(st.sampled_from(list(Form))),
        crossover_to=draw(st.sampled_from([None, "diazepam"])),
        country=draw(st.sampled_from([None, "US", "GB", "CA", "AU", "SE"])),
        keep_dose_times=draw(st.booleans()),
    )


def _on_record(
    changes: dict[str, Any], settings_: PlanSettings, drug: str, applied: PlanSettings
) -> None:
    """An alternative's settings name only forms on record for the drug it tapers."""
    taper = _CATALOG.drugs[changes.get("crossover_to") or settings_.crossover_to or drug]
    country = changes.get("country", settings_.country)
    if "crossover_to" in changes and applied.form is not Form.LIQUID and country is not None:
        # a switch planned in tablets: diazepam tablets must be on record in that country
        assert taper.has_solids_in(country)
    if "country" in changes:
        assert settings_.country is None  # never another country than the one chosen
        assert _CATALOG.drugs[drug].products_in(country)
    if changes.get("form") == Form.LIQUID.value:
        strengths = {liquid.mg_per_ml for liquid in taper.liquids_in(country)}
        assert changes["liquid_mg_per_ml"] in strengths
    for tablet in changes.get("tablets", ()):
        assert tablet["mg"] in {t.mg for t in taper.tablets_in(country)}


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regimen=typed_regimens(), chosen=typed_settings())
def test_typed_regimens_never_rise_never_go_negative_and_offer_only_forms_on_record(
    regimen: Regimen, chosen: PlanSettings
) -> None:
    catalog: DrugCatalog = _CATALOG
    try:
        plan = build_plan(regimen, chosen, catalog)
    except InputError:  # e.g. a pace that would outlast 30 years: refused, not planned
        event("refused")
        return
    event(f"{len(plan.steps) // 10 * 10}+ steps")
    found = {w.code for w in plan.warnings}
    drug = regimen.doses[0].drug
    for before, after in zip(plan.steps, plan.steps[1:], strict=False):
        if after.diazepam_equivalent_mg > before.diazepam_equivalent_mg:
            assert "crossover_rounded_up" in found  # a rise only from switch rounding
    for step in plan.steps:
        for dose in step.doses:
            assert dose.mg >= 0
            if not dose.makeable:
                assert "unmakeable_dose" in found
    assert not any(d.mg for d in plan.steps[-1].doses)
    kept_drugs = {chosen.crossover_to} if chosen.crossover_to else {drug}
    if any(not d.makeable and d.drug in kept_drugs for d in plan.steps[0].doses):
        assert "start_not_makeable" in found  # a crossover's old drug is switched instead
    own = plan_figures(plan)
    for alt in alternatives(plan, catalog):
        _on_record(alt.changes, plan.settings, drug, alt.settings)
        guideline_switch = "crossover_to" in alt.changes and switch_reason(drug, catalog)
        if "country" in alt.changes or guideline_switch:
            continue
        assert (
            alt.figures.largest_cut_pct < own.largest_cut_pct
            or alt.figures.longest_forced_hold_days < own.longest_forced_hold_days
        )


# ---- dose sanity: a slip reading must itself be a dose (issue 13 point 5) -----------


@pytest.mark.parametrize(
    ("regimen", "expected", "not_expected"),
    [
        # 0.1 mg diazepam is a tenth of the smallest piece (half a 2 mg tablet): a high
        # dose typed as it is taken, asked about as high, not as a slip.
        ("diazepam 100mg at night", "above the plausible limit of 90 mg", "slip"),
        (
            "clonazepam 500mg at night",
            "slip for 500 mcg (0.5 mg)",
            "above the plausible limit of 12 mg (3",
        ),
        # 0.125 mg clonazepam is a US orally disintegrating tablet: still a slip reading.
        (
            "clonazepam 125mg at night",
            "slip for 125 mcg (0.125 mg)",
            "above the plausible limit of 12 mg (3",
        ),
    ],
)
def test_a_high_dose_is_read_as_a_slip_only_when_the_mcg_reading_is_a_dose(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    regimen: str,
    expected: str,
    not_expected: str,
) -> None:
    argv = ["--data-dir", str(tmp_path), "plan", "--regimen", regimen, "--json"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert not_expected not in err
    assert "--confirm-dose" in err


def test_a_final_dose_between_two_makeable_amounts_names_where_the_plan_stops(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """0.25 mg of a 1 mg/ml liquid in 0.1 ml steps: the nearest amount is 0.3 mg, but the
    plan stops a dose at or below 0.25 mg, so its last dose is 0.2 mg; the warning says
    both, so the last step does not contradict it."""
    plan = plan_cli(
        capsys, tmp_path, "diazepam 10mg at night", "--form", "liquid", "--final-dose", "0.25"
    )
    message = warning(plan, "final_dose_not_makeable")["message"]
    assert "nearest dose that can be made is 0.3 mg" in message
    assert "largest such dose that can be made is 0.2 mg" in message
    last = [s for s in plan["steps"] if any(d["mg"] for d in s["doses"])][-1]
    assert last["doses"][0]["mg"] == 0.2


@pytest.mark.parametrize("target", ["diazepam", "Valium"])
def test_in_a_crossover_the_switched_drug_is_not_called_unmakeable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str
) -> None:
    """The switch is the remedy for clonazepam 0.125 mg: no warning that the plan keeps
    it, and no country offered to make a dose that is switched in the first steps."""
    plan = plan_cli(capsys, tmp_path, "clonazepam 0.125 mg at night", "--crossover", target)
    assert "start_not_makeable" not in codes(plan)
    assert all("country" not in a["settings"] for a in plan["alternatives"])
    assert plan["steps"][1]["mg_by_drug"] == {"diazepam": 2.5}
