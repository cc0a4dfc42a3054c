"""The regimen check: each medication's answer plus flags for the list beside the plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from benzoapp.core.cautions import (
    Checker,
    Level,
    check_regimen,
    load_knowledge_base,
    plan_drug_names,
)
from benzoapp.core.model import Medication, Plan, PlanSettings, Regimen, RegimenDose


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_knowledge_base())


def test_each_medication_is_answered_in_order(checker: Checker) -> None:
    meds = [Medication("Tylenol"), Medication("Epsom salt bath"), Medication("qwertyuiop")]
    check = check_regimen(checker, ["clonazepam"], meds)
    assert [r.query for r in check.results] == ["Tylenol", "Epsom salt bath", "qwertyuiop"]
    assert [r.level for r in check.results] == [
        Level.SUPPORTIVE,
        Level.AVOID,
        Level.NOT_COVERED,
    ]
    assert check.flags == ()


@pytest.mark.parametrize("other", ["Ambien", "zopiclone 7.5 mg", "Xanax", "Librax"])
def test_a_second_benzodiazepine_or_a_z_drug_is_flagged(checker: Checker, other: str) -> None:
    check = check_regimen(checker, ["diazepam"], [Medication(other)])
    assert [f.code for f in check.flags] == ["second_benzodiazepine"]
    assert check.flags[0].items == (other,)
    assert "alongside your taper drug (diazepam)" in check.flags[0].message
    assert check.results[0].flags == (check.flags[0].message,)


def test_the_taper_drug_under_a_brand_name_is_the_same_medicine(checker: Checker) -> None:
    check = check_regimen(checker, ["diazepam"], [Medication("Valium 5 mg")])
    assert [f.code for f in check.flags] == ["taper_drug_again"]


def test_the_crossover_target_is_part_of_the_taper(checker: Checker) -> None:
    plan = Plan(
        regimen=Regimen((RegimenDose(drug="clonazepam", mg=Decimal("1"), time="22:00"),)),
        settings=PlanSettings(start=dt.date(2026, 1, 1), crossover_to="diazepam"),
        steps=(),
    )
    assert plan_drug_names(plan) == ("clonazepam", "diazepam")
    check = check_regimen(checker, plan_drug_names(plan), [Medication("Valium")])
    assert [f.code for f in check.flags] == ["taper_drug_again"]


def test_without_a_taper_drug_a_benzodiazepine_is_still_flagged(checker: Checker) -> None:
    check = check_regimen(checker, [], [Medication("Restoril")])
    assert [f.code for f in check.flags] == ["benzodiazepine_without_plan"]
