"""The window's Export PDF and ``benzoapp report`` print the same prescriber's page.

Both gather through ``benzoapp.report.gather.gather_report_data``; an earlier window
export left out the journal's history and framework notes. Compared by extracted text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")

# Header and footer of each page ("Taper plan for NAME ... page N of M"), which split
# the text wherever a page breaks.
FOOTER = re.compile(r"Taper plan for .*? page \d+ of \d+")


def prescriber_pages(pdf: bytes) -> str:
    """The text from the prescriber's heading to the end, footers left out."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    text = " ".join(pages)
    start = text.index("For the prescriber: one-page summary")
    return FOOTER.sub(" ", text[start:])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        fill_demo(store)
    return folder


def test_window_export_and_cli_report_share_the_prescribers_page(
    qtbot: QtBot, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_cli = tmp_path / "cli.pdf"
    assert main(["--data-dir", str(folder), "report", str(from_cli)]) == 0
    app = QApplication.instance()
    window, undo_stack = create_window(app, folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.dismiss_welcome()
    attach_data(window, folder, undo_stack)
    from_window = tmp_path / "window.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(from_window), ""))
    window.registry["file.export_pdf"].trigger()
    assert window.statusBar().currentMessage() == f"Saved {from_window}"
    window.close()
    app.aboutToQuit.emit()

    cli_text = prescriber_pages(from_cli.read_bytes())
    window_text = prescriber_pages(from_window.read_bytes())
    # The demo year's journal gives history lines, framework notes and the conditions
    # withdrawal mimics: the parts an earlier window export left out.
    assert "Which framework fits" in cli_text
    assert "No journal notes on this yet" not in cli_text
    assert "Conditions withdrawal can be mistaken for" in cli_text
    assert "Closest position:" in cli_text
    assert "365 days rated" in cli_text
    assert window_text == cli_text
