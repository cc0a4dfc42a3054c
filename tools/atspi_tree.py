"""Print, as JSON, what a screen reader reads of a running app over AT-SPI (Linux).

Run with the system Python that has ``gi`` and ``gir1.2-atspi-2.0`` (the project's
virtual environment has neither), on the same D-Bus session as the app, started with
``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``::

    python3 tools/atspi_tree.py BenzoApp OUT.json

Each node: role, name, description, whether it is showing and focusable, the names of
the labels it is "labelled by", and for a table its column headers. Used by
tests/gui/test_atspi.py; handy by hand to hear the window as Orca would.
"""

from __future__ import annotations

import json
import sys
import time

import gi  # type: ignore[import-not-found]  # system Python only

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # type: ignore[import-not-found]  # noqa: E402

MAX_TABLE_CHILDREN = 16  # a table's cells are many; its headers are read apart


def find_app(name: str, seconds: float = 30) -> Atspi.Accessible | None:
    """The application whose name contains ``name``, once it is on the bus."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and name.lower() in (app.get_name() or "").lower():
                return app
        time.sleep(0.3)
    return None


def headers(node: Atspi.Accessible) -> list[str]:
    found = []
    for column in range(Atspi.Table.get_n_columns(node)):
        header = Atspi.Table.get_column_header(node, column)
        found.append(header.get_name() if header is not None else "")
    return found


def read(node: Atspi.Accessible, out: list[dict[str, object]], depth: int = 0) -> None:
    if node is None or depth > 60:
        return
    states = node.get_state_set()
    role = node.get_role_name()
    labelled_by: list[str] = []
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            labelled_by += [
                relation.get_target(k).get_name() for k in range(relation.get_n_targets())
            ]
    entry: dict[str, object] = {
        "role": role,
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "showing": states.contains(Atspi.StateType.SHOWING),
        "focusable": states.contains(Atspi.StateType.FOCUSABLE),
        "labelled_by": labelled_by,
        "depth": depth,
    }
    count = node.get_child_count()
    if role in {"table", "tree table"}:
        entry["headers"] = headers(node)
        count = min(count, MAX_TABLE_CHILDREN)
    out.append(entry)
    for i in range(count):
        read(node.get_child_at_index(i), out, depth + 1)


def main() -> int:
    name, path = sys.argv[1], sys.argv[2]
    app = find_app(name)
    if app is None:
        print(f"{name} did not appear on the accessibility bus", file=sys.stderr)
        return 1
    # Wait until the tree stops growing (the sections are built after the first paint).
    out: list[dict[str, object]] = []
    previous = -1
    for _ in range(40):
        out = []
        read(app, out)
        if len(out) == previous and len(out) > 20:
            break
        previous = len(out)
        time.sleep(0.5)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
