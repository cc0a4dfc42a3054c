"""The main window: a quiet side navigation and one page at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from benzoapp import APP_NAME, __version__

PAGE_TITLES: tuple[str, ...] = ("Today", "Plan", "Medications & supplements", "Check", "Journal")


class MainWindow(QMainWindow):
    """Side navigation on the left, the chosen page on the right."""

    def __init__(self, pages: dict[str, QWidget] | None = None) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.resize(1100, 720)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Sections")
        self.navigation.setFixedWidth(220)
        self.stack = QStackedWidget(central)
        for title in PAGE_TITLES:
            self.navigation.addItem(title)
            page = (pages or {}).get(title) or self._empty_page(title)
            page.setAccessibleName(title)
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    @staticmethod
    def _empty_page(title: str) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        label = QLabel(title)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(label)
        return page
