"""``benzoapp journal``: analyse a symptom journal, or list the symptoms it follows."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benzoapp.core.errors import InputError

if TYPE_CHECKING:
    from benzoapp.core.journal import JournalSummary
    from benzoapp.core.model import JournalDay, Plan

ANSWERS = {"yes": True, "no": False}
QUESTION_FLAGS: tuple[tuple[str, str, str], ...] = (
    (
        "--well-before",
        "well_before_exposure",
        "before the first benzodiazepine, were you free of ME/CFS or an illness like it?",
    ),
    ("--trigger", "classical_trigger", "did it start after e.g. a viral illness?"),
    ("--onset-in-taper", "onset_during_or_after_taper", "did it begin during or after a taper?"),
    ("--pem", "post_exertional_malaise", "does effort bring on worsening 1-3 days later?"),
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``journal analyse`` and ``journal symptoms``."""
    parser = subparsers.add_parser(
        "journal",
        help="analyse a symptom journal: windows and waves, worsening after exertion",
        description="Analyse a symptom journal. The findings are prompts to discuss with "
        "your clinician, found by simple stated rules; they are not a diagnosis.",
    )
    actions = parser.add_subparsers(dest="journal_action", metavar="ACTION", required=True)
    analyse = actions.add_parser(
        "analyse",
        help="windows, waves, post-exertional worsening and framework notes for a journal",
        description="Without FILE, analyses the journal, active plan and profile saved in "
        'the data folder. FILE is a JSON list of days: {"day": "2025-03-01", "symptoms": '
        '{"fatigue": 6}, "exertion": {"physical": 4}, "notes": ""}.',
    )
    analyse.add_argument("file", metavar="FILE.json", type=Path, nargs="?")
    analyse.add_argument("--json", action="store_true", help="print the result as JSON")
    for flag, dest, text in QUESTION_FLAGS:
        analyse.add_argument(flag, dest=dest, choices=sorted(ANSWERS), help=text)
    analyse.set_defaults(handler=handle_analyse)
    symptoms = actions.add_parser("symptoms", help="list the symptom domains and symptoms")
    symptoms.add_argument("--json", action="store_true", help="print the list as JSON")
    symptoms.set_defaults(handler=handle_symptoms)


def _read_days(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError(f"{path} does not exist") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path} cannot be read: {error}") from error
    except json.JSONDecodeError as error:
        raise InputError(f"{path} is not valid JSON: {error}") from error


def handle_analyse(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.core.journal import (
        FrameworkAnswers,
        analyse_journal,
        days_from_json,
        summary_lines,
    )

    plan = None
    saved_answers: dict[str, bool | None] = {}
    if args.file is not None:
        days = days_from_json(_read_days(args.file))
    else:
        days, plan, saved_answers = _from_store(args)
    answers = FrameworkAnswers(
        **{
            dest: ANSWERS[getattr(args, dest)] if getattr(args, dest) else saved_answers.get(dest)
            for _, dest, _ in QUESTION_FLAGS
        }
    )
    summary = analyse_journal(days, plan=plan, profile=answers)
    if args.json:
        print_json(summary_to_json(summary))
    else:
        print("\n".join(summary_lines(summary)))
    return 0


def _from_store(args: argparse.Namespace) -> tuple[list[JournalDay], Plan | None, dict[str, Any]]:
    """The saved journal, the active plan and the profile's answers from the data folder."""
    from benzoapp.cli.store_access import open_for_command

    with open_for_command(args, must_exist=True) as store:
        days = list(store.journal.all())
        active = store.plans.active()
        profile = store.profile.get()
    answers = {dest: getattr(profile, dest, None) for _, dest, _ in QUESTION_FLAGS}
    return days, (active[1] if active else None), answers


def summary_to_json(summary: JournalSummary) -> dict[str, Any]:
    """The summary as JSON, with the figures that are computed properties spelt out."""
    from benzoapp.cli.output import to_jsonable

    pem = summary.pem
    data: dict[str, Any] = {
        "first_day": to_jsonable(summary.first_day),
        "last_day": to_jsonable(summary.last_day),
        "days_logged": summary.days_logged,
        "mean_load": None if summary.mean_load is None else round(summary.mean_load, 2),
        "episodes": [
            {**to_jsonable(e), "days": e.days, "description": e.describe()}
            for e in summary.episodes
        ],
        "post_exertional": {
            "pattern": pem.pattern.value,
            "exertion_events": len(pem.events),
            "assessed": pem.assessed,
            "occurrences": [
                {
                    "exertion_start": o.event.start.isoformat(),
                    "exertion_end": o.event.end.isoformat(),
                    "kinds": list(o.event.kinds),
                    "exertion_level": o.event.level,
                    "reference_load": round(o.reference_load, 2),
                    "flare_day": o.flare_day.isoformat(),
                    "flare_load": o.flare_load,
                    "delay_hours": o.delay_days * 24,
                }
                for o in pem.occurrences
            ],
            "rate": None if pem.rate is None else round(pem.rate, 3),
            "chance_rate": None if pem.chance_rate is None else round(pem.chance_rate, 3),
            "by_kind": to_jsonable(pem.by_kind),
            "description": pem.describe(),
            "source": "mecfs-overlap, “How ME/CFS Is Currently Defined”",
        },
        "hold": None,
        "framework": None,
    }
    if summary.hold:
        hold = summary.hold
        data["hold"] = {
            **to_jsonable(hold),
            "message": hold.message,
            "rise_percent": hold.rise_percent,
            "reasons": [
                {"text": r.text, "sources": [s.text for s in r.sources]} for r in hold.reasons
            ],
        }
    note = summary.framework
    if note:
        data["framework"] = {
            "position": note.position.id if note.position else None,
            "position_title": note.position.title if note.position else None,
            "why": note.why,
            "discuss": note.discuss,
            "open_questions": list(note.open_questions),
            "pem_note": note.pem_note,
            "mimics": [
                {
                    "name": m.mimic.name,
                    "resemblance": m.mimic.resemblance,
                    "shared_symptoms": list(m.shared_symptoms),
                }
                for m in note.mimics
            ],
            "mimics_note": note.mimics_note,
            "sources": [s.text for s in note.sources],
        }
    return data


def handle_symptoms(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.core.journal import load_catalogue

    catalogue = load_catalogue()
    if args.json:
        print_json(
            [
                {
                    "id": d.id,
                    "label": d.label,
                    "description": d.description,
                    "sources": [s.text for s in d.sources],
                    "symptoms": [
                        {"id": s.id, "label": s.label, "description": s.description}
                        for s in catalogue.in_domain(d.id)
                    ],
                }
                for d in catalogue.domains
            ]
        )
        return 0
    for domain in catalogue.domains:
        print(f"{domain.label}: {domain.description}")
        for symptom in catalogue.in_domain(domain.id):
            print(f"  {symptom.id:18} {symptom.label}: {symptom.description}")
        print(f"  source: {'; '.join(s.text for s in domain.sources)}")
    return 0
