"""Fuzzing the command line and the import format: a plain message or a result, never a crash.

Hypothesis builds command lines from every command with hostile values (rates of 1e-30,
the year 9999, integers past 2**63, long unbroken names, paths naming the data file, a
folder, a device or a missing folder) and import files with any JSON put anywhere in a
good export. Every run must end in exit status 0, 1 or 2 with no traceback, and the data
file must still pass ``quick_check``.

Both run in CI with a fixed seed (the same examples every time) and a time budget, so
they cannot slow the suite down unboundedly on a busy machine. Huge doses in a regimen
("diazepam 99999999 mg") are left to the drug data's own plausibility check.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from benzoapp.core.errors import BenzoAppError
from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo
from benzoapp.store.schema import DB_FILENAME

BUDGET_SECONDS = {"cli": 40.0, "import": 20.0}
_started: dict[str, float] = {}


def within_budget(name: str) -> bool:
    """False once this fuzz test has used its time: later examples pass at once."""
    start = _started.setdefault(name, time.monotonic())
    return time.monotonic() - start < BUDGET_SECONDS[name]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("fuzz")
    data = root / "data"
    with open_store(data) as store:
        fill_demo(store)
        store.backup_now("manual")
    export = root / "export.json"
    assert main(["--data-dir", str(data), "export", str(export)]) == 0
    (root / "folder").mkdir()
    # A device stand-in: a real /dev/null could be replaced by a file if the guard broke.
    os.mkfifo(root / "fifo")
    pristine = root / "pristine.json"  # the command-line fuzz may write over export.json
    pristine.write_bytes(export.read_bytes())
    return {"root": root, "data": data, "export": export, "pristine": pristine}


HOSTILE = [
    "",
    "0",
    "-1",
    "1e-30",
    "1e999999",
    "nan",
    "inf",
    "99999999999999999999",
    "9999-12-31",
    "0001-01-01",
    "2030-02-30",
    "=HYPERLINK(1)",
    "W" * 5000,
    "ä∂😀",
    "\x00",
    "--json",
]
REGIMENS = [
    "diazepam 5mg 22:00",
    "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00",
    "alprazolam 1mg 24:00",
    "nodrug 5mg 22:00",
    "diazepam -5mg 22:00",
    "",
]


def paths(world: dict[str, Path]) -> st.SearchStrategy[str]:
    data = world["data"]
    return st.sampled_from(
        [
            str(data / DB_FILENAME),
            str(data / (DB_FILENAME + "-wal")),
            str(data / "backups"),
            str(next((data / "backups").glob("benzoapp-*.sqlite3"))),
            str(world["root"] / "folder"),
            str(world["root"] / "missing" / "x.pdf"),
            str(world["root"] / "fifo"),
            str(world["root"] / "out.pdf"),
            str(world["root"] / "out.csv"),
            str(world["export"]),
        ]
    )


@st.composite
def command_lines(draw: st.DrawFn, world: dict[str, Path]) -> list[str]:
    value = st.sampled_from(HOSTILE) | st.text(max_size=30)
    path = paths(world)
    command = draw(
        st.sampled_from(
            ["convert", "plan", "check", "report", "journal", "export", "import", "backup"]
        )
    )
    args: list[str] = []
    if command == "convert":
        args = [draw(value), draw(st.sampled_from(["diazepam", "xanax", "nodrug", ""]))]
    elif command == "plan":
        args = ["--regimen", draw(st.sampled_from(REGIMENS))]
        for option in draw(
            st.lists(
                st.sampled_from(
                    ["--rate", "--every", "--start", "--name", "--final-dose", "--crossover"]
                ),
                max_size=3,
            )
        ):
            args += [option, draw(value)]
        for option in draw(st.lists(st.sampled_from(["--pdf", "--csv", "--ics"]), max_size=2)):
            args += [option, draw(path)]
    elif command == "check":
        args = [draw(value)]
    elif command == "report":
        args = [draw(path)] + (["--name", draw(value)] if draw(st.booleans()) else [])
    elif command == "journal":
        args = [draw(st.sampled_from(["analyse", "symptoms"]))]
    elif command == "export":
        args = [draw(path)]
    elif command == "import":
        args = [draw(path)] + (["--replace"] if draw(st.booleans()) else [])
    elif command == "backup":
        args = draw(st.sampled_from([[], ["--list"], ["--restore", draw(path)], ["--restore", ""]]))
    if draw(st.booleans()):
        args.append("--json")
    return ["--data-dir", str(world["data"]), command, *args]


def run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as stop:  # argparse refusing an option
            status = int(stop.code or 0)
    return status, err.getvalue()


def sound(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    finally:
        conn.close()


@pytest.mark.slow
def test_fuzz_the_command_line(world: dict[str, Path]) -> None:
    @seed(16)
    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(argv=command_lines(world))
    def one(argv: list[str]) -> None:
        if not within_budget("cli"):
            return
        status, err = run(argv)
        assert status in (0, 1, 2), (argv, err)
        assert "Traceback" not in err, (argv, err)
        assert sound(world["data"] / DB_FILENAME)

    one()


def json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**80), 2**80),
        st.floats(allow_nan=False),
        st.text(max_size=20),
        st.sampled_from(["false", "9999-12-31", "24:00", "=1+1", "-10", "1e-30", "W" * 3000]),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=6,
    )


def node_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += node_paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:3]):
            found += node_paths(inner, (*prefix, index))
    return found


@pytest.mark.slow
def test_fuzz_the_import_format(world: dict[str, Path], tmp_path: Path) -> None:
    from benzoapp.store.transfer import import_data, read_export

    good = json.loads(world["pristine"].read_text(encoding="utf-8"))
    good["dose_log"] = good["dose_log"][:5]
    good["journal"] = good["journal"][:5]
    places = node_paths(good)[1:]
    counter = iter(range(10**6))

    @seed(16)
    @settings(
        max_examples=200,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(
        edits=st.lists(st.tuples(st.sampled_from(places), json_values()), min_size=1, max_size=3)
    )
    def one(edits: list[tuple[tuple[Any, ...], Any]]) -> None:
        if not within_budget("import"):
            return
        document = copy.deepcopy(good)
        for place, value in edits:
            holder = document
            try:
                for key in place[:-1]:
                    holder = holder[key]
                holder[place[-1]] = value
            except (KeyError, IndexError, TypeError):
                continue
        path = tmp_path / "fuzz.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        folder = tmp_path / f"target-{next(counter)}"
        try:
            data = read_export(path)
            with open_store(folder) as store:
                import_data(store, data)
        except BenzoAppError:
            return  # a plain refusal
        assert sound(folder / DB_FILENAME)

    one()
