"""A quiet, wrapping link-style button: long labels wrap instead of widening the page.

A QPushButton keeps its text on one line, so a long citation ("Read the source:
mecfs-overlap, What This Means for Management") at large text would push the page
sideways or be cut. This button wraps its text to the width it is given, is reached by
Tab, is pressed with Space or Enter, and shows focus with a clear outline.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

PAD = 4  # room for the focus outline around the text
FLAGS = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class LinkButton(QAbstractButton):
    """Underlined text in the link colour that wraps; a button to the keyboard and readers."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[int, str, str], QRect] = {}
        self.setText(text)
        self.setAccessibleName(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setUnderline(True)
        return font

    def _text_rect(self, width: int) -> QRect:
        metrics = QFontMetrics(self._font())
        return metrics.boundingRect(
            QRect(0, 0, max(width - 2 * PAD, 1), 100_000), FLAGS, self.text()
        )

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return self._text_rect(width).height() + 2 * PAD

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        one_line = self._text_rect(100_000)
        return QSize(one_line.width() + 2 * PAD, one_line.height() + 2 * PAD)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        # The longest word must fit; everything else wraps.
        metrics = QFontMetrics(self._font())
        # Lines may break at spaces and after hyphens ("Benzodiazepine-|Induced").
        words = re.split(r"\s+|(?<=-)", self.text())
        longest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        return QSize(longest + 2 * PAD, metrics.height() + 2 * PAD)

    def needs_more_room(self) -> bool:
        """True if the text does not fit the button as laid out (used by layout tests)."""
        return self._text_rect(self.width()).height() + 2 * PAD > self.height()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        palette = self.palette()
        painter.setFont(self._font())
        painter.setPen(palette.color(QPalette.ColorRole.Link))
        inner = self.rect().adjusted(PAD, PAD, -PAD, -PAD)
        painter.drawText(inner, FLAGS, self.text())
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Link))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)
        painter.end()
