"""Regimen flags beyond a second benzodiazepine: opioids, other sedating medicines, strong
CYP3A4 inhibitors, and the plan's own drug answered as the taper drug."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benzoapp.core.cautions import Checker, Level, check_regimen, load_knowledge_base
from benzoapp.core.cautions.regimen import check_with_plan
from benzoapp.core.cautions.regimen_rules import load_rules, parse_rules
from benzoapp.core.errors import DataError
from benzoapp.core.model import Medication

CHECKER = Checker(load_knowledge_base())


def _codes(taper: list[str], names: list[str]) -> dict[str, tuple[str, ...]]:
    check = check_regimen(CHECKER, taper, [Medication(n) for n in names])
    return {f.code: f.items for f in check.flags}


@pytest.mark.parametrize(
    "opioid", ["oxycodone", "OxyContin 10mg", "Tylenol 3", "tramadol", "Percocet"]
)
def test_an_opioid_with_the_taper_is_flagged_with_the_boxed_warning(opioid: str) -> None:
    check = check_regimen(CHECKER, ["clonazepam"], [Medication(opioid)])
    flag = next(f for f in check.flags if f.code == "opioid_with_benzodiazepine")
    assert flag.items == (opioid,)
    assert flag.level is Level.AVOID
    assert "boxed" in flag.message
    assert "Do not stop either on your own" in flag.message
    assert flag.source.startswith("from beyond the three documents: US Food and Drug")
    assert "2016" in flag.source
    assert check.results[0].flags == (flag.message,)


@pytest.mark.parametrize(
    "sedating",
    [
        "Benadryl",
        "diphenhydramine",
        "ZzzQuil",
        "Phenergan",
        "gabapentin",
        "Lyrica",
        "baclofen",
        "vodka",
    ],
)
def test_other_sedating_medicines_with_the_taper_are_flagged(sedating: str) -> None:
    assert _codes(["diazepam"], [sedating])["sedating_with_benzodiazepine"] == (sedating,)


def test_one_flag_names_every_sedating_medicine() -> None:
    codes = _codes(["diazepam"], ["Benadryl", "Tylenol", "gabapentin 300mg"])
    assert codes["sedating_with_benzodiazepine"] == ("Benadryl", "gabapentin 300mg")


@pytest.mark.parametrize(
    "inhibitor", ["ketoconazole", "Sporanox", "clarithromycin", "Paxlovid", "Norvir"]
)
@pytest.mark.parametrize("benzo", ["alprazolam", "Xanax", "triazolam", "midazolam"])
def test_a_strong_cyp3a4_inhibitor_with_alprazolam_triazolam_or_midazolam(
    inhibitor: str, benzo: str
) -> None:
    check = check_regimen(CHECKER, [benzo], [Medication(inhibitor)])
    flag = next(f for f in check.flags if f.code == "cyp3a4_inhibitor_with_benzodiazepine")
    assert flag.items == (inhibitor,)
    assert "CYP3A4" in flag.message
    assert "HALCION (triazolam)" in flag.source
    assert flag.source.startswith("from beyond")


@pytest.mark.parametrize("benzo", ["diazepam", "clonazepam", "lorazepam"])
def test_a_cyp3a4_inhibitor_is_not_flagged_for_other_benzodiazepines(benzo: str) -> None:
    assert "cyp3a4_inhibitor_with_benzodiazepine" not in _codes([benzo], ["ketoconazole"])


def test_a_second_benzodiazepine_on_the_list_brings_its_own_interactions() -> None:
    codes = _codes(["diazepam"], ["Xanax", "clarithromycin"])
    assert codes["second_benzodiazepine"] == ("Xanax",)
    assert codes["cyp3a4_inhibitor_with_benzodiazepine"] == ("clarithromycin",)


def test_without_any_benzodiazepine_nothing_is_flagged() -> None:
    assert _codes([], ["oxycodone", "Benadryl", "ketoconazole"]) == {}


def test_the_issue_example_clonazepam_plan_with_klonopin_xanax_and_ambien() -> None:
    check = check_regimen(
        CHECKER, ["clonazepam"], [Medication(n) for n in ("Klonopin 0.5mg", "Xanax", "Ambien")]
    )
    assert [(f.code, f.items) for f in check.flags] == [
        ("taper_drug_again", ("Klonopin 0.5mg",)),
        ("second_benzodiazepine", ("Xanax",)),
        ("second_benzodiazepine", ("Ambien",)),
    ]
    klonopin = check.results[0]
    assert klonopin.taper_drug == "clonazepam"
    assert klonopin.level is Level.CAUTION  # the taper drug, not something to avoid
    assert "the medicine you are tapering (clonazepam)" in klonopin.reasons[0].text
    assert check.results[1].level is Level.AVOID


@pytest.mark.parametrize("name", ["Valium", "diazepam 5 mg", "Stesolid", "Diazemuls"])
def test_the_plan_drug_under_any_name_is_answered_as_the_taper_drug(name: str) -> None:
    result = check_with_plan(CHECKER, name, ["diazepam"])
    assert result.taper_drug == "diazepam"
    assert result.level is Level.CAUTION
    assert result.alternatives == ()
    assert result.reasons[0].source == "muscular-effects"
    other = check_with_plan(CHECKER, "Xanax", ["diazepam"])
    assert (other.taper_drug, other.level) == ("", Level.AVOID)


def test_a_blank_medication_does_not_stop_the_list() -> None:
    check = check_regimen(CHECKER, ["diazepam"], [Medication("  "), Medication("Xanax")])
    assert check.results[0].level is Level.NOT_COVERED
    assert [f.code for f in check.flags] == ["second_benzodiazepine"]


def test_every_bundled_rule_cites_an_outside_source() -> None:
    rules = load_rules()
    assert {r.code for r in rules} == {
        "opioid_with_benzodiazepine",
        "sedating_with_benzodiazepine",
        "cyp3a4_inhibitor_with_benzodiazepine",
    }
    assert all(r.source.startswith("from beyond the three documents:") for r in rules)
    kb = load_knowledge_base()
    for rule in rules:
        assert rule.entries <= set(kb.entries), rule.code  # every named medicine is known


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"level": "bad"}, "level 'bad'"),
        ({"message": "no placeholder"}, "needs a 'message'"),
        ({"source": ""}, "needs a 'source'"),
        ({"extra": 1}, "unknown field"),
    ],
)
def test_a_bad_rule_is_refused_with_its_name(
    change: dict[str, object], message: str, tmp_path: Path
) -> None:
    from benzoapp.paths import resource_path

    raw = json.loads(resource_path("cautions", "regimen_rules.json").read_text(encoding="utf-8"))
    raw["rules"][0].update(change)
    with pytest.raises(DataError, match=message):
        parse_rules(raw)
