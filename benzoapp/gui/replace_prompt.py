"""Asking before a save replaces values the person did not see (saved on another page).

The rule of what counts as unseen is the core's (``core.journal.overwrite``); this module
only words the question and returns the answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from benzoapp.core.journal.overwrite import Replaced
from benzoapp.gui.formatting import day as day_text

EXERTION_WORDS = {"physical": "Physical exertion", "cognitive": "Cognitive exertion"}
EXERTION_WORDS["emotional"] = "Emotional exertion"


class Answer(Enum):
    REPLACE = "replace"  # save what this form shows
    SHOW_SAVED = "show_saved"  # drop this form's values and show the saved day
    CANCEL = "cancel"  # keep editing


def _value(value: int | str | None) -> str:
    if value is None:
        return "not rated"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}…"'
    return str(value)


def replaced_lines(found: Sequence[Replaced], label: Callable[[str], str]) -> list[str]:
    """'Fatigue: saved 7, this form 2' for each value that would be replaced."""
    lines = []
    for r in found:
        if r.kind == "notes":
            name = "Notes"
        elif r.kind == "exertion":
            name = EXERTION_WORDS.get(r.key, r.key)
        else:
            name = label(r.key)
        lines.append(f"{name}: saved {_value(r.stored)}, this form {_value(r.written)}")
    return lines


def ask_before_replacing(parent: QWidget, day: dt.date, lines: Sequence[str]) -> Answer:
    """A question box; Escape keeps editing, nothing is saved without a yes."""
    box = QMessageBox(parent)
    box.setObjectName("replace_prompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Replace values saved elsewhere?")
    box.setText(
        f"{day_text(day)} was changed elsewhere after this form was filled in. "
        "Saving now would replace:"
    )
    box.setInformativeText("\n".join(lines))
    replace = box.addButton("&Replace them", QMessageBox.ButtonRole.AcceptRole)
    show = box.addButton("Show the &saved day", QMessageBox.ButtonRole.ResetRole)
    cancel = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return Answer.REPLACE
    if clicked is show:
        return Answer.SHOW_SAVED
    return Answer.CANCEL
