"""``benzoapp demo``: fill an empty data folder with a year of made-up sample data."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="fill an empty data folder with sample data for trying the app",
        description="Fill an EMPTY data folder with a made-up year: a clonazepam-to-diazepam "
        "plan part-way through, a dose log, a symptom journal, a few supplements. Refuses a "
        "folder that holds data. Use with --data-dir to keep your own data apart.",
    )
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.cli.store_access import open_for_command
    from benzoapp.core.errors import InputError
    from benzoapp.store.demo import fill_demo_all_or_nothing

    with open_for_command(args, writes="fill the folder with sample data") as store:
        if not store.is_empty():
            raise InputError(
                f"The data folder {store.data_dir} already holds data; the demo only fills "
                "an empty folder. Try: benzoapp --data-dir SOME_NEW_FOLDER demo"
            )
        counts = fill_demo_all_or_nothing(store)
        folder = store.data_dir
    if args.json:
        print_json({"data_dir": str(folder), **counts})
    else:
        print(
            f"Sample data written to {folder}: a plan of {counts['plan_steps']} steps, "
            f"{counts['dose_log']} logged doses, {counts['journal_days']} journal days, "
            f"{counts['medications']} medicines, supplements and therapies."
        )
    return 0
