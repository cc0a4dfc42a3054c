"""``benzoapp plan``: a taper plan from a regimen, printed as a table or as JSON.

``plan_from_args`` is the reusable part: other commands (and later export flags) build
the same Plan from the same arguments.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from benzoapp.cli.plan_exports import add_export_arguments, write_exports

if TYPE_CHECKING:
    from benzoapp.core.model import Plan, Profile


def add_plan_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments that describe a plan, shared by every command that builds one."""
    parser.add_argument(
        "--regimen",
        required=True,
        metavar="TEXT",
        help='e.g. "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00" or '
        '"clonazepam 0.5 mg morning and 1 mg at night"',
    )
    parser.add_argument(
        "--confirm-dose",
        action="store_true",
        help="plan a dose above the plausible limit, or one that reads like a mg/mcg slip",
    )
    parser.add_argument("--method", choices=("percent", "hyperbolic", "linear"), default="percent")
    parser.add_argument(
        "--rate",
        default="10",
        metavar="PERCENT",
        help="percent: of the current dose; linear and hyperbolic: first cut as a percent "
        "of the starting dose (default 10)",
    )
    parser.add_argument("--every", type=int, default=14, metavar="DAYS", help="default 14")
    parser.add_argument("--crossover", metavar="DRUG", help="switch to this drug first")
    parser.add_argument(
        "--crossover-stage",
        metavar="MG",
        help="most mg (diazepam equivalent) switched per stage (default: a whole dose time)",
    )
    parser.add_argument(
        "--crossover-max-dose",
        metavar="MG",
        help="most mg of the crossover drug at one dose time (default: no cap per dose)",
    )
    parser.add_argument(
        "--crossover-max-daily",
        metavar="MG",
        help="most mg of the crossover drug a day (default: its usual daily maximum); "
        "what does not fit is reduced before it is substituted",
    )
    parser.add_argument(
        "--no-crossover-caps",
        action="store_true",
        help="substitute the full equivalent, however high",
    )
    parser.add_argument(
        "--keep-dose-times",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="a short-acting drug taken several times a day keeps every dose time, cuts "
        "spread over them (default); --no-keep-dose-times cuts one time at a time",
    )
    parser.add_argument("--form", choices=("tablet", "liquid", "weighed"), default="tablet")
    parser.add_argument("--liquid-mg-per-ml", metavar="MG", help="strength of the liquid")
    parser.add_argument(
        "--tablet",
        action="append",
        default=[],
        metavar="DRUG:MG[:SPLIT]",
        help="a strength you have (repeatable); SPLIT 1, 2 or 4 (default 1)",
    )
    parser.add_argument(
        "--modified-release",
        action="append",
        default=[],
        metavar="PRODUCT",
        help='a drug taken as its modified-release product, e.g. "Xanax XR" or "zolpidem CR" '
        "(repeatable; planned in whole tablets only). Naming it in --regimen does the same",
    )
    parser.add_argument(
        "--country",
        metavar="CODE",
        help="plan with the products sold there, e.g. US, GB (or UK), CA, AU, SE "
        "(default: the country chosen in Preferences, else the common strengths)",
    )
    parser.add_argument(
        "--tablet-mass", metavar="MG", help="weighed form: weight of one tablet (default 100)"
    )
    parser.add_argument(
        "--scale-resolution",
        metavar="MG",
        help="weighed form: the scale's smallest division in mg (default 1, a 0.001 g scale)",
    )
    parser.add_argument(
        "--syringe-ml", metavar="ML", help="liquid form: the syringe's graduation (default 0.1)"
    )
    parser.add_argument("--micro", action="store_true", help="daily cuts at the same rate")
    parser.add_argument("--final-dose", metavar="MG", help="stop after a period at this dose")
    parser.add_argument("--table", default="ashton", metavar="NAME", help="equivalence table")
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default today)")
    parser.add_argument(
        "--prior-withdrawals",
        type=int,
        default=0,
        metavar="N",
        help="earlier withdrawals that were hard (kindling note, pace suggestion)",
    )
    parser.add_argument(
        "--age", type=int, metavar="YEARS", help="for the pace suggestions (65 and over)"
    )
    parser.add_argument(
        "--years-of-use",
        metavar="YEARS",
        help="how long you have taken it, for the pace suggestions",
    )


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="a taper plan from what you take now",
        description="Plan a taper to zero. BenzoApp informs; your prescriber decides.",
    )
    add_plan_arguments(parser)
    add_export_arguments(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=handle)


def _decimal(text: str, what: str) -> Any:
    from decimal import Decimal, InvalidOperation

    from benzoapp.core.dose_parse import refuse_ambiguous_comma
    from benzoapp.core.errors import InputError

    refuse_ambiguous_comma(f"{what} {text}", text.strip(), "")
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation as error:
        raise InputError(f"{what} must be a number, not '{text}'.") from error
    if not value.is_finite() or value <= 0:
        raise InputError(f"{what} must be more than 0.")
    return value


def _tablet(text: str, catalog: Any) -> Any:
    from benzoapp.core.dose_parse import parse_dose
    from benzoapp.core.errors import InputError
    from benzoapp.core.model import TabletStrength

    parts = text.split(":")
    if len(parts) not in (2, 3):
        raise InputError(f"--tablet '{text}': write it as DRUG:MG or DRUG:MG:SPLIT.")
    strength = parts[1] if parts[1].strip()[-1:].isalpha() else f"{parts[1]} mg"
    split = parts[2] if len(parts) == 3 else "1"
    if split not in ("1", "2", "4"):
        raise InputError(f"--tablet '{text}': SPLIT must be 1, 2 or 4.")
    return TabletStrength(catalog.get(parts[0]).id, parse_dose(strength), int(split))


def _country(args: argparse.Namespace, catalog: Any) -> str | None:
    """``--country``, else the country chosen once in the window's preferences."""
    if args.country:
        return str(catalog.country(args.country))
    from benzoapp.paths import resolve_data_dir
    from benzoapp.store.settings import country_setting

    return country_setting(resolve_data_dir(getattr(args, "data_dir", None)), catalog.countries())


def _release(text: str, catalog: Any) -> str:
    from benzoapp.core.errors import InputError

    form = catalog.release_of(text)
    if form is None:
        known = ", ".join(
            f'"{f.brands[0] if f.brands else f.label}"'
            for d in catalog.drugs.values()
            for f in d.modified_release
        )
        raise InputError(
            f"--modified-release '{text}' is not a modified-release product BenzoApp knows "
            f"(known: {known})."
        )
    return str(form.id)


def plan_from_args(args: argparse.Namespace) -> Plan:
    """Build the Plan the arguments describe (raises InputError on anything unclear)."""
    import datetime as dt

    from benzoapp.core.dose_parse import parse_regimen
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.errors import DoseConfirmationError, InputError
    from benzoapp.core.model import Form, Method, PlanSettings
    from benzoapp.core.taper import build_plan

    catalog = load_catalog()
    try:
        start = dt.date.fromisoformat(args.start) if args.start else dt.date.today()
    except ValueError as error:
        raise InputError(f"--start '{args.start}' is not a date like 2030-01-07.") from error
    if args.every < 1:
        raise InputError("--every must be at least 1 day.")
    if args.prior_withdrawals < 0:
        raise InputError("--prior-withdrawals cannot be negative.")
    catalog.table(args.table)
    settings = PlanSettings(
        method=Method(args.method),
        rate_percent=_decimal(args.rate, "--rate"),
        every_days=args.every,
        form=Form(args.form),
        start=start,
        crossover_to=catalog.get(args.crossover).id if args.crossover else None,
        crossover_stage_de_mg=(
            _decimal(args.crossover_stage, "--crossover-stage") if args.crossover_stage else None
        ),
        table=args.table,
        liquid_mg_per_ml=(
            _decimal(args.liquid_mg_per_ml, "--liquid-mg-per-ml") if args.liquid_mg_per_ml else None
        ),
        tablets=tuple(_tablet(t, catalog) for t in args.tablet),
        micro=args.micro,
        modified_release=tuple(sorted({_release(m, catalog) for m in args.modified_release})),
        final_dose_mg=_decimal(args.final_dose, "--final-dose") if args.final_dose else None,
        crossover_max_dose_mg=(
            _decimal(args.crossover_max_dose, "--crossover-max-dose")
            if args.crossover_max_dose
            else None
        ),
        crossover_max_daily_mg=(
            _decimal(args.crossover_max_daily, "--crossover-max-daily")
            if args.crossover_max_daily
            else None
        ),
        crossover_caps=not args.no_crossover_caps,
        keep_dose_times=args.keep_dose_times,
        country=_country(args, catalog),
        tablet_mass_mg=_decimal(args.tablet_mass, "--tablet-mass") if args.tablet_mass else None,
        scale_resolution_mg=(
            _decimal(args.scale_resolution, "--scale-resolution") if args.scale_resolution else None
        ),
        syringe_step_ml=_decimal(args.syringe_ml, "--syringe-ml") if args.syringe_ml else None,
    )
    from benzoapp.core.validation import check_settings

    check_settings(settings, catalog.drugs, "--")  # the shared bounds: rate, period, dates
    try:
        regimen = parse_regimen(args.regimen, catalog, confirmed=args.confirm_dose)
    except DoseConfirmationError as error:
        raise DoseConfirmationError(
            f"{error} Add --confirm-dose to plan it as written.", error.concerns
        ) from error
    taken = {catalog.get(dose.drug).id for dose in regimen.doses}
    for form_id in settings.modified_release:
        form = catalog.release_form(form_id)
        if form.drug not in taken:
            raise InputError(
                f"--modified-release names {form.label}, but the regimen has no {form.drug}."
            )
    return build_plan(regimen, settings, catalog, profile_from_args(args, start))


def profile_from_args(args: argparse.Namespace, start: Any) -> Profile:
    """The parts of the profile the plan arguments give (kindling note, pace suggestions)."""
    import datetime as dt

    from benzoapp.core.errors import InputError
    from benzoapp.core.model import Profile

    if args.age is not None and not 0 < args.age < 130:
        raise InputError("--age must be a number of years between 1 and 129.")
    benzo_start = None
    if args.years_of_use:
        years = _decimal(args.years_of_use, "--years-of-use")
        if years > 100:
            raise InputError("--years-of-use must be at most 100 years.")
        benzo_start = start - dt.timedelta(days=int(years * 365))
    return Profile(
        prior_withdrawals=args.prior_withdrawals,
        birth_year=None if args.age is None else start.year - args.age,
        benzo_start=benzo_start,
    )


def plan_json(plan: Plan, profile: Profile | None = None) -> dict[str, Any]:
    """The plan as the documented JSON shape (steps, warnings, table, pill counts)."""
    from benzoapp.cli.output import to_jsonable
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.taper import pill_counts
    from benzoapp.core.taper.alternatives import alternatives, plan_figures
    from benzoapp.core.taper.equivalents import plan_missing_equivalents
    from benzoapp.core.taper.pace import pace_suggestions
    from benzoapp.report.text import amounts_by_drug as by_drug

    catalog = load_catalog()
    table = catalog.table(plan.settings.table)
    # A drug the table has no figure for: no diazepam equivalent is shown (null), never
    # the drug's own mg under that name.
    missing = plan_missing_equivalents(plan, catalog)
    return {
        "table": table.id,
        "table_name": table.name,
        "no_equivalent": list(missing),
        "settings": to_jsonable(plan.settings),
        "steps": [
            {
                "index": s.index,
                "step": number,  # counted from 1, as the window, PDF, CSV and calendar show
                "start": s.start,
                "end": s.end,
                "days": s.days,
                "doses": [
                    {
                        "drug": d.drug,
                        "time": d.time,
                        "mg": d.mg,
                        "units": d.units,
                        "makeable": d.makeable,
                    }
                    for d in s.doses
                ],
                # mg of different drugs do not add up: null when a step has several,
                # each drug's own amount is in mg_by_drug
                "total_mg": s.total_mg if len(by_drug(s)) <= 1 else None,
                "mg_by_drug": by_drug(s),
                "diazepam_equivalent_mg": None if missing else s.diazepam_equivalent_mg,
                "hold": s.hold,
                "edited": s.edited,
                "history": s.history,
                "note": s.note,
            }
            for number, s in enumerate(plan.steps, start=1)
        ],
        "warnings": plan.warnings,
        "pill_counts": pill_counts(plan),
        "crossover_caps": _caps(plan, catalog),
        "figures": plan_figures(plan),
        "alternatives": [alternative_json(a) for a in alternatives(plan, catalog)],
        "pace_suggestions": [
            {"code": p.code, "reason": p.reason, "settings": p.changes, "source": p.source}
            for p in pace_suggestions(plan, profile)
        ],
    }


def alternative_json(alternative: Any) -> dict[str, Any]:
    """One gentler option as the documented JSON shape (``settings``: only what changes)."""
    return {
        "what": alternative.what,
        "settings": alternative.changes,
        "largest_cut_pct": alternative.figures.largest_cut_pct,
        "longest_forced_hold_days": alternative.figures.longest_forced_hold_days,
        "days": alternative.figures.days,
        "source": alternative.source,
    }


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.core.decimals import fmt
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.levels import level_word
    from benzoapp.core.taper.engine import overlap_steps
    from benzoapp.core.taper.equivalents import plan_missing_equivalents
    from benzoapp.report.text import step_number

    plan = plan_from_args(args)
    profile = profile_from_args(args, plan.settings.start)
    written = write_exports(args, plan, profile=profile)
    if args.json:
        print_json(plan_json(plan, profile))
        for path in written:  # stdout stays pure JSON
            print(f"saved {path}", file=sys.stderr)
        return 0
    catalog = load_catalog()
    table = catalog.table(plan.settings.table)
    missing = plan_missing_equivalents(plan, catalog)
    overlap = set(overlap_steps(plan))
    if missing:
        print(
            f"Equivalence table: {table.name}: no diazepam-equivalent figure for "
            f"{', '.join(missing)} (the plan is in its own mg)"
        )
    else:
        print(f"Equivalence table: {table.name} (approximate)")
    caps = _caps(plan, catalog)
    if caps is not None:
        per_dose, daily = caps["per_dose_mg"], caps["daily_mg"]
        print(
            f"Crossover caps ({plan.settings.crossover_to}): "
            f"{'none' if daily is None else fmt(daily) + ' mg'} a day, "
            f"{'none' if per_dose is None else fmt(per_dose) + ' mg'} per dose time "
            "(--crossover-max-daily, --crossover-max-dose)"
        )
    print(f"{'step':>4}  {'from':10}  {'days':>4}  {'diazepam eq.':>12}  doses")
    for number, s in enumerate(plan.steps, start=1):
        doses = "; ".join(
            f"{d.time} {d.drug} {fmt(d.mg)} mg ({d.units or 'cannot be made'})" for d in s.doses
        )
        flag = " [hold]" if s.hold else ""
        if s.index in overlap:
            flag += " [reducing while switching]"
        days = str(s.days)
        if plan.is_stop(s):
            days, doses = "–", "none from here on"
        print(
            f"{number:>4}  {s.start.isoformat():10}  {days:>4}  "
            f"{'n/a' if missing else fmt(s.diazepam_equivalent_mg) + ' mg':>12}  {doses}{flag}"
        )
    for w in plan.warnings:
        at = step_number(plan, w.step_index) if w.step_index is not None else None
        where = f" (step {at})" if at is not None else ""
        print(f"{level_word(w.level.value)}{where}: {w.message} Source: {w.source}")
    _print_alternatives(plan, catalog)
    _print_pace(plan, profile)
    for path in written:
        print(f"Saved {path}")
    print("BenzoApp informs; your prescriber decides.")
    return 0


def _print_alternatives(plan: Plan, catalog: Any) -> None:
    """The gentler options under the plan, each with the plan's own figures beside it."""
    from benzoapp.core.decimals import fmt
    from benzoapp.core.taper.alternatives import alternatives, plan_figures

    found = alternatives(plan, catalog)
    if not found:
        return
    own = plan_figures(plan)
    print(
        f"Alternatives to discuss with your prescriber (this plan: largest cut "
        f"{fmt(own.largest_cut_pct)}%, longest forced hold {own.longest_forced_hold_days} "
        f"days, {own.days} days):"
    )
    for number, alt in enumerate(found, 1):
        fig = alt.figures
        print(
            f"  {number}. {alt.what}: largest cut {fmt(fig.largest_cut_pct)}%, longest "
            f"forced hold {fig.longest_forced_hold_days} days, {fig.days} days. "
            f"Source: {alt.source}"
        )


def _print_pace(plan: Plan, profile: Profile) -> None:
    """Slower paces the profile calls for: offered with reasons, the plan is unchanged."""
    from benzoapp.core.decimals import fmt
    from benzoapp.core.taper.pace import pace_suggestions

    found = pace_suggestions(plan, profile)
    if not found:
        return
    print("Pace suggestions (offered, not applied; the plan above keeps your pace):")
    for suggestion in found:
        print(
            f"  - {fmt(suggestion.rate_percent)}% every {suggestion.every_days} days: "
            f"{suggestion.reason} Source: {suggestion.source}"
        )


def _caps(plan: Plan, catalog: Any) -> dict[str, Any] | None:
    """The caps a crossover keeps, as used (the person's or the usual maximum); None
    without a crossover."""
    from benzoapp.core.taper.limits import crossover_caps

    target = plan.settings.crossover_to
    if target is None:
        return None
    caps = crossover_caps(catalog.get(target).id, plan.settings, catalog)
    return {"per_dose_mg": caps.per_dose_mg, "daily_mg": caps.daily_mg}
