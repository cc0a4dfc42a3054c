"""Entry point: no arguments opens the main window; a subcommand runs headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from benzoapp import __version__
from benzoapp.cli.commands import COMMAND_MODULES, register_all
from benzoapp.core.errors import BenzoAppError
from benzoapp.paths import DATA_DIR_ENV

COMMAND_NAMES = frozenset(name.rstrip("_") for name in COMMAND_MODULES)


def names_a_command(argv: Sequence[str]) -> bool:
    """Whether any word could be a subcommand (or asks for help, which lists them).

    Opening the window skips importing every command module: start-up to the first
    paint is what a person waits through. A false positive only costs that time back.
    """
    return any(arg in COMMAND_NAMES or arg in ("-h", "--help") for arg in argv)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
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
    if with_commands:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        register_all(subparsers)
    else:
        parser.set_defaults(command=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run BenzoApp; returns the process exit code."""
    words = list(argv) if argv is not None else sys.argv[1:]
    parser = build_parser(with_commands=names_a_command(words))
    args = parser.parse_args(words)
    if args.self_test:
        from benzoapp.cli.selftest import run_self_test

        return run_self_test()
    # Every file and folder BenzoApp creates is its owner's only (600 / 700): the data,
    # exports, PDFs, the log and the settings alike, whichever code creates them.
    previous_umask = os.umask(0o077)
    try:
        if args.command is None:
            from benzoapp.app import run_gui

            return run_gui(args.data_dir)
        return run_command(args)
    finally:
        os.umask(previous_umask)


def run_command(args: argparse.Namespace) -> int:
    """Run a subcommand: a plain line and exit status 2 for anything it refuses or cannot do."""
    try:
        result: int = args.handler(args)
    except BenzoAppError as error:
        print(f"benzoapp {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`benzoapp check x | head`): not an error worth a traceback.
        # Point stdout at nothing so Python's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:
        # A full disk, no permission, a path that is not a folder: whatever was being
        # written is left out whole (every writer renames a finished temporary file).
        print(f"benzoapp {args.command}: {plain_os_error(error)}", file=sys.stderr)
        return 2
    except (OverflowError, ZeroDivisionError):
        print(
            f"benzoapp {args.command}: a number or date is out of the range BenzoApp can "
            "work with; nothing was changed.",
            file=sys.stderr,
        )
        return 2
    except (RecursionError, MemoryError):
        print(
            f"benzoapp {args.command}: the input is too large or too deeply nested to read; "
            "nothing was changed.",
            file=sys.stderr,
        )
        return 2
    return result


def plain_os_error(error: OSError) -> str:
    """One line for a file-system failure: what could not be done, why, what was kept."""
    from benzoapp.store.access import why_not_writable

    where = f" {error.filename}" if error.filename else ""
    return f"could not use{where}: {why_not_writable(error)}. Nothing was changed."
