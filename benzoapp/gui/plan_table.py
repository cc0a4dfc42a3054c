"""The Plan page's table of steps, laid out so every dose can be read without scrolling sideways.

The doses are what a person comes to the table for, so the columns are fitted to the
width the table has, not to their contents: the short columns (step, dates, days,
totals) take what their text needs, with the dates on two lines ("26 Jan" over "2026");
the doses get what they need on one line per dose when there is room, and wrap (between
time, drug, amount and how to make it, never inside one of those) when there is not;
the notes take the rest, down to a narrow minimum, shortened with "…" when long (the
whole note is in the tooltip and in the step details below the table). Row heights are
computed from the wrapped text once per layout, which is far cheaper for long plans
than letting the view measure every cell on every pass.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from benzoapp.gui.plan_model import COLUMNS

STEP, FROM, TO, DAYS, DOSES, TOTAL, EQUIVALENT, NOTES = (
    COLUMNS.index(name)
    for name in ("Step", "From", "To", "Days", "Doses", "Total", "Diazepam eq.", "Notes")
)
SHORT_COLUMNS = (STEP, FROM, TO, DAYS, TOTAL, EQUIVALENT)
DOSES_WORD = -1  # key of the widest unbreakable part of the doses among the measurements
DATE_COLUMNS = (FROM, TO)
NOTES_MIN_CHARS = 11  # the notes are no narrower than this many average characters when
DOSES_MIN_CHARS = (
    12  # there is room, nor ever the doses (below it, the table scrolls sideways instead)
)
ROW_PADDING = 10
FIT_DELAY_MS = 50  # after a resize; long plans take a moment to lay out
WRAP = int(Qt.TextFlag.TextWordWrap)


class StepTable(QTableView):
    """A QTableView that fits its columns to its own width; see the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        # Widths are set by fit(); nothing resizes itself, so long plans stay quick.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self._fit_width)
        self._fitted_width = -1
        self._measured: dict[int, int] | None = None
        header.sortIndicatorChanged.connect(self._sort_changed)

    # -- measuring ---------------------------------------------------------------------
    def _text(self, row: int, column: int) -> str:
        value = self.model().index(row, column).data()
        return "" if value is None else str(value)

    def _margin(self) -> int:
        """What the item delegate keeps free on each side of a cell's text."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1

    def _one_line_width(self, column: int, metrics: QFontMetrics) -> int:
        """The widest line of a column's cells (or of its header), plus the cell margins."""
        rows = self.model().rowCount()
        widest = max(
            (
                metrics.horizontalAdvance(line)
                for row in range(rows)
                for line in self._text(row, column).split("\n")
            ),
            default=0,
        )
        return widest + 2 * self._margin() + 2

    def _widest_word(self, column: int, metrics: QFontMetrics) -> int:
        """The widest part of a column's text that cannot wrap, plus the cell margins."""
        # Split at ordinary spaces and line breaks only: no-break spaces hold a part together.
        words = {
            word
            for row in range(self.model().rowCount())
            for line in self._text(row, column).split("\n")
            for word in line.split(" ")
        }
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        return widest + 2 * self._margin() + 2

    def _date_width(self, metrics: QFontMetrics) -> int:
        """Dates sit on two lines ("26 Jan" over "2026"): the widest of either part."""
        rows = self.model().rowCount()
        widest = max(
            (
                metrics.horizontalAdvance(part)
                for row in range(rows)
                for column in DATE_COLUMNS
                for part in self._text(row, column).rsplit(" ", 1)
            ),
            default=0,
        )
        return widest + 2 * self._margin() + 2

    def _header_width(self, column: int) -> int:
        """The header's widest line with its margins; the sort arrow only where it is shown.

        Qt would reserve room for the arrow in every section, which is most of a narrow
        column such as Days.
        """
        header = self.horizontalHeader()
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        label = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        metrics = header.fontMetrics()
        width = max((metrics.horizontalAdvance(line) for line in label.split("\n")), default=0)
        width += 2 * margin + 4
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
            width += margin
        return width

    def text_height(self, text: str, width: int, metrics: QFontMetrics) -> int:
        """Height of ``text`` wrapped at word boundaries into a cell ``width`` wide."""
        inner = max(width - 2 * self._margin(), 1)
        return metrics.boundingRect(QRect(0, 0, inner, 1_000_000), WRAP, text).height()

    def _sort_changed(self, *_args: object) -> None:
        """The sort arrow moved to another column, whose header needs room for it."""
        self._measured = None
        self.schedule_fit()

    # -- layout ------------------------------------------------------------------------
    def schedule_fit(self) -> None:
        """Fit again shortly (once, however often asked: a window being dragged wider
        asks many times)."""
        self._fit_timer.start()

    def fit(self) -> None:
        """Measure the plan's text, then fit the columns to the width the table has now.

        Call when the plan (or the font) changed; a resize alone only re-divides the
        width, with the measurements kept.
        """
        self._measured = None
        self._fit_width()

    def _measure(self) -> dict[int, int]:
        """Widths the short columns need and the width of the doses on one line."""
        if self._measured is None:
            metrics = self.fontMetrics()
            widths: dict[int, int] = {}
            for column in SHORT_COLUMNS:
                content = (
                    self._date_width(metrics)
                    if column in DATE_COLUMNS
                    else self._one_line_width(column, metrics)
                )
                widths[column] = max(content, self._header_width(column))
            widths[DOSES] = max(self._one_line_width(DOSES, metrics), self._header_width(DOSES))
            widths[DOSES_WORD] = self._widest_word(DOSES, metrics)
            self._measured = widths
        return self._measured

    def _fit_width(self) -> None:
        self._fit_timer.stop()
        if not isinstance(self.model(), QAbstractItemModel):  # not given one yet
            return
        measured = self._measure()
        metrics = self.fontMetrics()
        widths = {column: measured[column] for column in SHORT_COLUMNS}
        room = self.viewport().width() - sum(widths.values())
        notes_header = self._header_width(NOTES)
        notes_min = max(NOTES_MIN_CHARS * metrics.averageCharWidth(), notes_header)
        # Never narrower than its widest unbreakable part ("(1 x 0.5 mg)"), cut otherwise.
        doses_floor = max(DOSES_MIN_CHARS * metrics.averageCharWidth(), measured[DOSES_WORD])
        if room - notes_min < doses_floor:  # very tight (large text): the doses come first
            notes_min = notes_header
        widths[DOSES] = max(min(measured[DOSES], room - notes_min), doses_floor)
        widths[NOTES] = max(room - widths[DOSES], notes_min)
        header = self.horizontalHeader()
        for column, width in widths.items():
            header.resizeSection(column, width)
        self._fitted_width = self.viewport().width()
        self.fit_rows()

    def fit_rows(self, *_changed: object) -> None:
        """Each row as tall as its wrapped doses (and dates); a long note is shortened."""
        if not isinstance(self.model(), QAbstractItemModel):  # not given one yet
            return
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        doses_width = self.columnWidth(DOSES)
        doses_inner = doses_width - 2 * self._margin()
        notes_width = self.columnWidth(NOTES)
        for row in range(self.model().rowCount()):
            doses = self._text(row, DOSES)
            lines = doses.split("\n")
            if max((metrics.horizontalAdvance(x) for x in lines), default=0) <= doses_inner:
                height = len(lines) * line  # nothing wraps: no need to lay the text out
            else:
                height = self.text_height(doses, doses_width, metrics)
            body = max(height, 2 * line)  # the dates take two lines
            notes = self._text(row, NOTES)
            if notes:
                body = max(body, min(self.text_height(notes, notes_width, metrics), body + line))
            self.setRowHeight(row, body + ROW_PADDING)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """The viewport changed width (the window, the splitter, a scroll bar): re-divide."""
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._fitted_width:
            self.schedule_fit()
        return super().viewportEvent(event)
