"""``benzoapp check --regimen`` / ``--saved``: results beside the plan, with regimen flags;
and a batch that never stops for one bad query."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benzoapp.main import main


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_regimen_json_has_the_results_and_the_flags(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--regimen", "clonazepam 1mg 22:00", "Klonopin 0.5mg", "Xanax", "Ambien"]
    assert main([*args, "oxycodone", "Benadryl", "--json"]) == 0
    data = _json(capsys)
    assert isinstance(data, dict)
    assert data["taper_drugs"] == ["clonazepam"]
    assert [r["query"] for r in data["results"]] == [
        "Klonopin 0.5mg", "Xanax", "Ambien", "oxycodone", "Benadryl",
    ]  # fmt: skip
    assert data["results"][0]["taper_drug"] == "clonazepam"
    assert data["results"][0]["level"] == "caution"
    flags = {f["code"]: f for f in data["regimen_flags"]}
    assert set(flags) == {
        "taper_drug_again",
        "second_benzodiazepine",
        "opioid_with_benzodiazepine",
        "sedating_with_benzodiazepine",
    }
    for flag in data["regimen_flags"]:
        assert set(flag) == {"code", "level", "items", "message", "source"}
    assert flags["opioid_with_benzodiazepine"]["items"] == ["oxycodone"]
    assert flags["opioid_with_benzodiazepine"]["level"] == "avoid"


def test_the_crossover_target_is_part_of_the_taper(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--regimen", "clonazepam 1mg 22:00", "--crossover-to", "diazepam"]
    assert main([*args, "Valium", "--json"]) == 0
    data = _json(capsys)
    assert isinstance(data, dict)
    assert data["taper_drugs"] == ["clonazepam", "diazepam"]
    assert [f["code"] for f in data["regimen_flags"]] == ["taper_drug_again"]


def test_cyp3a4_flag_in_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--regimen", "alprazolam 0.5mg 08:00", "clarithromycin"]) == 0
    out = capsys.readouterr().out
    assert "AVOID [cyp3a4_inhibitor_with_benzodiazepine] clarithromycin" in out
    assert "from beyond the three documents" in out


def test_saved_uses_the_active_plan_and_the_medications(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "check", "--saved", "Klonopin", "--json"]) == 0
    data = _json(capsys)
    assert isinstance(data, dict)
    assert data["taper_drugs"][0] == "clonazepam"
    queries = [r["query"] for r in data["results"]]
    assert queries[:3] == ["Vitamin D3", "Omega-3 fish oil", "Paracetamol"]
    assert queries[-1] == "Klonopin"
    assert [f["code"] for f in data["regimen_flags"]] == ["taper_drug_again"]


def test_saved_without_data_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "empty"), "check", "--saved"]) == 2
    assert "There is no BenzoApp data" in capsys.readouterr().err


def test_a_bad_query_gets_its_own_entry_and_the_rest_are_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "diazepam", "  ", "qwertyuiop", "--json"]) == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [o["query"] for o in data] == ["diazepam", "  ", "qwertyuiop"]
    assert data[0]["level"] == "avoid"
    assert data[1]["error"].startswith("Type the name")
    assert data[1]["level"] == "not_covered"
    assert set(data[0]) <= set(data[1])  # an error entry has every usual key
    assert data[2]["level"] == "not_covered"
    assert "query 2" in captured.err


def test_a_bad_regimen_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--regimen", "nonsense", "Valium"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("benzoapp check:")
    assert err.count("\n") == 1


def test_nothing_to_check_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert "at least one thing to check" in capsys.readouterr().err
