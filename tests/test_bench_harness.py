"""The benchmark harness times children until the moment they report, not until exit."""

from __future__ import annotations

import sys

import pytest

from bench.harness import run_child


@pytest.mark.skipif(sys.platform == "win32", reason="Windows clocks are per process")
def test_time_until_a_marker_excludes_what_the_child_does_afterwards() -> None:
    child = (
        "import time; time.sleep(0.05); "
        "print(f'first-paint {time.perf_counter():.6f}', flush=True); time.sleep(0.4)"
    )
    run = run_child([sys.executable, "-c", child])
    painted = run.until("first-paint")
    assert 0.05 <= painted < run.seconds - 0.3
    assert run.seconds >= 0.45


def test_a_child_that_never_reports_is_an_error_not_a_zero() -> None:
    run = run_child([sys.executable, "-c", "print('no marker here')"])
    with pytest.raises(RuntimeError, match="first-paint"):
        run.until("first-paint")
