"""Hold suggestion: when symptoms after a cut stay well above the level before it.

It suggests, never imposes: the message asks the person to discuss a hold with their
prescriber and gives each reason with its source. Heuristics, stated as such:

* The last cut is the latest step on or before today whose diazepam-equivalent dose is
  lower than the step before it. Nothing is compared until ``SETTLE_DAYS`` days after it,
  because symptoms can take up to a week to show (ASAM 2025 patient guide, p. 10).
* *Before* is the mean load over the ``BEFORE_DAYS`` days before the cut; *after* the mean
  over the last ``AFTER_DAYS`` days up to today (not before the cut); *recent* the mean of
  the last ``RECENT_DAYS`` days. Each needs ``MIN_LOGGED_DAYS`` (recent: 2) logged days.
* Load "stays well above" when both after and recent exceed before by at least the larger
  of ``MIN_RISE_FRACTION`` of before and ``MIN_RISE_POINTS`` severity points.
* No suggestion when today is outside the plan, the current step is already a hold or a
  dose of zero, or no further cut is planned (there is nothing to hold back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from benzoapp.core.journal.entries import check_days
from benzoapp.core.journal.knowledge import HoldReason, load_hold_reasons
from benzoapp.core.journal.series import LoadSeries, load_series
from benzoapp.core.model import JournalDay, Plan, Step

SETTLE_DAYS = 7
BEFORE_DAYS = 7
AFTER_DAYS = 7
RECENT_DAYS = 3
MIN_LOGGED_DAYS = 4
MIN_RISE_FRACTION = 0.3
MIN_RISE_POINTS = 3.0


@dataclass(frozen=True)
class HoldSuggestion:
    """A suggestion to discuss holding the current dose, with its reasoning and sources."""

    cut_step_index: int
    cut_date: dt.date
    dose_before_mg: Decimal  # diazepam equivalent before the cut
    dose_after_mg: Decimal  # and after it (the dose a hold would keep)
    level_before: float
    level_after: float
    level_recent: float
    next_cut_date: dt.date
    reasons: tuple[HoldReason, ...]

    @property
    def rise_percent(self) -> int:
        if not self.level_before:
            return 0
        return round(100 * (self.level_after - self.level_before) / self.level_before)

    @property
    def message(self) -> str:
        """The suggestion in plain words; the person and their prescriber decide."""
        rise = f" ({self.rise_percent}% higher)" if self.level_before else ""
        return (
            f"Since the cut to {_mg(self.dose_after_mg)} mg (diazepam equivalent) on "
            f"{self.cut_date.isoformat()}, your symptom load has stayed well above the week "
            f"before it: {self.level_after:.1f} on average over the last week against "
            f"{self.level_before:.1f}{rise}. You might discuss with your prescriber holding "
            f"at {_mg(self.dose_after_mg)} mg for now instead of the next cut planned for "
            f"{self.next_cut_date.isoformat()}. This is a suggestion: you and your "
            "prescriber decide."
        )


def _mg(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _current(steps: Sequence[Step], today: dt.date) -> int | None:
    return next((i for i, s in enumerate(steps) if s.start <= today <= s.end), None)


def _mean(values: list[int], needed: int) -> float | None:
    return sum(values) / len(values) if len(values) >= needed else None


def hold_from_series(
    series: LoadSeries | None,
    plan: Plan,
    today: dt.date,
    reasons: tuple[HoldReason, ...] | None = None,
) -> HoldSuggestion | None:
    """The suggestion for a prepared series, or None when the journal gives no reason."""
    steps = sorted(plan.steps, key=lambda s: s.start)
    current = _current(steps, today)
    if series is None or current is None:
        return None
    step = steps[current]
    if step.hold or step.diazepam_equivalent_mg <= 0:
        return None
    cut = next(
        (
            i
            for i in range(current, 0, -1)
            if steps[i].diazepam_equivalent_mg < steps[i - 1].diazepam_equivalent_mg
        ),
        None,
    )
    if cut is None:
        return None
    cut_step = steps[cut]
    if (today - cut_step.start).days + 1 < SETTLE_DAYS:
        return None
    next_cut = next(
        (s for s in steps[current + 1 :] if s.diazepam_equivalent_mg < step.diazepam_equivalent_mg),
        None,
    )
    if next_cut is None:
        return None
    day = dt.timedelta(days=1)
    before = _mean(
        series.loads_between(cut_step.start - BEFORE_DAYS * day, cut_step.start - day),
        MIN_LOGGED_DAYS,
    )
    after_first = max(cut_step.start, today - (AFTER_DAYS - 1) * day)
    after = _mean(series.loads_between(after_first, today), MIN_LOGGED_DAYS)
    recent = _mean(series.loads_between(today - (RECENT_DAYS - 1) * day, today), 2)
    if before is None or after is None or recent is None:
        return None
    needed = before + max(MIN_RISE_FRACTION * before, MIN_RISE_POINTS)
    if after < needed or recent < needed:
        return None
    return HoldSuggestion(
        cut_step_index=cut_step.index,
        cut_date=cut_step.start,
        dose_before_mg=steps[cut - 1].diazepam_equivalent_mg,
        dose_after_mg=cut_step.diazepam_equivalent_mg,
        level_before=before,
        level_after=after,
        level_recent=recent,
        next_cut_date=next_cut.start,
        reasons=reasons if reasons is not None else load_hold_reasons(),
    )


def suggest_hold(days: Sequence[JournalDay], plan: Plan, today: dt.date) -> HoldSuggestion | None:
    """Suggest discussing a hold when symptoms after the last cut stay well above before it.

    Returns None when there is no such reason, including when the data are too sparse to
    say: a missing suggestion is not a reassurance that all is well.
    """
    return hold_from_series(load_series(check_days(days)), plan, today)
