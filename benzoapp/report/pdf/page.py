"""Page furniture: the header, the footer statement, and "page N of M" on every page.

The total page count is only known once the last page is laid out, so the canvas keeps
each finished page and draws the furniture on all of them when the document is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from benzoapp.report.pdf.outline import MARKS_ATTRIBUTE, page_marks
from benzoapp.report.pdf.styles import FONT, FONT_BOLD, INK, MARGIN, MUTED, RULE
from benzoapp.report.text import STATEMENT

LANGUAGE = "en-GB"  # the printout's wording is British English

# Distances from the page margins: header above the body frame, footer below it.
HEADER_SPACE = 7 * mm
FOOTER_SPACE = 13 * mm


@dataclass(frozen=True)
class Furniture:
    """What every page repeats: who the plan is for, when and how it was made."""

    title: str  # drawn as plain text, never parsed as markup
    made_line: str  # e.g. "BenzoApp 0.1.0 · made 3 Mar 2025 · equivalences: Ashton"
    page_size: tuple[float, float]

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        width, height = self.page_size
        left, right = MARGIN, width - MARGIN
        top = height - MARGIN
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 9.5)
        canvas.drawString(left, top, fit(self.title, right - left, 9.5))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 2 * mm, right, top - 2 * mm)
        canvas.line(left, MARGIN + 10 * mm, right, MARGIN + 10 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawString(left, MARGIN + 5 * mm, STATEMENT)
        canvas.setFont(FONT, 9.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(left, MARGIN, fit(self.made_line, right - left - 30 * mm, 9.5))
        canvas.setFillColor(INK)
        canvas.drawRightString(right, MARGIN, f"page {page} of {pages}")
        canvas.restoreState()


def fit(text: str, width: float, size: float) -> str:
    """Shorten ``text`` with an ellipsis so it stays within ``width`` points."""
    if stringWidth(text, FONT, size) <= width:
        return text
    # One pass, adding each character's width (a string's width is the sum of its
    # glyphs'), so a very long name costs linear time, not one measure per character.
    room = width - stringWidth("…", FONT, size)
    used = 0.0
    for end, char in enumerate(text):
        used += stringWidth(char, FONT, size)
        if used > room:
            return text[:end] + "…"
    return text + "…"


def canvas_class(furniture: Furniture) -> type[Canvas]:
    """A canvas that holds pages back until saving, then adds the furniture to each."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no stubs
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held_pages.append(dict(self.__dict__))
            setattr(self, MARKS_ATTRIBUTE, [])
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            outlined = False
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                for key, title in page_marks(state):
                    self.bookmarkPage(key, fit="XYZ", top=furniture.page_size[1])
                    self.addOutlineEntry(title, key, level=0)
                    outlined = True
                furniture.draw(self, number, pages)
                super().showPage()
            if outlined:
                self.showOutline()  # readers open with the bookmarks shown
            self.page_count = pages
            super().save()

    return NumberedCanvas


def make_doc(target: Any, furniture: Furniture, title: str) -> BaseDocTemplate:
    """A one-template document whose frame leaves room for header and footer."""
    body_width, body_height = frame_size(furniture.page_size)
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_SPACE,
        body_width,
        body_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc = BaseDocTemplate(
        target,
        pagesize=furniture.page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author="BenzoApp",
        creator="BenzoApp",
        subject="Taper plan to discuss with the prescriber",
        lang=LANGUAGE,  # the catalog's /Lang: screen readers pick the right voice
        displayDocTitle=1,  # viewers show the title, not the file name
        initialFontName=FONT,  # no unembedded Helvetica anywhere in the file
        initialFontSize=10,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def frame_size(page_size: tuple[float, float]) -> tuple[float, float]:
    """Width and height of the body frame, for sizing tables and the chart."""
    width, height = page_size
    return width - 2 * MARGIN, height - 2 * MARGIN - FOOTER_SPACE - HEADER_SPACE
