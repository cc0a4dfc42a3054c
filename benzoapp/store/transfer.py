"""Export and import of all the person's data as versioned JSON, lossless both ways.

Milligrams travel as decimal strings (``"0.125"``), dates as ISO text, so nothing is
rounded on the way. An import happens in one transaction: all of it, or none of it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from sqlalchemy import delete, insert, select

from benzoapp import __version__
from benzoapp.core import validation as valid
from benzoapp.core.drugs import load_catalog
from benzoapp.core.errors import BenzoAppError, InputError
from benzoapp.core.model import (
    DoseLogEntry,
    Form,
    JournalDay,
    Medication,
    Method,
    Plan,
    PlanSettings,
    PlanWarning,
    Profile,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    TabletStrength,
    WarningLevel,
)
from benzoapp.store.backups import write_atomically
from benzoapp.store.facade import Store
from benzoapp.store.plans import PLANS, VERSIONS, read_version, write_version
from benzoapp.store.records import (
    DAYS,
    DOSE_LOG,
    MEDICATIONS,
    PROFILE,
    PROFILE_FIELDS,
    replace_journal_days,
    upsert_dose_log,
)
from benzoapp.store.schema import SCHEMA_HEAD

FORMAT = "benzoapp-export"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 200_000_000
T = TypeVar("T")


@dataclass(frozen=True)
class ImportSummary:
    """How much an import brought in."""

    plans: int
    plan_versions: int
    medications: int
    dose_log: int
    journal_days: int


def to_plain(value: Any) -> Any:
    """Core values as JSON-ready values that keep every digit (Decimals become strings)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Method | Form | WarningLevel):
        return value.value
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


def export_data(store: Store) -> dict[str, Any]:
    """Everything in the store as one JSON-ready dictionary (read in one snapshot)."""
    with store.db.read() as conn:
        plans = []
        for p in conn.execute(select(PLANS).order_by(PLANS.c.id)).mappings():
            versions = [
                {
                    "number": v["number"],
                    "created_at": v["created_at"],
                    "note": v["note"],
                    "plan": to_plain(read_version(conn, v["id"])),
                }
                for v in conn.execute(
                    select(VERSIONS)
                    .where(VERSIONS.c.plan_id == p["id"])
                    .order_by(VERSIONS.c.number)
                ).mappings()
            ]
            plans.append(
                {
                    "name": p["name"],
                    "active": bool(p["active"]),
                    "created_at": p["created_at"],
                    "versions": versions,
                }
            )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": SCHEMA_HEAD,
        "app_version": __version__,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile": to_plain(store.profile.get()),
        "medications": [to_plain(m) for _, m in store.medications.list()],
        "plans": plans,
        "dose_log": [to_plain(e) for e in store.dose_log.all()],
        "journal": [to_plain(d) for d in store.journal.all()],
    }


def export_to_file(store: Store, path: Path) -> dict[str, Any]:
    """Write the export to ``path`` atomically; returns what was written."""
    data = export_data(store)
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8"))
    return data


def read_export(path: Path) -> dict[str, Any]:
    """Load an export file, refusing anything that is not one this build understands."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InputError(
                f"{path} is larger than {MAX_IMPORT_BYTES // 1_000_000} MB, far more than "
                "an export of many years holds; nothing was imported."
            )
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError(f"There is no file at {path}.") from error
    except RecursionError as error:
        raise InputError(f"{path} is nested too deeply to be a BenzoApp export.") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path} is not a readable BenzoApp export ({error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path} is not a BenzoApp export (no 'format': '{FORMAT}').")
    version = data.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise InputError(f"{path} has no valid format_version.")
    if version > FORMAT_VERSION:
        raise InputError(
            f"{path} was exported by a newer BenzoApp (format version {version}; this one "
            f"reads up to {FORMAT_VERSION}). Update BenzoApp to import it; nothing was changed."
        )
    return data


def import_data(store: Store, data: Mapping[str, Any], replace: bool = False) -> ImportSummary:
    """Put an export's content into the store in one transaction.

    With ``replace`` everything already saved is deleted first (in the same
    transaction); without it the store must hold nothing. Bad content raises
    ``InputError`` naming the entry, and nothing changes.
    """
    profile, medications, dose_log, journal, plans = decode_export(data)
    if not replace and not store.is_empty():
        raise InputError("This data folder already holds data; nothing was imported.")
    with store.db.write() as conn:
        if replace:
            for table in (PLANS, DOSE_LOG, DAYS, MEDICATIONS, PROFILE):
                conn.execute(delete(table))
        if profile != Profile():
            conn.execute(
                insert(PROFILE).values(id=1, **{n: getattr(profile, n) for n in PROFILE_FIELDS})
            )
        if medications:
            conn.execute(insert(MEDICATIONS), [to_row(m) for m in medications])
        for name, active, created_at, versions in plans:
            plan_id = conn.execute(
                insert(PLANS).values(name=name, active=active, created_at=created_at)
            ).lastrowid
            for number, v_created, note, plan in versions:
                write_version(conn, plan_id, number, plan, note=note, created_at=v_created)
        upsert_dose_log(conn, dose_log)
        replace_journal_days(conn, journal)
    return ImportSummary(
        plans=len(plans),
        plan_versions=sum(len(p[3]) for p in plans),
        medications=len(medications),
        dose_log=len(dose_log),
        journal_days=len(journal),
    )


Decoded = tuple[Profile, list[Medication], list[DoseLogEntry], list[JournalDay], list["PlanRecord"]]


def decode_export(data: Mapping[str, Any]) -> Decoded:
    """Every entry of an export, decoded and checked for sense by the shared validator
    (:mod:`benzoapp.core.validation`); raises ``InputError`` naming the first bad one.

    Nothing is written, so an import can be refused before any backup is taken.
    """
    if not isinstance(data, Mapping):
        raise InputError("The export is not an object.")
    profile = _decode(data.get("profile", {}), "profile", _profile)
    medications = [
        _decode(m, f"medications[{i}]", _medication) for i, m in _items(data, "medications")
    ]
    dose_log = [_decode(e, f"dose_log[{i}]", _dose_entry) for i, e in _items(data, "dose_log")]
    journal = [_decode(d, f"journal[{i}]", _journal_day) for i, d in _items(data, "journal")]
    plans = [
        _decode(p, f"plans[{i}]", partial(_plan_record, where=f"plans[{i}]"))
        for i, p in _items(data, "plans")
    ]
    valid.refuse_duplicates(
        ((e.day, e.time, e.drug) for e in dose_log), "day, time and drug", "dose_log"
    )
    valid.refuse_duplicates((d.day for d in journal), "day", "journal")
    if sum(1 for p in plans if p[1]) > 1:
        raise InputError("The export marks more than one plan as active.")
    return profile, medications, dose_log, journal, plans


def to_row(m: Medication) -> dict[str, Any]:
    return {"name": m.name, "kind": m.kind, "dose": m.dose, "notes": m.notes, "started": m.started}


# --- decoding, strict: every value is checked and a bad one is named -------------------


def _items(data: Mapping[str, Any], key: str) -> list[tuple[int, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"'{key}' in the export must be a list.")
    return list(enumerate(value))


class _NamedEntryError(InputError):
    """A refusal whose message already names the entry by its full path."""


def _decode(value: Any, where: str, decoder: Callable[[Any], T]) -> T:
    try:
        return decoder(value)
    except _NamedEntryError:
        raise
    except InputError as error:
        raise _NamedEntryError(f"{where}: {error}") from error
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as error:
        raise _NamedEntryError(
            f"{where} is malformed ({type(error).__name__}: {error})."
        ) from error


def _mg(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise InputError(f'an amount must be decimal text like "0.5", not {value!r}')
    amount = Decimal(value)
    if not amount.is_finite():
        raise InputError(f"{value!r} is not an amount")
    return amount


def _dose_mg(value: Any) -> Decimal:
    amount = _mg(value)
    if amount < 0:
        raise InputError(f"a dose cannot be below zero, not {value!r}")
    return amount


def _opt_mg(value: Any) -> Decimal | None:
    return None if value is None else _mg(value)


def _date(value: Any, name: str = "") -> dt.date:
    if not isinstance(value, str):
        valid.refuse(name, f"expected a date like 2030-01-07, not {value!r}")
    return valid.check_date(value, name)


def _bool(value: Any, name: str = "") -> bool:
    return bool(valid.check_bool(value, name))


def _opt_date(value: Any, name: str = "") -> dt.date | None:
    return None if value is None else _date(value, name)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise InputError(f"expected true or false, not {value!r}")


def _opt_bool(value: Any, name: str = "") -> bool | None:
    return valid.check_bool(value, name, optional=True)


def _int(value: Any, name: str = "") -> int:
    # Wide enough for any count or index; SQLite's integers end at 2**63.
    return valid.check_int(value, name, -1_000_000, 1_000_000)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise InputError(f"expected text, not {value!r}")
    return value


def _profile(d: Mapping[str, Any]) -> Profile:
    profile = Profile(
        name=_str(d.get("name", "")),
        benzo_start=_opt_date(d.get("benzo_start"), "benzo_start"),
        prior_tapers=_int(d.get("prior_tapers", 0), "prior_tapers"),
        prior_withdrawals=_int(d.get("prior_withdrawals", 0), "prior_withdrawals"),
        reinstatements=_int(d.get("reinstatements", 0), "reinstatements"),
        well_before_exposure=_opt_bool(d.get("well_before_exposure"), "well_before_exposure"),
        classical_trigger=_opt_bool(d.get("classical_trigger"), "classical_trigger"),
        onset_during_or_after_taper=_opt_bool(
            d.get("onset_during_or_after_taper"), "onset_during_or_after_taper"
        ),
        post_exertional_malaise=_opt_bool(
            d.get("post_exertional_malaise"), "post_exertional_malaise"
        ),
        notes=_str(d.get("notes", "")),
        birth_year=None if d.get("birth_year") is None else _int(d["birth_year"]),
    )
    valid.check_profile(profile, "")
    return profile


def _medication(d: Mapping[str, Any]) -> Medication:
    medication = Medication(
        name=_str(d["name"]),
        kind=_str(d.get("kind", "medication")),
        dose=_str(d.get("dose", "")),
        notes=_str(d.get("notes", "")),
        started=_opt_date(d.get("started"), "started"),
    )
    valid.check_medication(medication, "")
    return medication


def _dose_entry(d: Mapping[str, Any]) -> DoseLogEntry:
    entry = DoseLogEntry(
        day=_date(d["day"], "day"),
        time=_str(d["time"]),
        drug=_str(d["drug"]),
        planned_mg=_dose_mg(d["planned_mg"]),
        taken_mg=None if d.get("taken_mg") is None else _dose_mg(d["taken_mg"]),
        note=_str(d.get("note", "")),
    )
    valid.check_dose_entry(entry, load_catalog().drugs, "")
    return entry


def _scores(d: Any) -> dict[str, int]:
    if not isinstance(d, dict):
        raise InputError("scores must be an object of name: 0-10")
    out = {}
    for name, value in d.items():
        if _int(value) not in range(11):
            raise InputError(f"{name!r} must be 0-10, not {value!r}")
        out[_str(name)] = value
    return out


def _journal_day(d: Mapping[str, Any]) -> JournalDay:
    day = JournalDay(
        day=_date(d["day"], "day"),
        symptoms=_scores(d.get("symptoms", {})),
        exertion=_scores(d.get("exertion", {})),
        notes=_str(d.get("notes", "")),
    )
    valid.check_journal_day(day, "")
    return day


def plan_from_plain(d: Mapping[str, Any]) -> Plan:
    """Rebuild a core ``Plan`` from its exported form."""
    s = d["settings"]
    settings = PlanSettings(
        method=Method(s["method"]),
        rate_percent=_mg(s["rate_percent"]),
        every_days=_int(s["every_days"], "settings.every_days"),
        form=Form(s["form"]),
        start=_date(s["start"], "settings.start"),
        crossover_to=None if s.get("crossover_to") is None else _str(s["crossover_to"]),
        table=_str(s["table"]),
        liquid_mg_per_ml=_opt_mg(s.get("liquid_mg_per_ml")),
        tablets=tuple(
            TabletStrength(_str(t["drug"]), _mg(t["mg"]), _int(t["max_split"], "max_split"))
            for t in s.get("tablets", [])
        ),
        micro=_bool(s.get("micro", False), "settings.micro"),
        final_dose_mg=_opt_mg(s.get("final_dose_mg")),
        hyperbolic_k_de_mg=_mg(s.get("hyperbolic_k_de_mg", "5")),
        rate_base_de_mg=_opt_mg(s.get("rate_base_de_mg")),
        crossover_stage_de_mg=_opt_mg(s.get("crossover_stage_de_mg")),
        modified_release=tuple(_str(r) for r in s.get("modified_release", [])),
        crossover_max_dose_mg=_opt_mg(s.get("crossover_max_dose_mg")),
        crossover_max_daily_mg=_opt_mg(s.get("crossover_max_daily_mg")),
        crossover_caps=_flag(s.get("crossover_caps", True)),
        keep_dose_times=_flag(s.get("keep_dose_times", True)),
        country=None if s.get("country") is None else _str(s["country"]),
        tablet_mass_mg=_opt_mg(s.get("tablet_mass_mg")),
        scale_resolution_mg=_opt_mg(s.get("scale_resolution_mg")),
        syringe_step_ml=_opt_mg(s.get("syringe_step_ml")),
    )
    regimen = Regimen(
        tuple(
            RegimenDose(_str(r["drug"]), _str(r["time"]), _mg(r["mg"]), _str(r.get("release", "")))
            for r in d["regimen"]["doses"]
        )
    )
    steps = tuple(
        Step(
            index=_int(st["index"], f"steps[{k}].index"),
            start=_date(st["start"], f"steps[{k}].start"),
            days=_int(st["days"], f"steps[{k}].days"),
            doses=tuple(
                StepDose(
                    _str(x["drug"]),
                    _str(x["time"]),
                    _mg(x["mg"]),
                    _str(x.get("units", "")),
                    _bool(x.get("makeable", True), f"steps[{k}].doses[{n}].makeable"),
                )
                for n, x in enumerate(st["doses"])
            ),
            diazepam_equivalent_mg=_mg(st["diazepam_equivalent_mg"]),
            hold=_bool(st.get("hold", False), f"steps[{k}].hold"),
            edited=_bool(st.get("edited", False), f"steps[{k}].edited"),
            note=_str(st.get("note", "")),
            history=_bool(st.get("history", False), f"steps[{k}].history"),
        )
        for k, st in enumerate(d["steps"])
    )
    warnings = tuple(
        PlanWarning(
            _str(w["code"]),
            WarningLevel(w["level"]),
            _str(w["message"]),
            _str(w["source"]),
            None if w.get("step_index") is None else _int(w["step_index"], "step_index"),
        )
        for w in d.get("warnings", [])
    )
    return Plan(regimen=regimen, settings=settings, steps=steps, warnings=warnings)


def _measuring_problem(
    settings: PlanSettings, countries: tuple[str, ...]
) -> tuple[str, str] | None:
    """The first bad product or measuring setting (path, why), or None."""
    if settings.country is not None and settings.country not in countries:
        return "settings.country", f"{settings.country!r} is not a country with products"
    for name in ("tablet_mass_mg", "scale_resolution_mg", "syringe_step_ml"):
        value = getattr(settings, name)
        if value is not None and value <= 0:
            return f"settings.{name}", "must be more than 0"
    return None


def check_plan(plan: Plan, where: str) -> None:
    """Refuse a plan no taper could have made, naming the first bad entry under ``where``.

    The printed plan shows whatever the plan holds, so an import must not let in a
    negative dose, a step of no days, steps out of order or with gaps, or a drug the
    app does not know.
    """
    catalog = load_catalog()
    known = catalog.drugs
    products = {f.id: f.drug for d in known.values() for f in d.modified_release}
    try:
        valid.check_plan(plan, known, where)
        catalog.table(plan.settings.table)
    except BenzoAppError as error:
        raise _NamedEntryError(str(error) if where in str(error) else f"{where}: {error}") from None

    def refuse(path: str, why: str) -> NoReturn:
        raise _NamedEntryError(f"{where}.{path}: {why}")

    def check_drug(path: str, drug: str) -> None:
        if drug not in known:
            refuse(path, f"{drug!r} is not a benzodiazepine or Z-drug BenzoApp knows")

    def check_product(path: str, product: str, drug: str | None) -> None:
        if product not in products or (drug is not None and products[product] != drug):
            refuse(path, f"{product!r} is not a modified-release product of {drug or 'a drug'}")

    for i, dose in enumerate(plan.regimen.doses):
        check_drug(f"regimen.doses[{i}].drug", dose.drug)
        if dose.release:
            check_product(f"regimen.doses[{i}].release", dose.release, dose.drug)
        if dose.mg < 0:
            refuse(f"regimen.doses[{i}].mg", "a dose cannot be below zero")
    if plan.settings.crossover_to is not None:
        check_drug("settings.crossover_to", plan.settings.crossover_to)
    for i, product in enumerate(plan.settings.modified_release):
        check_product(f"settings.modified_release[{i}]", product, None)
    problem = _measuring_problem(plan.settings, catalog.countries())
    if problem is not None:
        refuse(*problem)
    _check_steps(plan.steps, refuse, check_drug)


PlanRecord = tuple[str, bool, str, list[tuple[int, str, str, Plan]]]


def _check_steps(
    steps: Sequence[Step],
    refuse: Callable[[str, str], NoReturn],
    check_drug: Callable[[str, str], None],
) -> None:
    """The steps of an imported plan: day after day, known drugs, no amount below zero."""
    previous: Step | None = None
    for k, step in enumerate(steps):
        if step.days < 1:
            refuse(f"steps[{k}].days", f"a step must last at least one day, not {step.days}")
        if previous is not None and step.start != previous.end + dt.timedelta(days=1):
            order = "overlaps" if step.start <= previous.end else "leaves a gap after"
            refuse(
                f"steps[{k}].start",
                f"steps must follow each other day by day; {step.start.isoformat()} "
                f"{order} the step before (it ends {previous.end.isoformat()})",
            )
        for n, step_dose in enumerate(step.doses):
            check_drug(f"steps[{k}].doses[{n}].drug", step_dose.drug)
            if step_dose.mg < 0:
                refuse(f"steps[{k}].doses[{n}].mg", "a dose cannot be below zero")
        if step.diazepam_equivalent_mg < 0:
            refuse(f"steps[{k}].diazepam_equivalent_mg", "an amount cannot be below zero")
        previous = step


def _plan_version(v: Mapping[str, Any], where: str) -> tuple[int, str, str, Plan]:
    plan = plan_from_plain(v["plan"])
    check_plan(plan, f"{where}.plan")
    return _int(v["number"], "number"), _str(v["created_at"]), _str(v.get("note", "")), plan


def _plan_record(d: Mapping[str, Any], where: str) -> PlanRecord:
    versions = [
        _decode(v, path, partial(_plan_version, where=path))
        for path, v in ((f"{where}.versions[{j}]", v) for j, v in enumerate(d["versions"]))
    ]
    if not versions:
        raise InputError("a plan needs at least one version")
    numbers = [v[0] for v in versions]
    valid.refuse_duplicates(numbers, "version number", f"{where}.versions")
    if any(n < 1 for n in numbers):
        raise InputError("version numbers start at 1")
    name = valid.check_text(d["name"], "name", valid.NAME_MAX)
    created = valid.check_text(d["created_at"], "created_at", valid.NAME_MAX)
    return name, _bool(d.get("active", False), "active"), created, versions
