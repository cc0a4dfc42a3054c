"""What Orca would read, over the platform's accessibility bus (AT-SPI, Linux only).

The real app runs under Xvfb on a private D-Bus session with Qt's accessibility bridge on;
``tools/atspi_tree.py`` (run with the system Python, which has ``gi`` and the AT-SPI
bindings) reads its tree as a screen reader would, once per section. Skipped where those
are not installed (``apt install gir1.2-atspi-2.0 xvfb dbus``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benzoapp.gui.main_window import PAGE_TITLES
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

SYSTEM_PYTHON = Path("/usr/bin/python3")
TOOL = Path(__file__).resolve().parents[2] / "tools" / "atspi_tree.py"
CONTROLS = {"push button", "check box", "radio button", "spin button", "text", "combo box",
            "table", "list", "slider", "toggle button"}  # fmt: skip


def _have_atspi() -> bool:
    if not (
        SYSTEM_PYTHON.exists() and shutil.which("dbus-run-session") and shutil.which("xvfb-run")
    ):
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import gi; gi.require_version('Atspi', '2.0')"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _have_atspi(), reason="AT-SPI bindings, D-Bus or Xvfb missing"),
]

SCRIPT = """
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
for page in 0 1 2 3 4; do
  printf '[app]\\nfirst_run_done=true\\nlast_page=%s\\n' "$page" > "$DATA/settings.ini"
  "$APP_PYTHON" -m benzoapp --data-dir "$DATA" > "$OUT/app-$page.log" 2>&1 &
  app=$!
  "$SYSTEM_PYTHON" "$TOOL" BenzoApp "$OUT/page-$page.json"
  kill $app; wait $app 2>/dev/null
done
"""


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    data = tmp_path_factory.mktemp("atspi") / "data"
    with open_store(data) as store:
        fill_demo(store)
    out = tmp_path_factory.mktemp("atspi-out")
    env = {
        "DATA": str(data),
        "OUT": str(out),
        "APP_PYTHON": sys.executable,
        "SYSTEM_PYTHON": str(SYSTEM_PYTHON),
        "TOOL": str(TOOL),
        "PATH": "/usr/bin:/bin",
        "HOME": str(out),
    }
    subprocess.run(
        [
            "dbus-run-session",
            "--",
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            "bash",
            "-c",
            SCRIPT,
        ],
        env=env,
        capture_output=True,
        timeout=240,
        check=False,
    )
    found = {}
    for number, title in enumerate(PAGE_TITLES):
        path = out / f"page-{number}.json"
        assert path.exists(), (out / f"app-{number}.log").read_text(errors="replace")[-2000:]
        found[title] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _shown_controls(tree: list[dict[str, object]]) -> list[dict[str, object]]:
    return [n for n in tree if n["showing"] and n["focusable"] and n["role"] in CONTROLS]


@pytest.mark.parametrize("title", PAGE_TITLES)
def test_every_control_on_screen_has_a_name_on_the_bus(trees, title: str) -> None:
    controls = _shown_controls(trees[title])
    assert controls, title
    unnamed = [n["role"] for n in controls if not str(n["name"]).strip()]
    assert unnamed == []


@pytest.mark.parametrize("title", PAGE_TITLES)
def test_combo_boxes_are_read_with_their_label(trees, title: str) -> None:
    for node in _shown_controls(trees[title]):
        if node["role"] == "combo box":
            assert node["labelled_by"], node["name"]


# Medications and Check show a compact list (name, level) beside a detail pane, not a table.
@pytest.mark.parametrize("title", ["Plan"])
def test_tables_read_their_column_headers(trees, title: str) -> None:
    tables = [n for n in trees[title] if n["role"] == "table" and n["showing"]]
    assert tables
    for table in tables:
        assert table["name"]
        headers = table["headers"]
        assert isinstance(headers, list)
        assert headers
        assert all(str(h).strip() for h in headers), headers
