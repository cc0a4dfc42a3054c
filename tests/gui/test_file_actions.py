"""File menu work: PDF saved whole or not at all, the printable plan, the backup picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from benzoapp.core.errors import InputError
from benzoapp.core.model import PlanSettings
from benzoapp.gui import file_actions


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_export_writes_the_rendered_pdf(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = file_actions.export_pdf(parent, lambda: b"%PDF-1.4 test", tmp_path / "x.pdf")
    assert saved == tmp_path / "plan.pdf"
    assert saved.read_bytes() == b"%PDF-1.4 test"


def test_a_failed_render_leaves_the_old_file_alone(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warned: list[str] = []
    monkeypatch.setattr(
        file_actions.QMessageBox, "warning", lambda _p, _t, text: warned.append(text)
    )

    def render() -> bytes:
        raise InputError("no plan to print")

    assert file_actions.export_pdf(parent, render, target) is None
    assert target.read_bytes() == b"old"
    assert warned == ["The PDF could not be saved: no plan to print"]
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_print_preview_shows_the_plan_steps_and_sources(
    parent: QWidget, planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = planner.build(planner.parse_regimen("clonazepam 1 mg 08:00"), PlanSettings())
    text = file_actions.plan_document(plan, "Ashton Manual").toPlainText()
    assert "BenzoApp informs. Your prescriber decides." in text
    assert "08:00 clonazepam 0.9 mg" in text
    assert "approximate" in text
    opened: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda d: opened.append(d) or 0)
    file_actions.print_plan(parent, plan, "Ashton Manual")
    assert len(opened) == 1


def test_restore_picker_returns_the_chosen_backup(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = [tmp_path / "b2.sqlite", tmp_path / "b1.sqlite"]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("b1.sqlite", True))
    assert file_actions.choose_backup(parent, backups) == backups[1]
