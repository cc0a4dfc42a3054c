"""Entering the regimen: free text, or dose by dose, and what was understood, to confirm.

There is one reader of regimen text, the core's (``Planner.parse_regimen``): the rows a
person fills in are written out as that text, and what the text was read as is shown
back as rows (drug, amount, time). Errors are the core's words, shown in full.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.model import Regimen
from benzoapp.gui.formatting import mg

# The shape the reader accepts today; written once, shown in full under the field.
REGIMEN_EXAMPLE = "clonazepam 0.5mg 08:00; clonazepam 0.25mg 21:00"
# What people write: words for the times, "and" between doses (the parser reads both).
WRITTEN_EXAMPLE = "clonazepam 0.5 mg morning and 1 mg at night"
EXAMPLE_TEXT = f"For example: {WRITTEN_EXAMPLE}, or {REGIMEN_EXAMPLE} (a drug, a dose and a time)"


def rows_to_text(rows: Sequence[tuple[str, str, str]]) -> str:
    """(drug, amount, time) rows as regimen text; a bare number is taken as mg."""
    parts = []
    for drug, typed, time in rows:
        amount = typed.strip()
        if amount[-1:].isdigit():
            amount = f"{amount}mg"
        parts.append(" ".join(p for p in (drug.strip(), amount, time.strip()) if p))
    return "; ".join(parts)


class UnderstoodRows(QTableWidget):
    """What the text was read as: one row per dose, drug, amount and time, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("understood_rows")
        self.setAccessibleName("Understood as")
        self.setHorizontalHeaderLabels(["Drug", "Amount", "Time"])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setVisible(False)

    def show_regimen(self, regimen: Regimen | None) -> None:
        doses = regimen.doses if regimen is not None else ()
        self.setRowCount(len(doses))
        for row, dose in enumerate(doses):
            for column, text in enumerate((dose.release or dose.drug, mg(dose.mg), dose.time)):
                self.setItem(row, column, QTableWidgetItem(text))
        self.setVisible(bool(doses))
        self.resizeRowsToContents()
        line = max(self.rowHeight(0), self.fontMetrics().lineSpacing() + 8) if doses else 0
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + line * len(doses) + 4)
        self.setAccessibleDescription("; ".join(f"{d.drug} {mg(d.mg)} at {d.time}" for d in doses))

    def texts(self) -> list[list[str]]:
        """The rows as shown (for tests and screen readers)."""
        return [
            [item.text() if (item := self.item(r, c)) else "" for c in range(3)]
            for r in range(self.rowCount())
        ]


class DoseRow:
    """One dose being entered: drug (with completion), amount and time of day."""

    def __init__(self, drugs: Sequence[str], drug: str = "", amount: str = "") -> None:
        self.drug = QLineEdit(drug)
        self.drug.setAccessibleName("Drug")
        self.drug.setPlaceholderText("drug")
        # Parented to the field: the field does not own its completer, and one collected
        # while the field lives would crash the popup.
        completer = QCompleter(list(drugs), self.drug)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.drug.setCompleter(completer)
        self.amount = QLineEdit(amount)
        self.amount.setAccessibleName("Amount, mg")
        self.amount.setPlaceholderText("mg")
        self.time = QTimeEdit(QTime(8, 0))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Time of day")
        self.remove = QPushButton("Remove")

    def values(self) -> tuple[str, str, str]:
        return (self.drug.text(), self.amount.text(), self.time.time().toString("HH:mm"))


class DoseRowsEditor(QWidget):
    """Rows of doses, one per time of day; ``changed`` carries them as regimen text."""

    changed = Signal(str)

    def __init__(self, drugs: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Doses")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._drugs = tuple(drugs)
        self.rows: list[DoseRow] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        for column, title in enumerate(("Drug", "Amount (mg)", "Time")):
            self._grid.addWidget(QLabel(title), 0, column)
        box.addLayout(self._grid)
        self.add_button = QPushButton("&Add a dose time")
        self.add_button.clicked.connect(self._add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        box.addLayout(row)
        self.add_row()

    def add_row(self, drug: str = "", amount: str = "", time: QTime | None = None) -> DoseRow:
        """A new row; the drug is carried over from the row above, since most regimens
        are one drug at several times."""
        if not drug and self.rows:
            drug = self.rows[-1].drug.text()
        row = DoseRow(self._drugs, drug, amount)
        if time is not None:
            row.time.setTime(time)
        elif self.rows:
            row.time.setTime(self.rows[-1].time.time().addSecs(12 * 3600))
        index = len(self.rows) + 1
        for column, widget in enumerate((row.drug, row.amount, row.time, row.remove)):
            self._grid.addWidget(widget, index, column)
        row.drug.textChanged.connect(self._emit)
        row.amount.textChanged.connect(self._emit)
        row.time.timeChanged.connect(self._emit)
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_row(r))
        self.rows.append(row)
        self._chain()
        self._emit()
        return row

    def _add_clicked(self) -> None:
        self.add_row().amount.setFocus()

    def remove_row(self, row: DoseRow) -> None:
        if len(self.rows) == 1:
            return
        self.rows.remove(row)
        for widget in (row.drug, row.amount, row.time, row.remove):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self._chain()
        self._emit()

    def _chain(self) -> None:
        chain: list[QWidget] = [w for r in self.rows for w in (r.drug, r.amount, r.time, r.remove)]
        chain.append(self.add_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def text(self) -> str:
        filled = [r.values() for r in self.rows if r.drug.text().strip() or r.amount.text()]
        return rows_to_text(filled)

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.text())


class DoseRowsDialog(QDialog):
    """The regimen dose by dose; OK writes it into the regimen field as text."""

    def __init__(
        self, drugs: Sequence[str], check: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Enter your doses")
        self.editor = DoseRowsEditor(drugs, self)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Regimen check")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.editor.changed.connect(lambda text: self.message.setText(check(text)))
        box = QVBoxLayout(self)
        box.addWidget(self.editor)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.editor.rows[0].drug.setFocus()

    def text(self) -> str:
        return self.editor.text()
