"""Plain tables that split across pages with their header row repeated.

Cells are plain strings, wrapped here by measuring words, and every row height is given
to ReportLab up front: a multi-year daily plan has over a thousand rows, and letting
ReportLab measure each cell again on every page split is what makes long tables slow.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

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


def plain_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    shade_rows: Sequence[int] = (),
    align_right: Sequence[int] = (),
) -> Table:
    """A grid table of wrapped plain text; the header repeats on every page it spans.

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
    style.extend(("BACKGROUND", (0, r + 1), (-1, r + 1), SOFT) for r in shade_rows)
    style.extend(("ALIGN", (c, 1), (c, -1), "RIGHT") for c in align_right)
    return Table(
        data,
        colWidths=list(widths),
        rowHeights=heights,
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )
