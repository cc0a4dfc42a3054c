"""Today's warnings about what is taken: the regimen flags, in full, on the Today page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from benzoapp.core.model import Medication, PlanSettings
from benzoapp.gui.regimen_flags_panel import RegimenFlagsPanel
from benzoapp.gui.source_reader import SourceReader, bundled_library, visible_blocks
from benzoapp.gui.today_page import TodayPage


def test_today_shows_the_regimen_flags_of_the_list_and_the_plan(
    qtbot: QtBot, *, planner, plans, dose_log, journal, medications, checker, undo_stack, today
) -> None:
    regimen = planner.parse_regimen("clonazepam 0.5 mg 08:00")
    plans.save(planner.build(regimen, PlanSettings(start=today - dt.timedelta(days=1))), "p")
    medications.add(Medication("Xanax"))
    page = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    panel = page.regimen_flags
    assert panel.isHidden()  # nothing to say until the checker is there

    def current():
        found = plans.active()
        return checker.check_regimen(
            [m for _, m in medications.list()], found[1] if found else None
        )

    panel.attach(current)
    assert panel.isVisible()
    (flag,) = panel.flags
    assert flag.code == "second_benzodiazepine"
    assert panel.heading.text().startswith("⚑ 1 regimen flag:")
    (message,) = panel.messages
    assert flag.message in message.text()
    assert f"Source: {flag.source}" in message.text()
    interface = QAccessible.queryAccessibleInterface(panel)
    assert flag.message in interface.text(QAccessible.Text.Description)
    medications.add(Medication("Ambien"))
    panel.refresh()  # what the window calls when the list or the plan changes
    assert len(panel.flags) >= 2
    assert panel.heading.text().startswith(f"⚑ {len(panel.flags)} regimen flags:")
    shown = "\n".join(m.text() for m in panel.messages)
    assert all(f.message in shown and f.source in shown for f in panel.flags)


def test_each_cited_section_opens_in_the_reader(qtbot: QtBot, checker) -> None:
    panel = RegimenFlagsPanel("Warnings about what you take")
    qtbot.addWidget(panel)
    panel.attach(lambda: checker.check_regimen([Medication("Restoril")], None))
    panel.show()
    (flag,) = panel.flags  # a benzodiazepine and no plan: say so
    assert flag.code == "benzodiazepine_without_plan"
    assert flag.message in panel.messages[0].text()
    assert panel.links, "the flag cites the documents"
    for link in panel.links:
        citation = link.citation
        passage = bundled_library().get(citation.document).passage(citation.section)
        assert passage.found, citation
        link.setFocus()
        qtbot.keyClick(link, Qt.Key.Key_Return)
        (reader,) = [r for r in panel.window().findChildren(SourceReader) if r.isVisible()]
        qtbot.waitExposed(reader)
        cited = reader.text.document().findBlock(passage.focus).text()
        assert cited in visible_blocks(reader.text)  # the cited words are in view
        qtbot.keyClick(reader, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda r=reader: not r.isVisible())


def test_no_flags_hides_the_panel(qtbot: QtBot, checker) -> None:
    panel = RegimenFlagsPanel()
    qtbot.addWidget(panel)
    panel.attach(lambda: checker.check_regimen([Medication("heat pack")], None))
    assert panel.isHidden()
    assert panel.accessibleDescription() == "No regimen flags."


def test_a_name_the_checker_refuses_leaves_the_panel_quiet(qtbot: QtBot, checker) -> None:
    panel = RegimenFlagsPanel()
    qtbot.addWidget(panel)
    panel.show_flags(checker.check_regimen([Medication("Xanax")], None).flags)
    assert panel.isVisible()
    panel.attach(lambda: checker.check_regimen([Medication("!!!")], None))  # e.g. imported
    assert panel.isHidden()
