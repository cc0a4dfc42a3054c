"""Undoable edits: each command calls the core to make a change and restores on undo.

Plans are immutable values, so the inverse of any plan edit is to put back the value
it replaced; the forward step is always a call into the core (build, insert a hold,
edit a step, re-plan), made once and remembered so redo gives the same result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

from benzoapp.core.model import Plan, PlanSettings

T = TypeVar("T")


@dataclass(frozen=True)
class PlanState:
    """Everything the Plan page shows: the regimen as typed, the settings, the plan."""

    regimen_text: str
    settings: PlanSettings
    plan: Plan | None


class SetValueCommand(QUndoCommand, Generic[T]):
    """Replace one value with another through ``apply``; typing in one field merges."""

    def __init__(
        self, text: str, apply: Callable[[T], None], before: T, after: T, merge_key: int = -1
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self._merge_key = merge_key

    def id(self) -> int:
        return self._merge_key

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, SetValueCommand) or other.id() != self.id():
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class PlanEditCommand(QUndoCommand):
    """Insert a hold, edit a step or re-plan: ``operation`` is the core call."""

    def __init__(
        self,
        text: str,
        apply: Callable[[PlanState], None],
        before: PlanState,
        operation: Callable[[Plan], Plan],
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self._operation = operation
        self.after: PlanState | None = None

    def prepare(self) -> PlanState:
        """Run the core call now, so bad input raises before the command is pushed."""
        if self.after is None:
            assert self.before.plan is not None
            new_plan = self._operation(self.before.plan)
            self.after = PlanState(self.before.regimen_text, self.before.settings, new_plan)
        return self.after

    def redo(self) -> None:
        self._apply(self.prepare())

    def undo(self) -> None:
        self._apply(self.before)


class CallbackCommand(QUndoCommand):
    """A change with an explicit forward and inverse call (store writes: add/remove)."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()
