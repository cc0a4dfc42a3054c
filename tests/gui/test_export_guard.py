"""The window's Export PDF cannot write over the data file or a backup either."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from benzoapp.gui import file_actions
from benzoapp.store import open_store
from benzoapp.store.schema import DB_FILENAME


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("kind", ["in the backups folder", "a link to the data file", "a folder"])
def test_export_pdf_refuses_the_data_its_backups_and_folders(
    qtbot: QtBot, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        store.backup_now("manual")
    if kind == "in the backups folder":
        target = folder / "backups" / "plan.pdf"
    elif kind == "a link to the data file":
        target = tmp_path / "plan.pdf"
        target.symlink_to(folder / DB_FILENAME)
    else:
        target = tmp_path / "folder.pdf"
        target.mkdir()
    before = fingerprint(folder)
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: said.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert file_actions.export_pdf(parent, lambda: b"%PDF-1.4 fake", folder / "plan.pdf") is None
    assert fingerprint(folder) == before
    assert len(said) == 1
    assert "Nothing was written" in said[0]
