"""Medications & supplements with the real knowledge base: levels, matches and sources."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.gui.adapters import CheckerLookup
from benzoapp.gui.medications_page import MedicationsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture(scope="module")
def lookup() -> CheckerLookup:
    return CheckerLookup(Checker(load_knowledge_base()))


def test_a_brand_is_matched_with_its_caution_and_source(
    qtbot: QtBot, lookup: CheckerLookup, medications, undo_stack
) -> None:
    page = MedicationsPage(medications, lookup, undo_stack)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.name, "Cipro")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.result.text().startswith("▲ Caution — Cipro: added.")
    ((_, stored),) = medications.list()
    assert stored.name == "Cipro"
    assert page.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Cipro, ▲ Caution"
    assert "matched “Cipro” (brand name)" in page.detail.match_label.text()
    # Its reasons come from beyond the three documents: cited as text, nothing to open.
    assert "(from beyond the three documents: " in page.detail.reasons_label.text()
    assert page.detail.links == []


def test_unknown_names_say_not_covered(lookup: CheckerLookup) -> None:
    caution = lookup.caution("qwertyuiop")
    assert caution.level == "not_covered"
    assert "do not cover" in caution.reason
    assert lookup.caution("   ").level == "not_covered"
