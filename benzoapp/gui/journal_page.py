"""The Journal page: enter a day's symptoms, see the load over time with the doses behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from benzoapp.core.changes import Changes
from benzoapp.core.journal import Catalogue, analyse_journal, summary_lines
from benzoapp.core.journal.overwrite import unseen_replacements
from benzoapp.core.model import JournalDay, Plan, Profile
from benzoapp.gui.journal_chart import JournalChart
from benzoapp.gui.journal_entry import JournalEntryWidget
from benzoapp.gui.operations import Operations
from benzoapp.gui.replace_prompt import Answer, ask_before_replacing, replaced_lines
from benzoapp.gui.services import JournalRepository, PlanRepository


class JournalPage(QWidget):
    """Saving a day goes through the undo stack; the chart and summary follow the store."""

    def __init__(
        self,
        catalogue: Catalogue,
        journal: JournalRepository,
        plans: PlanRepository | None,
        undo_stack: QUndoStack,
        *,
        profile: Profile | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Journal")
        self._catalogue = catalogue
        self._ops = operations or Operations(undo_stack, self)
        self._ops.changed.connect(self.on_changed)
        self._journal = journal
        self._plans = plans
        self._undo = undo_stack
        self._profile = profile
        self._today = today
        self._read_only_reason = ""
        self.entry = JournalEntryWidget(catalogue)
        self.entry.saved.connect(self.save_day)
        self.chart = JournalChart()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Journal summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel("")
        self.message.setProperty("role", "muted")
        entry_scroll = QScrollArea()
        entry_scroll.setWidgetResizable(True)
        entry_scroll.setWidget(self.entry)
        # Hints wrap to the pane's width; a sideways scroll bar would hide their ends.
        entry_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.chart, 3)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        right_box.addWidget(summary_scroll, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(entry_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 520])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(splitter, 1)
        box.addWidget(self.message)
        self.show_day(today())

    def _plan(self) -> Plan | None:
        found = self._plans.active() if self._plans is not None else None
        return found[1] if found else None

    def show_day(self, day: dt.date) -> None:
        """Put a day's saved values (if any) in the entry, and redraw the chart."""
        self.entry.show_stored(day, self._journal.get(day))
        self.entry.set_previous(self._journal.get(day - dt.timedelta(days=1)))
        self.refresh()

    def refresh(self, *_changed: object) -> None:
        days = self._journal.all()
        summary = analyse_journal(days, self._plan(), self._profile)
        self.chart.set_data(summary, self._plan())
        self.summary.setText("\n".join(summary_lines(summary)))

    def set_read_only(self, reason: str) -> None:
        """Show the journal, save nothing (``reason`` is the save button's tooltip)."""
        self._read_only_reason = reason
        self.entry.save_button.setEnabled(False)
        self.entry.save_button.setToolTip(reason)
        self.message.setText("Days cannot be saved just now: changes cannot be saved.")

    def on_changed(self, changes: Changes, initiator: object) -> None:
        """Redraw after any journal or plan change; reload the form's day unless the
        person is typing in it (their save will ask before replacing anything)."""
        if not (changes.touches_journal() or changes.touches_plan()):
            return
        shown = self.entry.shown_date()
        if shown is not None and changes.touches_journal(shown) and not self.entry.is_edited():
            self.entry.show_stored(shown, self._journal.get(shown))
        self.refresh()

    def save_day(self, day: JournalDay) -> None:
        """Store the day (undoable), asking first if it would replace unseen values."""
        if self._read_only_reason:  # Ctrl+Return still reaches here
            self.message.setText("Not saved: changes cannot be saved just now.")
            return
        stored = self._journal.get(day.day)
        seen = self.entry.seen if self.entry.shown_date() == day.day else None
        found = unseen_replacements(seen, stored, day)
        if found:
            lines = replaced_lines(found, self._catalogue.label)
            answer = ask_before_replacing(self, day.day, lines)
            if answer is Answer.SHOW_SAVED:
                self.entry.show_stored(day.day, stored)
                self.message.setText("Showing the saved day; nothing was changed.")
                return
            if answer is Answer.CANCEL:
                self.message.setText("Not saved yet.")
                return
        failures: list[str] = []

        def failed(message: str, _initiator: object) -> None:
            failures.append(message)

        self._ops.failed.connect(failed)
        try:
            saved = self._ops.save_journal_day(
                self._journal,
                stored,
                day,
                f"Save journal for {day.day.isoformat()}",
                initiator=self,
            )
        finally:
            self._ops.failed.disconnect(failed)
        if saved:
            self.entry.mark_saved(day)
            self.message.setText(f"✓ Saved {day.day.isoformat()}.")
        else:
            self.message.setText(failures[0] if failures else "Not saved.")
