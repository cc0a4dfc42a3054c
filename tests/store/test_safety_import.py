"""Imports are checked for sense, not just types, by the validator the CLI and store share.

Each mutation of a good export below once reached the prescriber's PDF; now each is
refused with the entry named, exit status 2, and nothing in the data folder changes.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

Mutation = Callable[[dict[str, Any]], None]


def plan_of(data: dict[str, Any]) -> dict[str, Any]:
    plan: dict[str, Any] = data["plans"][0]["versions"][-1]["plan"]
    return plan


def duplicate_log_entry(data: dict[str, Any]) -> None:
    data["dose_log"].append(copy.deepcopy(data["dose_log"][0]))


NESTED = "journal nested 100,000 deep"


def nested(data: dict[str, Any]) -> None:
    data["journal"] = NESTED  # written as text below: json.dumps itself would recurse


MUTATIONS: dict[str, tuple[Mutation, str]] = {
    "interval of 0 days": (
        lambda d: plan_of(d)["settings"].update(every_days=0),
        "every_days",
    ),
    "rate of -10%": (lambda d: plan_of(d)["settings"].update(rate_percent="-10"), "rate"),
    "rate of 1e-30%": (lambda d: plan_of(d)["settings"].update(rate_percent="1e-30"), "rate"),
    "unknown drug in a step": (
        lambda d: plan_of(d)["steps"][2]["doses"][0].update(drug="unobtainium"),
        "steps[2].doses[0].drug",
    ),
    "negative count": (lambda d: d["profile"].update(prior_tapers=-3), "prior_tapers"),
    "integer too large for SQLite": (
        lambda d: d["profile"].update(reinstatements=2**80),
        "reinstatements",
    ),
    "the string false as a boolean": (
        lambda d: plan_of(d)["steps"][0].update(hold="false"),
        "steps[0]",
    ),
    "false as a profile answer": (
        lambda d: d["profile"].update(post_exertional_malaise="false"),
        "post_exertional_malaise",
    ),
    "formula as a dose time": (
        lambda d: d["dose_log"][0].update(time='=HYPERLINK("http://x","y")'),
        "dose_log[0]",
    ),
    "formula as a regimen time": (
        lambda d: plan_of(d)["regimen"]["doses"][0].update(time="=1+1"),
        "regimen.doses[0].time",
    ),
    "a step in the year 9999": (
        lambda d: plan_of(d)["steps"][-1].update(start="9999-12-01"),
        "steps",
    ),
    "a log day in 1066": (lambda d: d["dose_log"][0].update(day="1066-10-14"), "dose_log[0]"),
    "a dose of 99999999 mg": (
        lambda d: d["dose_log"][0].update(planned_mg="99999999"),
        "dose_log[0]",
    ),
    "a megabyte of notes": (lambda d: d["profile"].update(notes="n" * 1_000_000), "notes"),
    "a very long name": (lambda d: d["medications"][0].update(name="N" * 5000), "medications[0]"),
    "duplicate log entry": (duplicate_log_entry, "dose_log["),
    "duplicate journal day": (
        lambda d: d["journal"].append(copy.deepcopy(d["journal"][0])),
        "journal[",
    ),
    "deeply nested JSON": (nested, "nested too deeply"),
}


@pytest.fixture(scope="module")
def good_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("source")
    with open_store(folder / "data") as store:
        fill_demo(store)
    out = folder / "export.json"
    assert main(["--data-dir", str(folder / "data"), "export", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("case", sorted(MUTATIONS))
@pytest.mark.parametrize("replace", [False, True])
def test_nonsense_is_refused_and_changes_nothing(
    tmp_path: Path,
    good_export: dict[str, Any],
    case: str,
    replace: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mutate, named = MUTATIONS[case]
    data = copy.deepcopy(good_export)
    mutate(data)
    path = tmp_path / "bad.json"
    text = json.dumps(data).replace(f'"{NESTED}"', "[" * 100_000 + "]" * 100_000)
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "target"
    if replace:
        with open_store(target) as store:
            store.profile.save(store.profile.get())
            made = store.backup_now("manual")
        before = target.joinpath("benzoapp.sqlite3").read_bytes()
    args = ["--data-dir", str(target), "import", str(path)] + (["--replace"] if replace else [])
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert named in err
    assert "Traceback" not in err
    if replace:
        assert target.joinpath("benzoapp.sqlite3").read_bytes() == before
        assert sorted(p.name for p in (target / "backups").iterdir()) == [made.name]
    else:
        assert not target.exists() or not (target / "benzoapp.sqlite3").exists()


def test_a_good_export_still_imports_with_true_counts(
    tmp_path: Path, good_export: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(good_export), encoding="utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "new"), "import", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["dose_log"] == len(good_export["dose_log"])
    with open_store(tmp_path / "new") as store:
        assert len(store.dose_log.all()) == summary["dose_log"]
        assert len(store.journal.all()) == summary["journal_days"]
