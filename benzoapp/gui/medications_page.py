"""Medications & supplements: what the person takes, each checked, each with its caution."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.changes import Changes
from benzoapp.core.model import Medication
from benzoapp.gui.formatting import badge
from benzoapp.gui.operations import Operations
from benzoapp.gui.services import Caution, CautionLookup, MedicationRepository

COLUMNS = ("Name", "Kind", "Dose", "Caution", "Why")
KINDS = (("medication", "Medicine"), ("supplement", "Supplement"), ("therapy", "Therapy"))
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MedicationRow:
    id: int
    medication: Medication
    caution: Caution


def caution_text(c: Caution) -> str:
    """The reason with how the name matched and where the advice comes from."""
    parts = [c.reason]
    if c.matched:
        parts.insert(0, f"Matched {c.matched}.")
    if c.sources:
        parts.append("Source: " + "; ".join(c.sources))
    return " ".join(p for p in parts if p)


class MedicationTableModel(QAbstractTableModel):
    """Rows of medication plus the checker's answer; built fresh from the store."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MedicationRow] = []

    def set_rows(self, rows: list[MedicationRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        med = row.medication
        kind = dict(KINDS).get(med.kind, med.kind)
        return (med.name, kind, med.dose, badge(row.caution.level), caution_text(row.caution))[
            index.column()
        ]


class MedicationsPage(QWidget):
    """Adding always asks the checker first, and shows its answer before it is saved."""

    def __init__(
        self,
        medications: MedicationRepository,
        checker: CautionLookup | None,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Medications & supplements")
        # Writes go through the shared operations; the list follows their announcements.
        self._ops = operations or Operations(undo_stack, self)
        self._ops.changed.connect(self.on_changed)
        self._ops.failed.connect(self._on_failed)
        self._repo = medications
        self._checker = checker
        self._undo = undo_stack
        self._read_only_reason = ""
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(14)
        intro = QLabel(
            "What else you take or do. Each is checked against the source documents; "
            "talk to your prescriber about anything marked."
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        box.addWidget(intro)
        self.model = MedicationTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("What you take")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.table, 1)
        self.remove_button = QPushButton("&Remove selected")
        self.remove_button.setAccessibleName("Remove selected")
        self.remove_button.clicked.connect(self.remove_selected)
        box.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addLayout(self._build_add_form())
        self.refresh()

    def _build_add_form(self) -> QFormLayout:
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.name.setPlaceholderText("e.g. magnesium, Cipro, yoga")
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        self.name.textEdited.connect(self._complete)
        name_label = QLabel("&Name:")
        name_label.setBuddy(self.name)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for value, text in KINDS:
            self.kind.addItem(text, value)
        kind_label = QLabel("&Kind:")
        kind_label.setBuddy(self.kind)
        self.dose = QLineEdit()
        self.dose.setAccessibleName("Dose")
        self.dose.setPlaceholderText("optional, e.g. 200 mg at night")
        dose_label = QLabel("&Dose:")
        dose_label.setBuddy(self.dose)
        self.add_button = QPushButton("Check and &add")
        self.add_button.setAccessibleName("Check and add")
        self.add_button.clicked.connect(self.check_and_add)
        self.name.returnPressed.connect(self.check_and_add)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Check result")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.result, 1)
        form.addRow(name_label, self.name)
        form.addRow(kind_label, self.kind)
        form.addRow(dose_label, self.dose)
        form.addRow(row)
        self.add_button.setEnabled(self._checker is not None)
        if self._checker is None:
            self.result.setText("The checker is not available, so nothing can be added.")
        return form

    def _complete(self, text: str) -> None:
        if self._checker is not None and text.strip():
            self._names.setStringList(self._checker.complete(text.strip())[:20])

    def _caution(self, name: str) -> Caution:
        if self._checker is None:
            return Caution("not_covered", "", "The checker is not available.")
        return self._checker.caution(name)

    def refresh(self) -> None:
        self.model.set_rows(
            [MedicationRow(i, m, self._caution(m.name)) for i, m in self._repo.list()]
        )

    def set_read_only(self, reason: str) -> None:
        """Show the list, add and remove nothing (``reason`` is the buttons' tooltip)."""
        self._read_only_reason = reason
        for button in (self.add_button, self.remove_button):
            button.setEnabled(False)
            button.setToolTip(reason)
        self.result.setText(
            "Nothing can be added or removed just now: changes cannot be saved. "
            "The Check page still answers."
        )

    def check_and_add(self) -> None:
        """Check the name, show the answer beside the button, then save (undoable)."""
        name = self.name.text().strip()
        if not name or self._checker is None or self._read_only_reason:
            return
        caution = self._checker.caution(name)
        self.result.setText(f"{badge(caution.level)} — {name}: {caution_text(caution)}")
        medication = Medication(
            name=name, kind=str(self.kind.currentData()), dose=self.dose.text().strip()
        )
        if not self._ops.add_medication(self._repo, medication, initiator=self):
            return
        self.name.clear()
        self.dose.clear()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._read_only_reason:
            return
        row = self.model.rows[rows[0].row()]
        self._ops.remove_medication(self._repo, row.id, row.medication, initiator=self)

    def _on_failed(self, message: str, initiator: object) -> None:
        if initiator is self:
            self.result.setText(message)

    def on_changed(self, changes: Changes, _initiator: object) -> None:
        """The medications changed (here, by undo, or an import): show the store."""
        if changes.touches_medications():
            self.refresh()
