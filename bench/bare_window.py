"""Baseline for start-up: a bare PySide6 QMainWindow, started and timed like the app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from benzoapp.gui.first_paint import quit_on_first_paint_if_asked


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
    window.resize(1100, 720)
    quit_on_first_paint_if_asked(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
