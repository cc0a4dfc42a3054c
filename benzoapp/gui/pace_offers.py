"""Slower paces offered beside the plan: each with its reason and source, applied only
when the person presses the button (the plan keeps the pace they chose until then).

The suggestions come from the core (``core.taper.pace.pace_suggestions``), which offers
only paces slower than the plan's; this widget shows them and asks the host to apply
one (undoably) with the settings it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from benzoapp.core.decimals import fmt

if TYPE_CHECKING:
    from benzoapp.core.taper.pace import PaceSuggestion


def pace_words(suggestion: PaceSuggestion) -> str:
    return f"{fmt(suggestion.rate_percent)}% every {suggestion.every_days} days"


class PaceOffers(QWidget):
    """Hidden with nothing to offer; else the reasons and one button per distinct pace."""

    apply_requested = Signal(object)  # the PaceSuggestion the person chose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pace_offers")
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Slower paces offered")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton("")
        self.button.setAccessibleName("Use the slower pace")
        self.button.clicked.connect(self._apply)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.text)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self._offered: tuple[PaceSuggestion, ...] = ()
        self.show_suggestions(())

    def show_suggestions(self, suggestions: Sequence[PaceSuggestion]) -> None:
        self._offered = tuple(suggestions)
        self.setVisible(bool(self._offered))
        if not self._offered:
            self.text.setText("")
            return
        lines = [f"• {pace_words(s)}: {s.reason} Source: {s.source}" for s in self._offered]
        self.text.setText(
            "A slower pace to consider (offered, not applied; your pace stays until you "
            "choose):\n" + "\n".join(lines)
        )
        self.button.setText(f"Use {pace_words(self._offered[0])}")

    def offered(self) -> tuple[PaceSuggestion, ...]:
        return self._offered

    def _apply(self) -> None:
        if self._offered:
            self.apply_requested.emit(self._offered[0])
