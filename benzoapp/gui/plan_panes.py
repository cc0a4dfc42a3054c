"""The panes around the Plan page's steps: the strong-caution banner above them, the
selected step in full beneath them, and the slot for the list of alternative plans."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.model import Plan, PlanWarning, WarningLevel
from benzoapp.gui.formatting import badge

NO_STEP_TEXT = "Choose a step (arrow keys in the table) to see its doses, notes and warnings."


def strong_warnings(plan: Plan | None) -> list[PlanWarning]:
    """The plan's strong cautions, in the engine's order (regimen-wide first)."""
    return [w for w in (plan.warnings if plan else ()) if w.level is WarningLevel.STRONG]


def banner_text(count: int) -> str:
    noun = "strong caution" if count == 1 else "strong cautions"
    them = "it" if count == 1 else "them"
    return (
        f"{badge(WarningLevel.STRONG.value)}: {count} {noun} in this plan. "
        f"Talk {them} over with your prescriber."
    )


class StrongBanner(QFrame):
    """How many strong cautions the plan has, and a button to the first; hidden at none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strong_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Strong cautions")
        self.button = QPushButton("&Go to the first")
        self.button.setAccessibleName("Go to the first strong caution")
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.setVisible(False)

    def show_for(self, plan: Plan | None) -> None:
        count = len(strong_warnings(plan))
        self.setVisible(bool(count))
        text = banner_text(count) if count else ""
        self.text.setText(text)
        self.text.setAccessibleDescription(text)


class StepDetailsPane(QScrollArea):
    """The selected step in full: doses and how to make them, notes, warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_details_pane")
        self.label = QLabel(NO_STEP_TEXT)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setAccessibleName("Step details")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(self.label)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)

    def show_text(self, text: str) -> None:
        self.label.setText(text or NO_STEP_TEXT)
        self.label.setAccessibleDescription(text or NO_STEP_TEXT)


class AlternativesSlot(QWidget):
    """Where the list of alternative plans goes; empty and hidden until one is placed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alternatives_slot")
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self.setVisible(False)

    def place(self, panel: QWidget) -> None:
        self._box.addWidget(panel)
        self.setVisible(True)
