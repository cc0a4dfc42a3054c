"""The Plan page's further settings: crossover caps, dose times, measuring.

They sit under the main settings (regimen, method, pace, form, crossover, start) and
only show what applies: the caps while a crossover is chosen, the scale for weighed
pieces, the syringe for a liquid. Each field's empty value (0) means the engine's
default, written out in the field ("Usual maximum", "No cap", "1 mg") so the person
sees what is in force without knowing the defaults.

Like ``PlanForm`` it only holds the fields and turns them into ``PlanSettings`` and
back; the page decides what a change means (a new plan, undoable).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.decimals import fmt
from benzoapp.core.model import Form, PlanSettings

# The engine's defaults when a field is left at 0 (core/formulation.py, core/taper/limits.py).
DEFAULT_SCALE_MG = "1 mg"
DEFAULT_SYRINGE_ML = "0.1 ml"


def _amount(special: str, suffix: str, maximum: float, decimals: int = 2) -> QDoubleSpinBox:
    """A spin box whose 0 reads as ``special`` (the engine's default is in force)."""
    box = QDoubleSpinBox()
    box.setRange(0.0, maximum)
    box.setDecimals(decimals)
    box.setSingleStep(0.5 if decimals <= 2 else 0.01)
    box.setSuffix(suffix)
    box.setSpecialValueText(special)
    return box


def _value(box: QDoubleSpinBox) -> Decimal | None:
    """The field as a Decimal, or None at 0 (the engine's default)."""
    number = Decimal(f"{box.value():.{box.decimals()}f}").normalize()
    return None if number == 0 else number


def _labelled(form: QFormLayout, text: str, field: QWidget, name: str) -> QLabel:
    field.setAccessibleName(name)
    label = QLabel(text)
    label.setBuddy(field)
    label.setWordWrap(True)
    form.addRow(label, field)
    return label


class PlanOptions(QWidget):
    """Caps per dose time and per day for a crossover, dose times, measuring tools."""

    changed = Signal()  # a field the person changed (not one set by ``show_settings``)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # A check box does not wrap: its words are short, the reason wraps beneath.
        self.keep_times = QCheckBox("&Keep every dose time")
        self.keep_times.setAccessibleName("Keep every dose time")
        why = (
            "Short-acting drugs: cuts are spread over all the dose times, so none is "
            "dropped early (that invites withdrawal between doses)."
        )
        self.keep_times.setToolTip(why)
        self.keep_times.setAccessibleDescription(why)
        self.keep_note = QLabel(why)
        self.keep_note.setWordWrap(True)
        self.keep_note.setProperty("role", "muted")
        self.cap_day = _amount("Usual maximum", " mg", 1000.0)
        self.cap_day_label = _labelled(form, "Crossover cap a day:", self.cap_day, "Cap a day")
        self.cap_dose = _amount("No cap", " mg", 1000.0)
        self.cap_dose_label = _labelled(
            form, "Crossover cap per dose time:", self.cap_dose, "Cap per dose time"
        )
        self.caps_note = QLabel("")
        self.caps_note.setWordWrap(True)
        self.caps_note.setProperty("role", "muted")
        self.caps_note.setAccessibleName("Crossover caps in force")
        self.scale = _amount(f"Default ({DEFAULT_SCALE_MG})", " mg", 100.0, 3)
        self.scale_label = _labelled(form, "Scale's smallest step:", self.scale, "Scale step")
        self.syringe = _amount(f"Default ({DEFAULT_SYRINGE_ML})", " ml", 5.0, 3)
        self.syringe_label = _labelled(
            form, "Syringe's smallest mark:", self.syringe, "Syringe step"
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.keep_times)
        box.addWidget(self.keep_note)
        box.addLayout(form)
        box.addWidget(self.caps_note)
        self.keep_times.toggled.connect(self._edited)
        for field in (self.cap_day, self.cap_dose, self.scale, self.syringe):
            field.valueChanged.connect(self._edited)
        self.show_settings(PlanSettings())

    def focus_order(self) -> tuple[QWidget, ...]:
        """The fields top to bottom (for the page's Tab order)."""
        return (self.keep_times, self.cap_day, self.cap_dose, self.scale, self.syringe)

    def _edited(self, *_args: object) -> None:
        if not self._showing:
            self.changed.emit()

    def settings(self, base: PlanSettings) -> PlanSettings:
        """``base`` with the values now in the fields."""
        return replace(
            base,
            keep_dose_times=self.keep_times.isChecked(),
            crossover_max_daily_mg=_value(self.cap_day),
            crossover_max_dose_mg=_value(self.cap_dose),
            scale_resolution_mg=_value(self.scale),
            syringe_step_ml=_value(self.syringe),
        )

    def show_settings(self, s: PlanSettings) -> None:
        """Put settings in the fields, showing only those that apply."""
        self._showing = True
        try:
            self.keep_times.setChecked(s.keep_dose_times)
            self.cap_day.setValue(float(s.crossover_max_daily_mg or 0))
            self.cap_dose.setValue(float(s.crossover_max_dose_mg or 0))
            self.scale.setValue(float(s.scale_resolution_mg or 0))
            self.syringe.setValue(float(s.syringe_step_ml or 0))
        finally:
            self._showing = False
        crossing = s.crossover_to is not None
        for widget in (self.cap_day, self.cap_day_label, self.cap_dose, self.cap_dose_label):
            widget.setVisible(crossing)
        self.caps_note.setVisible(crossing)
        weighed, liquid = s.form is Form.WEIGHED, s.form is Form.LIQUID
        self.scale.setVisible(weighed)
        self.scale_label.setVisible(weighed)
        self.syringe.setVisible(liquid)
        self.syringe_label.setVisible(liquid)

    def show_caps(
        self, target: str | None, per_dose: Decimal | None, daily: Decimal | None
    ) -> None:
        """Say which caps the crossover keeps now, the defaults included."""
        if target is None:
            self.caps_note.setText("")
            return
        day = "no cap a day" if daily is None else f"at most {fmt(daily)} mg {target} a day"
        dose = "no cap per dose time" if per_dose is None else f"{fmt(per_dose)} mg per dose time"
        self.caps_note.setText(
            f"In force: {day}, {dose}. What does not fit is reduced as the old drug "
            "rather than switched (Ashton Manual; ASAM 2025 Table 7 note)."
        )
