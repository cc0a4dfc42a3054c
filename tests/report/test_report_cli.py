"""The command line: export options of ``plan`` and ``benzoapp report FILE``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from benzoapp.cli.commands.report import run_report
from benzoapp.cli.plan_exports import add_export_arguments, write_exports
from benzoapp.core.errors import InputError
from benzoapp.main import main
from benzoapp.report.data import PageSize, ReportData, ReportOptions
from benzoapp.report.sample import sample_plan

from .conftest import pdf_pages_text


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_export_arguments(parser)
    return parser.parse_args(argv)


def test_write_exports_writes_each_file(tmp_path: Path) -> None:
    args = parse(
        [
            "--pdf", str(tmp_path / "p.pdf"), "--name", "Ann & <Bo>", "--page-size", "LETTER",
            "--ics", str(tmp_path / "p.ics"), "--csv", str(tmp_path / "p.csv"),
        ]
    )  # fmt: skip
    written = write_exports(args, sample_plan(), table_name="Ashton Manual (2002)")
    assert [p.name for p in written] == ["p.pdf", "p.ics", "p.csv"]
    pages = pdf_pages_text((tmp_path / "p.pdf").read_bytes())
    assert "Taper plan for Ann & <Bo>" in pages[0]
    assert (tmp_path / "p.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_write_exports_checks_every_folder_before_writing(tmp_path: Path) -> None:
    args = parse(["--pdf", str(tmp_path / "p.pdf"), "--csv", str(tmp_path / "no" / "p.csv")])
    with pytest.raises(InputError, match="does not exist"):
        write_exports(args, sample_plan())
    assert not (tmp_path / "p.pdf").exists()


def test_nothing_asked_nothing_written() -> None:
    assert write_exports(parse([]), sample_plan()) == []


def test_report_command_writes_the_stored_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[ReportOptions] = []

    def loader(data_dir: Path, options: ReportOptions) -> ReportData:
        seen.append(options)
        return ReportData(plan=sample_plan(), table_name="Ashton Manual (2002)")

    args = argparse.Namespace(
        file=str(tmp_path / "r.pdf"), name="Kim", page_size="a4", checklist_weeks=1,
        prescription_days=14, ics=None, csv=str(tmp_path / "r.csv"), json=True,
        data_dir=str(tmp_path),
    )  # fmt: skip
    assert run_report(args, loader) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pdf"].endswith("r.pdf")
    assert out["csv"].endswith("r.csv")
    assert out["pages"] >= 5
    assert seen[0].page_size is PageSize.A4
    text = " ".join(pdf_pages_text((tmp_path / "r.pdf").read_bytes()))
    assert "Taper plan for Kim" in text
    assert text.count("☐") == 7 * 2


def test_report_command_without_a_plan(tmp_path: Path) -> None:
    args = argparse.Namespace(
        file=str(tmp_path / "r.pdf"), name="", page_size=None, checklist_weeks=None,
        prescription_days=None, ics=None, csv=None, json=False, data_dir=str(tmp_path),
    )  # fmt: skip
    with pytest.raises(InputError, match="no active plan"):
        run_report(args, lambda _d, _o: None)


def test_report_is_registered_in_main(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benzoapp.cli import report_source

    def loader(data_dir: Path, options: ReportOptions) -> ReportData:
        assert data_dir == tmp_path.resolve()
        return ReportData(plan=sample_plan())

    monkeypatch.setattr(report_source, "load_active_report_data", loader)
    target = tmp_path / "x.pdf"
    assert main(["--data-dir", str(tmp_path), "report", str(target), "--page-size", "a4"]) == 0
    assert target.read_bytes().startswith(b"%PDF-")


def test_bad_page_size_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse(["--page-size", "legal"])
    assert "invalid choice" in capsys.readouterr().err


def test_report_of_an_empty_store_says_there_is_no_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "report", str(tmp_path / "x.pdf")]) == 2
    assert "benzoapp report: there is no active plan yet" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_report_of_the_stored_engine_plan(tmp_path: Path) -> None:
    import datetime as dt
    from decimal import Decimal

    from benzoapp.core.model import Medication, PlanSettings, Profile, Regimen, RegimenDose
    from benzoapp.core.taper import build_plan
    from benzoapp.store import open_store

    regimen = Regimen(
        doses=(
            RegimenDose("clonazepam", "08:00", Decimal("0.5")),
            RegimenDose("clonazepam", "20:00", Decimal("0.5")),
        )
    )
    plan = build_plan(regimen, PlanSettings(start=dt.date(2025, 3, 3)))
    with open_store(tmp_path) as store:
        store.plans.save(plan, "mine")
        store.profile.save(Profile(name="Zoë & <Co>", prior_withdrawals=1))
        store.medications.add(Medication(name="gabapentin"))
    target = tmp_path / "r.pdf"
    assert main(["--data-dir", str(tmp_path), "report", str(target), "--page-size", "a4"]) == 0
    text = " ".join(pdf_pages_text(target.read_bytes()))
    assert "Taper plan for Zoë & <Co>" in text
    assert "Earlier withdrawals: 1" in text
    assert "gabapentin" in text
    assert "For the pharmacy" in text
    assert "tablets" in text
    first = plan.steps[0]
    assert f"{first.start.day} Mar 2025" in text
