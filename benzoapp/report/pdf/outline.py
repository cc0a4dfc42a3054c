"""The PDF outline (bookmarks): one entry per part, so a reader can jump to the pharmacy.

A part's heading records itself on the canvas when it is drawn, wherever layout put it
(moved to the next page with its table, or inside a kept-together block); the page
canvas turns the records into destinations and outline entries when it writes the pages.
"""

from __future__ import annotations

import itertools
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

_keys = itertools.count(1)

MARKS_ATTRIBUTE = "_benzoapp_page_marks"  # on the canvas: (key, title) drawn on this page


class PartHeading(Paragraph):  # type: ignore[misc]  # ReportLab ships no stubs
    """A heading that starts a part of the printout and has an entry in the outline."""

    def __init__(self, text: str, style: ParagraphStyle, outline_title: str = "") -> None:
        super().__init__(text, style)
        self.outline_title = outline_title or text
        self.outline_key = f"part-{next(_keys)}"

    def draw(self) -> None:
        super().draw()
        canvas: Any = self.canv
        marks = getattr(canvas, MARKS_ATTRIBUTE, [])
        # a new list each time: the canvas keeps a shallow copy of its state per page
        setattr(canvas, MARKS_ATTRIBUTE, [*marks, (self.outline_key, self.outline_title)])


def page_marks(state: dict[str, Any]) -> list[tuple[str, str]]:
    """The (key, title) pairs recorded on one held page."""
    marks: list[tuple[str, str]] = state.get(MARKS_ATTRIBUTE, [])
    return marks
