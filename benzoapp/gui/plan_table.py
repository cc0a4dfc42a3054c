"""The Plan page's steps table: compact, one line per step, never wider than its view.

A plan can have hundreds of steps and a person may read it with large text in a small
window, so the table shows only what tells the steps apart (number with the loudest
warning's shape, first day, length, the day's total and the notes); each step's doses,
how to make them, its notes and warnings in full are in the pane beneath the table
(``PlanPage.step_details``). The short columns take what their text needs on one line;
Notes takes the rest, never less than the words of the loudest level ("■ Strong
caution"), and is shortened with "…" (the whole note is in the tooltip and the pane).
The horizontal scroll bar is off: nothing is ever off to the side.

The columns not shown are filtered out by a proxy (:class:`ShownColumns`) rather than
hidden in the view: a hidden column is still announced by screen readers, which read the
model's headers, so the table's own model holds exactly the columns on screen. Column
numbers in this module (``STEP``, ``NOTES``...) are the steps model's; ``view_column``
turns one into the table's.

Tab and Shift+Tab leave the table (arrow keys move inside it), like every other field.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from benzoapp.gui.formatting import badge
from benzoapp.gui.plan_model import COLUMNS

STEP, FROM, TO, DAYS, DOSES, TOTAL, EQUIVALENT, NOTES = (
    COLUMNS.index(name)
    for name in ("Step", "From", "To", "Days", "Doses", "Total", "Diazepam eq.", "Notes")
)
ROW_PADDING = 8
FIT_DELAY_MS = 50  # after a resize; long plans take a moment to measure
NOTES_FLOOR_TEXT = badge("strong")  # Notes is never narrower than the loudest level's words


class ShownColumns(QSortFilterProxyModel):
    """The steps model with only the columns on screen; sorting is the source's.

    Sorting is passed on to the source (the page's sorting proxy, which sorts by real
    values), so the rows are in the same order whichever model is asked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[int, ...] = ()

    def set_shown(self, columns: tuple[int, ...]) -> None:
        if tuple(sorted(columns)) == self._shown:
            return
        self.beginFilterChange()
        self._shown = tuple(sorted(columns))
        self.endFilterChange(QSortFilterProxyModel.Direction.Columns)

    def shown(self) -> tuple[int, ...]:
        return self._shown

    def filterAcceptsColumn(  # noqa: N802 (Qt name)
        self, source_column: int, _parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return source_column in self._shown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and 0 <= column < len(self._shown):
            source.sort(self._shown[column], order)


class StepTable(QTableView):
    """A QTableView that shows a few short columns and gives the rest to Notes."""

    # The width the table needs changed (a new plan, the text size): the page may
    # put its settings above the plan rather than beside it.
    needed_width_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self._fit_width)
        self._fitted_width = -1
        self._measured: dict[int, int] | None = None
        self._total_column = TOTAL
        self._columns = ShownColumns(self)
        self._columns.set_shown(self.shown_columns())
        header.sortIndicatorChanged.connect(self._sort_changed)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt name)
        """Show ``model`` (the steps, all columns) through the filter of shown columns."""
        if model is None:
            super().setModel(None)
            return
        self._columns.setSourceModel(model)
        super().setModel(self._columns)

    def steps_model(self) -> QAbstractItemModel | None:
        """The model given to :meth:`setModel` (every column)."""
        return self._columns.sourceModel()

    def view_column(self, column: int) -> int:
        """The table's column showing the steps model's ``column`` (-1 if not shown)."""
        shown = self._columns.shown()
        return shown.index(column) if column in shown else -1

    def to_steps(self, index: QModelIndex) -> QModelIndex:
        """A table index as an index of the steps model."""
        return self._columns.mapToSource(index)

    def from_steps(self, index: QModelIndex) -> QModelIndex:
        """A steps-model index as the table's index."""
        return self._columns.mapFromSource(index)

    # -- which columns -------------------------------------------------------------------
    def show_total_as(self, column: int) -> None:
        """TOTAL (one drug, its own mg) or EQUIVALENT (several drugs do not add up)."""
        self._total_column = column
        self._columns.set_shown(self.shown_columns())
        self._measured = None

    def shown_columns(self) -> tuple[int, ...]:
        return (STEP, FROM, DAYS, self._total_column, NOTES)

    def _apply_hidden(self) -> None:
        self._columns.set_shown(self.shown_columns())

    # -- measuring -----------------------------------------------------------------------
    def _text(self, row: int, column: int) -> str:
        value = self._columns.index(row, self.view_column(column)).data()
        return "" if value is None else str(value)

    def _margin(self) -> int:
        """What the item delegate keeps free on each side of a cell's text."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1

    def _content_width(self, column: int, metrics: QFontMetrics) -> int:
        widest = max(
            (metrics.horizontalAdvance(self._text(r, column)) for r in range(self._rows())),
            default=0,
        )
        return widest + 2 * self._margin() + 2

    def _rows(self) -> int:
        return self.model().rowCount() if isinstance(self.model(), QAbstractItemModel) else 0

    def _header_width(self, column: int) -> int:
        """The header's widest line with its margins; the sort arrow only where shown."""
        header = self.horizontalHeader()
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        label = str(COLUMNS[column])
        source = self.steps_model()
        if source is not None:
            label = str(source.headerData(column, Qt.Orientation.Horizontal) or "")
        metrics = header.fontMetrics()
        width = max((metrics.horizontalAdvance(line) for line in label.split("\n")), default=0)
        width += 2 * margin + 4
        sorted_here = header.sortIndicatorSection() == self.view_column(column)
        if header.isSortIndicatorShown() and sorted_here:
            width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
            width += margin
        return width

    def notes_floor(self) -> int:
        """Notes is never narrower than this: the words of the loudest level fit."""
        text = self.fontMetrics().horizontalAdvance(NOTES_FLOOR_TEXT + "…")
        return max(text + 2 * self._margin() + 2, self._header_width(NOTES))

    def needed_width(self) -> int:
        """The table's width with every short column whole and Notes at its floor."""
        if not isinstance(self.model(), QAbstractItemModel):
            return self.notes_floor()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        frame = 2 * self.frameWidth()
        return sum(self._measure().values()) + self.notes_floor() + scroll_bar + frame

    def _sort_changed(self, *_args: object) -> None:
        self._measured = None
        self.schedule_fit()

    # -- layout --------------------------------------------------------------------------
    def schedule_fit(self) -> None:
        """Fit again shortly (once, however often asked during a drag)."""
        self._fit_timer.start()

    def fit(self) -> None:
        """Measure the plan's text, then fit the columns to the width the table has now."""
        self._measured = None
        self._fit_width()

    def _measure(self) -> dict[int, int]:
        if self._measured is None:
            metrics = self.fontMetrics()
            self._measured = {
                column: max(self._content_width(column, metrics), self._header_width(column))
                for column in self.shown_columns()
                if column != NOTES
            }
        return self._measured

    def _fit_width(self) -> None:
        self._fit_timer.stop()
        if not isinstance(self.model(), QAbstractItemModel):  # not given one yet
            return
        self._apply_hidden()
        measured_before = self._measured is not None
        widths = dict(self._measure())
        if not measured_before:
            self.needed_width_changed.emit(self.needed_width())
        room = self.viewport().width()
        floor = self.notes_floor()
        over = sum(widths.values()) + floor - room
        if over > 0:  # very tight: the dates give way first (shortened with "…")
            widths[FROM] = max(widths[FROM] - over, self._header_width(FROM))
        widths[NOTES] = max(room - sum(widths.values()), floor)
        header = self.horizontalHeader()
        for column, width in widths.items():
            header.resizeSection(self.view_column(column), width)
        self._fitted_width = room
        self.fit_rows()
        self.updateGeometries()  # the scroll bars' ranges follow the new widths now

    def fit_rows(self, *_changed: object) -> None:
        """One line per step, the same height for every row."""
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + ROW_PADDING)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """The viewport changed width (the window, the splitter, a scroll bar): re-divide."""
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._fitted_width:
            self.schedule_fit()
        return super().viewportEvent(event)
