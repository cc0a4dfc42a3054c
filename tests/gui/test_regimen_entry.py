"""Entering the regimen: dose rows with completion, free text shown back as rows, errors
in full, and a first-plan guide that reaches a plan by keyboard alone (real parser)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from benzoapp.core.errors import BenzoAppError, DoseConfirmationError
from benzoapp.core.model import PlanSettings
from benzoapp.gui.first_plan_guide import USE_THIS_PLAN_TEXT, FirstPlanGuide
from benzoapp.gui.plan_page import PlanPage
from benzoapp.gui.regimen_editor import DoseRowsEditor, rows_to_text
from tests.gui.conftest import REAL_PLAN_PAGE_TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def test_free_text_is_shown_back_as_rows(qtbot: QtBot, real_plan_page: PlanPage) -> None:
    page = real_plan_page
    qtbot.keyClicks(page.regimen, "clonazepam 0.5mg 08:00; clonazepam 0.25mg 21:00")
    assert page.form.understood.isVisible()
    assert page.form.understood.texts() == [
        ["clonazepam", "0.5 mg", "08:00"],
        ["clonazepam", "0.25 mg", "21:00"],
    ]


def test_an_error_is_the_parsers_words_in_full_and_not_cut(
    qtbot: QtBot, real_plan_page: PlanPage, core_planner
) -> None:
    page = real_plan_page
    page.resize(1024, 700)
    typed = "clonazepam 1,000mg 08:00"
    with pytest.raises(BenzoAppError) as raised:
        core_planner.parse_regimen(typed)
    qtbot.keyClicks(page.regimen, typed)
    message = page.regimen_message
    assert message.text() == f"Not yet: {raised.value}"  # the parser's words, whole
    assert message.text().startswith('Not yet: "1,000mg" is ambiguous')
    assert not page.form.understood.isVisible()
    # Wrapped to its width, the label is as tall as its text needs: nothing cut.
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()) > 0)
    # The example under the field is whole (not a placeholder cut short).
    assert page.form.example.text().startswith(
        "For example: clonazepam 0.5 mg morning and 1 mg at night, or "
    )


def test_the_example_is_what_people_write_and_reads_as_typed(
    qtbot: QtBot, real_plan_page: PlanPage
) -> None:
    page = real_plan_page
    written = page.form.example.text().removeprefix("For example: ").split(", or ")[0]
    assert written == page.regimen.placeholderText()
    qtbot.keyClicks(page.regimen, written)
    assert page.regimen_message.text() == "✓ Understood: clonazepam 1.5 mg a day."
    assert page.state.plan is not None


def test_dose_rows_complete_drug_names_and_write_the_text(qtbot: QtBot, core_planner) -> None:
    editor = DoseRowsEditor(core_planner.drug_names())
    qtbot.addWidget(editor)
    editor.show()
    first = editor.rows[0]
    first.drug.setFocus()
    qtbot.keyClicks(first.drug, "clonaz")
    completer = first.drug.completer()
    assert completer.currentCompletion() == "clonazepam"
    first.drug.setText(completer.currentCompletion())
    qtbot.keyClicks(first.amount, "0.5")
    editor.add_row(amount="0.25")
    assert editor.rows[1].drug.text() == "clonazepam"  # carried over
    assert editor.text() == "clonazepam 0.5mg 08:00; clonazepam 0.25mg 20:00"
    assert (
        core_planner.parse_regimen(editor.text()).total_mg
        == core_planner.parse_regimen("clonazepam 0.75mg 08:00").total_mg
    )


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["clonazepam", "diazepam", "lorazepam"]),
            st.decimals(min_value="0.25", max_value="20", places=2),
            st.integers(min_value=0, max_value=23),
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda r: (r[0], r[2]),
    )
)
def test_rows_read_back_as_the_same_doses(rows) -> None:
    """Whatever rows are filled in, the core reads back exactly those doses."""
    from benzoapp.core.dose_parse import parse_regimen
    from benzoapp.core.drugs import load_catalog

    catalog = _catalog(load_catalog)
    text = rows_to_text([(d, format(mg, "f"), f"{h:02d}:00") for d, mg, h in rows])
    try:
        regimen = parse_regimen(text, catalog)
    except DoseConfirmationError:
        # A dose above the plausibility limit: the person confirms it, as in the window.
        regimen = parse_regimen(text, catalog, confirmed=True)
    assert sorted((d.drug, d.mg, d.time) for d in regimen.doses) == sorted(
        (d, mg, f"{h:02d}:00") for d, mg, h in rows
    )


_CATALOG: list[object] = []


def _catalog(load):  # loaded once for all examples
    if not _CATALOG:
        _CATALOG.append(load())
    return _CATALOG[0]


def test_the_guide_leads_to_a_first_plan_by_keyboard(
    qtbot: QtBot, real_plan_page: PlanPage
) -> None:
    """Drug, dose times, pace, start; Finish shows the plan and focus is on "Use this plan"."""
    page = real_plan_page
    steps: list[str] = []

    def drive() -> None:
        guide = QApplication.activeModalWidget()
        if not isinstance(guide, FirstPlanGuide):
            QTimer.singleShot(10, drive)
            return
        row = guide.regimen_page.rows.rows[0]
        qtbot.keyClicks(row.drug, "diazepam")
        qtbot.keyClicks(row.amount, "10")
        steps.append(guide.regimen_page.understood.texts()[0][1])
        qtbot.keyClick(guide, Qt.Key.Key_Return)  # Next
        steps.append(guide.currentPage().title())
        qtbot.keyClick(guide, Qt.Key.Key_Return)  # Next
        steps.append(guide.start_page.use_text.text())
        qtbot.keyClick(guide, Qt.Key.Key_Return)  # Finish

    QTimer.singleShot(0, drive)
    page.form.guide_button.setFocus()
    qtbot.keyClick(page.form.guide_button, Qt.Key.Key_Space)
    assert steps == ["10 mg", "How fast?", USE_THIS_PLAN_TEXT]
    assert page.state.plan is not None
    assert page.state.plan.regimen.total_mg == 10
    assert page.state.settings.start == REAL_PLAN_PAGE_TODAY
    assert page.focusWidget() is page.save_button
    assert "Use this plan" in page.regimen_message.text()


def test_the_guide_waits_for_a_regimen_it_can_read(qtbot: QtBot, core_planner) -> None:
    guide = FirstPlanGuide(
        core_planner.parse_regimen,
        core_planner.drug_names(),
        PlanSettings(start=dt.date(2026, 1, 5)),
    )
    qtbot.addWidget(guide)
    guide.show()
    next_button = guide.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    qtbot.keyClicks(guide.regimen_page.free_text, "valium 1,000mg 08:00")
    assert not next_button.isEnabled()
    assert "ambiguous" in guide.regimen_page.message.text()
    guide.regimen_page.free_text.clear()
    qtbot.keyClicks(guide.regimen_page.free_text, "valium 5mg 08:00")
    assert next_button.isEnabled()
    assert guide.regimen_page.understood.texts() == [["diazepam", "5 mg", "08:00"]]
