"""The figures of the prescriber's one-page summary, worked out from the plan and journal.

Nothing here decides anything medical: it finds where the plan stands on a day, how fast
the dose has come down so far, which warnings still apply, the weekly means of the
journal's symptom load, and re-shapes the checker's regimen flags for printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from benzoapp.core.cautions import LEVEL_WORDS, RegimenFlag
from benzoapp.core.journal.series import LoadSeries
from benzoapp.core.journal.summary import JournalSummary
from benzoapp.core.model import Method, Plan, PlanWarning, Step
from benzoapp.core.taper.equivalents import lacks_equivalent
from benzoapp.report.data import FlagRow, JournalFindings, WeekLoad
from benzoapp.report.journal_words import (
    episode_line,
    exertion_line,
    exertion_summary,
    hold_line,
)
from benzoapp.report.text import format_date, format_number, rate_text


def weekly_loads(series: LoadSeries | None) -> tuple[WeekLoad, ...]:
    """Mean load of each calendar week (Monday to Sunday) that has at least one rating."""
    if series is None:
        return ()
    weeks: dict[dt.date, list[int]] = {}
    for offset, load in enumerate(series.loads):
        if load is None:
            continue
        day = series.start + dt.timedelta(days=offset)
        monday = day - dt.timedelta(days=day.weekday())
        weeks.setdefault(monday, []).append(load)
    return tuple(
        WeekLoad(start, sum(values) / len(values), len(values))
        for start, values in sorted(weeks.items())
    )


def journal_findings(summary: JournalSummary) -> JournalFindings | None:
    """The journal's detections as counts and sentences; None when nothing is logged."""
    if summary.first_day is None or summary.last_day is None:
        return None
    note = summary.framework
    return JournalFindings(
        first_day=summary.first_day,
        last_day=summary.last_day,
        days_logged=summary.days_logged,
        mean_load=summary.mean_load or 0.0,
        weekly=weekly_loads(summary.series),
        windows=tuple(episode_line(e) for e in summary.windows),
        waves=tuple(episode_line(e) for e in summary.waves),
        exertion_summary=exertion_summary(summary.pem),
        exertion_found=tuple(exertion_line(o) for o in summary.pem.occurrences),
        position=note.position.title if note is not None and note.position is not None else "",
        hold_suggestion=hold_line(summary.hold) if summary.hold is not None else "",
    )


def flag_rows(flags: Iterable[RegimenFlag]) -> tuple[FlagRow, ...]:
    """The checker's regimen flags, with the level in words, as they are printed."""
    return tuple(FlagRow(LEVEL_WORDS[f.level], f.message, f.source, tuple(f.items)) for f in flags)


@dataclass(frozen=True)
class Position:
    """Where the plan stands on a day: the step (counted from 1) and the doses then."""

    number: int  # 1-based, as printed everywhere
    of: int
    step: Step


def position_on(plan: Plan, day: dt.date) -> Position | None:
    """The step covering ``day`` (the plan ahead before kept history); None outside it."""
    found = None
    for number, step in enumerate(plan.steps, start=1):
        if step.start <= day <= step.end and (found is None or found.step.history):
            found = Position(number, len(plan.steps), step)
    return found


def equivalent_text(plan: Plan, step: Step) -> str:
    """``12.5 mg`` diazepam equivalent, or why there is none."""
    if lacks_equivalent(plan):
        return "no equivalent (the table has no figure for this drug)"
    return f"{format_number(step.diazepam_equivalent_mg)} mg"


def _cut_share(start: Decimal, now: Decimal) -> Decimal:
    return (Decimal(1) - now / start) * 100 if start > 0 else Decimal(0)


def fortnightly_rate(start: Decimal, now: Decimal, weeks: float, linear: bool) -> float:
    """The steady cut per 2 weeks that would have brought ``start`` down to ``now``.

    For a linear plan it is a share of the starting dose (what its rate means); for a
    percentage or hyperbolic plan a share of the dose at the time, compounded, so it reads
    on the same scale as the planned rate. A display figure only: doses stay exact.
    """
    if start <= 0 or weeks <= 0:
        return 0.0
    if linear:
        return float((start - now) / start) * 100 * 2 / weeks
    if now <= 0:
        return 100.0
    ratio: float = float(now / start) ** (2 / weeks)
    return (1 - ratio) * 100


def pace_text(plan: Plan, day: dt.date) -> str:
    """How fast the dose has come down so far, beside the pace the plan was set at.

    Measured in diazepam equivalents from the first step to the step on ``day``, as the
    share of the dose cut per 2 weeks on average (holds included), so a prescriber can
    compare it with the planned rate at a glance.
    """
    planned = f"Planned: {rate_text(plan)}."
    if not plan.steps:
        return planned
    first, last = plan.steps[0], plan.steps[-1]
    if day < first.start:
        return f"Not started yet. {planned}"
    if day == first.start:
        return f"Starts today. {planned}"
    day = min(day, last.end)  # after the end: measured over the whole plan
    here = position_on(plan, day)
    if here is None:
        return planned
    weeks = Decimal((day - first.start).days + 1) / 7
    start_de, now_de = first.diazepam_equivalent_mg, here.step.diazepam_equivalent_mg
    if lacks_equivalent(plan):
        start_de, now_de = first.total_mg, here.step.total_mg
    cut = _cut_share(start_de, now_de)
    holds = sum(1 for s in plan.steps[: here.number] if s.hold)
    linear = plan.settings.method is Method.LINEAR
    rate = fortnightly_rate(start_de, now_de, float(weeks), linear)
    of_what = "of the starting dose" if linear else "of the dose at the time"
    held = f", {holds} hold{'s' if holds != 1 else ''}" if holds else ""
    return (
        f"So far: {cut:.0f}% cut in {weeks:.0f} weeks{held}, on average {rate:.1f}% "
        f"{of_what} every 2 weeks. {planned}"
    )


def warnings_in_force(plan: Plan, extra: Sequence[PlanWarning], day: dt.date) -> list[PlanWarning]:
    """Each warning once that still applies on ``day``: about no step, or a step not past.

    The same warning raised by several steps is listed once, at its next step.
    """
    ends = {s.index: s.end for s in plan.steps}
    seen: set[tuple[str, str]] = set()
    kept = []
    for warning in (*plan.warnings, *extra):
        index = warning.step_index
        if index is not None and index in ends and ends[index] < day:
            continue
        key = (warning.code, warning.message)
        if key in seen:
            continue
        seen.add(key)
        kept.append(warning)
    return kept


def first_sentence(text: str, most: int = 110) -> str:
    """The first sentence, shortened with an ellipsis past ``most`` characters."""
    text = " ".join(text.split())
    for stop in (". ", "; "):
        if stop in text:
            text = text.split(stop, 1)[0] + "."
            break
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    if " " in cut:  # end on a whole word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def next_reduction(plan: Plan, day: dt.date) -> tuple[int, Step] | None:
    """The next step (number from 1) after ``day`` whose diazepam equivalent is lower."""
    here = position_on(plan, day)
    if here is None:
        if plan.steps and day < plan.steps[0].start:
            return 1, plan.steps[0]
        return None
    level = here.step.diazepam_equivalent_mg
    for number, step in enumerate(plan.steps[here.number :], start=here.number + 1):
        if step.history:
            continue
        if step.diazepam_equivalent_mg < level or step.total_mg < here.step.total_mg:
            return number, step
    return None


def review_text(plan: Plan, day: dt.date) -> str:
    """When to review next: the next reduction or 2 weeks from ``day``, the earlier."""
    fortnight = day + dt.timedelta(days=14)
    cut = next_reduction(plan, day)
    if cut is None:
        return f"by {format_date(fortnight)} (no further reduction is planned)"
    number, step = cut
    if day < plan.steps[0].start and number == 1:
        return f"by {format_date(step.start)}, when the plan starts (step 1)"
    if step.start <= fortnight:
        return f"by {format_date(step.start)}, when step {number} lowers the dose"
    return (
        f"by {format_date(fortnight)}; the next reduction is step {number} on "
        f"{format_date(step.start)}"
    )
