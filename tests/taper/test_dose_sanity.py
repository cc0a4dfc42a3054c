"""Dose sanity: implausible doses and mg/mcg slips are refused in one line until confirmed;
absurd amounts are refused outright, quickly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.dose_sanity import CEILING_MULTIPLE, dose_concerns, dose_limit
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.errors import DoseConfirmationError, RegimenTextError
from benzoapp.core.model import Regimen, RegimenDose
from benzoapp.main import main

CATALOG = load_catalog()


def test_a_mg_for_mcg_slip_is_asked_about_naming_both_readings(catalog: DrugCatalog) -> None:
    with pytest.raises(DoseConfirmationError) as caught:
        parse_regimen("clonazepam 500mg 22:00", catalog)
    message = str(caught.value)
    assert "500 mcg" in message
    assert "write 0.5 mg" in message
    assert "\n" not in message
    (concern,) = caught.value.concerns
    assert concern.kind == "unit_slip"
    confirmed = parse_regimen("clonazepam 500mg 22:00", catalog, confirmed=True)
    assert confirmed.doses[0].mg == 500


def test_a_mcg_for_mg_slip_is_asked_about(catalog: DrugCatalog) -> None:
    with pytest.raises(DoseConfirmationError, match="slip for 5 mg"):
        parse_regimen("diazepam 5 mcg 08:00", catalog)


def test_a_high_total_over_the_day_needs_confirming(catalog: DrugCatalog) -> None:
    text = "alprazolam 6mg three times a day"  # 18 mg a day: above 3 x 4 mg
    with pytest.raises(DoseConfirmationError, match="above the plausible limit of 12 mg"):
        parse_regimen(text, catalog)
    assert parse_regimen(text, catalog, confirmed=True).total_mg == 18


def test_usual_high_doses_pass_without_asking(catalog: DrugCatalog) -> None:
    # Ashton's example: 6 mg alprazolam a day; eTG's specialist threshold 40 mg diazepam.
    assert parse_regimen("alprazolam 2mg three times a day", catalog).total_mg == 6
    assert parse_regimen("diazepam 20mg morning and 20 mg night", catalog).total_mg == 40


def test_an_absurd_dose_is_refused_even_when_confirmed(catalog: DrugCatalog) -> None:
    with pytest.raises(RegimenTextError, match="more than a hundred times"):
        parse_regimen("diazepam 99999999 mg 22:00", catalog, confirmed=True)


def test_a_drug_without_a_usual_maximum_is_limited_through_its_equivalent() -> None:
    limit = dose_limit(CATALOG.drugs["bromazepam"], CATALOG)
    assert "diazepam" in limit.basis
    assert limit.limit_mg > 0
    assert dose_limit(CATALOG.drugs["clonazepam"], CATALOG).limit_mg == 12


def test_cli_refuses_in_one_line_and_plans_with_confirm_dose(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["plan", "--regimen", "clonazepam 500mg 22:00", "--start", "2030-01-07"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "--confirm-dose" in err
    argv = ["plan", "--regimen", "clonazepam 5mg 22:00", "--start", "2030-01-07"]
    assert main([*argv, "--confirm-dose", "--json"]) == 0
    code = main(["plan", "--regimen", "diazepam 99999999 mg 22:00", "--confirm-dose"])
    assert code == 2
    assert "no plan is made" in capsys.readouterr().err


@given(st.sampled_from(sorted(CATALOG.drugs)), st.integers(1, 4), st.data())
def test_limits_hold_for_every_drug(drug_id: str, times: int, data: st.DataObject) -> None:
    drug = CATALOG.drugs[drug_id]
    limit = dose_limit(drug, CATALOG).limit_mg
    smallest = min(t.mg for t in drug.tablets)
    per_dose_top = int(limit / times * 1000)
    low = int(smallest * 20) + 1  # in thousandths: above a fiftieth of the smallest tablet
    per = Decimal(data.draw(st.integers(min(low, per_dose_top), per_dose_top))) / 1000
    doses = tuple(RegimenDose(drug_id, f"{8 + 3 * i:02d}:00", per) for i in range(times))
    assert dose_concerns(Regimen(doses), CATALOG) == ()
    above = Decimal(data.draw(st.integers(1, 99))) / 100 * (CEILING_MULTIPLE - 1) + 1
    high = Regimen((RegimenDose(drug_id, "08:00", (limit * above).quantize(Decimal("0.01"))),))
    (concern,) = dose_concerns(high, CATALOG)
    assert concern.kind in ("high", "unit_slip")


def test_the_window_adapter_asks_then_reads_the_confirmed_dose(catalog: DrugCatalog) -> None:
    from benzoapp.gui.adapters import CorePlanner

    planner = CorePlanner(catalog)
    with pytest.raises(DoseConfirmationError) as caught:
        planner.parse_regimen("clonazepam 500mg 22:00")
    assert caught.value.concerns[0].drug == "clonazepam"
    assert planner.parse_regimen("clonazepam 500mg 22:00", confirmed=True).total_mg == 500


def test_a_tablet_sold_in_some_country_is_a_known_strength(catalog: DrugCatalog) -> None:
    regimen = parse_regimen("clonazepam 1 tablet of 0.125 mg 22:00", catalog)
    assert regimen.doses[0].mg == Decimal("0.125")
