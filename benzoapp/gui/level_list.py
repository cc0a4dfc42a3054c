"""The compact list of a master-detail page: each row its name and its level, always.

A row is the name (wrapped over as many lines as it needs, never cut), then the level as
shape and word, then any mark (e.g. "⚑ Regimen flag"). The level and the mark are short
and the list is kept wide enough for them at every text size, so every row always says
what it is and how it was judged. Arrow keys move within the list; Tab
leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
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
MIN_ROWS = 2  # the list never shrinks below this many rows, whatever the text size
LEVEL_IDS = ("avoid", "caution", "mixed", "supportive", "not_covered")
WIDEST_MARK = "⚑ 99 regimen flags"


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
        """Show ``rows``; the same number of rows is an edit in place, not a reset.

        The Check page sets its rows on every keystroke, usually the same count; an edit
        keeps the selection and lays out only what changed.
        """
        if len(rows) == len(self.rows) and rows:
            self.rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 0))
            return
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == LEVEL_ROLE:
            return badge(row.level)
        if role == MARK_ROLE:
            return row.mark
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return ", ".join(p for p in (row.name, badge(row.level), row.mark) if p)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return row.details
        return None


def row_lines(index: AnyIndex) -> list[str]:
    """The lines a row shows: name, level, and the mark if it has one."""
    lines = [str(index.data() or ""), str(index.data(LEVEL_ROLE) or "")]
    mark = str(index.data(MARK_ROLE) or "")
    return [*lines, mark] if mark else lines


NAME_FLAGS = int(Qt.TextFlag.TextWrapAnywhere) | int(
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
)


def _text_width(option: QStyleOptionViewItem) -> int:
    """The width a row's text has: the view's, less the padding (wrapping follows it)."""
    view = option.widget
    width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
    return max(width - 2 * PAD, 1)


class LevelRowDelegate(QStyledItemDelegate):
    """Paints a row as its lines, the name in bold and wrapped; no line covers another."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[tuple[str, ...], int, str], QSize] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        plain = QFont(option.font)
        bold = QFont(plain)
        bold.setBold(True)
        return bold, plain

    def _name_height(self, bold: QFont, name: str, width: int) -> int:
        rect = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 100_000), NAME_FLAGS, name)
        return max(rect.height(), QFontMetrics(bold).lineSpacing())

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        lines = row_lines(index)
        width = _text_width(option)
        # The view asks several times per change; measuring text is the costly part.
        key = (tuple(lines), width, option.font.key())
        found = self._sizes.get(key)
        if found is None:
            if len(self._sizes) > 256:
                self._sizes.clear()
            found = self._sizes[key] = self._measure(option, lines, width)
        return found

    def _measure(self, option: QStyleOptionViewItem, lines: list[str], width: int) -> QSize:
        bold, plain = self._fonts(option)
        height = self._name_height(bold, lines[0], width)
        height += (len(lines) - 1) * QFontMetrics(plain).lineSpacing()
        rest = [QFontMetrics(plain).horizontalAdvance(t) for t in lines[1:]]
        return QSize(min(max([*rest, 1]), width) + 2 * PAD, height + 2 * PAD)

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
        lines = row_lines(index)
        name_height = self._name_height(bold, lines[0], rect.width())
        painter.setFont(bold)
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), name_height), NAME_FLAGS, lines[0]
        )
        top = rect.top() + name_height
        metrics = QFontMetrics(plain)
        painter.setFont(plain)
        for line in lines[1:]:
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), top, rect.width(), metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            top += metrics.lineSpacing()
        painter.restore()


def elided_lines(view: QListView, row: int) -> list[str]:
    """The level and mark lines of ``row`` too wide for the view (names wrap instead)."""
    index = view.model().index(row, 0)
    width = view.viewport().width() - 2 * PAD
    metrics = QFontMetrics(view.font())
    return [line for line in row_lines(index)[1:] if metrics.horizontalAdvance(line) > width]


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
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap when the width changes

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Wide enough for every level word and mark, tall enough for a few rows."""
        metrics = QFontMetrics(self.font())
        words = [badge(level) for level in LEVEL_IDS] + [WIDEST_MARK]
        text = max(metrics.horizontalAdvance(w) for w in words)
        frame = 2 * self.frameWidth()
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(text + 2 * PAD + frame + scroll + 4, MIN_ROWS * self.row_height() + frame)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # the minimum size follows the text size
            self.scheduleDelayedItemsLayout()

    def row_height(self) -> int:
        """The height of a two-line row at the current font, for minimum sizes."""
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        return QFontMetrics(bold).lineSpacing() + metrics.lineSpacing() + 2 * PAD
