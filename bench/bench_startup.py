"""Cold start: ``benzoapp`` until its main window first paints, against a bare QMainWindow."""

from __future__ import annotations

import statistics
import sys
import tempfile

from bench.harness import ChildRun, Figure, run_child
from benzoapp.gui.first_paint import QUIT_ON_PAINT_ENV

RUNS = 7


def _runs(argv: list[str], env: dict[str, str]) -> list[ChildRun]:
    return [run_child(argv, env) for _ in range(RUNS)]


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
    return [
        Figure(
            name="start to first paint (median)",
            value=statistics.median(r.seconds for r in app_runs),
            baseline_name="bare PySide6 QMainWindow, same launch",
            baseline=statistics.median(r.seconds for r in bare_runs),
            unit="s",
            max_ratio=1.5,
        ),
        Figure(
            name="peak memory at first paint (median)",
            value=statistics.median(r.peak_mib for r in app_runs),
            baseline_name="bare PySide6 QMainWindow, same launch",
            baseline=statistics.median(r.peak_mib for r in bare_runs),
            unit="MiB",
        ),
    ]
