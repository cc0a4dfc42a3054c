"""``benzoapp check QUERY [QUERY ...] [--json]``: what the source documents say about each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benzoapp.core.cautions import CheckResult


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check",
        help="what the source documents say about a medicine, supplement, product or therapy",
        description=(
            "Check medicines, supplements, products or therapies against what the three "
            "source documents say during a benzodiazepine taper. Anything unknown is "
            "'not covered': ask your prescriber or pharmacist."
        ),
    )
    parser.add_argument("queries", nargs="+", metavar="QUERY", help="a name or short phrase")
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object each")
    parser.set_defaults(handler=handle)


def result_to_dict(result: CheckResult) -> dict[str, Any]:
    """The JSON shape of one result (kept stable for scripts and the contract check)."""
    match = result.match
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
        "reasons": [
            {
                "text": r.text,
                "source": r.source,
                "section": r.section,
                "outside": r.outside,
                "about": r.about,
            }
            for r in result.reasons
        ],
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
    }


def format_result(result: CheckResult) -> str:
    """Plain text for one result: the level as a word, what matched and why."""
    from benzoapp.core.cautions import HOW_WORDS, LEVEL_WORDS

    lines = [f"{result.query}: {LEVEL_WORDS[result.level].upper()}"]
    match = result.match
    if match is not None:
        how = HOW_WORDS.get(match.how, match.how)
        score = f", {match.score:.0f}% alike" if match.how == "fuzzy" else ""
        lines.append(f"  you typed '{result.query}', matched '{match.name}' ({how}{score})")
        if match.generic and match.generic != match.name:
            lines.append(f"  which is: {match.generic}")
    for ingredient in result.ingredients:
        reading = f"[{ingredient.reading}] " if ingredient.reading else ""
        lines.append(f"  - {reading}{ingredient.name}: {LEVEL_WORDS[ingredient.level].upper()}")
    for reason in result.reasons:
        about = f"{reason.about}: " if reason.about else ""
        lines.append(f"  * {about}{reason.text}")
        lines.append(f"    ({reason.source_label})")
    if result.suggestions:
        # Each with what it is, so a look-alike cannot pass for what was meant; nothing
        # is checked in its place: the person checks it by name if it is what they meant.
        lines.append("  did you mean (not checked; check it by name if so):")
        lines.extend(f"    - {suggestion.label}" for suggestion in result.suggestions)
    lines.extend(f"  note: {note}" for note in result.notes)
    return "\n".join(lines)


def handle(args: argparse.Namespace) -> int:
    """Check every query; JSON or plain text."""
    from benzoapp.cli.output import print_json
    from benzoapp.core.cautions import Checker, load_knowledge_base

    checker = Checker(load_knowledge_base())
    results = [checker.check(query) for query in args.queries]
    if args.json:
        print_json([result_to_dict(r) for r in results])
    else:
        print("\n\n".join(format_result(r) for r in results))
    return 0
