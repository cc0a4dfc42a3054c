"""Registry of the headless subcommands.

Each module named here defines ``register(subparsers)``, which adds its parser and sets
``handler``; heavy imports stay inside the handler so ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

# Order is the order shown by --help.
COMMAND_MODULES: tuple[str, ...] = (
    "convert",
    "plan",
    "check",
    "source",
    "report",
    "journal",
    "demo",
    "export",
    "import_",
    "backup",
)


def register_all(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Let every command module that exists add its parser."""
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"{__name__}.{name}":
                continue  # not built yet
            raise
        module.register(subparsers)
