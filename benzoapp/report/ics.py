"""Calendar export: one all-day event on each day the dose changes.

All-day dates carry no time zone, so an event never shifts a day for someone east or
west of UTC, and no VTIMEZONE is needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from icalendar import Calendar, Event

from benzoapp.core.model import Plan, Step
from benzoapp.report.atomic import write_atomic
from benzoapp.report.text import (
    STATEMENT,
    daily_amount,
    dose_columns,
    dose_in,
    dose_key,
    format_date,
    format_mg,
    several_drugs,
)


def dose_changes(plan: Plan) -> list[tuple[int, Step, dt.date]]:
    """Each step whose doses differ from the step before, with its number (from 1, as
    printed everywhere) and the last day of those doses."""
    changes: list[tuple[int, Step, dt.date]] = []
    previous = None
    for number, step in enumerate(plan.steps, start=1):
        key = dose_key(step)
        if key != previous:
            changes.append((number, step, step.end))
            previous = key
        else:
            changes[-1] = (*changes[-1][:2], step.end)
    return changes


def describe(step: Step, plan: Plan) -> str:
    lines = []
    for column in dose_columns(plan):
        dose = dose_in(step, column)
        if dose is not None:
            how = f" ({dose.units})" if dose.units else ""
            lines.append(f"{column.title}: {format_mg(dose.mg)}{how}")
    return "\n".join(lines)


def plan_to_ics(plan: Plan, made_on: dt.date | None = None) -> bytes:
    """The calendar file's bytes; the same plan always gives the same event ids."""
    calendar = Calendar()
    calendar.add("prodid", "-//BenzoApp//Taper plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Taper plan")
    stamp = dt.datetime.combine(made_on or dt.date.today(), dt.time(0), tzinfo=dt.UTC)
    seed = hashlib.sha256(repr((plan.regimen, plan.settings.start)).encode()).hexdigest()[:16]
    several = several_drugs(plan)
    count = len(plan.steps)
    for number, step, until in dose_changes(plan):
        note = f"\nNote: {step.note}" if step.note.strip() else ""
        event = Event()
        event.add("uid", f"benzoapp-{seed}-step-{step.index}@benzoapp.invalid")
        event.add("dtstamp", stamp)
        event.add("dtstart", step.start)
        event.add("dtend", step.start + dt.timedelta(days=1))
        if plan.is_stop(step):
            event.add("summary", "Taper: none from today, the last step")
            event.add(
                "description",
                f"Step {number} of {count}, the plan's last: no more doses.{note}\n{STATEMENT}",
            )
        else:
            event.add("summary", f"Taper: {daily_amount(step, several)} a day from today")
            event.add(
                "description",
                f"Step {number} of {count}.\n{describe(step, plan)}\nUntil {format_date(until)}"
                f"{' (hold)' if step.hold else ''}.{note}\n{STATEMENT}",
            )
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    end = plan.end_date
    if plan.steps and end is not None and plan.steps[-1].total_mg > 0:
        event = Event()
        event.add("uid", f"benzoapp-{seed}-end@benzoapp.invalid")
        event.add("dtstamp", stamp)
        day = end + dt.timedelta(days=1)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", "Taper: the plan's steps have ended")
        event.add(
            "description",
            f"The last planned dose was on {format_date(end)}. {STATEMENT}",
        )
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def write_plan_ics(
    path: str | os.PathLike[str], plan: Plan, made_on: dt.date | None = None
) -> Path:
    """Save the calendar (temporary sibling, then rename); return the path."""
    return write_atomic(path, plan_to_ics(plan, made_on))
