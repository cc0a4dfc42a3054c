"""Save a PNG of every view, on a year of demo data: ``python -m benzoapp.gui.screenshots DIR``.

Run it under Xvfb (``./dev.sh screenshots DIR``) or offscreen, so anyone can look at the
app without running it. The demo data goes into a temporary folder that is removed after.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from benzoapp.gui.main_window import PAGE_TITLES, MainWindow

SIZE = (1280, 800)


def _slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-").replace("--", "-")


def _save(window: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    window.repaint()
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def take_all(window: MainWindow, out: Path, prefix: str = "") -> list[Path]:
    """One picture per section, in navigation order."""
    saved = []
    for number, title in enumerate(PAGE_TITLES, start=1):
        window.show_page(title)
        saved.append(_save(window, out / f"{prefix}{number:02d}-{_slug(title)}.png"))
    return saved


def main(argv: list[str] | None = None) -> int:
    from benzoapp.app import attach_data, create_window

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="benzoapp-shots-") as tmp:
        folder = Path(tmp) / "data"
        demo = subprocess.run(
            [sys.executable, "-m", "benzoapp", "--data-dir", str(folder), "demo"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if demo.returncode != 0:
            print(f"no demo data (benzoapp demo failed: {demo.stderr.strip()[-200:]})")
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        window, undo_stack = create_window(app, folder)
        window.resize(*SIZE)
        window.show()
        _save(window, out / "00-welcome.png")
        window.dismiss_welcome()
        attach_data(window, folder, undo_stack)
        take_all(window, out)
        check = window.pages["Check"]
        search = check.findChild(QWidget, "check_search")
        window.show_page("Check")
        if search is not None:
            search.setProperty("text", "Cipro")
            _save(window, out / "04b-check-cipro.png")
        window.set_theme("light")
        window.registry["view.large_text"].setChecked(True)
        window.show_page("Today")
        _save(window, out / "10-today-light-large.png")
        window.show_page("Plan")
        _save(window, out / "11-plan-light-large.png")
        window.set_theme("dark")
        window.registry["view.large_text"].setChecked(False)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
