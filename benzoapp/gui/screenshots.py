"""Save a PNG of every view, on a year of demo data: ``python -m benzoapp.gui.screenshots DIR``.

Run it under Xvfb (``./dev.sh screenshots DIR``) or offscreen, so anyone can look at the
app without running it. The demo data goes into a temporary folder that is removed after.

Every section is saved at each window size the layout tests measure (``SIZES``), in both
themes and at every text size, one folder per combination
(``DIR/1024x700-dark-large/02-plan.png``); ``DIR`` itself holds the welcome page, every
section at 1280x800 in the dark theme with normal text, and the Check page with a query.
``--quick`` saves only the top-level set.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from benzoapp.gui.main_window import PAGE_TITLES, MainWindow
from benzoapp.gui.theme import TextSize

SIZE = (1280, 800)
# The window sizes the layout is measured at (tests/gui/test_layout_fits.py) and shown at.
SIZES: tuple[tuple[int, int], ...] = ((1024, 700), (1280, 800), (1920, 1080))
THEMES: tuple[str, ...] = ("dark", "light")


def _slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-").replace("--", "-")


def variants() -> Iterator[tuple[tuple[int, int], str, TextSize]]:
    """Every (window size, theme, text size) the layout must hold at."""
    for size in SIZES:
        for theme in THEMES:
            for text in TextSize:
                yield size, theme, text


def variant_name(size: tuple[int, int], theme: str, text: TextSize) -> str:
    return f"{size[0]}x{size[1]}-{theme}-{text.value}"


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


def set_view(window: MainWindow, size: tuple[int, int], theme: str, text: TextSize) -> None:
    """Put the window in one variant: its size, theme and text size."""
    window.set_theme(theme)
    window.set_text_size(text)
    window.resize(*size)
    QApplication.processEvents()


def take_variants(window: MainWindow, out: Path) -> list[Path]:
    """Every section in every variant, one folder per variant."""
    saved: list[Path] = []
    for size, theme, text in variants():
        folder = out / variant_name(size, theme, text)
        folder.mkdir(parents=True, exist_ok=True)
        set_view(window, size, theme, text)
        saved += take_all(window, folder)
    return saved


def main(argv: list[str] | None = None) -> int:
    from benzoapp.app import attach_data, create_window

    args = list(sys.argv[1:] if argv is None else argv)
    quick = "--quick" in args
    args = [a for a in args if a != "--quick"]
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
        set_view(window, SIZE, "dark", TextSize.NORMAL)
        take_all(window, out)
        check = window.pages["Check"]
        search = check.findChild(QWidget, "check_search")
        window.show_page("Check")
        if search is not None:
            search.setProperty("text", "Cipro")
            _save(window, out / "04b-check-cipro.png")
            search.setProperty("text", "")
        if not quick:
            take_variants(window, out)
        set_view(window, SIZE, "dark", TextSize.NORMAL)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
