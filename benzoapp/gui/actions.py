"""Every menu command in one registry, with the platform's standard key sequences.

Pages and the window look actions up by id instead of each building their own, so a
shortcut is defined once and the menus, the keyboard and the tests agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """What an action is called, what it does, and its shortcut."""

    id: str
    text: str
    tip: str
    key: StandardKey | str | None = None


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new_plan", "&New plan…", "Start a new taper plan", StandardKey.New),
    ActionSpec("file.export_pdf", "&Export PDF…", "Save the plan as a PDF", "Ctrl+E"),
    ActionSpec("file.print", "&Print…", "Print the plan for your prescriber", StandardKey.Print),
    ActionSpec("file.backup", "&Back up data…", "Copy all your data to a file", "Ctrl+Shift+B"),
    ActionSpec("file.restore", "&Restore from backup…", "Replace your data with a backup"),
    ActionSpec("file.quit", "&Quit", "Close BenzoApp", StandardKey.Quit),
    ActionSpec("edit.undo", "&Undo", "Undo the last change", StandardKey.Undo),
    ActionSpec("edit.redo", "&Redo", "Redo the change you undid", StandardKey.Redo),
    ActionSpec(
        "edit.preferences", "&Preferences…", "How many backups to keep", StandardKey.Preferences
    ),
    ActionSpec("view.theme.dark", "&Dark", "Dark, muted colours"),
    ActionSpec("view.theme.light", "&Light", "Light, muted colours"),
    ActionSpec("view.theme.system", "&Follow the system", "Match your desktop's setting"),
    ActionSpec("view.large_text", "&Large text", "Bigger text everywhere", "Ctrl+Shift+L"),
    ActionSpec("help.about", "&About BenzoApp", "Version and what BenzoApp is"),
    ActionSpec("help.welcome", "&What BenzoApp is and is not", "Show the welcome page again"),
    ActionSpec("help.statement", "&It informs; the prescriber decides", "How to use the advice"),
)


class ActionRegistry(QObject):
    """Creates each QAction once, parented to the window, and hands it out by id."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        for spec in ACTION_SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.id)
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
            if isinstance(spec.key, StandardKey):
                action.setShortcuts(spec.key)
            elif spec.key:
                # The list form: setShortcut's overloads would load Qt's whole enum
                # namespace before the first paint (tens of milliseconds).
                action.setShortcuts([QKeySequence(spec.key)])
            self._actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def ids(self) -> tuple[str, ...]:
        return tuple(self._actions)

    def add(self, action: QAction) -> None:
        """Register an action made elsewhere (e.g. the undo stack's) under its object name."""
        self._actions[action.objectName()] = action
