"""A first plan in a few keystrokes: what you take, how fast, when to start.

Three short pages, every field reachable by Tab and Enter moving on. It only gathers
answers; the Plan page builds the plan through the core, as if typed there, and the
last page says plainly that nothing is in use until "Use this plan", after which
Today follows the plan day by day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from benzoapp.core.errors import BenzoAppError
from benzoapp.core.model import Method, PlanSettings, Regimen
from benzoapp.gui.plan_form import METHOD_LABELS
from benzoapp.gui.regimen_editor import (
    EXAMPLE_TEXT,
    REGIMEN_EXAMPLE,
    DoseRowsEditor,
    UnderstoodRows,
)

USE_THIS_PLAN_TEXT = (
    "Press Finish to see your plan on the Plan page. Nothing changes until you press "
    '"Use this plan": from then on the Today page follows it, day by day. Take the plan '
    "to your prescriber and decide together."
)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class RegimenPage(QWizardPage):
    """Drug and dose times: rows, or the same as typed text; shown back as understood."""

    def __init__(self, parse: Callable[[str], Regimen], drugs: Sequence[str]) -> None:
        super().__init__()
        self.setTitle("What do you take now?")
        self._parse = parse
        self.regimen: Regimen | None = None
        self.rows = DoseRowsEditor(drugs)
        self.free_text = QLineEdit()
        self.free_text.setAccessibleName("Or type it")
        self.free_text.setPlaceholderText(REGIMEN_EXAMPLE)
        self.message = _wrapped("")
        self.message.setAccessibleName("Regimen check")
        self.understood = UnderstoodRows()
        box = QVBoxLayout(self)
        box.addWidget(_wrapped("One row for each time of day you take a dose."))
        box.addWidget(self.rows)
        typed = QLabel("&Or type it:")
        typed.setBuddy(self.free_text)
        box.addWidget(typed)
        box.addWidget(self.free_text)
        box.addWidget(_wrapped(EXAMPLE_TEXT))
        box.addWidget(self.message)
        box.addWidget(QLabel("Understood as:"))
        box.addWidget(self.understood)
        self.rows.changed.connect(self._check)
        self.free_text.textChanged.connect(self._check)
        self.setFocusProxy(self.rows.rows[0].drug)

    def text(self) -> str:
        """The typed text when there is some, else the rows written out as text."""
        return self.free_text.text().strip() or self.rows.text()

    def _check(self, *_args: object) -> None:
        text = self.text()
        try:
            self.regimen = self._parse(text) if text else None
        except BenzoAppError as error:
            self.regimen = None
            self.message.setText(f"Not yet: {error}")
        else:
            self.message.setText("" if self.regimen else "Fill in a drug, an amount and a time.")
        self.understood.show_regimen(self.regimen)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        return self.regimen is not None


class PacePage(QWizardPage):
    """How fast: the method, the cut per step and the days between steps."""

    def __init__(self, defaults: PlanSettings) -> None:
        super().__init__()
        self.setTitle("How fast?")
        self.method = QComboBox()
        for method, text in METHOD_LABELS.items():
            self.method.addItem(text, method.value)
        self.method.setCurrentIndex(self.method.findData(defaults.method.value))
        self.rate = QDoubleSpinBox()
        self.rate.setRange(1.0, 25.0)
        self.rate.setDecimals(1)
        self.rate.setSuffix(" %")
        self.rate.setValue(float(defaults.rate_percent))
        self.every = QSpinBox()
        self.every.setRange(1, 60)
        self.every.setSuffix(" days")
        self.every.setValue(defaults.every_days)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, name in (
            ("&Method:", self.method, "Method"),
            ("Cut per &step:", self.rate, "Cut per step"),
            ("&Days between steps:", self.every, "Days between steps"),
        ):
            field.setAccessibleName(name)
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(_wrapped("You can change any of this later on the Plan page."))
        self.setFocusProxy(self.method)


class StartPage(QWizardPage):
    """When to start, and what "Use this plan" will do."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.setTitle("When do you start?")
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setAccessibleName("Start date")
        label = QLabel("S&tart on:")
        label.setBuddy(self.start)
        form = QFormLayout(self)
        form.addRow(label, self.start)
        self.use_text = _wrapped(USE_THIS_PLAN_TEXT)
        self.use_text.setAccessibleName("What happens next")
        form.addRow(self.use_text)
        self.setFocusProxy(self.start)


class FirstPlanGuide(QWizard):
    """Drug and dose times, pace, start; the answers as regimen text and settings."""

    def __init__(
        self,
        parse: Callable[[str], Regimen],
        drugs: Sequence[str],
        defaults: PlanSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("A first plan")
        self.setObjectName("first_plan_guide")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self._defaults = defaults
        self.regimen_page = RegimenPage(parse, drugs)
        self.pace_page = PacePage(defaults)
        self.start_page = StartPage(defaults.start)
        for page in (self.regimen_page, self.pace_page, self.start_page):
            self.addPage(page)
        # Room for four dose rows and what was understood at any text size: a page
        # squeezed smaller than its rows would cut them.
        metrics = self.fontMetrics()
        self.setMinimumSize(metrics.averageCharWidth() * 72, metrics.lineSpacing() * 30)

    def regimen_text(self) -> str:
        return self.regimen_page.text()

    def settings(self) -> PlanSettings:
        pace, start = self.pace_page, self.start_page.start.date()
        return replace(
            self._defaults,
            method=Method(pace.method.currentData()),
            rate_percent=Decimal(f"{pace.rate.value():.1f}").normalize(),
            every_days=pace.every.value(),
            start=dt.date(start.year(), start.month(), start.day()),
        )
