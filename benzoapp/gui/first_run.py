"""The welcome page: what BenzoApp is and is not, said plainly, shown once and kept in Help."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

STATEMENT = "BenzoApp informs. Your prescriber decides."

WELCOME_POINTS: tuple[str, ...] = (
    "It helps you and your prescriber plan a slow, steady taper, and keeps a private "
    "record of doses and symptoms.",
    "It shows where each piece of advice comes from, so you can read it yourself.",
    "It is not a doctor. It does not diagnose, and it does not tell you what to take. "
    "Talk to your prescriber before you change anything.",
    "Everything stays on this computer. BenzoApp never connects to the internet.",
    "If you feel very unwell, or think of harming yourself, contact a doctor or "
    "emergency services now.",
)


class FirstRunPage(QWidget):
    """A short, calm page; ``accepted`` fires when the person chooses to go on."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Welcome")
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 40, 48, 40)
        box.setSpacing(18)
        title = QLabel("Welcome to BenzoApp")
        title.setProperty("role", "title")
        box.addWidget(title)
        statement = QLabel(STATEMENT)
        statement.setProperty("role", "heading")
        box.addWidget(statement)
        for point in WELCOME_POINTS:
            label = QLabel("•  " + point)
            label.setWordWrap(True)
            box.addWidget(label)
        self.continue_button = QPushButton("I understand, continue")
        self.continue_button.setAccessibleName("I understand, continue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accepted)
        box.addSpacing(12)
        row = QHBoxLayout()
        row.addWidget(self.continue_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
