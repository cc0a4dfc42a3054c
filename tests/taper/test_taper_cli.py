"""The ``convert`` and ``plan`` commands: JSON shape, text output and clear errors."""

from __future__ import annotations

import json

import pytest

from benzoapp.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", "1", "Ativan", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["from"] == {"drug": "lorazepam", "mg": 1}
    assert data["to"] == {"drug": "diazepam", "mg": 10}
    assert data["table"] == "ashton"
    code, out, _ = run(
        capsys, "convert", "500mcg", "clonazepam", "--table", "va-dod-2021", "--json"
    )
    assert json.loads(out)["to"]["mg"] == 5


def test_convert_text_names_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", "10", "diazepam", "--to", "lorazepam")
    assert code == 0
    assert "10 mg diazepam ≈ 1 mg lorazepam" in out
    assert "Ashton" in out
    assert "Approximate" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "x", "diazepam"], "not a dose"),
        (["convert", "1", "aspirin"], "not a benzodiazepine"),
        (["convert", "1", "midazolam"], "no figure for midazolam"),
        (["plan", "--regimen", "diazepam 5mg"], "needs a drug"),
        (["plan", "--regimen", "diazepam 5mg 22:00", "--rate", "0"], "more than 0"),
        (["plan", "--regimen", "diazepam 5mg 22:00", "--start", "2030-13-01"], "not a date"),
        (["plan", "--regimen", "diazepam 5mg 22:00", "--tablet", "diazepam:2:3"], "SPLIT"),
        (["plan", "--regimen", "diazepam 5mg 22:00", "--table", "nope"], "No equivalence"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert err.startswith(f"benzoapp {argv[0]}: ")


def test_plan_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "plan",
        "--regimen",
        "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00",
        "--method",
        "percent",
        "--rate",
        "10",
        "--every",
        "14",
        "--crossover",
        "diazepam",
        "--form",
        "liquid",
        "--start",
        "2030-01-07",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["table"] == "ashton"
    first = data["steps"][0]
    assert first["start"] == "2030-01-07"
    assert first["doses"][0] == {
        "drug": "clonazepam",
        "time": "08:00",
        "mg": 0.5,
        "units": "5 ml of 0.1 mg/ml",
        "makeable": True,
    }
    assert first["total_mg"] == 1.5
    assert first["diazepam_equivalent_mg"] == 30
    assert first["hold"] is False
    assert data["steps"][-1]["total_mg"] == 0
    assert {"code", "level", "message", "source"} <= set(data["warnings"][0])
    assert data["pill_counts"]


def test_plan_with_own_tablets_and_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "plan",
        "--regimen",
        "diazepam 5mg 22:00",
        "--tablet",
        "diazepam:5:2",
        "--start",
        "2030-01-07",
    )
    assert code == 0
    assert "Ashton Manual (2002)" in out
    assert "1/2 x 5 mg" in out
    assert "your prescriber decides" in out
