"""The gentler options beside a plan: a list with each option's figures, applied by a key.

Self-contained: the page that hosts it passes in what ``core.taper.alternatives`` worked
out (``set_alternatives``) and listens to ``apply_requested``, which carries the
``PlanSettings`` that give the chosen option; the host re-plans with them (undoably).
Nothing here decides which options exist or what their figures are.

Keyboard: Tab reaches the list; arrows move; Enter (or Alt+A, the button) applies the
selected option. Each row's accessible text reads the whole option, source included,
so a screen reader gives the same as the eye.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.decimals import fmt
from benzoapp.core.taper.alternatives import Alternative, PlanFigures

_ROLE = Qt.ItemDataRole.UserRole


def figures_text(figures: PlanFigures) -> str:
    """The three figures in words, the same for the plan and each option."""
    return (
        f"largest cut {fmt(figures.largest_cut_pct)}%, longest forced hold "
        f"{figures.longest_forced_hold_days} days, {figures.days} days in all"
    )


class AlternativesPanel(QWidget):
    """A list of gentler options; Enter or the button asks the host to apply one."""

    apply_requested = Signal(object)  # the PlanSettings that give the chosen option

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alternativesPanel")
        self.heading = QLabel("Ge&ntler options to discuss with your prescriber")
        self.heading.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "muted")
        self.options = QListWidget()
        self.options.setObjectName("alternativesList")
        self.options.setAccessibleName("Gentler options")
        self.options.setWordWrap(True)
        self.options.setAlternatingRowColors(True)
        self.options.setSpacing(4)  # options of two or three lines stay apart
        self.heading.setBuddy(self.options)
        self.apply_button = QPushButton("&Apply this option")
        self.apply_button.setAccessibleName("Apply the selected option")
        self.apply_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.options, 1)
        layout.addWidget(self.apply_button)
        self.options.activated.connect(self._activated)
        self.options.currentRowChanged.connect(self._row_changed)
        self.apply_button.clicked.connect(self.apply_current)
        self.set_alternatives((), None)

    def set_alternatives(
        self, alternatives: Sequence[Alternative], plan_figures: PlanFigures | None
    ) -> None:
        """Show the options for the plan now shown (none: a short line says so)."""
        self.options.clear()
        for alternative in alternatives:
            text = f"{alternative.what}\n{figures_text(alternative.figures)}"
            item = QListWidgetItem(text)
            item.setData(_ROLE, alternative)
            spoken = f"{text}. Source: {alternative.source}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(f"Source: {alternative.source}")
            self.options.addItem(item)
        own = f"This plan: {figures_text(plan_figures)}." if plan_figures is not None else ""
        if alternatives:
            self.summary.setText(f"{own} Enter applies the selected option.".strip())
            self.options.setCurrentRow(0)
        else:
            self.summary.setText(f"{own} No gentler option is needed for this plan.".strip())
        self.options.setEnabled(bool(alternatives))
        self.apply_button.setEnabled(bool(alternatives))

    def current_alternative(self) -> Alternative | None:
        """The option selected now, or None when the list is empty."""
        row = self.options.currentRow()
        if row < 0:
            return None
        found = self.options.item(row).data(_ROLE)
        return found if isinstance(found, Alternative) else None

    def apply_current(self) -> None:
        """Ask the host to apply the selected option (nothing happens with none)."""
        chosen = self.current_alternative()
        if chosen is not None:
            self.apply_requested.emit(chosen.settings)

    def _activated(self, _index: QModelIndex) -> None:
        self.apply_current()

    def _row_changed(self, row: int) -> None:
        self.apply_button.setEnabled(row >= 0)
