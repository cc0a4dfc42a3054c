"""Small dialogs the Plan page asks through: hold length, a step's doses, what you take now."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.errors import InputError
from benzoapp.core.model import Step, StepDose
from benzoapp.gui.formatting import parse_mg


class EditStepDialog(QDialog):
    """Change a step's length and the amount at each dose time."""

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit step {step.index + 1}")
        self._step = step
        form = QFormLayout()
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(step.days)
        self.days.setSuffix(" days")
        self.days.setAccessibleName("Days in this step")
        days_label = QLabel("&Days:")
        days_label.setBuddy(self.days)
        form.addRow(days_label, self.days)
        self.amounts: list[QLineEdit] = []
        for dose in step.doses:
            field = QLineEdit(format(dose.mg.normalize(), "f"))
            field.setAccessibleName(f"{dose.drug} at {dose.time}, mg")
            label = QLabel(f"{dose.drug} at {dose.time} (mg):")
            label.setBuddy(field)
            form.addRow(label, field)
            self.amounts.append(field)
        self.message = QLabel("")
        self.message.setProperty("role", "muted")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)

    def _accept_if_valid(self) -> None:
        try:
            self._read_doses()
        except InputError as error:
            self.message.setText(str(error))
            return
        self.accept()

    def doses(self) -> tuple[StepDose, ...] | None:
        """The doses as entered, or None if one is not a valid amount."""
        try:
            return self._read_doses()
        except InputError:
            return None

    def _read_doses(self) -> tuple[StepDose, ...]:
        """The doses as entered; ``InputError`` (the core's words) for one it cannot read."""
        return tuple(
            StepDose(dose.drug, dose.time, parse_mg(field.text()))
            for dose, field in zip(self._step.doses, self.amounts, strict=True)
        )

    def changed_doses(self) -> tuple[StepDose, ...] | None:
        """The new doses if any amount changed, else None (only the length changed)."""
        doses = self.doses()
        if doses is None:
            return None
        before = tuple(Decimal(d.mg) for d in self._step.doses)
        return None if tuple(d.mg for d in doses) == before else doses
