"""Every edit the window makes: write to the store, then announce what changed.

An operation is a call into the store that returns :class:`~benzoapp.core.changes.Changes`.
:meth:`Operations.run` makes the call first; only when the write succeeded does the edit
join the undo stack, so a write that fails leaves nothing to undo. Then ``changed``
carries the changes with the page that made them (the *initiator*), and each page
reloads what it shows of those records. A page leaves alone a form the person is typing
in when the change came from that same page; after undo and redo the initiator is None,
so every page shows the store again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from benzoapp.core.changes import Changes
from benzoapp.core.errors import BenzoAppError
from benzoapp.core.model import DoseLogEntry, JournalDay, Medication, Plan
from benzoapp.gui.services import (
    DoseLogRepository,
    JournalRepository,
    MedicationRepository,
    PlanRepository,
)

Write = Callable[[], Changes]


def write_failed_text(error: Exception) -> str:
    """One plain line for a write that did not happen (nothing was changed)."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"Not saved: {first}"


class _DoneCommand(QUndoCommand):
    """An edit already written once: the push does not write it a second time."""

    def __init__(self, text: str, operations: Operations, do: Write, undo: Write) -> None:
        super().__init__(text)
        self._operations = operations
        self._do = do
        self._undo = undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # written by Operations.run before it was pushed
            self._first = False
            return
        self._operations.replay(self._do)

    def undo(self) -> None:
        self._operations.replay(self._undo)


class Operations(QObject):
    """The one way pages change stored data; one signal says what changed and who asked."""

    changed = Signal(object, object)  # Changes, initiator (a page, or None)
    failed = Signal(str, object)  # a one-line message, initiator

    def __init__(self, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack

    def run(
        self, text: str, do: Write, undo: Write | None = None, *, initiator: object = None
    ) -> bool:
        """Write now; on success push (if undoable) and announce. False if it failed."""
        try:
            changes = do()
        except (BenzoAppError, OSError) as error:
            self.failed.emit(write_failed_text(error), initiator)
            return False
        if undo is not None:
            self.undo_stack.push(_DoneCommand(text, self, do, undo))
        self.changed.emit(changes, initiator)
        return True

    def replay(self, write: Write) -> None:
        """Undo or redo: write, then announce with no initiator (every page reloads)."""
        try:
            changes = write()
        except (BenzoAppError, OSError) as error:
            self.failed.emit(write_failed_text(error), None)
            return
        self.changed.emit(changes, None)

    def announce(self, changes: Changes, initiator: object = None) -> None:
        """Say that something changed outside an operation (a restore, an import)."""
        self.changed.emit(changes, initiator)

    # -- the edits the pages make ------------------------------------------------------
    def save_journal_day(
        self,
        journal: JournalRepository,
        before: JournalDay | None,
        after: JournalDay,
        text: str,
        *,
        initiator: object = None,
    ) -> bool:
        """Store a whole journal day; undo puts back ``before`` (or no day)."""
        day = after.day
        return self.run(
            text,
            lambda: put_journal_day(journal, day, after),
            lambda: put_journal_day(journal, day, before),
            initiator=initiator,
        )

    def set_dose(
        self,
        log: DoseLogRepository,
        key: tuple[dt.date, str, str],
        before: DoseLogEntry | None,
        after: DoseLogEntry | None,
        text: str,
        *,
        initiator: object = None,
    ) -> bool:
        """Record (or clear) one dose of the log, keyed by (day, time, drug)."""
        return self.run(
            text,
            lambda: put_dose(log, key, after),
            lambda: put_dose(log, key, before),
            initiator=initiator,
        )

    def use_plan(
        self, plans: PlanRepository, plan_id: int | None, plan: Plan, *, initiator: object = None
    ) -> int | None:
        """Make ``plan`` the one Today follows (a new plan, or the next version of one).

        Returns the plan's id, or None when the write failed. Not undoable: the store
        keeps every earlier version, and the Plan page's own undo still has the edits.
        """
        saved: list[int] = []

        def write() -> Changes:
            if plan_id is None:
                name = f"Plan from {plan.steps[0].start.isoformat()}" if plan.steps else "Plan"
                saved.append(plans.save(plan, name, active=True))
            else:
                plans.revise(plan_id, plan, "changed on the Plan page")
                saved.append(plan_id)
            return Changes.of_plan()

        return saved[0] if self.run("Use this plan", write, initiator=initiator) else None

    def add_medication(
        self, repo: MedicationRepository, medication: Medication, *, initiator: object = None
    ) -> bool:
        """Add an entry; undo removes it (a redo adds it again, under a new id)."""
        added: list[int] = []

        def do() -> Changes:
            added.append(repo.add(medication))
            return Changes.of_medications()

        def undo() -> Changes:
            repo.remove(added.pop())
            return Changes.of_medications()

        return self.run(f"Add {medication.name}", do, undo, initiator=initiator)

    def remove_medication(
        self,
        repo: MedicationRepository,
        medication_id: int,
        medication: Medication,
        *,
        initiator: object = None,
    ) -> bool:
        """Remove an entry; undo adds it back."""
        ids = [medication_id]

        def do() -> Changes:
            repo.remove(ids[-1])
            return Changes.of_medications()

        def undo() -> Changes:
            ids.append(repo.add(medication))
            return Changes.of_medications()

        return self.run(f"Remove {medication.name}", do, undo, initiator=initiator)


def put_journal_day(journal: JournalRepository, day: dt.date, value: JournalDay | None) -> Changes:
    """The day as ``value`` (None: no entry for that day)."""
    if value is None:
        journal.delete_day(day)
    else:
        journal.save_day(value)
    return Changes.of_journal([day])


def put_dose(
    log: DoseLogRepository, key: tuple[dt.date, str, str], entry: DoseLogEntry | None
) -> Changes:
    """The log entry for (day, time, drug) as ``entry`` (None: nothing logged)."""
    day, time, drug = key
    if entry is None:
        log.remove(day, time, drug)
    else:
        log.record(entry)
    return Changes.of_log([day])
