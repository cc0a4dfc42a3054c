"""``benzoapp check QUERY [QUERY ...] [--regimen TEXT | --saved] [--json]``.

What the source documents say about each query. With ``--regimen`` (the taper regimen,
as ``plan`` takes it) or ``--saved`` (the data folder's active plan and medications), the
queries are checked beside the plan as one list: the plan's own drug under any name is
answered as the taper drug, and the list's regimen flags are printed too. One bad query
never stops the others: it gets its own entry saying what was wrong.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benzoapp.core.cautions import CheckResult, Reason, RegimenCheck, RegimenFlag


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check",
        help="what the source documents say about a medicine, supplement, product or therapy",
        description=(
            "Check medicines, supplements, products or therapies against what the three "
            "source documents say during a benzodiazepine taper. Anything unknown is "
            "'not covered': ask your prescriber or pharmacist. With --regimen or --saved "
            "the queries are checked beside the taper, with the list's regimen flags."
        ),
    )
    parser.add_argument("queries", nargs="*", metavar="QUERY", help="a name or short phrase")
    beside = parser.add_mutually_exclusive_group()
    beside.add_argument(
        "--regimen",
        metavar="TEXT",
        help='the taper regimen, e.g. "clonazepam 1mg 22:00" (as for plan --regimen)',
    )
    beside.add_argument(
        "--saved",
        action="store_true",
        help="check the data folder's active plan and recorded medications (and any QUERY)",
    )
    parser.add_argument(
        "--crossover-to", metavar="DRUG", help="with --regimen: the drug the plan crosses to"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handle)


def reason_to_dict(reason: Reason) -> dict[str, Any]:
    """One cited statement; ``section_id`` opens the cited section in the reader."""
    return {
        "text": reason.text,
        "source": reason.source,
        "section": reason.section,
        "section_id": reason.section_id,
        "outside": reason.outside,
        "about": reason.about,
    }


def result_to_dict(result: CheckResult) -> dict[str, Any]:
    """The JSON shape of one result (kept stable for scripts and the contract check)."""
    match = result.match
    note = result.prescriber_note
    return {
        "query": result.query,
        "level": result.level.value,
        "match": None
        if match is None
        else {"name": match.name, "how": match.how, "score": match.score, "generic": match.generic},
        "ingredients": [
            {"name": i.name, "level": i.level.value, "reading": i.reading}
            for i in result.ingredients
        ],
        "reasons": [reason_to_dict(r) for r in result.reasons],
        "alternatives": [reason_to_dict(r) for r in result.alternatives],
        "prescriber_note": None if note is None else reason_to_dict(note),
        "taper_drug": result.taper_drug or None,
        "suggestions": [
            {
                "name": s.name,
                "generic": s.generic,
                "what": s.what,
                "label": s.label,
                "score": s.score,
            }
            for s in result.suggestions
        ],
        "notes": list(result.notes),
        "flags": list(result.flags),
    }


def error_to_dict(query: str, message: str) -> dict[str, Any]:
    """A query that could not be checked: the usual keys, not covered, and the error."""
    return {
        "query": query,
        "level": "not_covered",
        "match": None,
        "ingredients": [],
        "reasons": [],
        "alternatives": [],
        "prescriber_note": None,
        "taper_drug": None,
        "suggestions": [],
        "notes": [message],
        "flags": [],
        "error": message,
    }


def flag_to_dict(flag: RegimenFlag) -> dict[str, Any]:
    """One regimen flag as JSON."""
    return {
        "code": flag.code,
        "level": flag.level.value,
        "items": list(flag.items),
        "message": flag.message,
        "source": flag.source,
    }


def format_result(result: CheckResult) -> str:
    """Plain text for one result: the level as a word, what matched and why."""
    from benzoapp.core.cautions import HOW_WORDS, LEVEL_WORDS

    lines = [f"{result.query}: {LEVEL_WORDS[result.level].upper()}"]
    match = result.match
    if match is not None:
        how = HOW_WORDS.get(match.how, match.how)
        lines.append(f"  you typed '{result.query}', matched '{match.name}' ({how})")
        if match.generic and match.generic != match.name:
            lines.append(f"  which is: {match.generic}")
    if result.taper_drug:
        lines.append(f"  this is your taper drug ({result.taper_drug})")
    for ingredient in result.ingredients:
        reading = f"[{ingredient.reading}] " if ingredient.reading else ""
        lines.append(f"  - {reading}{ingredient.name}: {LEVEL_WORDS[ingredient.level].upper()}")
    for reason in result.reasons:
        about = f"{reason.about}: " if reason.about else ""
        lines.append(f"  * {about}{reason.text}")
        lines.append(f"    ({reason.source_label})")
    for alternative in result.alternatives:
        lines.append(f"  > {alternative.text}")
        lines.append(f"    ({alternative.source_label})")
    if result.prescriber_note is not None:
        lines.append(f"  ! {result.prescriber_note.text}")
        lines.append(f"    ({result.prescriber_note.source_label})")
    if result.suggestions:
        # Each with what it is, so a look-alike cannot pass for what was meant; nothing
        # is checked in its place: the person checks it by name if it is what they meant.
        lines.append("  did you mean (not checked; check it by name if so):")
        lines.extend(f"    - {suggestion.label}" for suggestion in result.suggestions)
    lines.extend(f"  note: {note}" for note in result.notes)
    lines.extend(f"  regimen: {flag}" for flag in result.flags)
    return "\n".join(lines)


def format_flag(flag: RegimenFlag) -> str:
    """Plain text for one regimen flag."""
    from benzoapp.core.cautions import LEVEL_WORDS

    return (
        f"{LEVEL_WORDS[flag.level].upper()} [{flag.code}] {', '.join(flag.items)}\n"
        f"  {flag.message}\n  ({flag.source})"
    )


def handle(args: argparse.Namespace) -> int:
    """Check every query (beside the plan when asked); one bad query never stops the rest."""
    from benzoapp.cli.output import print_json
    from benzoapp.core.cautions import Checker, load_knowledge_base
    from benzoapp.core.errors import InputError

    if not args.queries and not args.saved:
        raise InputError("Name at least one thing to check, or use --saved.")
    if args.crossover_to and not args.regimen:
        raise InputError("--crossover-to goes with --regimen.")
    checker = Checker(load_knowledge_base())
    if args.regimen or args.saved:
        return _handle_regimen(args, checker)
    entries: list[dict[str, Any]] = []
    texts: list[str] = []
    bad = 0
    for position, query in enumerate(args.queries, start=1):
        try:
            result = checker.check(query)
        except InputError as error:
            bad += 1
            print(f"benzoapp check: query {position} ({query!r}): {error}", file=sys.stderr)
            entries.append(error_to_dict(query, str(error)))
            texts.append(f"{query!r}: NOT CHECKED\n  error: {error}")
            continue
        entries.append(result_to_dict(result))
        texts.append(format_result(result))
    if args.json:
        print_json(entries)
    else:
        print("\n\n".join(texts))
    return 2 if bad else 0


def _handle_regimen(args: argparse.Namespace, checker: Any) -> int:
    """``--regimen`` / ``--saved``: the list checked beside the plan, with its flags."""
    from benzoapp.cli.output import print_json

    taper, medications = _taper_and_medications(args)
    check: RegimenCheck = _check_list(checker, taper, medications)
    if args.json:
        print_json(
            {
                "taper_drugs": list(taper),
                "results": [result_to_dict(r) for r in check.results],
                "regimen_flags": [flag_to_dict(f) for f in check.flags],
            }
        )
    else:
        head = f"Taper: {', '.join(taper)}" if taper else "No taper plan."
        flags = [format_flag(f) for f in check.flags] or ["No regimen flags."]
        print("\n\n".join([head, *flags, *(format_result(r) for r in check.results)]))
    return 0


def _check_list(checker: Any, taper: tuple[str, ...], medications: list[Any]) -> RegimenCheck:
    from benzoapp.core.cautions import check_regimen

    return check_regimen(checker, taper, medications)


def _taper_and_medications(args: argparse.Namespace) -> tuple[tuple[str, ...], list[Any]]:
    """The plan's drugs and the list to check: from --regimen and the queries, or from the
    data folder (its active plan and medications) and the queries."""
    from benzoapp.core.cautions import plan_drug_names
    from benzoapp.core.model import Medication

    extra = [Medication(q) for q in args.queries]
    if args.saved:
        from benzoapp.cli.store_access import open_for_command

        with open_for_command(args, must_exist=True) as store:
            active = store.plans.active()
            saved = [m for _, m in store.medications.list()]
        return plan_drug_names(active[1] if active else None), [*saved, *extra]
    from benzoapp.core.dose_parse import parse_regimen
    from benzoapp.core.drugs import load_catalog

    catalog = load_catalog()
    taper = list(dict.fromkeys(parse_regimen(args.regimen, catalog).drugs))
    if args.crossover_to:
        target = catalog.get(args.crossover_to).id
        if target not in taper:
            taper.append(target)
    return tuple(taper), extra
