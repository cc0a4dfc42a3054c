"""The regimen check: the taper drug itself, a second benzodiazepine, a Z-drug, products."""

from __future__ import annotations

import pytest

from benzoapp.core.cautions import Checker, Level, check_regimen, load_knowledge_base
from benzoapp.core.model import Medication


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_knowledge_base())


def test_everything_recorded_is_checked_in_order(checker: Checker) -> None:
    meds = [
        Medication("Tylenol"),
        Medication("Epsom salt bath", kind="therapy"),
        Medication("qwertyuiop"),
    ]
    results = check_regimen(checker, ["clonazepam"], meds)
    assert [r.query for r in results] == ["clonazepam", "Tylenol", "Epsom salt bath", "qwertyuiop"]
    assert [r.level for r in results] == [
        Level.AVOID,
        Level.SUPPORTIVE,
        Level.AVOID,
        Level.NOT_COVERED,
    ]
    assert results[0].flags
    assert "drug you are tapering" in results[0].flags[0]
    assert [r.flags for r in results[1:]] == [(), (), ()]


@pytest.mark.parametrize("other", ["Ambien", "zopiclone 7.5 mg", "Xanax", "Librax"])
def test_a_second_benzodiazepine_or_a_z_drug_is_flagged(checker: Checker, other: str) -> None:
    results = check_regimen(checker, ["diazepam"], [Medication(other)])
    assert len(results[1].flags) == 1
    assert (
        "second benzodiazepine or a Z-drug alongside your taper drug (diazepam)"
        in (results[1].flags[0])
    )


def test_a_second_drug_in_the_regimen_itself_is_flagged(checker: Checker) -> None:
    results = check_regimen(checker, ["alprazolam", "diazepam"], [])
    assert "drug you are tapering (alprazolam)" in results[0].flags[0]
    assert "second benzodiazepine" in results[1].flags[0]


def test_the_taper_drug_under_a_brand_name_is_the_same_medicine(checker: Checker) -> None:
    results = check_regimen(checker, ["diazepam"], [Medication("Valium 5 mg")])
    assert "same medicine as your taper drug (diazepam)" in results[1].flags[0]


def test_without_a_taper_drug_a_benzodiazepine_is_still_flagged(checker: Checker) -> None:
    results = check_regimen(checker, [], [Medication("Restoril")])
    assert "is a benzodiazepine or Z-drug" in results[0].flags[0]
