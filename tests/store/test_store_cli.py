"""The export, import, backup and demo commands, driven through the real entry point."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benzoapp.core.model import Medication
from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.schema import DB_FILENAME


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_fills_an_empty_folder_and_refuses_one_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    code, out, _ = run(capsys, "--data-dir", str(folder), "demo", "--json")
    assert code == 0
    counts = json.loads(out)
    assert counts["journal_days"] == 365
    before = (folder / DB_FILENAME).read_bytes()
    code, _, err = run(capsys, "--data-dir", str(folder), "demo")
    assert code == 2
    assert "already holds data" in err
    with open_store(folder) as store:
        active = store.plans.active()
        assert active is not None
        plan_id, plan = active
        today = dt.date.today()
        assert plan.steps[0].start < today < plan.steps[-1].end  # part-way through
        assert "diazepam" in plan.regimen.drugs or plan.settings.crossover_to == "diazepam"
        assert len(store.plans.history(plan_id)) == 2
        log = store.dose_log.all()
        assert log[0].day == today - dt.timedelta(days=364)
        assert any(e.taken_mg is not None and e.taken_mg != e.planned_mg for e in log)
        days = store.journal.all()
        assert all(len(d.symptoms) == 12 for d in days)
        from benzoapp.core.journal.entries import check_days

        assert len(check_days(days)) == 365  # the journal's own rules accept the sample
        assert {m.kind for _, m in store.medications.list()} >= {"supplement", "therapy"}
        assert store.profile.get().post_exertional_malaise is True
    assert (folder / DB_FILENAME).read_bytes() != b""
    assert before  # the refused run did not empty it


def test_export_then_import_into_another_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target, file = tmp_path / "a", tmp_path / "b", tmp_path / "out.json"
    with open_store(source) as store:
        store.medications.add(Medication("Magnesium", "supplement"))
    assert run(capsys, "--data-dir", str(source), "export", str(file))[0] == 0
    assert json.loads(file.read_text(encoding="utf-8"))["format_version"] == 1
    code, out, _ = run(capsys, "--data-dir", str(target), "import", str(file), "--json")
    assert code == 0
    assert json.loads(out)["medications"] == 1
    code, _, err = run(capsys, "--data-dir", str(target), "import", str(file))
    assert code == 2
    assert "--replace" in err
    code, out, _ = run(capsys, "--data-dir", str(target), "import", str(file), "--replace")
    assert code == 0
    assert "backed up to" in out
    with open_store(target) as store:
        assert [m.name for _, m in store.medications.list()] == ["Magnesium"]
        assert any("before-import" in p.name for p in store.list_backups())


def test_backup_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    with open_store(folder) as store:
        store.medications.add(Medication("kept"))
    code, out, _ = run(capsys, "--data-dir", str(folder), "backup", "--json")
    assert code == 0
    made = json.loads(out)["backup"]
    with open_store(folder) as store:
        store.medications.add(Medication("later"))
    code, out, _ = run(capsys, "--data-dir", str(folder), "backup", "--list", "--json")
    assert made in json.loads(out)["backups"]
    code, out, _ = run(capsys, "--data-dir", str(folder), "backup", "--restore", made)
    assert code == 0
    assert "previous data file was kept" in out
    with open_store(folder) as store:
        assert [m.name for _, m in store.medications.list()] == ["kept"]


def test_corrupt_file_message_offers_the_restore_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "d"
    with open_store(folder) as store:
        store.medications.add(Medication("x"))
        store.backup_now()
    (folder / DB_FILENAME).write_bytes(b"\x00garbage" * 300)
    code, _, err = run(capsys, "--data-dir", str(folder), "export", str(tmp_path / "o.json"))
    assert code == 2
    assert "damaged" in err
    assert "benzoapp backup --restore FILE" in err
    assert str(folder / "backups") in err
    assert not (tmp_path / "o.json").exists()


def test_export_of_a_folder_without_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nothing"
    code, _, err = run(capsys, "--data-dir", str(folder), "export", str(tmp_path / "o.json"))
    assert code == 2
    assert "no BenzoApp data" in err
    assert not folder.exists()


@pytest.mark.parametrize("command", [["demo"], ["backup", "--list"], ["report", "out.pdf"]])
def test_data_dir_that_is_a_file_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    command = [str(tmp_path / c) if c.endswith(".pdf") else c for c in command]
    code, _, err = run(capsys, "--data-dir", str(not_a_folder), *command)
    assert code == 2
    assert "is a file, not a folder" in err
    assert "Traceback" not in err
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


def test_demo_plan_carries_the_profiles_kindling_warning_into_the_printout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    folder, pdf = tmp_path / "demo", tmp_path / "demo.pdf"
    assert run(capsys, "--data-dir", str(folder), "demo")[0] == 0
    with open_store(folder) as store:
        assert store.profile.get().prior_withdrawals > 0
        active = store.plans.active()
        assert active is not None
        plan_id, _ = active
        for version in range(1, len(store.plans.history(plan_id)) + 1):
            codes = {w.code for w in store.plans.get(plan_id, version=version).warnings}
            assert "kindling" in codes
    assert run(capsys, "--data-dir", str(folder), "report", str(pdf))[0] == 0
    first = " ".join((PdfReader(pdf).pages[0].extract_text() or "").split())
    assert "(kindling)" in first
    # The summary names what is taken today (diazepam after the switch), not only the start.
    assert f"Today ({dt.date.today().day} " in first
    assert "Started from clonazepam" in first
