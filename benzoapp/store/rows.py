"""Rows as SQLite stores them, turned into core objects; shared by both ways of reading.

The SQLAlchemy repositories and the start-up quick read (plain ``sqlite3``, see
``quick_read``) select the columns named here, in this order, and hand the plain values
(ISO day text, decimal text, 0/1 integers) to these functions. One definition of the
columns and one conversion means the two paths cannot drift apart. This module must not
import SQLAlchemy: the quick read exists to start without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import groupby
from operator import itemgetter
from typing import Any

from benzoapp.core.model import (
    DoseLogEntry,
    Form,
    JournalDay,
    Method,
    Plan,
    PlanSettings,
    PlanWarning,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    TabletStrength,
    WarningLevel,
)

Row = Sequence[Any]

# The columns each reader selects, in this order (table in the comment).
VERSION_FIELDS = (  # plan_versions
    "id",
    "method",
    "rate_percent",
    "every_days",
    "form",
    "start",
    "crossover_to",
    "equivalence_table",
    "liquid_mg_per_ml",
    "micro",
    "final_dose_mg",
    "hyperbolic_k_de_mg",
    "rate_base_de_mg",
    "crossover_stage_de_mg",
    "modified_release",
    "crossover_max_dose_mg",
    "crossover_max_daily_mg",
    "crossover_caps",
    "keep_dose_times",
    "country",
    "tablet_mass_mg",
    "scale_resolution_mg",
    "syringe_step_ml",
)
REGIMEN_FIELDS = ("drug", "time", "mg", "release")  # plan_regimen_doses, by position
TABLET_FIELDS = ("drug", "mg", "max_split")  # plan_tablets, by position
STEP_FIELDS = (  # plan_steps, by position
    "position",
    "step_index",
    "start",
    "days",
    "diazepam_equivalent_mg",
    "hold",
    "edited",
    "note",
    "history",
)
STEP_DOSE_FIELDS = ("step_position", "drug", "time", "mg", "units", "makeable")
WARNING_FIELDS = ("code", "level", "message", "source", "step_index")  # plan_warnings
DOSE_LOG_FIELDS = ("day", "time", "drug", "planned_mg", "taken_mg", "note")
JOURNAL_DAY_FIELDS = ("day", "notes")  # journal_days
SYMPTOM_FIELDS = ("day", "symptom", "severity")  # journal_symptoms, by day and position
EXERTION_FIELDS = ("day", "kind", "level")  # journal_exertion, by day and position


def mg_value(stored: Any) -> Decimal | None:
    """Milligrams as stored (the Decimal's own text) back to the exact Decimal."""
    return None if stored is None else Decimal(stored)


def _mg(stored: Any) -> Decimal:
    value = mg_value(stored)
    if value is None:
        raise ValueError("a required amount of milligrams is missing")
    return value


def _day(stored: Any) -> dt.date:
    return stored if isinstance(stored, dt.date) else dt.date.fromisoformat(stored)


def plan_from_rows(
    version: Row,
    *,
    regimen: Iterable[Row],
    tablets: Iterable[Row],
    steps: Iterable[Row],
    doses: Iterable[Row],
    warnings: Iterable[Row],
) -> Plan:
    """Rebuild a core ``Plan`` from one version's rows (each in its ``*_FIELDS`` order)."""
    h = dict(zip(VERSION_FIELDS, version, strict=True))
    by_step: dict[int, list[StepDose]] = {}
    for position, drug, time, mg, units, makeable in doses:
        dose = StepDose(drug, time, _mg(mg), units, bool(makeable))
        by_step.setdefault(position, []).append(dose)
    settings = PlanSettings(
        method=Method(h["method"]),
        rate_percent=_mg(h["rate_percent"]),
        every_days=h["every_days"],
        form=Form(h["form"]),
        start=_day(h["start"]),
        crossover_to=h["crossover_to"],
        table=h["equivalence_table"],
        liquid_mg_per_ml=mg_value(h["liquid_mg_per_ml"]),
        tablets=tuple(TabletStrength(d, _mg(mg), split) for d, mg, split in tablets),
        micro=bool(h["micro"]),
        final_dose_mg=mg_value(h["final_dose_mg"]),
        hyperbolic_k_de_mg=_mg(h["hyperbolic_k_de_mg"]),
        rate_base_de_mg=mg_value(h["rate_base_de_mg"]),
        crossover_stage_de_mg=mg_value(h["crossover_stage_de_mg"]),
        modified_release=tuple(p for p in (h["modified_release"] or "").split(",") if p),
        crossover_max_dose_mg=mg_value(h["crossover_max_dose_mg"]),
        crossover_max_daily_mg=mg_value(h["crossover_max_daily_mg"]),
        crossover_caps=bool(h["crossover_caps"]),
        keep_dose_times=bool(h["keep_dose_times"]),
        country=h["country"],
        tablet_mass_mg=mg_value(h["tablet_mass_mg"]),
        scale_resolution_mg=mg_value(h["scale_resolution_mg"]),
        syringe_step_ml=mg_value(h["syringe_step_ml"]),
    )
    return Plan(
        regimen=Regimen(
            tuple(RegimenDose(d, t, _mg(mg), release or "") for d, t, mg, release in regimen)
        ),
        settings=settings,
        steps=tuple(
            Step(
                index=index,
                start=_day(start),
                days=days,
                doses=tuple(by_step.get(position, ())),
                diazepam_equivalent_mg=_mg(de),
                hold=bool(hold),
                edited=bool(edited),
                note=note,
                history=bool(history),
            )
            for position, index, start, days, de, hold, edited, note, history in steps
        ),
        warnings=tuple(
            PlanWarning(code, WarningLevel(level), message, source, step_index)
            for code, level, message, source, step_index in warnings
        ),
    )


class _DayCache(dict[str, dt.date]):
    """ISO day text to date, parsed once per distinct day."""

    def __missing__(self, key: str) -> dt.date:
        value = self[key] = dt.date.fromisoformat(key)
        return value


def dose_log_entries(rows: Iterable[Row]) -> list[DoseLogEntry]:
    """Dose log rows (``DOSE_LOG_FIELDS``) as entries, keeping the rows' order."""
    days = _DayCache()
    return [
        DoseLogEntry(days[day], time, drug, _mg(planned), mg_value(taken), note)
        for day, time, drug, planned, taken, note in rows
    ]


def _grouped(rows: Iterable[Row]) -> dict[str, dict[str, int]]:
    """(day, name, value) rows in day order as {day: {name: value}}, keeping row order."""
    return {
        key: {name: value for _, name, value in group}
        for key, group in groupby(rows, itemgetter(0))
    }


def journal_days(
    day_rows: Iterable[Row], symptom_rows: Iterable[Row], exertion_rows: Iterable[Row]
) -> list[JournalDay]:
    """Journal days from their three tables' rows, each in day (then position) order."""
    symptoms = _grouped(symptom_rows)
    exertion = _grouped(exertion_rows)
    return [
        JournalDay(dt.date.fromisoformat(key), symptoms.get(key, {}), exertion.get(key, {}), notes)
        for key, notes in day_rows
    ]
