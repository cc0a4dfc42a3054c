"""``benzoapp export FILE``: all saved data as one versioned JSON file."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="save all your data to a JSON file",
        description="Write everything saved (profile, medicines, plans with their history, "
        "dose log, journal) to FILE as versioned JSON, for safe keeping or another machine.",
    )
    parser.add_argument("file", metavar="FILE", help="where to write the export")
    parser.add_argument("--json", action="store_true", help="print a summary as JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.cli.store_access import checked_output, open_for_command
    from benzoapp.store.transfer import export_to_file

    target = checked_output(args, args.file)  # never the data, a backup or a folder
    with open_for_command(args, must_exist=True) as store:
        data = export_to_file(store, target)
    summary = {
        "file": str(target),
        "format_version": data["format_version"],
        "plans": len(data["plans"]),
        "medications": len(data["medications"]),
        "dose_log": len(data["dose_log"]),
        "journal_days": len(data["journal"]),
    }
    if args.json:
        print_json(summary)
    else:
        print(
            f"Exported {summary['plans']} plans, {summary['medications']} medicines and "
            f"supplements, {summary['dose_log']} logged doses and {summary['journal_days']} "
            f"journal days to {target}."
        )
    return 0
