"""The gentler-options panel, driven by keyboard as a person would, on the real engine."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import load_catalog
from benzoapp.core.model import Form, Plan, PlanSettings
from benzoapp.core.taper import build_plan
from benzoapp.core.taper.alternatives import alternatives, plan_figures
from benzoapp.gui.alternatives_panel import AlternativesPanel

START = dt.date(2030, 1, 7)


def _plan(regimen: str) -> Plan:
    catalog = load_catalog()
    return build_plan(parse_regimen(regimen, catalog), PlanSettings(start=START), catalog)


@pytest.fixture
def panel(qtbot: QtBot) -> AlternativesPanel:
    widget = AlternativesPanel()
    qtbot.addWidget(widget)
    plan = _plan("zopiclone 7.5mg 22:00")
    widget.set_alternatives(alternatives(plan, load_catalog()), plan_figures(plan))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_each_option_shows_its_figures_and_reads_its_source(panel: AlternativesPanel) -> None:
    assert panel.options.count() == 2
    first = panel.options.item(0)
    assert "Switch to a comparable dose of diazepam" in first.text()
    assert "largest cut 50%" in first.text()
    assert "longest forced hold 98 days" in first.text()
    spoken = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Source: PrescQIPP" in spoken
    assert "This plan: largest cut 100%" in panel.summary.text()


def test_enter_applies_the_selected_option(qtbot: QtBot, panel: AlternativesPanel) -> None:
    panel.options.setFocus()
    qtbot.waitUntil(panel.options.hasFocus)
    qtbot.keyClick(panel.options, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.apply_requested) as applied:
        qtbot.keyClick(panel.options, Qt.Key.Key_Return)
    settings = applied.args[0]
    assert isinstance(settings, PlanSettings)
    assert settings.crossover_to == "diazepam"
    assert settings.form is Form.LIQUID
    assert settings.start == START


def test_the_heading_labels_the_list_and_the_button_applies(
    qtbot: QtBot, panel: AlternativesPanel
) -> None:
    assert panel.heading.buddy() is panel.options
    with qtbot.waitSignal(panel.apply_requested) as applied:
        qtbot.keyClick(panel.apply_button, Qt.Key.Key_Space)
    assert applied.args[0].crossover_to == "diazepam"
    assert applied.args[0].form is Form.TABLET


def test_tab_reaches_the_list_then_the_button(qtbot: QtBot, panel: AlternativesPanel) -> None:
    panel.options.setFocus()
    qtbot.waitUntil(panel.options.hasFocus)
    qtbot.keyClick(panel.options, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.apply_button)


def test_no_options_says_so_and_applies_nothing(qtbot: QtBot, panel: AlternativesPanel) -> None:
    plan = _plan("diazepam 20mg 22:00")
    panel.set_alternatives(alternatives(plan, load_catalog()), plan_figures(plan))
    assert panel.options.count() == 0
    assert "No gentler option is needed" in panel.summary.text()
    assert not panel.apply_button.isEnabled()
    with qtbot.assertNotEmitted(panel.apply_requested):
        panel.apply_current()


def test_the_dose_chart_hatches_and_names_the_overlap(qtbot: QtBot) -> None:
    from benzoapp.gui.dose_chart import DoseChart

    catalog = load_catalog()
    regimen = parse_regimen("Klonopin 4mg 22:00", catalog)
    plan = build_plan(regimen, PlanSettings(start=START, crossover_to="diazepam"), catalog)
    chart = DoseChart()
    qtbot.addWidget(chart)
    chart.set_plan(plan)
    assert "reduce the old drug while switching" in chart.describe()
    assert "Hatched: steps 2 to" in chart.accessibleDescription()
    chart.resize(600, 300)
    chart.grab()  # paints the hatched band without error
    plain = build_plan(regimen, PlanSettings(start=START), catalog)
    chart.set_plan(plain)
    assert "Hatched" not in chart.describe()
