"""A thin Qt table model over the core's Plan: one row per step, nothing computed here."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from benzoapp.core.levels import WARNING_ORDER, level_word
from benzoapp.core.model import Plan, PlanWarning, Step, WarningLevel
from benzoapp.core.taper.equivalents import lacks_equivalent
from benzoapp.gui.formatting import LEVEL_SHAPES, badge, mg, short_day
from benzoapp.report.text import daily_amount, several_drugs

COLUMNS: tuple[str, ...] = ("Step", "From", "To", "Days", "Doses", "Total", "Diazepam eq.", "Notes")
STOP_TEXT = "none from here on"  # the last, dose-free step (see Plan.is_stop)
SEVERAL_TIP = "Milligrams of different drugs do not add up: compare the diazepam equivalent."
NOT_AVAILABLE = "not available"  # a drug the table has no figure for: no number is made up
# What the header shows, where it differs from the column's name: two short lines keep
# the column as narrow as its figures, leaving the width to the doses.
HEADER_LABELS: dict[str, str] = {"Diazepam eq.": "Diazepam\neq."}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STEP_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def step_details(step: Step, warnings: tuple[PlanWarning, ...], several: bool) -> str:
    """One step in full: dates, doses and how to make them, notes, warnings with sources."""
    lines = [
        f"Step {step.index + 1}: {short_day(step.start)} to {short_day(step.end)}"
        f" ({step.days} days), {daily_amount(step, several)} a day"
    ]
    lines += [
        f"  {d.time}  {d.drug} {mg(d.mg)}" + (f"  ({d.units})" if d.units else "")
        for d in step.doses
    ]
    notes = step_notes(step, ())
    if notes:
        lines.append(f"Notes: {notes}")
    lines += [f"{badge(w.level.value)}: {w.message} Source: {w.source}" for w in warnings]
    return "\n".join(lines)


def loudest(warnings: tuple[PlanWarning, ...]) -> WarningLevel | None:
    """The loudest level among a step's warnings (None when it has none)."""
    return next((level for level in WARNING_ORDER if any(w.level is level for w in warnings)), None)


def step_notes(step: Step, warnings: tuple[PlanWarning, ...]) -> str:
    """The row's notes, most important first, so a shortened cell still says it.

    A caution's level in words ("■ Strong caution") leads; then why the step is as it
    is (a hold, an edit, the engine's own note such as "held 378 days: the form cannot
    make a smaller cut sooner"); then each warning with its level word. When a step has
    only notes, why it is as it is comes first and the notes follow.
    """
    parts = []
    if step.hold:
        parts.append("Hold")
    if step.edited:
        parts.append("Edited by hand")
    if getattr(step, "history", False):
        parts.append("Before the re-plan (kept as a record)")
    if step.note:
        parts.append(step.note)
    level = loudest(warnings)
    if level is None:
        return "; ".join(parts)
    messages = [
        w.message if w.level is level else f"{level_word(w.level.value)}: {w.message}"
        for w in warnings
    ]
    if level is WarningLevel.INFO:  # only notes: why the step is as it is comes first
        return "; ".join([*parts, f"{badge(level.value)}: " + "; ".join(messages)])
    return f"{badge(level.value)}: " + "; ".join(parts + messages)


def dose_line(time: str, drug: str, amount: str, units: str) -> str:
    """One dose for the table, with no-break spaces inside the amount and inside how to
    make it, so a narrow column wraps only between time, drug, amount and make-up
    (and after a "+" in a long make-up), never between a number and its unit."""
    keep = "\u00a0"
    text = f"{time} {drug} {amount.replace(' ', keep)}"
    if units:
        text += " (" + units.replace(" + ", "\u00a0+\n").replace(" ", keep).replace("\n", " ") + ")"
    return text


class StepTableModel(QAbstractTableModel):
    """Shows a Plan; ``set_plan`` swaps in a new one (plans are immutable values)."""

    def __init__(self, plan: Plan | None = None) -> None:
        super().__init__()
        self._plan = plan
        self._own_mg = plan is not None and lacks_equivalent(plan)
        self._several = plan is not None and several_drugs(plan)

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self._own_mg = plan is not None and lacks_equivalent(plan)
        self._several = plan is not None and several_drugs(plan)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._plan.steps)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return HEADER_LABELS.get(COLUMNS[section], COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._plan is None:
            return None
        if not (0 <= index.row() < len(self._plan.steps)):
            return None
        step = self._plan.steps[index.row()]
        column = index.column()
        if role == STEP_ROLE:
            return step.index
        if role == SORT_ROLE:
            return self._sort_value(step, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and self._several:
            return SEVERAL_TIP
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(step, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def details(self, row: int) -> str:
        """The full text of one step (for the details beside the table)."""
        if self._plan is None or not 0 <= row < len(self._plan.steps):
            return ""
        step = self._plan.steps[row]
        return step_details(step, self._warnings_for(step), self._several)

    def _warnings_for(self, step: Step) -> tuple[PlanWarning, ...]:
        assert self._plan is not None
        return tuple(w for w in self._plan.warnings if w.step_index == step.index)

    def _text(self, step: Step, column: int) -> str:
        if column == 0:
            # The loudest warning's shape beside the number; its words lead the Notes
            # cell and the step details below the table.
            level = loudest(self._warnings_for(step))
            return f"{step.index + 1} {LEVEL_SHAPES[level.value]}" if level else str(step.index + 1)
        if column == 1:
            return short_day(step.start)
        stop = self._plan is not None and self._plan.is_stop(step)
        if column in (2, 3) and stop:
            return "–"  # the taper is done: no end date, no count of days
        if column == 2:
            return short_day(step.end)
        if column == 3:
            return str(step.days)
        if column == 4 and stop:
            return STOP_TEXT
        if column == 4:
            return "\n".join(dose_line(d.time, d.drug, mg(d.mg), d.units) for d in step.doses)
        if column == 5:
            # Milligrams of different drugs do not add up: as on the printed plan, a plan
            # of several drugs is totalled only as its diazepam equivalent.
            return "–" if self._several else mg(step.total_mg)
        if column == 6:
            return NOT_AVAILABLE if self._own_mg else mg(step.diazepam_equivalent_mg)
        return step_notes(step, self._warnings_for(step))

    def _sort_value(self, step: Step, column: int) -> object:
        if column in (0, 1, 2):
            return step.index
        if column == 3:
            return step.days
        if column == 5:
            # sorting order only; never shown or stored (several drugs: by equivalent)
            return float(step.diazepam_equivalent_mg if self._several else step.total_mg)
        if column == 6:
            return 0.0 if self._own_mg else float(step.diazepam_equivalent_mg)
        return self._text(step, column)


def sorting_proxy(model: StepTableModel) -> QSortFilterProxyModel:
    """A proxy that sorts by real values (dates, mg) rather than by their text."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
