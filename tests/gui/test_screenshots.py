"""The screenshot command saves a picture of the welcome page and of every section."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from benzoapp.gui import screenshots
from benzoapp.gui.main_window import PAGE_TITLES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def test_every_view_is_saved_as_a_png(qtbot, tmp_path: Path) -> None:
    assert screenshots.main([str(tmp_path), "--quick"]) == 0
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert "00-welcome.png" in names
    for number, title in enumerate(PAGE_TITLES, start=1):
        name = f"{number:02d}-{screenshots._slug(title)}.png"
        assert name in names
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == screenshots.SIZE


@pytest.mark.slow
def test_at_double_scale_every_view_is_drawn_at_twice_the_pixels(tmp_path: Path) -> None:
    """High DPI: the same layout, drawn with twice the pixels (a separate process)."""
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-m", "benzoapp.gui.screenshots", str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
        timeout=240,
    )
    image = QImage(str(tmp_path / "02-plan.png"))
    assert (image.width(), image.height()) == (2 * screenshots.SIZE[0], 2 * screenshots.SIZE[1])


def test_every_size_theme_and_text_size_gets_its_own_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full set: one folder per variant of the layout tests (one size here, for time)."""
    from benzoapp.gui.theme import TextSize

    monkeypatch.setattr(screenshots, "SIZES", ((1024, 700),))
    assert screenshots.main([str(tmp_path)]) == 0
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert folders == sorted(
        f"1024x700-{theme}-{text.value}" for theme in ("dark", "light") for text in TextSize
    )
    for folder in folders:
        for number, title in enumerate(PAGE_TITLES, start=1):
            image = QImage(str(tmp_path / folder / f"{number:02d}-{screenshots._slug(title)}.png"))
            # A page whose minimum is wider than the window widens it (the layout tests
            # report that); the picture shows what a person would see.
            assert image.height() == 700
            assert image.width() >= 1024
