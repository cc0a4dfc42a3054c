"""Unexpected errors end in a calm dialog and a log; a second launch hands over."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.gui import crash
from benzoapp.gui.crash import make_excepthook, setup_logging
from benzoapp.gui.crash_dialog import CrashDialog
from benzoapp.gui.single_instance import InstanceServer, hand_over, maybe_running, server_name


@pytest.fixture
def log_path(data_dir: Path):
    path = setup_logging(data_dir)
    yield path
    for handler in list(crash.log.handlers):
        crash.log.removeHandler(handler)
        handler.close()


def raise_and_hook(hook) -> None:
    try:
        raise ValueError("a step with no doses")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)


def test_uncaught_error_is_logged_and_shown_calmly(
    qtbot: QtBot, log_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[CrashDialog] = []

    def fake_exec(dialog: CrashDialog) -> int:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    with qtbot.captureExceptions():
        raise_and_hook(make_excepthook(log_path))
    (dialog,) = shown
    assert dialog.windowTitle() == "Something went wrong"
    details = dialog.details.toPlainText()
    assert "ValueError: a step with no doses" in details
    assert details.startswith("BenzoApp ")
    for handler in crash.log.handlers:
        handler.flush()
    assert "ValueError: a step with no doses" in log_path.read_text()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == details


def test_keyboard_interrupt_is_not_turned_into_a_dialog(
    log_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr("sys.__excepthook__", lambda *a: seen.append("default"))
    hook = make_excepthook(log_path, show=lambda d, p: seen.append("dialog"))
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == ["default"]
    assert logging.getLogger("benzoapp").handlers


def test_second_launch_brings_the_first_forward(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    assert not maybe_running(data_dir)
    server = InstanceServer(data_dir)
    assert server.listen()
    assert maybe_running(data_dir)
    try:
        with qtbot.waitSignal(server.activate, timeout=3000):
            assert hand_over(data_dir)
        other = tmp_path / "other"
        other.mkdir()
        assert not hand_over(other)
    finally:
        server.close()


def test_a_stale_server_left_by_a_crash_is_replaced(data_dir: Path) -> None:
    first = InstanceServer(data_dir)
    assert first.listen()
    first.close()
    second = InstanceServer(data_dir)
    assert second.listen()
    second.close()


def test_unwritable_log_falls_back_to_the_terminal(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder where the log file should be: opening it fails as on a read-only disk.
    (data_dir / crash.LOG_NAME).mkdir(parents=True)
    previous_hook = sys.excepthook
    stream = crash.install(data_dir)
    try:
        assert stream in (sys.stderr, sys.__stderr__)
        warning = capsys.readouterr().err
        assert warning.count("\n") == 1
        assert "logging to the terminal instead" in warning
        crash.log.error("still heard")
        assert "still heard" in capsys.readouterr().err
    finally:
        crash.disable_faulthandler(stream)
        sys.excepthook = previous_hook
        for handler in list(crash.log.handlers):
            crash.log.removeHandler(handler)
    assert not sys.stderr.closed


def test_a_data_dir_that_is_a_file_gets_a_calm_message_before_anything_else(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import PySide6.QtWidgets

    from benzoapp.app import run_gui

    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    app = QApplication.instance()

    class ExistingApp:
        """Hands back the test's application: a process may create only one."""

        def __new__(cls, argv: list[str]) -> object:
            return app

        @staticmethod
        def instance() -> object:
            return app

    monkeypatch.setattr(PySide6.QtWidgets, "QApplication", ExistingApp)
    shown: list[str] = []

    def fake_exec(box: PySide6.QtWidgets.QMessageBox) -> int:
        shown.append(f"{box.text()} {box.informativeText()}")
        return 0

    monkeypatch.setattr(PySide6.QtWidgets.QMessageBox, "exec", fake_exec)
    previous_hook = sys.excepthook
    assert run_gui(str(not_a_folder), []) == 2
    assert sys.excepthook is previous_hook  # stopped before the crash handler was set up
    assert len(shown) == 1
    assert "is a file, not a folder" in shown[0]
    assert "Nothing was changed" in shown[0]
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


def test_server_names_tell_folders_apart_and_ignore_spelling(tmp_path: Path) -> None:
    """One name per folder however it is written; different folders, different names."""
    names = {server_name(tmp_path / f"person-{i}") for i in range(200)}
    assert len(names) == 200
    same = tmp_path / "person-1"
    assert server_name(same) == server_name(tmp_path / "x" / ".." / "person-1")
    # Unix socket paths are limited to about 100 bytes with the temporary folder in front
    assert all(len(name) <= 30 for name in names)
