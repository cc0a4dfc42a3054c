"""``benzoapp journal``: analyse a JSON journal, plain or as JSON; bad input exits 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benzoapp.core.journal import days_to_json
from benzoapp.core.journal.synthetic import Exertion, Shift, make_journal
from benzoapp.main import main


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    days = make_journal(
        dt.date(2025, 1, 1),
        80,
        shifts=(Shift(20, 7, 10),),
        exertions=(Exertion(50, "emotional", flare=10, delay=1),),
    )
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(days_to_json(days)), encoding="utf-8")
    return path


def test_analyse_prints_plain_lines(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "journal",
                "analyse",
                str(journal_file),
                "--well-before",
                "yes",
                "--trigger",
                "no",
                "--onset-in-taper",
                "yes",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Wave from 2025-01-21 to 2025-01-27 (7 days)" in out
    assert "1 of 1 times" in out
    assert "Protracted withdrawal (or BIND)" in out


def test_analyse_json_shape(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "journal",
                "analyse",
                str(journal_file),
                "--json",
                "--trigger",
                "yes",
                "--onset-in-taper",
                "no",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["days_logged"] == 80
    assert [(e["kind"], e["start"], e["days"]) for e in data["episodes"]] == [
        ("wave", "2025-01-21", 7)
    ]
    pem = data["post_exertional"]
    assert pem["occurrences"][0]["delay_hours"] == 24
    assert pem["occurrences"][0]["kinds"] == ["emotional"]
    assert pem["rate"] == 1
    assert data["hold"] is None
    assert data["framework"]["position"] == "mecfs"
    assert len(data["framework"]["mimics"]) == 8


def test_symptoms_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journal", "symptoms", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "muscle_twitching" in [s["id"] for d in data for s in d["symptoms"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2", "is not valid JSON"),
        ('[{"day": "2025-01-01", "symptoms": {"fatigue": 12}}]', "is 12; use 0 to 10"),
    ],
)
def test_bad_input_exits_2_with_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["journal", "analyse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("benzoapp journal: ")
    assert message in err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journal", "analyse", str(tmp_path / "nope.json")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_analyse_without_file_reads_the_saved_journal_and_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "journal", "analyse", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["days_logged"] >= 300  # the demo keeps about a year of journal
    assert result["episodes"], "the demo journal has windows and waves to find"


def test_analyse_without_file_and_without_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path / "empty"), "journal", "analyse"])
    assert code == 2
    assert "no BenzoApp data" in capsys.readouterr().err
