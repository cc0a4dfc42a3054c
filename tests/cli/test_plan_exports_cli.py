"""``benzoapp plan ... --pdf/--ics/--csv``: the same plan printed, exported, and still JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from benzoapp.main import main

PLAN = [
    "plan",
    "--regimen",
    "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00",
    "--crossover",
    "diazepam",
    "--start",
    "2030-01-07",
]


def test_plan_writes_pdf_ics_and_csv_and_keeps_stdout_pure_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, ics, table = tmp_path / "plan.pdf", tmp_path / "plan.ics", tmp_path / "plan.csv"
    args = [*PLAN, "--pdf", str(pdf), "--ics", str(ics), "--csv", str(table)]
    assert main([*args, "--name", "Ann <b>&", "--json"]) == 0
    out = capsys.readouterr()
    plan = json.loads(out.out)
    assert f"saved {pdf}" in out.err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Ann <b>&" in text
    assert "7 Jan 2030" in text
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(plan["steps"])
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") >= 2


def test_plain_output_names_the_saved_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.csv"
    assert main([*PLAN, "--csv", str(target)]) == 0
    assert f"Saved {target}" in capsys.readouterr().out
    assert target.exists()


def test_printed_plan_carries_the_documents_coping_guidance_with_sources(
    tmp_path: Path,
) -> None:
    from benzoapp.core.cautions import coping_entries, load_knowledge_base

    pdf = tmp_path / "plan.pdf"
    assert main([*PLAN, "--pdf", str(pdf)]) == 0
    text = " ".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "No coping guidance" not in text
    titles = [e.title for e in coping_entries(load_knowledge_base())]
    assert {"pacing", "hydration"} <= {t.lower() for t in titles}
    for title in titles:
        assert title.lower() in text.lower(), title
    assert "muscular-effects, Coping Strategies" in text
    assert "mecfs-overlap" in text
