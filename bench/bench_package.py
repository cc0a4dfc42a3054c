"""Frozen build: one-folder size and cold start, against a bare PySide6 window frozen alike.

Builds both with PyInstaller into a temporary folder (``build.spec`` and
``bench/bare_window.spec`` share their options through ``tools/freeze.py``), then times
each frozen executable from launch until its window first paints (offscreen).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.harness import ROOT, ChildRun, Figure, run_child
from benzoapp.gui.first_paint import QUIT_ON_PAINT_ENV
from tools.build_app import folder_size, frozen_executable, run_pyinstaller

# Alternating launches; 15 pairs keep the medians steady when other work shares the CPU.
RUNS = 15
PAINT = "first-paint"  # what the children print at their first paint


def _build(tmp: Path) -> tuple[Path, Path]:
    """Freeze the app and the bare window; return both executables."""
    run_pyinstaller(ROOT / "build.spec", False, tmp / "dist-app", tmp / "work-app")
    run_pyinstaller(ROOT / "bench" / "bare_window.spec", False, tmp / "dist-bare", tmp / "work")
    app = frozen_executable(False, tmp / "dist-app")
    bare = tmp / "dist-bare" / "bare_window" / "bare_window"
    return app, bare


def run() -> list[Figure]:
    """Sizes of both folders, then alternating cold starts so noise hits both alike."""
    with tempfile.TemporaryDirectory(prefix="benzoapp-bench-pkg-") as tmp_name:
        tmp = Path(tmp_name)
        app, bare = _build(tmp)
        app_mib = folder_size(app.parent) / 2**20
        bare_mib = folder_size(bare.parent) / 2**20
        data = tmp / "data"
        data.mkdir()
        env = {QUIT_ON_PAINT_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
        app_cmd = [str(app), "--data-dir", str(data)]
        bare_cmd = [str(bare)]
        run_child(app_cmd, env)  # first launch creates the database; not timed
        run_child(bare_cmd, env)
        app_runs: list[ChildRun] = []
        bare_runs: list[ChildRun] = []
        for _ in range(RUNS):
            app_runs.append(run_child(app_cmd, env))
            bare_runs.append(run_child(bare_cmd, env))
    baseline = "bare PySide6 window, frozen with the same options"
    return [
        Figure(
            name="one-folder size",
            value=app_mib,
            baseline_name=baseline,
            baseline=bare_mib,
            unit="MiB",
            max_ratio=1.3,
        ),
        Figure(
            name="frozen cold start to first paint (median)",
            value=statistics.median(r.until(PAINT) for r in app_runs),
            baseline_name=baseline,
            baseline=statistics.median(r.until(PAINT) for r in bare_runs),
            unit="s",
            max_ratio=1.5,
        ),
        Figure(
            name="the same, until the process has exited",
            value=statistics.median(r.seconds for r in app_runs),
            baseline_name=baseline,
            baseline=statistics.median(r.seconds for r in bare_runs),
            unit="s",
        ),
    ]
