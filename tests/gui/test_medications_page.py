"""Medications & supplements, driven by keyboard: the list, its regimen check and the detail.

The regimen check is the core's; these tests check that the page runs it whenever the
list or the active plan changes, counts its flags in a banner, marks each row it names
(shape and word), and shows the selected row's answer in full with its sources.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import RegimenFlag
from benzoapp.core.model import Medication, PlanSettings
from benzoapp.gui.medications_page import MedicationsPage
from benzoapp.gui.source_reader import SourceReader, citations_in, visible_blocks

# The completer's popup asks the offscreen platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def use_plan(planner, plans, text: str = "clonazepam 0.5 mg 08:00") -> None:
    plan = planner.build(planner.parse_regimen(text), PlanSettings(start=dt.date(2026, 3, 1)))
    plans.save(plan, "plan")


@pytest.fixture
def page(qtbot: QtBot, *, medications, checker, undo_stack, plans, planner) -> MedicationsPage:
    use_plan(planner, plans)
    for name in ("magnesium", "Xanax", "Klonopin"):
        medications.add(Medication(name, kind="medication"))
    widget = MedicationsPage(medications, checker, undo_stack, plans)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    QAbstractItemModelTester(
        widget.model, QAbstractItemModelTester.FailureReportingMode.Fatal, widget
    )
    return widget


def flags_about(page: MedicationsPage, name: str) -> list[RegimenFlag]:
    """The core's flags naming ``name`` (the page shows them; it does not make them)."""
    assert page.regimen is not None
    return [f for f in page.regimen.flags if name in f.items]


def banner_text(page: MedicationsPage) -> str:
    return "\n".join(m.text() for m in page.banner.messages)


def row_texts(page: MedicationsPage) -> list[str]:
    return [
        str(page.model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole))
        for r in range(page.model.rowCount())
    ]


def test_each_row_says_its_name_level_and_any_regimen_mark(page: MedicationsPage) -> None:
    rows = row_texts(page)
    assert rows[0].startswith("magnesium, ")
    assert "Regimen flag" not in rows[0]
    assert rows[1].startswith("Xanax, ✕ Avoid")
    assert rows[1].endswith("⚑ Regimen flag")
    assert rows[2].endswith("⚑ Regimen flag")


def test_the_banner_counts_the_flags_and_gives_each_in_full_with_its_source(
    page: MedicationsPage,
) -> None:
    assert page.banner.isVisible()
    flags = page.regimen.flags if page.regimen else ()
    assert {f.code for f in flags_about(page, "Klonopin")} >= {"taper_drug_again"}
    assert {f.code for f in flags_about(page, "Xanax")} >= {"second_benzodiazepine"}
    assert page.banner.heading.text().startswith(f"⚑ {len(flags)} regimen flags")
    shown = banner_text(page)
    for flag in flags:  # each in full, with its source
        assert flag.message in shown
        assert flag.source in shown
    assert all(not m.isHidden() and m.wordWrap() for m in page.banner.messages)
    cited = citations_in([f.source for f in flags])
    assert cited, "the flags cite the documents"
    assert [link.text() for link in page.banner.links] == [
        f"Read the source: {c.label}" for c in cited
    ]


def test_the_check_runs_again_when_the_active_plan_changes(
    page: MedicationsPage, planner, plans
) -> None:
    assert "taper_drug_again" in {f.code for f in flags_about(page, "Klonopin")}
    use_plan(planner, plans, "alprazolam 0.5 mg 08:00")
    page.refresh()  # what the window calls when a plan is put to use or undone
    assert "taper_drug_again" in {f.code for f in flags_about(page, "Xanax")}
    assert "taper_drug_again" not in {f.code for f in flags_about(page, "Klonopin")}
    for flag in flags_about(page, "Xanax"):
        assert flag.message in banner_text(page)


def test_with_no_flags_the_banner_is_hidden(
    qtbot: QtBot, medications, checker, undo_stack, plans
) -> None:
    medications.add(Medication("heat pack", kind="therapy"))
    page = MedicationsPage(medications, checker, undo_stack, plans)
    qtbot.addWidget(page)
    page.show()
    assert page.banner.isHidden()
    assert page.banner.accessibleDescription() == "No regimen flags."


def test_arrow_keys_move_in_the_list_and_the_detail_follows(
    qtbot: QtBot, page: MedicationsPage
) -> None:
    page.list.setFocus()
    assert page.detail.title_label.text() == "magnesium"
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.detail.title_label.text() == "Xanax"
    assert page.detail.level_label.text() == "✕ Avoid"
    (flag, *_) = flags_about(page, "Xanax")
    assert flag.message in page.detail.flags_label.text()
    assert f"(Source: {flag.source})" in page.detail.flags_label.text()
    assert "(muscular-effects, What to Avoid)" in page.detail.reasons_label.text()
    described = QAccessible.queryAccessibleInterface(page.detail).text(QAccessible.Text.Description)
    assert flag.message in described
    assert "muscular-effects, What to Avoid" in described


def test_tab_leaves_the_list_and_reaches_the_name_field(
    qtbot: QtBot, page: MedicationsPage
) -> None:
    page.list.setFocus()
    seen = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is page.name:
            break
    assert seen[0] is page.remove_button  # the first Tab leaves the list
    assert page.name in seen
    assert page.list not in seen[:-1]


def test_adding_by_keyboard_checks_first_then_stores_selects_and_undoes(
    qtbot: QtBot, page: MedicationsPage, medications, undo_stack
) -> None:
    before = len(page.regimen.flags) if page.regimen else 0
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Ambien")
    page.name.completer().popup().hide()
    qtbot.keyClick(page.name, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.dose
    qtbot.keyClicks(page.dose, "5 mg at night")
    with qtbot.waitSignal(page.announcer.announced) as said:
        page.name.setFocus()
        qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert [m.name for _, m in medications.list()][-1] == "Ambien"
    assert page.result.text().startswith("✕ Avoid — Ambien: added.")
    assert "⚑ Regimen flag: see above the list." in page.result.text()
    assert said.args[0] == page.result.text()
    assert page.detail.title_label.text() == "Ambien"
    assert page.detail.facts_label.text() == "Medicine · 5 mg at night"
    assert flags_about(page, "Ambien")  # a Z-drug beside a clonazepam taper
    assert page.banner.heading.text().startswith(f"⚑ {before + len(flags_about(page, 'Ambien'))} ")
    undo_stack.undo()
    assert page.model.rowCount() == 3
    assert page.banner.heading.text().startswith(f"⚑ {before} regimen flags")


def test_an_unknown_name_is_not_covered_never_fine(qtbot: QtBot, page: MedicationsPage) -> None:
    qtbot.keyClicks(page.name, "zzzherb")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert page.result.text().startswith("? Not covered — zzzherb: added.")
    assert row_texts(page)[-1] == "zzzherb, ? Not covered"


def test_completion_offers_names_as_you_type(qtbot: QtBot, page: MedicationsPage) -> None:
    qtbot.keyClicks(page.name, "cipro")
    assert "Cipro" in page.name.completer().model().stringList()


def test_remove_by_keyboard_is_undoable(
    qtbot: QtBot, page: MedicationsPage, medications, undo_stack
) -> None:
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # Xanax
    qtbot.keyClick(page.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.remove_button
    qtbot.keyClick(page.remove_button, Qt.Key.Key_Space)
    assert [m.name for _, m in medications.list()] == ["magnesium", "Klonopin"]
    assert not flags_about(page, "Xanax")
    assert page.banner.heading.text().startswith(f"⚑ {len(flags_about(page, 'Klonopin'))} ")
    undo_stack.undo()
    assert sorted(m.name for _, m in medications.list()) == ["Klonopin", "Xanax", "magnesium"]


def test_a_source_link_opens_the_cited_section_and_esc_closes_it(
    qtbot: QtBot, page: MedicationsPage
) -> None:
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # Xanax: cites "What to Avoid"
    link = next(
        link
        for link in page.detail.links
        if link.text().endswith("muscular-effects, What to Avoid")
    )
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    reader = page.findChild(SourceReader)
    assert reader is not None
    qtbot.waitExposed(reader)
    assert reader.where.text() == "Showing muscular-effects, What to Avoid."
    assert reader.text.isReadOnly()
    shown = visible_blocks(reader.text)
    assert shown[0] == "What to Avoid"  # the section's heading at the top
    assert any("Epsom" in paragraph for paragraph in shown)
    assert reader.focusWidget() is reader.text  # arrows and Page Down read on
    qtbot.keyClick(reader.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not reader.isVisible())


def test_read_only_adds_and_removes_nothing(
    qtbot: QtBot, page: MedicationsPage, medications
) -> None:
    page.set_read_only("The data folder cannot be written.")
    assert not page.add_button.isEnabled()
    qtbot.keyClicks(page.name, "yoga")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert len(medications.list()) == 3
    assert "cannot be saved" in page.result.text()


def test_a_refused_name_does_not_cost_the_others_their_check(
    qtbot: QtBot, *, medications, checker, undo_stack, plans, planner
) -> None:
    use_plan(planner, plans)
    medications.add(Medication("Xanax"))
    medications.add(Medication("!!!"))  # e.g. from an import; the form refuses it
    page = MedicationsPage(medications, checker, undo_stack, plans)
    qtbot.addWidget(page)
    page.show()
    assert flags_about(page, "Xanax")
    assert row_texts(page) == ["Xanax, ✕ Avoid, ⚑ Regimen flag", "!!!, ? Not covered"]
    page.list.setCurrentIndex(page.model.index(1, 0))
    # The regimen check answers the bad name on its own (not covered, with why), and the
    # rest of the list keeps its answers.
    assert "!!!" in page.detail.match_label.text()


def test_the_form_refuses_a_name_the_checker_cannot_read(
    qtbot: QtBot, page: MedicationsPage, medications
) -> None:
    qtbot.keyClicks(page.name, "!!!")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert page.result.text().startswith("“!!!” was not added: Type the name")
    assert page.name.text() == "!!!"  # nothing typed is lost
    assert len(medications.list()) == 3


def test_a_change_in_the_flags_is_announced_only_while_the_page_is_shown(
    qtbot: QtBot, page: MedicationsPage, medications
) -> None:
    said: list[str] = []
    page.announcer.announced.connect(said.append)
    medications.add(Medication("Ambien"))
    page.refresh()  # e.g. redo on another page, this page in view
    assert said
    assert said[-1] == page.banner.heading.text()
    page.hide()
    medications.remove(medications.list()[-1][0])
    page.refresh()
    assert len(said) == 1


def test_delete_in_the_list_removes_the_selected_item_undoably(
    qtbot: QtBot, page: MedicationsPage, medications, undo_stack
) -> None:
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # Xanax
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert [m.name for _, m in medications.list()] == ["magnesium", "Klonopin"]
    assert page.result.text() == "Removed Xanax. Undo brings it back."
    undo_stack.undo()
    assert len(medications.list()) == 3
    page.name.setFocus()
    qtbot.keyClicks(page.name, "x")
    qtbot.keyClick(page.name, Qt.Key.Key_Delete)  # in a field, Delete edits the text only
    assert len(medications.list()) == 3
