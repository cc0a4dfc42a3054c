"""``benzoapp source``: the passage a citation names, from the command line too."""

from __future__ import annotations

import json

import pytest

from benzoapp.main import main


def test_a_section_prints_its_own_text_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "muscular-effects", "What", "to", "Avoid"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("muscular-effects: Muscular effects of benzodiazepine withdrawal")
    assert "Section: What to Avoid" in out
    assert "Epsom Salts" in out
    assert "Coping Strategies" not in out


def test_json_names_the_section_found_for_a_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "induced-symptoms", "kindling", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["section"] == "Benzodiazepine-Induced or Increased Symptoms"
    assert answer["found"] is True
    assert "Kindling is a related phenomenon" in answer["text"]


def test_no_document_lists_every_document_and_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)["documents"]
    assert {d["id"] for d in listing} == {"mecfs-overlap", "muscular-effects", "induced-symptoms"}
    assert all(d["sections"][0] == "opening paragraph" for d in listing)


def test_an_unknown_section_says_so_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "mecfs-overlap", "Nothing", "Like", "This"]) == 1
    assert "was not found" in capsys.readouterr().out


def test_an_unknown_document_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["source", "nope"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "benzoapp source: no source document called 'nope'"


def test_a_document_without_a_section_opens_at_its_start_without_a_complaint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["source", "muscular-effects"]) == 0
    out = capsys.readouterr().out
    assert "was not found" not in out
    assert "Section: opening paragraph" in out
