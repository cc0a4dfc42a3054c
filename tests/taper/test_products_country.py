"""Products per country: what is sold there makes its own doses; nothing sold elsewhere
is offered; every product names its source."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog, Tablet, load_catalog, parse_catalog
from benzoapp.core.errors import DataError, InputError
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import Form, PlanSettings, TabletStrength
from benzoapp.core.taper import build_plan
from benzoapp.main import main
from benzoapp.paths import resource_path

CATALOG = load_catalog()
START = dt.date(2030, 1, 7)
SOLIDS = [
    (drug.id, product.country, product.mg)
    for drug in CATALOG.drugs.values()
    for product in drug.products
    if product.form != "liquid"
]


def plan(text: str, **kw: object):
    return build_plan(parse_regimen(text, CATALOG), PlanSettings(start=START, **kw), CATALOG)


def codes(p) -> list[str]:
    return [w.code for w in p.warnings]


def test_us_clonazepam_odt_makes_an_eighth_of_a_milligram() -> None:
    made = plan("Klonopin 0.125 mg at bedtime", country="US")
    first = made.steps[0].doses[0]
    assert first.makeable
    assert first.units == "1 x 0.125 mg"
    assert "unmakeable_dose" not in codes(made)
    assert "unmakeable_dose" in codes(plan("Klonopin 0.125 mg at bedtime"))  # no country


def test_us_temazepam_capsules_make_15_mg_and_step_to_7_5() -> None:
    made = plan("temazepam 15mg 22:00", country="US")
    assert made.steps[0].doses[0].units == "1 x 15 mg"
    assert [s.total_mg for s in made.steps] == [15, Decimal("7.5"), 0]


@settings(max_examples=60)
@given(st.sampled_from(SOLIDS), st.integers(1, 3))
def test_a_dose_a_product_of_the_country_makes_is_always_makeable(
    solid: tuple[str, str, Decimal], count: int
) -> None:
    drug_id, country, mg = solid
    tablets = CATALOG.drugs[drug_id].tablets_in(country)
    form = Formulation(
        drug_id, Form.TABLET, tuple(TabletStrength(drug_id, t.mg, t.max_split) for t in tablets)
    )
    assert form.can_make(mg * count)
    start = plan(f"{drug_id} {mg * count} mg 22:00", country=country, form=Form.TABLET)
    assert start.steps[0].doses[0].makeable


def test_country_less_accessors_are_the_common_strengths() -> None:
    for drug in CATALOG.drugs.values():
        assert drug.tablets_in(None) == drug.tablets
        assert drug.liquids_in(None) == drug.liquids


def test_solids_merge_to_the_finest_split_and_capsules_stay_whole() -> None:
    clonazepam = CATALOG.drugs["clonazepam"]
    assert Tablet(Decimal("0.125"), 1) in clonazepam.tablets_in("US")
    assert Tablet(Decimal("0.5"), 2) in clonazepam.tablets_in("US")  # scored tablet + ODT
    assert all(t.max_split == 1 for t in CATALOG.drugs["temazepam"].tablets_in("US"))


def test_a_liquid_is_only_offered_where_one_is_on_record() -> None:
    assert CATALOG.drugs["clonazepam"].liquids_in("US") == ()
    au = CATALOG.drugs["clonazepam"].liquids_in("AU")
    assert [liquid.mg_per_ml for liquid in au] == [Decimal("2.5")]
    made = plan("clonazepam 1mg 22:00", country="US", form=Form.LIQUID)
    fallback = [w for w in made.warnings if w.code == "form_fallback"]
    assert "in US" in fallback[0].message


def test_no_product_on_record_in_the_country_is_said_not_hidden() -> None:
    made = plan("nitrazepam 5mg 22:00", country="GB")
    (note,) = [w for w in made.warnings if w.code == "no_country_products"]
    assert "GB" in note.message
    assert "5 mg" in note.message  # the common strength it falls back to
    assert "no_country_products" not in codes(plan("zopiclone 7.5mg 22:00", country="GB"))


def test_every_product_names_its_source_and_country() -> None:
    assert set(CATALOG.countries()) >= {"US", "GB", "CA", "AU"}
    for drug in CATALOG.drugs.values():
        for product in drug.products:
            assert product.source.strip()
            assert product.form == "tablet" or product.max_split == 1


def test_country_names_people_write() -> None:
    assert CATALOG.country(" uk ") == "GB"
    assert CATALOG.country("us") == "US"
    with pytest.raises(InputError, match="choose one of"):
        CATALOG.country("Atlantis")


def test_a_split_capsule_is_refused_as_bad_data() -> None:
    drugs = json.loads(resource_path("drugs", "drugs.json").read_text(encoding="utf-8"))
    tables = json.loads(resource_path("drugs", "equivalence.json").read_text(encoding="utf-8"))
    bad = copy.deepcopy(drugs)
    entry = next(e for e in bad["drugs"] if e["id"] == "temazepam")
    entry["products"][0]["max_split"] = 2
    with pytest.raises(DataError, match="only a tablet may be split"):
        parse_catalog(bad, tables)


def test_cli_country(capsys: pytest.CaptureFixture[str], catalog: DrugCatalog) -> None:
    argv = ["plan", "--regimen", "Klonopin 0.125mg at bedtime", "--start", "2030-01-07"]
    assert main([*argv, "--country", "US", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["steps"][0]["doses"][0]["makeable"] is True
    assert out["settings"]["country"] == "US"
    assert main([*argv, "--country", "XX"]) == 2
    assert "choose one of" in capsys.readouterr().err


def test_the_country_preference_lists_every_country_with_products() -> None:
    from benzoapp.gui.preferences import COUNTRY

    assert COUNTRY.choices == ("", *CATALOG.countries())


def test_the_country_chosen_once_in_the_window_plans_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    from benzoapp.gui.preferences import Preferences
    from benzoapp.store.settings import country_setting

    prefs = Preferences(tmp_path)
    prefs.set("taper/country", "US")
    prefs.sync()
    assert country_setting(tmp_path, CATALOG.countries()) == "US"
    argv = ["--data-dir", str(tmp_path), "plan", "--regimen", "Klonopin 0.125mg 22:00"]
    assert main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["country"] == "US"
    assert out["steps"][0]["doses"][0]["makeable"] is True
    assert main([*argv, "--country", "GB", "--json"]) == 0  # the option wins
    assert json.loads(capsys.readouterr().out)["settings"]["country"] == "GB"


def test_a_damaged_country_preference_keeps_the_common_strengths(tmp_path: Path) -> None:
    from benzoapp.store.settings import country_setting

    (tmp_path / "settings.ini").write_text("[taper]\ncountry=Atlantis\n", encoding="utf-8")
    assert country_setting(tmp_path, CATALOG.countries()) is None
    (tmp_path / "settings.ini").write_bytes(b"\xff\xfe[broken")
    assert country_setting(tmp_path, CATALOG.countries()) is None
