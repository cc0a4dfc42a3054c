"""The compact list of a master-detail page: each row its name and its level, always.

A row is two lines (three with a mark): the name, then the level as shape and word, then
any mark (e.g. "⚑ Regimen flag"). Lines never wrap into each other; a long name is
shortened with an ellipsis (the detail pane and the row's tooltip give it in full) while
the level and the mark are short enough to fit at every size the page allows, so every
row always says what it is and how it was judged. Arrow keys move within the list; Tab
leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from benzoapp.gui.formatting import badge

AnyIndex = QModelIndex | QPersistentModelIndex
LEVEL_ROLE = int(Qt.ItemDataRole.UserRole) + 1
MARK_ROLE = int(Qt.ItemDataRole.UserRole) + 2
PAD = 6


@dataclass(frozen=True)
class LevelRow:
    """What one row shows, and what a screen reader hears for it."""

    name: str
    level: str  # a level id, e.g. "caution" (see ``formatting.badge``)
    mark: str = ""  # shape and word, e.g. "⚑ Regimen flag"; "" for none
    details: str = ""  # a short summary read as the row's description


class LevelListModel(QAbstractListModel):
    """Rows of :class:`LevelRow`; a thin adapter, rebuilt whenever what it shows changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LevelRow] = []

    def set_rows(self, rows: list[LevelRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        spoken = ", ".join(p for p in (row.name, badge(row.level), row.mark) if p)
        answers: dict[int, object] = {
            Qt.ItemDataRole.DisplayRole: row.name,
            Qt.ItemDataRole.ToolTipRole: spoken,
            Qt.ItemDataRole.AccessibleTextRole: spoken,
            Qt.ItemDataRole.AccessibleDescriptionRole: row.details,
            LEVEL_ROLE: badge(row.level),
            MARK_ROLE: row.mark,
        }
        return answers.get(role)


def row_lines(index: AnyIndex) -> list[str]:
    """The lines a row shows: name, level, and the mark if it has one."""
    lines = [str(index.data() or ""), str(index.data(LEVEL_ROLE) or "")]
    mark = str(index.data(MARK_ROLE) or "")
    return [*lines, mark] if mark else lines


class LevelRowDelegate(QStyledItemDelegate):
    """Paints a row as its lines, the name in bold; never lets one line cover another."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        plain = QFont(option.font)
        bold = QFont(plain)
        bold.setBold(True)
        return bold, plain

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        bold, plain = self._fonts(option)
        lines = row_lines(index)
        widths = [QFontMetrics(bold).horizontalAdvance(lines[0])]
        widths += [QFontMetrics(plain).horizontalAdvance(t) for t in lines[1:]]
        height = (
            QFontMetrics(bold).lineSpacing() + (len(lines) - 1) * QFontMetrics(plain).lineSpacing()
        )
        return QSize(max(widths) + 2 * PAD, height + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_less = QStyleOptionViewItem(option)
        text_less.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_less, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        bold, plain = self._fonts(option)
        rect: QRect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        top = rect.top()
        for number, line in enumerate(row_lines(index)):
            font = bold if number == 0 else plain
            metrics = QFontMetrics(font)
            painter.setFont(font)
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), top, rect.width(), metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            top += metrics.lineSpacing()
        painter.restore()


def elided_lines(view: QListView, row: int) -> list[str]:
    """The lines of ``row`` that do not fit the view's width (for layout tests)."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    width = view.viewport().width() - 2 * PAD
    cut = []
    for number, line in enumerate(row_lines(index)):
        font = QFont(view.font())
        font.setBold(number == 0)
        if QFontMetrics(font).horizontalAdvance(line) > width:
            cut.append(line)
    return cut


class LevelListView(QListView):
    """The list itself: one selection, no sideways scrolling, Tab leaves it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setItemDelegate(LevelRowDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)
        self.setUniformItemSizes(False)
        self.setWordWrap(False)

    def row_height(self) -> int:
        """The height of a two-line row at the current font, for minimum sizes."""
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        return QFontMetrics(bold).lineSpacing() + metrics.lineSpacing() + 2 * PAD
