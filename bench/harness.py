"""Shared benchmark machinery: figures, medians, child-process timing and the report.

Every figure is compared with a baseline measured in the same run on the same machine,
so the ratio means something on a slow CI box and a fast laptop alike.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    """One measured figure, its same-run baseline, and the target it must meet.

    ``max_ratio`` bounds value/baseline; ``max_value`` bounds the value itself (in its
    unit). Either may be absent.
    """

    name: str
    value: float
    baseline_name: str
    baseline: float
    unit: str
    max_ratio: float | None = None
    max_value: float | None = None

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool:
        ok = True
        if self.max_ratio is not None:
            ok = ok and self.ratio <= self.max_ratio
        if self.max_value is not None:
            ok = ok and self.value <= self.max_value
        return ok

    def target_text(self) -> str:
        parts = []
        if self.max_value is not None:
            parts.append(f"<= {self.max_value:g} {self.unit}")
        if self.max_ratio is not None:
            parts.append(f"ratio <= {self.max_ratio:g}")
        return ", ".join(parts) or "-"


def median_seconds(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    """Median wall time of ``fn`` over ``repeat`` calls, after ``warmup`` discarded calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


@dataclass(frozen=True)
class ChildRun:
    """Wall time and peak resident memory of one child process."""

    seconds: float
    peak_mib: float
    stdout: str
    started: float = 0.0  # the parent's perf_counter() just before the launch

    def until(self, marker: str) -> float:
        """Seconds from launch until the child printed ``marker TIMESTAMP``.

        The children print ``time.perf_counter()`` at the moment that matters (first
        paint, data on screen). On Linux and macOS that clock is the system's monotonic
        clock, shared by every process, so the difference to the parent's launch time
        excludes what happens after: closing the window, Python's and Qt's shutdown.
        Where the clocks are not shared (Windows counts from process start), the whole
        run until exit is the honest fallback.
        """
        match = re.search(rf"^{re.escape(marker)} ([0-9.]+)$", self.stdout, re.MULTILINE)
        if match is None:
            raise RuntimeError(f"the child never printed {marker!r}: {self.stdout[-300:]}")
        if sys.platform == "win32":
            return self.seconds
        return float(match.group(1)) - self.started


def run_child(argv: Sequence[str], env: dict[str, str] | None = None) -> ChildRun:
    """Run a command to completion; report its wall time and peak RSS (from wait4)."""
    full_env = dict(os.environ, **(env or {}))
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, cwd=ROOT
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    with proc.stdout, proc.stderr:
        out = proc.stdout.read().decode()
        err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err[-800:]}")
    return ChildRun(seconds=elapsed, peak_mib=usage.ru_maxrss / 1024, stdout=out, started=start)


def report(title: str, figures: Sequence[Figure]) -> bool:
    """Print one benchmark's figures as a table; return whether all met their targets."""
    print(f"\n== {title}")
    header = f"{'figure':44} {'value':>12} {'baseline':>12} {'ratio':>7}  {'target':22} result"
    print(header)
    print("-" * len(header))
    for f in figures:
        print(
            f"{f.name:44} {f.value:>9.3f} {f.unit:<2} {f.baseline:>9.3f} {f.unit:<2} "
            f"{f.ratio:>7.2f}  {f.target_text():22} {'ok' if f.passed else 'MISSED'}"
        )
        print(f"{'  baseline: ' + f.baseline_name:44}")
    sys.stdout.flush()
    return all(f.passed for f in figures)
