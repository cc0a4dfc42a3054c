"""``benzoapp check``: plain text and the JSON shape."""

from __future__ import annotations

import json

import pytest

from benzoapp.main import main


def test_check_json_has_one_object_per_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Valium", "Tylenol PM", "qwertyuiop", "ambiem", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [o["query"] for o in data] == ["Valium", "Tylenol PM", "qwertyuiop", "ambiem"]
    valium, tylenol_pm, unknown, typo = data
    assert valium["level"] == "avoid"
    assert valium["match"] == {
        "name": "Valium",
        "how": "brand",
        "score": 100.0,
        "generic": "diazepam",
    }
    assert {"text", "source", "section"} <= set(valium["reasons"][0])
    assert any(
        r["source"] == "muscular-effects" and r["section"] == "What to Avoid"
        for r in valium["reasons"]
    )
    assert [i["name"] for i in tylenol_pm["ingredients"]] == ["acetaminophen", "diphenhydramine"]
    assert unknown["level"] == "not_covered"
    assert unknown["match"] is None
    assert unknown["reasons"] == []
    assert typo["suggestions"] == [
        {
            "name": "Ambien",
            "generic": "zolpidem",
            "what": "a Z-drug sleeping pill",
            "label": "Ambien (zolpidem, a Z-drug sleeping pill)",
            "score": typo["suggestions"][0]["score"],
        }
    ]
    assert 75 <= typo["suggestions"][0]["score"] < 88
    assert typo["match"] is None


def test_check_plain_text_shows_level_word_match_and_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "deep tissue massage", "gabapentn"]) == 0
    out = capsys.readouterr().out
    assert "deep tissue massage: AVOID" in out
    assert "(muscular-effects, What to Avoid)" in out
    assert "gabapentn: NOT COVERED" in out
    assert "    - gabapentin (a gabapentinoid, for nerve pain and seizures)" in out


def test_check_empty_query_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "  "]) == 2
    assert "benzoapp check:" in capsys.readouterr().err
