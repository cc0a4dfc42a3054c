"""Modified-release products after review: no part-tablets, no made-up strengths, hints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import SWALLOW_WHOLE, DrugCatalog, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.main import main

D = Decimal
START = dt.date(2030, 1, 7)
CATALOG = load_catalog()
PRODUCTS = [f for d in CATALOG.drugs.values() for f in d.modified_release]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- 2. a part of a modified-release tablet ---------------------------------------------
@pytest.mark.parametrize(
    "regimen",
    [
        "Xanax XR 1/2 tablet of 1 mg 08:00",
        "Ambien CR 1/2 tablet of 12.5 mg 22:00",
        "Xanax XR half tablet of 2 mg 08:00",
        "zolpidem CR half tablet of 12.5 mg 22:00",
    ],
)
def test_a_part_of_a_modified_release_tablet_is_refused_at_the_cli(
    capsys: pytest.CaptureFixture[str], regimen: str
) -> None:
    code, out, err = run(capsys, "plan", "--start", "2030-01-07", "--regimen", regimen)
    assert code == 2
    assert out == ""
    assert err.startswith("benzoapp plan: ")
    assert SWALLOW_WHOLE in err


def test_whole_modified_release_tablets_by_count_still_read(catalog: DrugCatalog) -> None:
    regimen = parse_regimen("Xanax XR 2 tablets of 1 mg 08:00", catalog)
    assert regimen.doses[0].mg == D(2)
    assert regimen.doses[0].release == "alprazolam-xr"
    plain = parse_regimen("Xanax 1/2 tablet of 1 mg 08:00", catalog)  # ordinary: may split
    assert plain.doses[0].mg == D("0.5")
    assert plain.doses[0].release == ""


_FRACTIONS = st.one_of(
    st.just("half"),
    st.tuples(st.integers(1, 12), st.integers(2, 8))
    .filter(lambda nd: nd[0] % nd[1] != 0)
    .map(lambda nd: f"{nd[0]}/{nd[1]}"),
    st.tuples(st.integers(0, 5), st.sampled_from(["5", "25", "75", "125"]), st.sampled_from(".,"))
    # "1,125" is refused earlier as ambiguous (thousands or decimals), so not here
    .filter(lambda t: not (t[0] and t[2] == "," and len(t[1]) == 3))
    .map(lambda t: f"{t[0]}{t[2]}{t[1]}"),
)


@given(
    form=st.sampled_from(PRODUCTS),
    count=_FRACTIONS,
    word=st.sampled_from(["tablet", "tablets", "tab", "pill"]),
    of=st.sampled_from(["of ", ""]),
    data=st.data(),
)
def test_any_fraction_of_a_modified_release_tablet_is_refused(
    form: object, count: str, word: str, of: str, data: st.DataObject
) -> None:
    from benzoapp.core.drugs import ReleaseForm

    assert isinstance(form, ReleaseForm)
    name = data.draw(st.sampled_from(form.names))
    strength = data.draw(st.sampled_from(form.tablets)).mg
    text = f"{name} {count} {word} {of}{strength} mg 08:00"
    with pytest.raises(InputError, match=SWALLOW_WHOLE):
        parse_regimen(text, CATALOG)


# ---- 3. own strengths of a modified-release product ------------------------------------
def test_an_own_strength_the_product_is_not_made_in_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for tablet in ("alprazolam:0.25", "alprazolam:0.25:2"):
        code, out, err = run(
            capsys,
            "plan",
            "--start",
            "2030-01-07",
            "--regimen",
            "Xanax XR 1mg 08:00",
            "--tablet",
            tablet,
        )
        assert code == 2, out
        assert "no 0.25 mg alprazolam XR tablet" in err
        assert "0.5, 1, 2, 3 mg" in err
        assert "--tablet alprazolam:0.25" not in err  # never points to a made-up tablet


def test_a_split_of_a_real_strength_points_to_the_whole_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["plan", "--start", "2030-01-07", "--regimen", "Xanax XR 1mg 08:00"]
    code, _, err = run(capsys, *argv, "--tablet", "alprazolam:1:2")
    assert code == 2
    assert "must be swallowed whole, never split, crushed or cut" in err
    assert "--tablet alprazolam:1)" in err
    code, out, err = run(capsys, *argv, "--tablet", "alprazolam:1")  # the advice works
    assert code == 0, err
    assert "1 x 1 mg XR" in out


@given(
    form=st.sampled_from(PRODUCTS),
    mg=st.decimals(min_value=D("0.05"), max_value=D(40), places=2),
    split=st.sampled_from([1, 2, 4]),
)
@example(form=CATALOG.release_form("alprazolam-xr"), mg=D("2.00"), split=1)  # 3 mg unmade
def test_any_own_strength_not_made_for_the_product_is_refused(
    form: object, mg: Decimal, split: int
) -> None:
    from benzoapp.core.drugs import ReleaseForm
    from benzoapp.core.model import PlanSettings, TabletStrength
    from benzoapp.core.taper import build_plan

    assert isinstance(form, ReleaseForm)
    made = {t.mg for t in form.tablets}
    dose = f"{form.names[0]} {form.tablets[-1].mg}mg 08:00"
    settings = PlanSettings(start=START, tablets=(TabletStrength(form.drug, mg, split),))
    regimen = parse_regimen(dose, CATALOG)
    if mg in made and split == 1:
        plan = build_plan(regimen, settings, CATALOG)
        # whole product tablets wherever a dose is made up (own strengths may leave the
        # starting dose unmade, e.g. 3 mg from 2 mg tablets: shown as "cannot be made")
        made_up = [d for s in plan.steps for d in s.doses if d.mg and d.makeable]
        assert made_up
        assert all(d.units.endswith(form.short) for d in made_up)
        return
    with pytest.raises(InputError) as raised:
        build_plan(regimen, settings, CATALOG)
    message = str(raised.value)
    if mg in made:
        assert SWALLOW_WHOLE in message
        return
    assert f"no {mg.normalize():f} mg {form.label} tablet" in message
    assert f"{', '.join(f'{t.mg.normalize():f}' for t in form.tablets)} mg tablets" in message


# ---- 1. the regimen text decides (window); the flag opts in (CLI) -----------------------
def test_settings_for_regimen_drops_a_product_the_regimen_no_longer_names(
    catalog: DrugCatalog,
) -> None:
    from benzoapp.core.model import PlanSettings
    from benzoapp.core.taper import build_plan
    from benzoapp.core.taper.release import settings_for_regimen

    first = build_plan(
        parse_regimen("Xanax XR 1mg 08:00", catalog), PlanSettings(start=START), catalog
    )
    assert first.settings.modified_release == ("alprazolam-xr",)
    plain = parse_regimen("alprazolam 1mg 08:00", catalog)
    again = build_plan(plain, settings_for_regimen(plain, first.settings), catalog)
    assert again.settings.modified_release == ()
    units = [d.units for s in again.steps for d in s.doses if d.mg]
    assert units
    assert not any("XR" in u for u in units)
    assert again.regimen.doses[0].release == ""
    xr = parse_regimen("alprazolam-xr 1mg 08:00", catalog)
    assert settings_for_regimen(xr, first.settings) is first.settings


def test_a_product_chosen_apart_from_the_regimen_is_named_in_the_plans_regimen(
    catalog: DrugCatalog,
) -> None:
    from benzoapp.core.model import PlanSettings
    from benzoapp.core.taper import build_plan

    settings = PlanSettings(start=START, modified_release=("zolpidem-cr",))
    regimen = parse_regimen("zolpidem 12.5mg 22:00; diazepam 2mg 08:00", catalog)
    plan = build_plan(regimen, settings, catalog)
    assert {d.drug: d.release for d in plan.regimen.doses} == {
        "zolpidem": "zolpidem-cr",
        "diazepam": "",
    }
    # Written out with the product, the regimen reads back as the same plan.
    text = "; ".join(f"{d.release or d.drug} {d.mg}mg {d.time}" for d in plan.regimen.doses)
    again = build_plan(parse_regimen(text, catalog), PlanSettings(start=START), catalog)
    assert again.steps == plan.steps


def test_the_cli_flag_still_chooses_the_product_for_a_plain_regimen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["plan", "--start", "2030-01-07", "--regimen", "alprazolam 1mg 08:00"]
    code, out, err = run(capsys, *argv, "--modified-release", "Xanax XR")
    assert code == 0, err
    assert "1 x 1 mg XR" in out
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "XR" not in out


# ---- 4. a strength only the modified-release product is made in ------------------------
def test_ambien_in_a_cr_only_strength_says_how_to_write_ambien_cr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    argv = ["plan", "--start", "2030-01-07", "--json", "--regimen"]
    code, out, err = run(capsys, *argv, "Ambien 6.25mg 22:00")
    assert code == 0, err
    data = json.loads(out)
    hints = [w for w in data["warnings"] if w["code"] == "modified_release_strength"]
    assert len(hints) == 1
    message = hints[0]["message"]
    assert "6.25 mg tablet exists only as zolpidem CR (Ambien CR)" in message
    assert '"Ambien CR 6.25mg 22:00"' in message
    assert hints[0]["source"]
    assert data["settings"]["modified_release"] == []  # told, not silently switched
    assert not any(d["units"].endswith("CR") for s in data["steps"] for d in s["doses"])
    for regimen in ("Ambien CR 6.25mg 22:00", "Ambien 5mg 22:00", "alprazolam 3mg 08:00"):
        code, out, err = run(capsys, *argv, regimen)
        assert code == 0, err
        codes = {w["code"] for w in json.loads(out)["warnings"]}
        assert "modified_release_strength" not in codes, regimen
    code, out, err = run(capsys, *argv, "zolpidem 6.25mg 22:00", "--modified-release", "Ambien CR")
    assert code == 0, err
    assert "modified_release_strength" not in {w["code"] for w in json.loads(out)["warnings"]}


@given(
    form=st.sampled_from(PRODUCTS),
    data=st.data(),
    time=st.sampled_from(["08:00", "22:00"]),
)
def test_a_plain_dose_no_ordinary_tablet_makes_but_the_product_does_gets_the_hint(
    form: object, data: st.DataObject, time: str
) -> None:
    from benzoapp.core.drugs import ReleaseForm
    from benzoapp.core.model import PlanSettings
    from benzoapp.core.taper import build_plan

    assert isinstance(form, ReleaseForm)
    strength = data.draw(st.sampled_from(form.tablets)).mg
    name = data.draw(st.sampled_from((*CATALOG.drugs[form.drug].brands, form.drug)))
    plan = build_plan(
        parse_regimen(f"{name} {strength}mg {time}", CATALOG), PlanSettings(start=START), CATALOG
    )
    assert plan.settings.modified_release == ()  # never switched on a guess
    first = plan.steps[0].doses[0]
    hints = [w for w in plan.warnings if w.code == "modified_release_strength"]
    ordinary = {t.mg for t in CATALOG.drugs[form.drug].tablets}
    if first.makeable or strength in ordinary:
        assert hints == []
    else:
        assert len(hints) == 1
        brand = form.brands[0] if form.brands else form.label
        assert f'"{brand} {strength.normalize():f}mg {time}"' in hints[0].message
