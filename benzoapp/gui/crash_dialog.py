"""The calm dialog shown for an unexpected error, with details that can be copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """Says calmly that something went wrong, that nothing entered is lost, and why."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.setAccessibleName("Something went wrong")
        box = QVBoxLayout(self)
        box.setSpacing(12)
        where = f" The details are also saved in {log_path}." if log_path else ""
        message = QLabel(
            "BenzoApp met a problem it did not expect. What you had already entered is "
            "saved. You can carry on, or close the app and open it again." + where
        )
        message.setWordWrap(True)
        box.addWidget(message)
        label = QLabel("&Details (you can copy these to report the problem):")
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setBuddy(self.details)
        box.addWidget(label)
        box.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            "&Copy details", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(620, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())
