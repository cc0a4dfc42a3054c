"""Journal detection over ten years of daily entries, against a plain pass over the same days."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from bench.harness import Figure, median_seconds
from benzoapp.core.journal import analyse_journal, find_post_exertional, find_windows_and_waves
from benzoapp.core.journal.synthetic import ten_years
from benzoapp.core.model import JournalDay

REPEAT = 15
TARGET_MS = 50.0


def _plain_pass(days: list[JournalDay]) -> int:
    """The least any analysis must do: read every severity once."""
    return sum(sum(d.symptoms.values()) for d in days)


def run() -> list[Figure]:
    """Median of each detection over 3653 days, each beside the plain pass."""
    days = ten_years()
    baseline_name = "one plain pass summing every severity, same days"
    baseline = median_seconds(lambda: _plain_pass(days), REPEAT) * 1000
    figures = []
    detections: tuple[tuple[str, Callable[[list[JournalDay]], object]], ...] = (
        ("windows and waves, ten years (median)", find_windows_and_waves),
        ("post-exertional worsening, ten years (median)", find_post_exertional),
        ("whole analysis, ten years (median)", analyse_journal),
    )
    for name, detect in detections:
        value = median_seconds(partial(detect, days), REPEAT) * 1000
        figures.append(
            Figure(
                name=name,
                value=value,
                baseline_name=baseline_name,
                baseline=baseline,
                unit="ms",
                max_value=TARGET_MS,
            )
        )
    return figures
