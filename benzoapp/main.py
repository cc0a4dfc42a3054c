"""Entry point: no arguments opens the main window; a subcommand runs headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from benzoapp import __version__
from benzoapp.cli.commands import register_all
from benzoapp.core.errors import BenzoAppError
from benzoapp.paths import DATA_DIR_ENV


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, built in one place so ``--help`` lists everything."""
    parser = argparse.ArgumentParser(
        prog="benzoapp",
        description=(
            "Plan and follow a benzodiazepine or Z-drug taper. With no command, opens the "
            "main window. BenzoApp informs; your prescriber decides."
        ),
    )
    parser.add_argument("--version", action="version", version=f"BenzoApp {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder holding your data (default: ${DATA_DIR_ENV}, else your user data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen with a fresh temporary database, exercise every part, exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run BenzoApp; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.self_test:
        from benzoapp.cli.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from benzoapp.app import run_gui

        return run_gui(args.data_dir)
    try:
        result: int = args.handler(args)
    except BenzoAppError as error:
        print(f"benzoapp {args.command}: {error}", file=sys.stderr)
        return 2
    return result
