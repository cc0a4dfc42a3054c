"""One validator for what a person or a file can feed the app: sense, not just types.

An import, the command line and the window all pass their values through here, so a
value one of them accepts is one every other part can plan, print, export and show.
Each check raises ``InputError`` naming the place (``dose_log[3].time``) and the rule.

The bounds are wide enough for every real taper and narrow enough that nothing
downstream can hang, overflow or crash: a plan of at most 12,000 steps, dates
between 1900 and 2200, a dose of at most 1,000 mg at the store and import boundary
(whether a regimen's dose is plausible is the drug data's question, not this one's),
names of 200 and notes of 10,000 characters. Dose times are ``HH:MM`` only, which also
keeps formula text (``=HYPERLINK(...)``) out of every CSV column a time becomes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, NoReturn

from benzoapp.core.errors import InputError

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2200, 12, 31)
RATE_MIN = Decimal("0.5")  # percent; the taper engine's own bound is "more than 0"
RATE_MAX = Decimal(100)
EVERY_MAX_DAYS = 365
STEP_MAX_DAYS = 3650
MAX_STEPS = 12_000  # a daily plan of 30 years (the taper engine's limit) has 10,950
MG_MAX = Decimal(1000)
MG_PLACES = 6  # 0.000001 mg: finer than any scale or liquid can measure
COUNT_MAX = 1000  # earlier tapers, withdrawals, reinstatements
SPLIT_MAX = 8
NAME_MAX = 200
NOTE_MAX = 10_000
SCORE_RANGE = range(11)
OPTION_NAMES = {
    "rate_percent": "rate",
    "every_days": "every",
    "final_dose_mg": "final-dose",
    "crossover_stage_de_mg": "crossover-stage",
    "crossover_to": "crossover",
    "liquid_mg_per_ml": "liquid-mg-per-ml",
    "tablets": "tablet",
}
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def refuse(where: str, why: str) -> NoReturn:
    where = where.lstrip(".")
    if where.startswith("--."):  # a command-line option, by the name the person typed
        field, _, rest = where[3:].partition(".")
        where = "--" + OPTION_NAMES.get(field, field.replace("_", "-")) + (rest and f".{rest}")
    raise InputError(f"{where}: {why}" if where else why)


def check_time(value: Any, where: str = "time") -> str:
    """A dose time as 24-hour ``HH:MM``; anything else (formula text too) is refused."""
    if not isinstance(value, str) or not TIME.fullmatch(value):
        refuse(where, f"a time must be HH:MM on the 24-hour clock, like 08:00, not {value!r}")
    return value


def check_date(value: Any, where: str = "date") -> dt.date:
    """A date between 1900 and 2200 (a ``date`` or ISO text)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            refuse(where, f"{value!r} is not a date like 2030-01-07")
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        refuse(where, f"expected a date, not {value!r}")
    if not DATE_MIN <= value <= DATE_MAX:
        refuse(where, f"{value.isoformat()} is outside the years 1900 to 2200")
    return value


def check_bool(value: Any, where: str, *, optional: bool = False) -> bool | None:
    """A real boolean: the text "false" is not true, and 1 is not a boolean either."""
    if value is None and optional:
        return None
    if not isinstance(value, bool):
        allowed = "true, false or null" if optional else "true or false"
        refuse(where, f"expected {allowed}, not {value!r}")
    return value


def check_int(value: Any, where: str, low: int, high: int) -> int:
    """A whole number in ``low..high`` (booleans and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        refuse(where, f"expected a whole number, not {value!r}")
    if not low <= value <= high:
        refuse(where, f"must be from {low} to {high}, not {value}")
    return value


def check_mg(value: Decimal, where: str, *, low: Decimal = Decimal(0)) -> Decimal:
    """An amount in mg: finite, at least ``low``, at most 1,000, at most 6 decimal places."""
    if not isinstance(value, Decimal):  # a float would lose the exact amount
        raise TypeError(f"milligrams must be Decimal, not {type(value).__name__}")
    if not value.is_finite():
        refuse(where, f"{value!r} is not an amount")
    if value < low:
        refuse(where, "a dose cannot be below zero" if low == 0 else f"must be at least {low}")
    if value > MG_MAX:
        refuse(where, f"{value} mg is more than {MG_MAX} mg, which no taper uses")
    if value != value.quantize(Decimal(1).scaleb(-MG_PLACES)):
        refuse(where, f"{value} has more than {MG_PLACES} decimal places")
    return value


def check_text(value: Any, where: str, limit: int = NOTE_MAX) -> str:
    """Text of at most ``limit`` characters, with no NUL character (SQLite and PDFs choke)."""
    if not isinstance(value, str):
        refuse(where, f"expected text, not {value!r}")
    if len(value) > limit:
        refuse(where, f"is {len(value):,} characters long; at most {limit:,} are kept")
    if "\0" in value:
        refuse(where, "contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        refuse(where, "contains a character that is not valid text (a lone surrogate)")
    return value


def check_rate(value: Decimal, where: str = "rate") -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        refuse(where, f"{value!r} is not a number")
    if not RATE_MIN <= value <= RATE_MAX:
        refuse(
            where,
            f"the rate must be more than 0 and at most {RATE_MAX} percent; "
            f"BenzoApp plans from {RATE_MIN} percent, not {value}",
        )
    return value


def check_drug(drug: Any, known: Iterable[str] | None, where: str) -> str:
    """A drug BenzoApp knows; with ``known=None`` (the store's own bound) any short name."""
    if known is None:
        return check_text(drug, where, NAME_MAX)
    if not isinstance(drug, str) or drug not in set(known):
        refuse(where, f"{drug!r} is not a benzodiazepine or Z-drug BenzoApp knows")
    return drug


def check_settings(
    settings: Any, known_drugs: Iterable[str] | None, where: str = "settings"
) -> None:
    """A ``PlanSettings``: rate and period in range, a sane start, known drugs, real amounts."""
    known = None if known_drugs is None else set(known_drugs)
    check_rate(settings.rate_percent, f"{where}.rate_percent")
    check_int(settings.every_days, f"{where}.every_days", 1, EVERY_MAX_DAYS)
    check_date(settings.start, f"{where}.start")
    if settings.crossover_to is not None:
        check_drug(settings.crossover_to, known, f"{where}.crossover_to")
    check_bool(settings.micro, f"{where}.micro")
    for name in ("liquid_mg_per_ml", "final_dose_mg", "rate_base_de_mg", "crossover_stage_de_mg"):
        value = getattr(settings, name, None)
        if value is not None:
            check_mg(value, f"{where}.{name}")
    for name in ("liquid_mg_per_ml", "crossover_stage_de_mg"):
        value = getattr(settings, name, None)
        if value is not None and value <= 0:
            refuse(f"{where}.{name}", "must be more than 0")
    k = getattr(settings, "hyperbolic_k_de_mg", Decimal(5))
    check_mg(k, f"{where}.hyperbolic_k_de_mg")
    if k <= 0:
        refuse(f"{where}.hyperbolic_k_de_mg", "must be more than 0")
    for i, tablet in enumerate(settings.tablets):
        check_drug(tablet.drug, known, f"{where}.tablets[{i}].drug")
        check_mg(tablet.mg, f"{where}.tablets[{i}].mg")
        if tablet.mg <= 0:
            refuse(f"{where}.tablets[{i}].mg", "a tablet must hold more than 0 mg")
        check_int(tablet.max_split, f"{where}.tablets[{i}].max_split", 1, SPLIT_MAX)


def check_plan(plan: Any, known_drugs: Iterable[str] | None, where: str = "plan") -> None:
    """A whole ``Plan``: its settings, regimen and steps (contiguous, in range, known drugs).

    ``known_drugs=None`` is the store's own bound, where the drugs' names are only kept
    short (the store does not load the drug data).
    """
    known = None if known_drugs is None else set(known_drugs)
    check_settings(plan.settings, known, f"{where}.settings")
    for i, dose in enumerate(plan.regimen.doses):
        check_drug(dose.drug, known, f"{where}.regimen.doses[{i}].drug")
        check_time(dose.time, f"{where}.regimen.doses[{i}].time")
        check_mg(dose.mg, f"{where}.regimen.doses[{i}].mg")
    if len(plan.steps) > MAX_STEPS:
        refuse(f"{where}.steps", f"{len(plan.steps)} steps; a plan has at most {MAX_STEPS}")
    previous = None
    for k, step in enumerate(plan.steps):
        at = f"{where}.steps[{k}]"
        check_date(step.start, f"{at}.start")
        if isinstance(step.days, int) and not isinstance(step.days, bool) and step.days < 1:
            refuse(f"{at}.days", f"a step must last at least one day, not {step.days}")
        check_int(step.days, f"{at}.days", 1, STEP_MAX_DAYS)
        if step.start + dt.timedelta(days=step.days - 1) > DATE_MAX:
            refuse(f"{at}.days", "the step would end after the year 2200")
        if previous is not None and step.start != previous.end + dt.timedelta(days=1):
            order = "overlaps" if step.start <= previous.end else "leaves a gap after"
            refuse(
                f"{at}.start",
                f"steps must follow each other day by day; {step.start.isoformat()} "
                f"{order} the step before (it ends {previous.end.isoformat()})",
            )
        for n, step_dose in enumerate(step.doses):
            check_drug(step_dose.drug, known, f"{at}.doses[{n}].drug")
            check_time(step_dose.time, f"{at}.doses[{n}].time")
            check_mg(step_dose.mg, f"{at}.doses[{n}].mg")
            check_text(step_dose.units, f"{at}.doses[{n}].units", NAME_MAX)
        check_mg(step.diazepam_equivalent_mg, f"{at}.diazepam_equivalent_mg")
        check_text(step.note, f"{at}.note")
        previous = step
    for i, warning in enumerate(plan.warnings):
        check_text(warning.message, f"{where}.warnings[{i}].message")
        check_text(warning.source, f"{where}.warnings[{i}].source")
        if warning.step_index is not None:
            check_int(warning.step_index, f"{where}.warnings[{i}].step_index", 0, MAX_STEPS)


def check_profile(profile: Any, where: str = "profile") -> None:
    check_text(profile.name, f"{where}.name", NAME_MAX)
    if profile.benzo_start is not None:
        check_date(profile.benzo_start, f"{where}.benzo_start")
    for name in ("prior_tapers", "prior_withdrawals", "reinstatements"):
        check_int(getattr(profile, name), f"{where}.{name}", 0, COUNT_MAX)
    for name in (
        "well_before_exposure",
        "classical_trigger",
        "onset_during_or_after_taper",
        "post_exertional_malaise",
    ):
        check_bool(getattr(profile, name), f"{where}.{name}", optional=True)
    check_text(profile.notes, f"{where}.notes")


def check_medication(medication: Any, where: str = "medication") -> None:
    check_text(medication.name, f"{where}.name", NAME_MAX)
    if not medication.name.strip():
        refuse(f"{where}.name", "a medicine needs a name")
    check_text(medication.kind, f"{where}.kind", NAME_MAX)
    check_text(medication.dose, f"{where}.dose", NAME_MAX)
    check_text(medication.notes, f"{where}.notes")
    if medication.started is not None:
        check_date(medication.started, f"{where}.started")


def check_dose_entry(entry: Any, known_drugs: Iterable[str] | None, where: str = "dose") -> None:
    check_date(entry.day, f"{where}.day")
    check_time(entry.time, f"{where}.time")
    check_drug(entry.drug, known_drugs, f"{where}.drug")
    check_mg(entry.planned_mg, f"{where}.planned_mg")
    if entry.taken_mg is not None:
        check_mg(entry.taken_mg, f"{where}.taken_mg")
    check_text(entry.note, f"{where}.note")


def check_scores(scores: Mapping[Any, Any], where: str) -> None:
    for name, value in scores.items():
        check_text(name, f"{where} name", NAME_MAX)
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCORE_RANGE:
            refuse(f"{where}[{name!r}]", f"must be 0-10, not {value!r}")


def check_journal_day(day: Any, where: str = "journal day") -> None:
    check_date(day.day, f"{where}.day")
    check_scores(day.symptoms, f"{where}.symptoms")
    check_scores(day.exertion, f"{where}.exertion")
    check_text(day.notes, f"{where}.notes")


def refuse_duplicates(keys: Iterable[Any], what: str, where: str) -> None:
    """Refuse two entries with the same key (a second would silently replace the first)."""
    seen: dict[Any, int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            refuse(
                f"{where}[{i}]",
                f"the same {what} as {where}[{seen[key]}]; an export holds each only once",
            )
        seen[key] = i
