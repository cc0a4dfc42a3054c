"""The regimen flags, in full: what the check of the whole list found, with its sources.

Shown as the banner above the Medications list and as "Warnings about what you take" on
Today. It only shows what ``benzoapp.core.cautions.check_regimen`` returns (through
whatever the page is handed); it decides nothing. Each flag reads as mark, level word,
message and source, and each cited section has a link that opens it in the source
reader. With no flags the panel hides itself, so a calm list stays calm.

This module is imported before the first paint (Today hosts the panel), so it imports
nothing heavy: the checker's types only for type checking, the source reader when a
flag is first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from benzoapp.core.changes import Changes
from benzoapp.gui.formatting import badge

if TYPE_CHECKING:
    from benzoapp.core.cautions import RegimenCheck, RegimenFlag
    from benzoapp.gui.link_button import LinkButton

FLAG_MARK = "⚑"


def count_text(count: int) -> str:
    """'⚑ 2 regimen flags: please raise them with your prescriber' (mark and words)."""
    if count == 1:
        return f"{FLAG_MARK} 1 regimen flag: please raise it with your prescriber"
    return f"{FLAG_MARK} {count} regimen flags: please raise them with your prescriber"


class RegimenFlagsPanel(QFrame):
    """A heading with the count, then each flag in full with its source and links."""

    shown = Signal()  # the flags (and their links) were redrawn: hosts fix their Tab order

    def __init__(
        self, name: str = "Regimen flags", parent: QWidget | None = None, *, intro: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("regimen_flags")
        self.setProperty("role", "notice")
        self.setAccessibleName(name)
        self._source: Callable[[], RegimenCheck | None] | None = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(10, 8, 10, 8)
        self.heading = QLabel(self)
        self.heading.setObjectName("regimen_flags_heading")
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self._box.addWidget(self.heading)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.intro.setVisible(bool(intro))
        self._box.addWidget(self.intro)
        self.messages: list[QLabel] = []
        self.links: list[LinkButton] = []
        self.flags: tuple[RegimenFlag, ...] = ()
        self.hide()

    def attach(self, source: Callable[[], RegimenCheck | None]) -> None:
        """Where the flags come from (a call that runs the regimen check); shows them now."""
        self._source = source
        self.refresh()

    def follow(self, changes: Changes, _initiator: object = None) -> None:
        """Check again when the list or the plan in use changed, not on every dose tick."""
        if changes.touches_medications() or changes.touches_plan():
            self.refresh()

    def refresh(self, *_changed: object) -> None:
        """Run the check again (the list or the plan changed) and show what it found.

        A name the checker refuses (only an import can store one) leaves the panel
        hidden rather than failing: the Medications page says which name it is.
        """
        from benzoapp.core.errors import InputError

        if self._source is None:
            return
        try:
            check = self._source()
        except InputError:
            check = None
        self.show_flags(check.flags if check is not None else ())

    def show_flags(self, flags: Sequence[RegimenFlag]) -> None:
        """Show these flags in full; hide the panel when there are none."""
        self.flags = tuple(flags)
        for widget in [*self.messages, *self.links]:
            self._box.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.messages, self.links = [], []
        self.heading.setText(count_text(len(self.flags)))
        texts = [self.heading.text()]
        sources = list(dict.fromkeys(f.source for f in self.flags))
        shared = len(sources) == 1 and len(self.flags) > 1  # say a common source once
        for number, flag in enumerate(self.flags, 1):
            named = [i for i in flag.items if i not in flag.message]
            about = f" ({', '.join(named)})" if named else ""
            text = f"{number}. {badge(flag.level.value)}{about}: {flag.message}"
            if not shared:
                text += f"\nSource: {flag.source}"
            texts.append(self._add_message(text))
        if shared:
            texts.append(self._add_message(f"Source of each: {sources[0]}"))
        if self.flags:  # one link per cited section, however many flags cite it
            from benzoapp.gui.source_reader import source_links

            for link in source_links([f.source for f in self.flags], self):
                self._box.addWidget(link)
                link.show()  # at once, not on the next turn of the event loop
                self.links.append(link)
        described = "\n".join(texts) if self.flags else "No regimen flags."
        before = self.accessibleDescription()
        if described != before and (self.flags or before):
            # A new or changed flag (or the last one gone) is said aloud, the count only;
            # the description holds every flag in full.
            from benzoapp.gui.accessibility import announce

            announce(self, described, spoken=texts[0] if self.flags else described)
        else:
            self.setAccessibleDescription(described)
        self.shown.emit()
        self.setVisible(bool(self.flags))

    def _add_message(self, text: str) -> str:
        message = QLabel(text, self)
        message.setObjectName("regimen_flag")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._box.addWidget(message)
        message.show()
        self.messages.append(message)
        return text
