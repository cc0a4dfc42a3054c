"""A plain error's box is titled by what happened: "Not saved" only when a save failed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from benzoapp.core.errors import BenzoAppError, InputError
from benzoapp.gui.crash import make_excepthook
from benzoapp.store import (
    BusyDatabaseError,
    CorruptDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from benzoapp.store.engine import translate


def title_shown(error: BenzoAppError, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Raise ``error`` into the app's excepthook; the title and text of the box it shows."""
    shown: list[tuple[str, str]] = []
    crashes: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        box.deleteLater()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    hook = make_excepthook(None, show=lambda d, p: crashes.append(d))
    try:
        raise error
    except BenzoAppError as caught:
        hook(type(caught), caught, caught.__traceback__)
    assert crashes == []  # a plain message, never the crash dialog
    (found,) = shown
    return found


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    "error",
    [
        ReadOnlyDatabaseError("Cannot save: the folder is read-only."),
        translate(sqlite3.OperationalError("database or disk is full"), list),
        translate(sqlite3.OperationalError("attempt to write a readonly database"), list),
        translate(sqlite3.IntegrityError("UNIQUE constraint failed"), list),
    ],
    ids=["read-only", "disk-full", "became-read-only", "refused"],
)
def test_a_failed_save_is_titled_not_saved(
    error: BenzoAppError, monkeypatch: pytest.MonkeyPatch
) -> None:
    title, text = title_shown(error, monkeypatch)
    assert title == "Not saved"
    assert text == str(error)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    "error",
    [
        InputError("'5 mgg' is not a dose BenzoApp understands."),
        BusyDatabaseError("Another program kept your data busy for too long."),
        CorruptDatabaseError("Your data file is damaged.", [Path("backup.sqlite3")]),
        StoreError("Your data could not be read or saved: disk I/O error."),
        BenzoAppError("The calendar file could not be made."),
    ],
    ids=["input", "busy", "damaged", "other-store", "other"],
)
def test_anything_else_gets_a_neutral_title(
    error: BenzoAppError, monkeypatch: pytest.MonkeyPatch
) -> None:
    title, text = title_shown(error, monkeypatch)
    assert title == "Could not do that"
    assert "saved" not in title.lower()
    assert text == str(error)
