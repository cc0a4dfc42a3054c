"""``benzoapp import FILE``: bring back data from an export (into an empty folder, or --replace)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="load data from a JSON export",
        description="Load an export made by 'benzoapp export'. The data folder must be empty, "
        "unless --replace is given: then the current data is backed up and replaced.",
    )
    parser.add_argument("file", metavar="FILE", help="the export to load")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace the data already in the folder (a backup is made first)",
    )
    parser.add_argument("--json", action="store_true", help="print a summary as JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.cli.store_access import open_for_command
    from benzoapp.core.errors import InputError
    from benzoapp.store.transfer import decode_export, import_data, read_export

    data = read_export(Path(args.file).expanduser())
    decode_export(data)  # every entry checked before anything is opened or backed up
    backup = None
    with open_for_command(args, writes="import the file") as store:
        if not store.is_empty():
            if not args.replace:
                raise InputError(
                    f"The data folder {store.data_dir} already holds data, so nothing was "
                    "imported. Use --replace to replace it (a backup is made first), or "
                    "choose an empty folder with --data-dir."
                )
            backup = store.backup_now("before-import", prune=False)
        summary = import_data(store, data, replace=args.replace)
        if backup is not None:  # only now: a refused import never deletes a backup
            store.prune_backups(made=backup)
    result = {**dataclasses.asdict(summary), "backup": str(backup) if backup else None}
    if args.json:
        print_json(result)
    else:
        print(
            f"Imported {summary.plans} plans ({summary.plan_versions} versions), "
            f"{summary.medications} medicines and supplements, {summary.dose_log} logged "
            f"doses and {summary.journal_days} journal days."
        )
        if backup:
            print(f"Your previous data was backed up to {backup}.")
    return 0
