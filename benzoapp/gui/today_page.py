"""The Today page: today's doses by time to tick off, the next change, a quick check-in."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.changes import Changes
from benzoapp.core.errors import InputError
from benzoapp.core.journal.overwrite import unseen_replacements
from benzoapp.core.model import DoseLogEntry, JournalDay, Plan, Step, StepDose
from benzoapp.gui.accessibility import announce, announce_change
from benzoapp.gui.formatting import badge, day, mg, parse_mg
from benzoapp.gui.operations import Operations
from benzoapp.gui.regimen_flags_panel import RegimenFlagsPanel
from benzoapp.gui.replace_prompt import Answer, ask_before_replacing, replaced_lines
from benzoapp.gui.services import (
    ActivePlanSource,
    DoseLogRepository,
    DoseLogSource,
    JournalDaySource,
    JournalRepository,
    TodaySnapshot,
)
from benzoapp.gui.source_reader import SourceLinks
from benzoapp.report.text import amounts_by_drug, daily_amount, several_drugs

# A short check-in with ids from the journal's symptom catalogue (resources/journal);
# the Journal page has the full list from the source documents.
QUICK_SYMPTOMS: tuple[tuple[str, str], ...] = (
    ("fatigue", "Fatigue"),
    ("cognitive", "Brain fog"),
    ("unrefreshing_sleep", "Unrefreshing sleep"),
    ("pain", "Pain and aching"),
    ("muscle_tension", "Muscle tension"),
)


def step_on(plan: Plan, when: dt.date) -> Step | None:
    """The step in force on a day: the core's answer (``Plan.step_on``)."""
    return plan.step_on(when)


def _history(step: Step) -> bool:
    return bool(getattr(step, "history", False))


class MessageLabel(QLabel):
    """A wrapped message that takes no room while it has nothing to say."""

    def __init__(self) -> None:
        super().__init__("")
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self.setVisible(bool(text))


class DoseRow:
    """The widgets of one planned dose: a 'taken' tick and the amount really taken."""

    def __init__(self, dose: StepDose) -> None:
        self.dose = dose
        name = f"{dose.time} {dose.drug}"
        self.label = QLabel(f"{dose.time}   {dose.drug} {mg(dose.mg)}")
        self.how = QLabel(dose.units)
        self.how.setProperty("role", "muted")
        self.taken = QCheckBox("Taken")
        self.taken.setAccessibleName(f"Taken {name}")
        self.amount = QLineEdit(format(dose.mg.normalize(), "f"))
        self.amount.setAccessibleName(f"Amount taken at {name}, mg")
        self.amount.setMaximumWidth(110)
        self.amount_label = QLabel("mg")
        self.amount_label.setBuddy(self.amount)


class TodayPage(QWidget):
    """Every tick and every amount is written to the dose log at once, and can be undone.

    At start-up the page may first show a read-only snapshot (:meth:`read_only`): the
    controls that write (ticks, amounts, the check-in) are disabled until :meth:`attach`
    hands it the store, so no click can reach a write before the store is open (a click
    on a disabled control does nothing).
    """

    def __init__(
        self,
        plans: ActivePlanSource | None,
        dose_log: DoseLogRepository | None,
        journal: JournalRepository | None,
        undo_stack: QUndoStack,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Today")
        # The check-in as last loaded from the journal: ``_seen`` is the stored day (None:
        # none), ``_shown`` the values put in the boxes; typing makes them differ.
        self._seen: JournalDay | None = None
        self._shown: dict[str, int] = {}
        self._check_in_day: dt.date | None = None
        self._last_failure = ""
        self._ops = operations or Operations(undo_stack, self)
        self._connect_operations()
        self._plans = plans
        # What the page shows from, and what it writes to: the same objects, except
        # while it shows a start-up snapshot, when there is nothing to write to.
        self._log_source: DoseLogSource | None = dose_log
        self._journal_source: JournalDaySource | None = journal
        self._log = dose_log
        self._journal = journal
        self._undo = undo_stack
        self._read_only_reason = ""
        self._clock = today
        self._today = today
        self.rows: list[DoseRow] = []
        self._build_body()
        self._shown_day = today()
        # Left open overnight, the page turns to the new day by itself.
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self._turn_day_if_needed)
        self._day_timer.start()
        self.refresh()

    def _build_body(self) -> None:
        """Heading, doses, next change, warnings and the check-in, in one scroll area."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self._box = QVBoxLayout(body)
        self._box.setContentsMargins(12, 8, 12, 8)
        self._box.setSpacing(16)
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self._box.addWidget(self.heading)
        self.doses_group = QGroupBox("Doses today")
        self._doses_grid = QGridLayout(self.doses_group)
        self._doses_grid.setHorizontalSpacing(18)
        self._doses_grid.setVerticalSpacing(10)
        self._box.addWidget(self.doses_group)
        self.dose_message = MessageLabel()
        self.dose_message.setAccessibleName("Dose message")
        self._box.addWidget(self.dose_message)
        self.next_change = QLabel()
        self.next_change.setWordWrap(True)
        self.next_change.setAccessibleName("Next change")
        self._box.addWidget(self.next_change)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Warnings in force")
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._box.addWidget(self.warnings)
        # Each document a warning cites opens in the source reader at its section.
        self.warning_sources = SourceLinks("Sources of the warnings", body)
        self._box.addWidget(self.warning_sources)
        # Warnings about what is taken alongside the taper; filled once the checker loads.
        self.regimen_flags = RegimenFlagsPanel("Warnings about what you take", body)
        self._box.addWidget(self.regimen_flags)
        self.regimen_flags.shown.connect(self._fix_tab_order)  # its links come and go
        self._box.addWidget(self._build_check_in())
        self._box.addStretch(1)

    @classmethod
    def read_only(
        cls, snapshot: TodaySnapshot, undo_stack: QUndoStack, *, parent: QWidget | None = None
    ) -> TodayPage:
        """A page showing ``snapshot``'s day with every writing control disabled.

        It follows the snapshot's day (not the clock) until :meth:`attach`, since the
        snapshot can answer for that day only.
        """
        page = cls(None, None, None, undo_stack, today=lambda: snapshot.day, parent=parent)
        page._plans = snapshot
        page._log_source = snapshot
        page._journal_source = snapshot
        page.refresh()
        return page

    def attach(
        self,
        plans: ActivePlanSource,
        dose_log: DoseLogRepository,
        journal: JournalRepository,
        *,
        today: Callable[[], dt.date] | None = None,
        operations: Operations | None = None,
    ) -> None:
        """Show from and write to the store from now on (after a read-only start).

        The rows are updated in place when the store has the same doses, so what the
        person sees and where the keyboard focus is stay as they were; the controls
        that write are enabled.
        """
        if operations is not None and operations is not self._ops:
            self._ops = operations
            self._connect_operations()
        self._plans = plans
        self._log_source = self._log = dose_log
        self._journal_source = self._journal = journal
        self._today = today or self._clock
        self.refresh()

    def set_read_only(self, reason: str) -> None:
        """Keep showing the store's data but write nothing (a folder that cannot be saved to).

        The controls that write are disabled; ``reason`` is their tooltip.
        """
        self._read_only_reason = reason
        self._log = None
        self._journal = None
        self.refresh()
        announce(self.check_in_message, "Not saved: changes cannot be saved just now.")

    def _connect_operations(self) -> None:
        # Bound methods: Qt drops the connections when the page goes (after a restore).
        self._ops.changed.connect(self.on_changed)
        self._ops.failed.connect(self._on_failed)

    @property
    def operations(self) -> Operations:
        return self._ops

    def on_changed(self, changes: Changes, initiator: object) -> None:
        """Reload what the announcement says changed; a check-in being typed is kept."""
        today = self._today()
        if changes.touches_plan() or changes.touches_log(today) or changes.touches_journal(today):
            self.refresh()

    def _on_failed(self, message: str, initiator: object) -> None:
        if initiator is self or initiator is None:
            announce(self.dose_message, message)
            self._last_failure = message

    def is_read_only(self) -> bool:
        """True while the page shows data it cannot write to (before :meth:`attach`)."""
        return self._log is None and self._log_source is not None

    def _build_check_in(self) -> QGroupBox:
        group = QGroupBox("How are you today? (0 = not at all, 10 = worst)")
        form = QFormLayout(group)
        form.setVerticalSpacing(8)
        self.symptoms: dict[str, QSpinBox] = {}
        for key, text in QUICK_SYMPTOMS:
            spin = QSpinBox()
            spin.setRange(0, 10)
            spin.setAccessibleName(text)
            spin.setMaximumWidth(90)
            label = QLabel(f"{text}:")
            label.setBuddy(spin)
            form.addRow(label, spin)
            self.symptoms[key] = spin
        self.save_check_in = QPushButton("&Save check-in")
        self.save_check_in.setAccessibleName("Save check-in")
        self.save_check_in.clicked.connect(self.record_check_in)
        self.check_in_message = QLabel("")
        self.check_in_message.setProperty("role", "muted")
        row = QHBoxLayout()
        row.addWidget(self.save_check_in)
        row.addWidget(self.check_in_message, 1)
        form.addRow(row)
        self.check_in_group = group
        return group

    # -- showing -----------------------------------------------------------------------
    def _active_plan(self) -> Plan | None:
        found = self._plans.active() if self._plans is not None else None
        return found[1] if found else None

    def _turn_day_if_needed(self) -> None:
        if self._today() != self._shown_day:
            self.refresh()

    def refresh(self, *_changed: object) -> None:
        """Re-read the plan, the log and the journal (after a save or a new day)."""
        today = self._today()
        self._shown_day = today
        self.heading.setText(f"Today, {day(today)}")
        plan = self._active_plan()
        step = step_on(plan, today) if plan else None
        self._show_doses(step, today)
        self._show_next(plan, step)
        self._show_warnings(plan, step)
        self._show_check_in(today)
        self._enable_writing()
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Top to bottom as drawn: the doses, the source links, the flags, the check-in.

        Rows and links are made as the day's data arrives, after the check-in, so
        without this they would come last in the Tab order."""
        chain: list[QWidget] = [w for row in self.rows for w in (row.taken, row.amount)]
        chain += self.warning_sources.links
        chain += self.regimen_flags.links
        chain += [*self.symptoms.values(), self.save_check_in]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _enable_writing(self) -> None:
        """Controls that write are enabled only when there is something to write to."""
        tip = self._read_only_reason
        for row in self.rows:
            row.taken.setEnabled(self._log is not None)
            row.amount.setEnabled(self._log is not None)
            row.taken.setToolTip(tip)
            row.amount.setToolTip(tip)
        self.check_in_group.setEnabled(self._journal is not None)
        self.check_in_group.setToolTip(tip)

    def _show_doses(self, step: Step | None, today: dt.date) -> None:
        logged = {
            (e.time, e.drug): e
            for e in (self._log_source.between(today, today) if self._log_source else [])
        }
        doses = sorted(step.doses, key=lambda d: d.time) if step is not None else []
        if doses and [row.dose for row in self.rows] == doses:
            # Same doses as shown: update in place, so keyboard focus stays where it was.
            for row in self.rows:
                self._show_logged(row, logged.get((row.dose.time, row.dose.drug)))
            return
        while self._doses_grid.count():
            item = self._doses_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        if step is None:
            empty = QLabel("No plan in use for today. Make one on the Plan page.")
            empty.setProperty("role", "muted")
            self._doses_grid.addWidget(empty, 0, 0)
            return
        for r, dose in enumerate(doses):
            row = DoseRow(dose)
            self._show_logged(row, logged.get((dose.time, dose.drug)))
            # How to make the dose goes under it: side by side the row is wider than
            # a small window with large text, and would scroll sideways.
            for c, widget in enumerate((row.label, row.taken, row.amount, row.amount_label)):
                self._doses_grid.addWidget(widget, 2 * r, c)
            self._doses_grid.addWidget(row.how, 2 * r + 1, 0)
            row.taken.clicked.connect(lambda _=False, rw=row: self._taken_clicked(rw))
            row.amount.editingFinished.connect(lambda rw=row: self._amount_edited(rw))
            self.rows.append(row)
        self._doses_grid.setColumnStretch(4, 1)

    @staticmethod
    def _show_logged(row: DoseRow, entry: DoseLogEntry | None) -> None:
        """A row's tick and amount as the log has them (the plan's amount if nothing)."""
        taken = entry is not None and entry.taken_mg is not None
        amount = entry.taken_mg if entry is not None and entry.taken_mg is not None else None
        row.taken.setChecked(taken)
        text = format((amount if amount is not None else row.dose.mg).normalize(), "f")
        if row.amount.text() != text and not row.amount.hasFocus():
            row.amount.setText(text)

    def _show_next(self, plan: Plan | None, step: Step | None) -> None:
        if plan is None or step is None:
            announce_change(self.next_change, "")
            return
        later = [s for s in plan.steps if s.start > step.end and not _history(s)]
        now = amounts_by_drug(step)
        several = several_drugs(plan)
        changed = next((s for s in later if amounts_by_drug(s) != now), None)
        if changed is None:
            stays = f"Your dose stays at {daily_amount(step, several)} a day."
            announce_change(self.next_change, stays)
            return
        if plan.is_stop(changed):
            text = f"Next change: {day(changed.start)} — the last step: none from then on."
        else:
            text = (
                f"Next change: {day(changed.start)} — {daily_amount(changed, several)} a day "
                f"(now {daily_amount(step, several)})."
            )
        if any(s.hold for s in later if s.start < changed.start):
            text += " Before it, a hold keeps today's doses for longer."
        announce_change(self.next_change, text)

    def _show_warnings(self, plan: Plan | None, step: Step | None) -> None:
        if plan is None:
            announce_change(self.warnings, "")
            self.warning_sources.show_sources([])
            return
        in_force = [
            w
            for w in plan.warnings
            if w.step_index is None or (step is not None and w.step_index == step.index)
        ]
        announce_change(
            self.warnings,
            "\n".join(
                f"{badge(w.level.value)}: {w.message} (source: {w.source})" for w in in_force
            ),
        )
        self.warning_sources.show_sources([w.source for w in in_force])

    def check_in_values(self) -> dict[str, int]:
        """The check-in as the boxes show it now (a half-typed number included)."""
        for spin in self.symptoms.values():
            spin.interpretText()
        return {key: spin.value() for key, spin in self.symptoms.items()}

    def check_in_edited(self) -> bool:
        """True while the boxes hold values the person typed and has not saved."""
        return self._check_in_day is not None and self.check_in_values() != self._shown

    def _show_check_in(self, today: dt.date, *, force: bool = False) -> None:
        """The journal's values for ``today``; a check-in being typed is left alone."""
        if not force and self._check_in_day == today and self.check_in_edited():
            return
        source = self._journal_source
        existing = source.get(today) if source is not None else None
        for key, spin in self.symptoms.items():
            spin.setValue(existing.symptoms.get(key, 0) if existing else 0)
        self._seen = existing
        self._shown = {key: spin.value() for key, spin in self.symptoms.items()}
        self._check_in_day = today

    # -- edits -------------------------------------------------------------------------
    def _entry(self, row: DoseRow) -> DoseLogEntry | None:
        assert self._log is not None
        today = self._today()
        return next(
            (
                e
                for e in self._log.between(today, today)
                if e.time == row.dose.time and e.drug == row.dose.drug
            ),
            None,
        )

    def _set_taken(self, row: DoseRow, amount: str, taken: bool, text: str) -> None:
        before = self._entry(row)
        value: Decimal | None = None
        if taken:
            try:
                value = parse_mg(amount)
            except InputError as error:
                row.amount.setFocus()
                row.taken.setChecked(before is not None and before.taken_mg is not None)
                announce(self.dose_message, f"Not recorded: {error}")
                return
        after = (
            DoseLogEntry(self._today(), row.dose.time, row.dose.drug, row.dose.mg, value)
            if taken
            else None
        )
        if before is not None and after is not None:
            after = replace(before, taken_mg=value)
        assert self._log is not None
        announce(self.dose_message, "")
        key = (self._today(), row.dose.time, row.dose.drug)
        if not self._ops.set_dose(self._log, key, before, after, text, initiator=self):
            self.refresh()  # show the log as it is: the tick was not recorded

    def _taken_clicked(self, row: DoseRow) -> None:
        taken = row.taken.isChecked()
        text = f"Mark {row.dose.time} {row.dose.drug} {'taken' if taken else 'not taken'}"
        self._set_taken(row, row.amount.text(), taken, text)

    def _amount_edited(self, row: DoseRow) -> None:
        if not row.taken.isChecked():
            return
        before = self._entry(row)
        try:
            value: Decimal | None = parse_mg(row.amount.text())
        except InputError:
            value = None
        if before is not None and value is not None and value == before.taken_mg:
            return
        self._set_taken(row, row.amount.text(), True, f"Change amount at {row.dose.time}")

    def record_check_in(self) -> None:
        """Merge the check-in into today's journal day, asking first if that day changed
        elsewhere since the boxes were filled (values the person has not seen)."""
        if self._journal is None:
            return
        today = self._today()
        values = self.check_in_values()
        stored = self._journal.get(today)
        base = stored or JournalDay(today)
        after = replace(base, symptoms={**base.symptoms, **values})
        seen = self._seen if self._check_in_day == today else None
        found = unseen_replacements(seen, stored, after)
        if found:
            labels = dict(QUICK_SYMPTOMS)
            lines = replaced_lines(found, lambda key: labels.get(key, key))
            answer = ask_before_replacing(self, today, lines)
            if answer is Answer.SHOW_SAVED:
                self._show_check_in(today, force=True)
                announce(self.check_in_message, "Showing the saved values; nothing was changed.")
                return
            if answer is Answer.CANCEL:
                announce(
                    self.check_in_message, "Not saved yet: your values are still in the boxes."
                )
                return
        saved = self._ops.save_journal_day(
            self._journal, stored, after, "Save check-in", initiator=self
        )
        if saved:
            self._seen, self._shown, self._check_in_day = after, values, today
            announce(self.check_in_message, "✓ Saved in your journal.")
        else:
            announce(self.check_in_message, self._last_failure or "Not saved.")
