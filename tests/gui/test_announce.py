"""A change of message is said aloud to a listening screen reader and kept as text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from pytestqt.qtbot import QtBot

from benzoapp.gui import accessibility


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []

    def listen(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append((event.object().accessibleName(), event.message()))

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listen))
    return said


def test_saving_a_journal_day_is_announced(
    qtbot: QtBot, *, heard, journal, plans, undo_stack, today
) -> None:
    from PySide6.QtCore import Qt

    from benzoapp.core.journal import load_catalogue
    from benzoapp.gui.journal_page import JournalPage

    page = JournalPage(load_catalogue(), journal, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    page.entry.spin_box("fatigue").setValue(6)
    qtbot.mouseClick(page.entry.save_button, Qt.MouseButton.LeftButton)
    message = f"✓ Saved {today.isoformat()}."
    # The summary's new headline (the answer changed), then the save itself.
    assert heard == [
        (
            "Journal summary",
            f"Journal {today.isoformat()} to {today.isoformat()}: 1 days logged, "
            "mean symptom load 6.0.",
        ),
        ("Journal message", message),
    ]
    assert page.message.text() == message
    assert page.message.accessibleDescription() == message


def test_nothing_is_sent_when_no_reader_listens(qtbot: QtBot, monkeypatch) -> None:
    from PySide6.QtWidgets import QLabel

    sent: list[object] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: False))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(sent.append))
    label = QLabel()
    qtbot.addWidget(label)
    accessibility.announce(label, "Saved")
    assert label.text() == "Saved"
    assert sent == []
