"""The Plan page's settings form: regimen, method, rate, interval, form, crossover, start.

It only holds the fields and turns them into ``PlanSettings`` and back; the page decides
what a change means (a new plan through the core, on the undo stack).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.model import Form, Method, PlanSettings
from benzoapp.gui.regimen_editor import EXAMPLE_TEXT, WRITTEN_EXAMPLE, UnderstoodRows

METHOD_LABELS = {
    Method.PERCENT: "Percent of the current dose",
    Method.HYPERBOLIC: "Hyperbolic (smaller cuts as the dose falls)",
    Method.LINEAR: "Equal mg cuts",
}
FORM_LABELS = {Form.TABLET: "Tablets", Form.LIQUID: "Liquid", Form.WEIGHED: "Weighed pieces"}


def _narrowable(combo: QComboBox) -> QComboBox:
    """A combo box that may be narrower than its longest choice (the form pane is narrow
    so the steps table has room); the open list still shows every choice in full, and
    the tooltip always holds the whole of the current one."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    combo.setToolTip(combo.currentText())
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


def _labelled(text: str, field: QWidget, name: str) -> QLabel:
    field.setAccessibleName(name)
    label = QLabel(text)
    label.setBuddy(field)
    return label


class PlanForm(QWidget):
    """Every field with a label buddy and an accessible name, top to bottom."""

    def __init__(self, crossover_drugs: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = QFormLayout()
        top.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.regimen = QLineEdit()
        self.regimen.setPlaceholderText(WRITTEN_EXAMPLE)
        top.addRow(_labelled("&Regimen:", self.regimen, "Regimen"), self.regimen)
        # Outside any form row: a wrapped label in a form row can be cut at top and
        # bottom, and an error must be read in full.
        self.regimen_message = QLabel("Type what you take now.")
        self.regimen_message.setWordWrap(True)
        self.regimen_message.setAccessibleName("Regimen check")
        self.regimen_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Beneath a dose the parser asks about: the person says it is right, once (a
        # calm button rather than a dialog at every keystroke).
        self.confirm_button = QPushButton("&Yes, this is what I take")
        self.confirm_button.setAccessibleName("Confirm the dose: this is what I take")
        self.confirm_button.setVisible(False)
        buttons = self._build_regimen_help()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        # With large text the pane is too narrow for label and field side by side: then
        # the field goes under its label rather than being cut off at the pane's edge.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._add_pace_fields(form)
        self.form_box = QComboBox()
        for form_value, text in FORM_LABELS.items():
            self.form_box.addItem(text, form_value.value)
        _narrowable(self.form_box)
        form.addRow(_labelled("F&orm:", self.form_box, "Form"), self.form_box)
        self.crossover = QComboBox()
        self.crossover.addItem("No crossover", None)
        for drug in crossover_drugs:
            self.crossover.addItem(f"Cross over to {drug}", drug)
        _narrowable(self.crossover)
        form.addRow(_labelled("&Crossover:", self.crossover, "Crossover"), self.crossover)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        form.addRow(_labelled("&Start:", self.start, "Start date"), self.start)
        self.table_note = QLabel("")
        self.table_note.setWordWrap(True)
        self.table_note.setProperty("role", "muted")

        self.plan_warnings = QLabel("")
        self.plan_warnings.setWordWrap(True)
        self.plan_warnings.setAccessibleName("Plan warnings")
        self.plan_warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Below the form, not in it: wrapped labels in form rows can be cut short.
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.regimen_message)
        box.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.example)
        box.addWidget(self.understood)
        box.addLayout(buttons)
        box.addLayout(form)
        box.addWidget(self.table_note)
        box.addWidget(self.plan_warnings)

    def _build_regimen_help(self) -> QVBoxLayout:
        """The full example, what was understood (as rows), and the two other ways in."""
        self.example = QLabel(EXAMPLE_TEXT)
        self.example.setWordWrap(True)
        self.example.setProperty("role", "muted")
        self.understood = UnderstoodRows()
        self.rows_button = QPushButton("Dose &by dose…")
        self.rows_button.setAccessibleName("Enter the regimen dose by dose")
        self.guide_button = QPushButton("&Walk me through it…")
        self.guide_button.setAccessibleName("Walk me through a first plan")
        # One above the other: side by side they are wider than the pane with large text.
        buttons = QVBoxLayout()
        buttons.addWidget(self.rows_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignLeft)
        return buttons

    def _add_pace_fields(self, form: QFormLayout) -> None:
        """Method, rate and interval: how fast the plan goes."""
        self.method = QComboBox()
        for method, text in METHOD_LABELS.items():
            self.method.addItem(text, method.value)
        _narrowable(self.method)
        form.addRow(_labelled("&Method:", self.method, "Method"), self.method)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(1.0, 25.0)
        self.rate.setDecimals(1)
        self.rate.setSingleStep(0.5)
        self.rate.setSuffix(" %")
        form.addRow(_labelled("Ra&te per step:", self.rate, "Rate per step"), self.rate)
        self.every = QSpinBox()
        self.every.setRange(1, 60)
        self.every.setSuffix(" days")
        form.addRow(_labelled("&Interval:", self.every, "Days between steps"), self.every)

    def settings(self, base: PlanSettings) -> PlanSettings:
        """``base`` with the values now in the fields."""
        qdate = self.start.date()
        return replace(
            base,
            method=Method(self.method.currentData()),
            rate_percent=Decimal(f"{self.rate.value():.1f}").normalize(),
            every_days=self.every.value(),
            form=Form(self.form_box.currentData()),
            crossover_to=self.crossover.currentData(),
            start=dt.date(qdate.year(), qdate.month(), qdate.day()),
        )

    def show_settings(self, s: PlanSettings) -> None:
        """Put settings in the fields (the caller blocks its own reaction to them)."""
        self.method.setCurrentIndex(self.method.findData(s.method.value))
        self.rate.setValue(float(s.rate_percent))
        self.every.setValue(s.every_days)
        self.form_box.setCurrentIndex(self.form_box.findData(s.form.value))
        index = self.crossover.findData(s.crossover_to) if s.crossover_to else 0
        self.crossover.setCurrentIndex(max(index, 0))
        self.start.setDate(QDate(s.start.year, s.start.month, s.start.day))
