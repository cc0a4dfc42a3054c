"""``benzoapp plan`` and ``convert`` with modified-release products and drugs with no figure."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from benzoapp.main import main

SPLIT_PIECE = re.compile(r"\d+/\d+ x")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def plan_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, "plan", "--start", "2030-01-07", "--json", *argv)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize(
    "regimen", ["Xanax XR 2mg 08:00", "alprazolam XR 2mg 08:00", "alprazolam ER 2mg 08:00"]
)
def test_xr_in_the_regimen_plans_whole_xr_tablets(
    capsys: pytest.CaptureFixture[str], regimen: str
) -> None:
    data = plan_json(capsys, "--regimen", regimen)
    units = [d["units"] for s in data["steps"] for d in s["doses"] if d["mg"]]
    assert units
    assert all(u.endswith(" XR") and not SPLIT_PIECE.search(u) for u in units)
    assert data["settings"]["modified_release"] == ["alprazolam-xr"]
    codes = {w["code"] for w in data["warnings"]}
    assert {"modified_release_whole", "modified_release_cuts"} <= codes
    counts = data["pill_counts"]
    assert {c["product"] for c in counts} == {"alprazolam XR"}


def test_the_flag_chooses_the_product_for_a_plain_regimen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = plan_json(
        capsys, "--regimen", "zolpidem 12.5mg 22:00", "--modified-release", "Ambien CR"
    )
    units = [d["units"] for s in data["steps"] for d in s["doses"] if d["mg"]]
    assert units == ["1 x 12.5 mg CR", "1 x 6.25 mg CR"]
    code, _, err = run(
        capsys, "plan", "--regimen", "zolpidem 10mg 22:00", "--modified-release", "Ambien"
    )
    assert code == 2
    assert "not a modified-release product" in err
    assert '"Ambien CR"' in err


def test_the_text_plan_warns_plainly_and_names_the_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "plan", "--regimen", "zolpidem CR 12.5mg 22:00")
    assert code == 0
    assert "1 x 12.5 mg CR" in out
    assert "must be swallowed whole, never split, crushed or cut" in out
    assert "switching to immediate-release zolpidem" in out
    assert "crossover to a comparable dose of a long-acting benzodiazepine" in out
    assert "ASAM 2025 Rec. 7" in out
    assert "[K]" in out


def test_a_split_own_xr_tablet_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "plan", "--regimen", "Xanax XR 1mg 08:00", "--tablet", "alprazolam:1:2"
    )
    assert code == 2
    assert "swallowed whole" in err


def test_eszopiclone_alone_plans_with_no_equivalent_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "plan.csv"
    data = plan_json(capsys, "--regimen", "Lunesta 3mg 22:00", "--csv", str(sheet))
    assert data["no_equivalent"] == ["eszopiclone"]
    steps = data["steps"]
    assert [s["total_mg"] for s in steps] == [3, 2, 1, 0]
    assert all(s["diazepam_equivalent_mg"] is None for s in steps)
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert [r["diazepam_equivalent_mg"] for r in rows] == ["", "", "", ""]
    assert [r["total_mg"] for r in rows] == ["3", "2", "1", "0"]
    code, out, _ = run(capsys, "plan", "--regimen", "eszopiclone 2mg 22:00")
    assert code == 0
    assert "no diazepam-equivalent figure for eszopiclone" in out
    assert "n/a" in out


def test_a_drug_with_a_figure_still_shows_its_equivalent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = plan_json(capsys, "--regimen", "lorazepam 1mg 22:00")
    assert data["no_equivalent"] == []
    assert data["steps"][0]["diazepam_equivalent_mg"] == 10


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--regimen", "Lunesta 2mg 22:00; diazepam 5mg 08:00"], "cannot be counted with"),
        (["--regimen", "Lunesta 2mg 22:00", "--crossover", "diazepam"], "cannot be crossed"),
        (["--regimen", "Lunesta 2mg 22:00", "--method", "hyperbolic"], "hyperbolic curve"),
        (["--regimen", "Xanax XR 1mg 08:00; Xanax 0.5mg 22:00"], "one form of each drug"),
        (
            ["--regimen", "diazepam 5mg 22:00", "--modified-release", "Xanax XR"],
            "the regimen has no alprazolam",
        ),
    ],
)
def test_refusals_say_why(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "plan", *argv)
    assert code == 2
    assert out == ""
    assert message in err


def test_convert_still_refuses_a_drug_without_a_figure(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", "2", "eszopiclone")
    assert code == 2
    assert "no figure for eszopiclone" in err
    code, out, _ = run(capsys, "convert", "1", "Xanax XR", "--json")
    assert code == 0
    assert json.loads(out)["to"]["mg"] == 20


def test_the_printed_pharmacy_list_names_the_xr_product(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "plan.pdf"
    code, _, err = run(
        capsys,
        "plan",
        "--regimen",
        "Xanax XR 2mg 08:00",
        "--start",
        "2030-01-07",
        "--pdf",
        str(pdf),
    )
    assert code == 0, err
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    pharmacy = text[text.index("For the pharmacy") :]
    assert "alprazolam XR 2 mg" in pharmacy
    assert "alprazolam 2 mg" not in pharmacy
