"""The journal's bundled data: symptom catalogue, framework texts, hold reasons."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from benzoapp.core.errors import DataError, InputError
from benzoapp.core.journal import (
    load_catalogue,
    load_frameworks,
    load_hold_reasons,
    own_symptom_id,
    parse_catalogue,
)
from benzoapp.core.journal.knowledge import parse_frameworks, parse_hold_reasons
from benzoapp.core.journal.sources import DOCUMENTS
from benzoapp.paths import resource_path


def _raw(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("journal", name).read_text("utf-8"))
    return data


def test_catalogue_has_every_domain_the_issue_names() -> None:
    catalogue = load_catalogue()
    domains = {d.id for d in catalogue.domains}
    assert domains == {
        "fatigue",
        "cognitive",
        "sleep",
        "orthostatic",
        "sensory",
        "pain_muscle",
        "own",
    }
    muscle = {s.id for s in catalogue.in_domain("pain_muscle")}
    assert {
        "muscle_tension",
        "muscle_spasms",
        "muscle_twitching",
        "muscle_burning",
        "muscle_weakness",
    } <= muscle


def test_every_entry_cites_one_of_the_three_documents() -> None:
    catalogue = load_catalogue()
    for item in (*catalogue.domains, *catalogue.symptoms):
        assert item.sources
        assert all(s.document in DOCUMENTS and s.section for s in item.sources), item.id


def test_muscle_symptoms_cite_muscular_effects() -> None:
    catalogue = load_catalogue()
    for symptom in catalogue.in_domain("pain_muscle"):
        if symptom.id.startswith("muscle_"):
            assert symptom.sources[0].document == "muscular-effects"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["symptoms"][0].pop("label"),
            r"symptom 'fatigue' needs a non-empty text 'label'",
        ),
        (
            lambda d: d["symptoms"][1].update(domain="nowhere"),
            r"symptom 'cognitive' names an unknown domain",
        ),
        (lambda d: d["symptoms"][2].update(id="fatigue"), r"symptom 'fatigue' appears twice"),
        (
            lambda d: d["symptoms"][3]["sources"][0].update(document="a-blog"),
            r"symptom 'orthostatic' source 1 names an unknown document 'a-blog'",
        ),
        (lambda d: d["symptoms"][4].update(sources=[]), r"symptom 'sensory' names no source"),
        (lambda d: d["symptoms"][0].update(id="own:thing"), r"kept for the person's own"),
        (lambda d: d["domains"].pop(), r"domain 'own'"),
    ],
)
def test_a_bad_catalogue_entry_is_named(change: Any, message: str) -> None:
    data = copy.deepcopy(_raw("symptoms.json"))
    change(data)
    with pytest.raises(DataError, match=message):
        parse_catalogue(data)


def test_an_unreadable_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "symptoms.json"
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(DataError, match=r"symptoms\.json cannot be read"):
        load_catalogue(bad)


def test_frameworks_hold_three_positions_and_eight_mimics() -> None:
    fw = load_frameworks()
    assert [p.id for p in fw.positions] == ["withdrawal_first", "both", "mecfs"]
    assert all(s.section == "What the Label Should Be" for p in fw.positions for s in p.sources[:1])
    names = [m.name for m in fw.mimics]
    assert len(names) == 8
    for expected in (
        "Fibromyalgia",
        "Restless legs",
        "Myopathy",
        "Cramp-fasciculation",
        "Multiple sclerosis",
        "Periodic paralysis",
        "tetany",
        "Chronic fatigue",
    ):
        assert any(expected in n for n in names), expected
    catalogue_ids = {s.id for s in load_catalogue().symptoms}
    for mimic in fw.mimics:
        assert set(mimic.related_symptoms) <= catalogue_ids, mimic.id


def test_a_missing_position_is_refused() -> None:
    data = copy.deepcopy(_raw("frameworks.json"))
    data["positions"].pop()
    with pytest.raises(DataError, match="positions must be exactly"):
        parse_frameworks(data)


def test_hold_reasons_quote_asam_with_their_source() -> None:
    reasons = {r.id: r for r in load_hold_reasons()}
    assert reasons["asam_rec11"].sources[0].reference == "ASAM 2025 Rec. 11"
    assert "beyond the three source documents" in reasons["asam_rec11"].sources[0].text
    assert "slowed or paused" in reasons["asam_slow_or_pause"].text
    data = _raw("hold_reasons.json")
    data["reasons"][0]["sources"] = [{"reference": ""}]
    with pytest.raises(DataError, match="reason 'asam_slow_or_pause' source 1"):
        parse_hold_reasons(data)


def test_own_symptom_ids_are_stable_and_labelled() -> None:
    assert own_symptom_id("  Ringing ears! ") == "own:ringing_ears"
    assert load_catalogue().label("own:ringing_ears") == "Ringing ears"
    assert load_catalogue().label("muscle_twitching") == "Twitching"
    with pytest.raises(InputError):
        own_symptom_id("!!!")
