"""House rule as a check: imports only point down the layers.

core <- store, report <- gui, cli. The core stays importable without Qt or SQLAlchemy,
which is what lets the CLI, tests and benchmarks run it headless.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "benzoapp"

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "core": (
        "PySide6",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "reportlab",
        "icalendar",
        "benzoapp.store",
        "benzoapp.report",
        "benzoapp.gui",
        "benzoapp.cli",
        "benzoapp.app",
    ),
    "store": (
        "PySide6",
        "shiboken6",
        "reportlab",
        "benzoapp.gui",
        "benzoapp.cli",
        "benzoapp.report",
        "benzoapp.app",
    ),
    "report": (
        "sqlalchemy",
        "alembic",
        "benzoapp.store",
        "benzoapp.gui",
        "benzoapp.cli",
        "benzoapp.app",
    ),
    "gui": ("sqlalchemy", "benzoapp.cli"),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file (lazy imports count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_modules(path):
            for bad in FORBIDDEN[layer]:
                if name == bad or name.startswith(bad + "."):
                    found.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_down_only(layer: str) -> None:
    assert violations(layer) == []


def test_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_core_imports_without_qt_or_sqlalchemy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, pkgutil, importlib, benzoapp.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'benzoapp.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
