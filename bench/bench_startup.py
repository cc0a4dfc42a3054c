"""Cold start: ``benzoapp`` until its main window first paints, against a bare QMainWindow."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from bench.harness import ChildRun, Figure, run_child
from benzoapp.gui.first_paint import LOADED_ENV, QUIT_ON_PAINT_ENV

RUNS = 11
PAINT = "first-paint"  # what the children print at their first paint


def _runs(argv: list[str], env: dict[str, str]) -> list[ChildRun]:
    return [run_child(argv, env) for _ in range(RUNS)]


def _demo_folder(parent: str) -> str | None:
    """A data folder holding a year of demo data, past the welcome page; None if unavailable."""
    folder = Path(parent) / "demo"
    try:
        run_child([sys.executable, "-m", "benzoapp", "--data-dir", str(folder), "demo"])
    except RuntimeError as error:
        print(f"(no demo data, so no loaded-data figure: {str(error)[-160:]})")
        return None
    (folder / "settings.ini").write_text("[app]\nfirst_run_done=true\n", encoding="utf-8")
    return str(folder)


def _loaded_figures(folder: str) -> list[Figure]:
    """Start until a year of data is on screen, against the bare window's first paint.

    Two stages: Today showing the person's day (the target), and every section filled
    (shown for information: the others fill in on the following turns of the loop).
    """
    paint_env = {QUIT_ON_PAINT_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    app_cmd = [sys.executable, "-m", "benzoapp", "--data-dir", folder]
    bare_cmd = [sys.executable, "-m", "bench.bare_window"]
    runs: dict[str, list[ChildRun]] = {"today": [], "all": []}
    bare_runs: list[ChildRun] = []
    run_child(app_cmd, {LOADED_ENV: "all", "QT_QPA_PLATFORM": "offscreen"})
    for _ in range(RUNS):
        for stage, stage_runs in runs.items():
            stage_runs.append(
                run_child(app_cmd, {LOADED_ENV: stage, "QT_QPA_PLATFORM": "offscreen"})
            )
        bare_runs.append(run_child(bare_cmd, paint_env))
    bare = statistics.median(r.until(PAINT) for r in bare_runs)
    return [
        Figure(
            name="start until Today shows a year of demo data",
            value=statistics.median(r.until("loaded-today") for r in runs["today"]),
            baseline_name="bare PySide6 QMainWindow, first paint",
            baseline=bare,
            unit="s",
            max_ratio=3.0,
        ),
        Figure(
            name="start until every section is filled",
            value=statistics.median(r.until("loaded-all") for r in runs["all"]),
            baseline_name="bare PySide6 QMainWindow, first paint",
            baseline=bare,
            unit="s",
        ),
    ]


def run(data_dir: str | None = None) -> list[Figure]:
    """Alternate app and baseline launches so machine noise hits both alike."""
    with tempfile.TemporaryDirectory(prefix="benzoapp-bench-") as tmp:
        folder = data_dir or tmp
        env = {QUIT_ON_PAINT_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
        app_cmd = [sys.executable, "-m", "benzoapp", "--data-dir", folder]
        bare_cmd = [sys.executable, "-m", "bench.bare_window"]
        run_child(app_cmd, env)  # warm the OS file cache for both, once
        run_child(bare_cmd, env)
        app_runs: list[ChildRun] = []
        bare_runs: list[ChildRun] = []
        for _ in range(RUNS):
            app_runs.append(run_child(app_cmd, env))
            bare_runs.append(run_child(bare_cmd, env))
        demo = _demo_folder(tmp)
        loaded = _loaded_figures(demo) if demo else []
    return [
        Figure(
            name="start to first paint (median)",
            value=statistics.median(r.until(PAINT) for r in app_runs),
            baseline_name="bare PySide6 QMainWindow, same launch",
            baseline=statistics.median(r.until(PAINT) for r in bare_runs),
            unit="s",
            max_ratio=1.5,
        ),
        Figure(
            name="the same, until the process has exited",
            value=statistics.median(r.seconds for r in app_runs),
            baseline_name="bare PySide6 QMainWindow, same launch",
            baseline=statistics.median(r.seconds for r in bare_runs),
            unit="s",
        ),
        Figure(
            name="peak memory at first paint (median)",
            value=statistics.median(r.peak_mib for r in app_runs),
            baseline_name="bare PySide6 QMainWindow, same launch",
            baseline=statistics.median(r.peak_mib for r in bare_runs),
            unit="MiB",
        ),
        *loaded,
    ]
