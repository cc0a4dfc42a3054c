"""One journal day entered by keyboard alone: symptoms, exertion and notes, then Ctrl+Return."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.journal import EXERTION_KINDS, Catalogue
from benzoapp.core.model import JournalDay

EXERTION_LABELS = {
    "physical": ("Physical", "Walking, chores, standing, exercise"),
    "cognitive": ("Cognitive", "Reading, screens, paperwork, concentrating"),
    "emotional": ("Emotional", "Worry, conflict, upsetting news, busy company"),
}


class JournalEntryWidget(QWidget):
    """A compact grid of 0-10 spin boxes, top to bottom in tab order, saved with Ctrl+Return.

    It only collects values: ``saved`` carries the day to whoever stores it (the page
    puts the store call on its undo stack), so this widget holds no business logic.
    """

    saved = Signal(object)  # JournalDay

    def __init__(
        self,
        catalogue: Catalogue,
        own_symptoms: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``own_symptoms``: (id, label) pairs of the person's own symptoms, shown last."""
        super().__init__(parent)
        self.setAccessibleName("Journal entry")
        self._catalogue = catalogue
        self._previous: JournalDay | None = None
        # The day as last loaded: ``seen`` is what the store held (None: no saved day),
        # ``_shown`` what the form showed then; typing makes the form differ from it.
        self.seen: JournalDay | None = None
        self._shown: JournalDay | None = None
        self._spins: dict[str, QSpinBox] = {}
        self._exertion: dict[str, QSpinBox] = {}

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_date_row())
        layout.addWidget(self._build_symptoms(own_symptoms))
        layout.addWidget(self._build_exertion())
        self._build_notes(layout)
        layout.addLayout(self._build_buttons())
        layout.addStretch(1)

        # Focus lands on the first symptom: the date is usually today and stays one
        # Shift+Tab (or Alt+D) away, since Tab inside a date edit steps through its parts.
        first_spin = next(iter(self._spins.values()), None)
        if first_spin is not None:
            self.setFocusProxy(first_spin)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self._fix_tab_order()

    def _build_date_row(self) -> QHBoxLayout:
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setAccessibleName("Day")
        date_label = QLabel("&Day", self)
        date_label.setBuddy(self.date_edit)
        row = QHBoxLayout()
        row.addWidget(date_label)
        row.addWidget(self.date_edit)
        row.addStretch(1)
        return row

    def _build_symptoms(self, own_symptoms: Sequence[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox("Symptoms today (0 none, 10 worst)", self)
        self._symptom_grid = QGridLayout(box)
        self._symptom_grid.setColumnStretch(2, 1)
        for symptom in self._catalogue.symptoms:
            self._add_symptom_row(symptom.id, symptom.label, symptom.description)
        for symptom_id, label in own_symptoms:
            self._add_symptom_row(symptom_id, label, "One of your own symptoms")
        return box

    def _build_exertion(self) -> QGroupBox:
        box = QGroupBox("Exertion today (0 none, 10 most)", self)
        grid = QGridLayout(box)
        grid.setColumnStretch(2, 1)
        for row, kind in enumerate(EXERTION_KINDS):
            label_text, hint = EXERTION_LABELS[kind]
            spin = self._spin(f"{label_text} exertion", hint)
            label = QLabel(label_text, box)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(self._hint(hint), row, 2)
            self._exertion[kind] = spin
        return box

    def _build_notes(self, layout: QVBoxLayout) -> None:
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setPlaceholderText("Anything worth remembering (optional)")
        self.notes_edit.setMaximumHeight(72)
        self.notes_label = QLabel("&Notes", self)
        self.notes_label.setBuddy(self.notes_edit)
        # The label and its field are one block: in a tall pane the spare height goes
        # below the buttons (see __init__), never between a label and what it names.
        block = QVBoxLayout()
        block.setSpacing(2)
        block.addWidget(self.notes_label)
        block.addWidget(self.notes_edit)
        layout.addLayout(block)

    def _build_buttons(self) -> QHBoxLayout:
        self.copy_button = QPushButton("Copy &previous day", self)
        self.copy_button.setAccessibleName("Copy the previous day's values")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_previous)
        self.save_button = QPushButton("&Save day (Ctrl+Return)", self)
        self.save_button.setAccessibleName("Save this day")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        return row

    def _spin(self, name: str, description: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, 10)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("10") * 4)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.setAccessibleName(name)
        spin.setAccessibleDescription(description)
        spin.setToolTip(description)
        return spin

    def _hint(self, text: str) -> QLabel:
        hint = QLabel(text, self)
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)  # a narrow pane wraps the hint rather than cutting it off
        return hint

    def _add_symptom_row(self, symptom_id: str, label_text: str, description: str) -> None:
        row = len(self._spins)
        spin = self._spin(label_text, description)
        label = QLabel(label_text, self)
        label.setBuddy(spin)
        self._symptom_grid.addWidget(label, row, 0)
        self._symptom_grid.addWidget(spin, row, 1)
        self._symptom_grid.addWidget(self._hint(description), row, 2)
        self._spins[symptom_id] = spin

    def _fix_tab_order(self) -> None:
        """Day, then every symptom top to bottom, exertion, notes, the buttons."""
        chain: list[QWidget] = [
            self.date_edit,
            *self._spins.values(),
            *self._exertion.values(),
            self.notes_edit,
            self.copy_button,  # left of Save on screen
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def spin_box(self, symptom_id: str) -> QSpinBox:
        """The spin box of a symptom."""
        return self._spins[symptom_id]

    def exertion_box(self, kind: str) -> QSpinBox:
        """The spin box of a kind of exertion (physical, cognitive, emotional)."""
        return self._exertion[kind]

    def symptom_ids(self) -> list[str]:
        return list(self._spins)

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def load_values(self, entry: JournalDay) -> None:
        """Show a saved day (its own symptoms get rows if they have none yet)."""
        self.set_day(entry.day)
        self._fill(entry)
        self.notes_edit.setPlainText(entry.notes)

    def show_stored(self, day: dt.date, stored: JournalDay | None) -> None:
        """Fill the form with ``day`` as stored (blank when there is none) and remember it
        as seen: a later save asks before replacing what changed elsewhere since."""
        if stored is None:
            self.load_values(JournalDay(day))
        else:
            self.load_values(stored)
        self.seen = stored
        self._shown = self.current_day()

    def mark_saved(self, day: JournalDay) -> None:
        """The form's values are now the stored day."""
        self.seen = day
        self._shown = self.current_day()

    def is_edited(self) -> bool:
        """True when the form holds typing not yet saved (or was never loaded).

        The Day field alone is not typing: turning to another day shows that day."""
        if self._shown is None:
            return True
        return replace(self.current_day(), day=self._shown.day) != self._shown

    def shown_date(self) -> dt.date | None:
        """The day the form was last loaded for."""
        return self._shown.day if self._shown is not None else None

    def set_previous(self, entry: JournalDay | None) -> None:
        """The day ``Copy previous day`` fills in from (None disables it)."""
        self._previous = entry
        self.copy_button.setEnabled(entry is not None)

    def copy_previous(self) -> None:
        """Fill today's ratings from the previous day, leaving the date and notes alone."""
        if self._previous is not None:
            self._fill(self._previous)

    def _fill(self, entry: JournalDay) -> None:
        missing = [s for s in entry.symptoms if s not in self._spins]
        for symptom_id in missing:
            self._add_symptom_row(
                symptom_id, self._catalogue.label(symptom_id), "One of your own symptoms"
            )
        if missing:
            self._fix_tab_order()
        for symptom_id, spin in self._spins.items():
            spin.setValue(entry.symptoms.get(symptom_id, 0))
        for kind, spin in self._exertion.items():
            spin.setValue(entry.exertion.get(kind, 0))

    def current_day(self) -> JournalDay:
        """The day as entered: every shown symptom is rated, 0 included."""
        date = self.date_edit.date()
        return JournalDay(
            day=dt.date(date.year(), date.month(), date.day()),
            symptoms={k: spin.value() for k, spin in self._spins.items()},
            exertion={k: spin.value() for k, spin in self._exertion.items()},
            notes=self.notes_edit.toPlainText().strip(),
        )

    def save(self) -> None:
        """Commit any half-typed number, then hand the day on."""
        for spin in (*self._spins.values(), *self._exertion.values()):
            spin.interpretText()
        self.saved.emit(self.current_day())
