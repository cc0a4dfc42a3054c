"""Plain tables that split across pages with their header row repeated.

Cells are plain strings, wrapped here by measuring words, and every row height is given
to ReportLab up front: a multi-year daily plan has over a thousand rows, and letting
ReportLab measure each cell again on every page split is what makes long tables slow.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from benzoapp.report.pdf.styles import (
    CELL_PAD,
    FONT,
    FONT_BOLD,
    INK,
    RULE,
    SHADE,
    SOFT,
    TABLE_LEADING,
    TABLE_SIZE,
)


def wrap_text(text: str, width: float, font: str = FONT, size: float = TABLE_SIZE) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, at spaces where possible.

    Existing line breaks are kept. A single word wider than the cell is cut by
    characters, so nothing is ever clipped or drawn over a neighbouring cell.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if stringWidth(paragraph, font, size) <= width:
            lines.append(paragraph)
            continue
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if stringWidth(candidate, font, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            for char in word:
                if stringWidth(current + char, font, size) > width and current:
                    lines.append(current)
                    current = ""
                current += char
        lines.append(current)
    return lines


MIN_ROWS = 3  # no page holds fewer rows of a table than this (unless the table is shorter)


class PagedTable(Flowable):  # type: ignore[misc]  # ReportLab ships no stubs
    """A long table built one page at a time, never leaving a page with a stub of it.

    ReportLab's own split rebuilds the whole remaining table on every page, which makes a
    thousand-row table cost quadratic time; here each page builds a ``Table`` of only
    its own rows (header first), and the rest waits, unbuilt, for the next page.

    ``lead`` holds what introduces the table (its heading, a sentence): it goes on the
    page with the first rows, so a heading never stands at the foot of a page without
    its table. No page holds fewer than ``MIN_ROWS`` rows of the table: a table that
    cannot put that many on this page and leave that many for the next moves on whole.
    """

    def __init__(
        self,
        header: list[str],
        rows: list[list[str]],
        *,
        heights: list[float],
        widths: list[float],
        shade_rows: frozenset[int],
        align_right: tuple[int, ...],
        first_row: int = 0,
        lead: Sequence[Flowable] = (),
    ) -> None:
        super().__init__()
        self.header, self.rows, self.heights = header, rows, heights
        self.widths, self.shade_rows, self.align_right = widths, shade_rows, align_right
        self.first_row = first_row  # position of rows[0] in the whole table, for shading
        self.lead = list(lead)
        self._lead_sizes: list[tuple[float, float, float]] = []  # height, space before/after
        self._lead_width: float | None = None  # the width the sizes were measured at

    def _build(self, count: int) -> Table:
        shaded = [r for r in range(count) if r + self.first_row in self.shade_rows]
        table = _grid_table(
            [self.header, *self.rows[:count]],
            self.heights[: count + 1],
            self.widths,
            shaded,
            self.align_right,
        )
        # Which rows of the whole table this page holds, for checking the layout.
        table.rows_span = (self.first_row, self.first_row + count, self.first_row + len(self.rows))
        return table

    def _lead_height(self, avail_width: float, avail_height: float) -> float:
        # The frame asks wrap, then split, at the same width: measure the lead once.
        if self._lead_width != avail_width:
            self._lead_width = avail_width
            self._lead_sizes = []
            for item in self.lead:
                _, height = item.wrap(avail_width, avail_height)
                self._lead_sizes.append((height, item.getSpaceBefore(), item.getSpaceAfter()))
        sizes = self._lead_sizes
        # the first item's space before is dropped at the top of a frame; count it anyway
        return sum(h + before + after for h, before, after in sizes)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._lead_height(avail_width, avail_height) + sum(self.heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._lead_height(avail_width, avail_height)
        used = self.heights[0]
        count = 0
        for height in self.heights[1:]:
            if used + height > room:
                break
            used += height
            count += 1
        total = len(self.rows)
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        least = 1 if at_top else MIN_ROWS  # a fresh page takes what fits: never an endless loop
        if count >= total:
            return [*self.lead, self._build(total)]
        if total - count < MIN_ROWS:
            count = total - MIN_ROWS  # leave enough for the next page
        if count < least:
            return []  # the frame moves the whole table, lead and all, to the next page
        rest = PagedTable(
            self.header,
            self.rows[count:],
            heights=[self.heights[0], *self.heights[count + 1 :]],
            widths=self.widths,
            shade_rows=self.shade_rows,
            align_right=self.align_right,
            first_row=self.first_row + count,
        )
        return [*self.lead, self._build(count), rest]

    @property
    def rows_span(self) -> tuple[int, int, int]:
        """First row, row after the last, and rows in the whole table (drawn unsplit)."""
        end = self.first_row + len(self.rows)
        return self.first_row, end, end

    def draw(self) -> None:
        y = self.height
        for item, (height, before, after) in zip(self.lead, self._lead_sizes, strict=True):
            y -= before + height
            item.drawOn(self.canv, 0, y)
            y -= after
        table = self._build(len(self.rows))
        table.wrapOn(self.canv, sum(self.widths), sum(self.heights))
        table.drawOn(self.canv, 0, y - sum(self.heights))


def _grid_table(
    data: list[list[str]],
    heights: list[float],
    widths: list[float],
    shaded: list[int],
    align_right: tuple[int, ...],
) -> Table:
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, TABLE_SIZE, TABLE_LEADING),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, TABLE_SIZE, TABLE_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    style.extend(("BACKGROUND", (0, r + 1), (-1, r + 1), SOFT) for r in shaded)
    style.extend(("ALIGN", (c, 1), (c, -1), "RIGHT") for c in align_right)
    return Table(
        data,
        colWidths=widths,
        rowHeights=heights,
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )


def plain_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    shade_rows: Sequence[int] = (),
    align_right: Sequence[int] = (),
    lead: Sequence[Flowable] = (),
) -> PagedTable:
    """A grid table of wrapped plain text; the header repeats on every page it spans.

    ``lead`` (a heading, an introduction) is kept on the page with the first rows.

    Plain strings are never parsed as markup, so text the person typed prints as typed.
    """
    inner = [w - 2 * CELL_PAD for w in widths]
    data: list[list[str]] = []
    heights: list[float] = []
    for index, row in enumerate([header, *rows]):
        font = FONT_BOLD if index == 0 else FONT
        cells = [wrap_text(str(cell), inner[col], font) for col, cell in enumerate(row)]
        data.append(["\n".join(lines) for lines in cells])
        tallest = max((len(lines) for lines in cells), default=1)
        heights.append(tallest * TABLE_LEADING + 2 * CELL_PAD + 1)
    return PagedTable(
        data[0],
        data[1:],
        heights=heights,
        widths=list(widths),
        shade_rows=frozenset(shade_rows),
        align_right=tuple(align_right),
        lead=lead,
    )
