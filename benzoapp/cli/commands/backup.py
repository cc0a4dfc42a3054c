"""``benzoapp backup``: make a backup now, list the backups, or restore one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="make, list or restore backups of your data",
        description="With no option, copy your data file into the backups folder now. "
        "Backups are also made automatically once a day and before every upgrade.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="list the backups, newest first")
    group.add_argument(
        "--restore",
        metavar="FILE",
        help="put this backup in place of your data (the current file is kept as a backup)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.cli.store_access import data_dir_of, open_for_command, refuse_unless_writable
    from benzoapp.store import StoreError, list_backups, restore_backup
    from benzoapp.store.backups import backups_dir_of

    folder = data_dir_of(args)
    if args.list:
        found = list_backups(backups_dir_of(folder))
        if args.json:
            print_json({"backups": [str(p) for p in found]})
        else:
            print("\n".join(str(p) for p in found) or "No backups yet.")
        return 0
    if args.restore:
        refuse_unless_writable(folder, "restore a backup")
        try:
            kept = restore_backup(folder, Path(args.restore).expanduser().resolve())
        except StoreError as error:
            raise type(error)(f"{error.plain_message}", error.backups) from error
        open_for_command(args).close()  # brings an older backup up to this version's schema
        if args.json:
            print_json({"restored": args.restore, "previous_kept_as": str(kept) if kept else None})
        else:
            print(f"Restored {args.restore}.")
            if kept:
                print(f"Your previous data file was kept as {kept}.")
        return 0
    with open_for_command(args, must_exist=True, writes="make a backup") as store:
        made = store.backup_now("manual")
    if args.json:
        print_json({"backup": str(made)})
    else:
        print(f"Backed up to {made}")
    return 0
