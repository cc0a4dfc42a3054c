"""Today's warnings about what is taken: the regimen flags, in full, on the Today page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from benzoapp.core.model import Medication, PlanSettings
from benzoapp.gui.regimen_flags_panel import RegimenFlagsPanel
from benzoapp.gui.source_reader import SourceReader, visible_blocks
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
    assert panel.heading.text().startswith("⚑ 1 regimen flag:")
    (message,) = panel.messages
    assert "A second benzodiazepine or a Z-drug alongside your taper drug (clonazepam)" in (
        message.text()
    )
    assert "Source: induced-symptoms (kindling)" in message.text()
    interface = QAccessible.queryAccessibleInterface(panel)
    assert "A second benzodiazepine" in interface.text(QAccessible.Text.Description)
    medications.add(Medication("Ambien"))
    panel.refresh()  # what the window calls when the list or the plan changes
    assert panel.heading.text().startswith("⚑ 2 regimen flags:")
    assert "Source of each: induced-symptoms (kindling)" in panel.messages[-1].text()


def test_each_cited_section_opens_in_the_reader(qtbot: QtBot, checker) -> None:
    panel = RegimenFlagsPanel("Warnings about what you take")
    qtbot.addWidget(panel)
    panel.attach(lambda: checker.check_regimen([Medication("Restoril")], None))
    panel.show()
    assert panel.heading.text().startswith("⚑ 1 regimen flag:")
    assert "if it is what you are tapering, add it to your taper plan" in panel.messages[0].text()
    link = panel.links[0]
    assert link.text() == "Read the source: induced-symptoms, kindling"
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    reader = panel.findChild(SourceReader)
    assert reader is not None
    qtbot.waitExposed(reader)
    cited = reader.text.document().findBlock(reader.focus).text()
    assert "Kindling is a related phenomenon" in cited
    assert cited in visible_blocks(reader.text)
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not reader.isVisible())


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
