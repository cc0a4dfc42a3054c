"""What one edit changed, as a plain value: the plan, which days, the medications, or all.

Every write the window makes returns one of these, and one announcement carries it to
every page. A page reloads only what the value says changed, so two pages that show the
same record (Today's check-in and the Journal's day) never keep different copies of it.
It holds no Qt and no database types, so the CLI and tests can build and compare it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """The records one operation touched; ``everything`` after an import or a restore."""

    plan: bool = False
    log_days: frozenset[dt.date] = frozenset()
    journal_days: frozenset[dt.date] = frozenset()
    medications: bool = False
    everything: bool = False

    @classmethod
    def of_plan(cls) -> Changes:
        return cls(plan=True)

    @classmethod
    def of_log(cls, days: Iterable[dt.date]) -> Changes:
        return cls(log_days=frozenset(days))

    @classmethod
    def of_journal(cls, days: Iterable[dt.date]) -> Changes:
        return cls(journal_days=frozenset(days))

    @classmethod
    def of_medications(cls) -> Changes:
        return cls(medications=True)

    @classmethod
    def of_everything(cls) -> Changes:
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            plan=self.plan or other.plan,
            log_days=self.log_days | other.log_days,
            journal_days=self.journal_days | other.journal_days,
            medications=self.medications or other.medications,
            everything=self.everything or other.everything,
        )

    def touches_plan(self) -> bool:
        return self.plan or self.everything

    def touches_medications(self) -> bool:
        return self.medications or self.everything

    def touches_log(self, day: dt.date | None = None) -> bool:
        """Any log day (``day`` None) or that one day."""
        if self.everything:
            return True
        return bool(self.log_days) if day is None else day in self.log_days

    def touches_journal(self, day: dt.date | None = None) -> bool:
        """Any journal day (``day`` None) or that one day."""
        if self.everything:
            return True
        return bool(self.journal_days) if day is None else day in self.journal_days

    def is_empty(self) -> bool:
        return self == Changes()
