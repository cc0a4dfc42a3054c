"""Fonts, type sizes and muted colours of the printed plan, and escaping of typed text.

Large type and greys only: the reader may be foggy or light-sensitive, and the plan must
photocopy and fax cleanly. Levels are told in words, never by colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import CondPageBreak, Flowable

from benzoapp.paths import resource_path
from benzoapp.report.data import PageSize

FONT = "BenzoAppSans"
FONT_BOLD = "BenzoAppSans-Bold"

INK = colors.HexColor("#1f1f1f")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")
SOFT = colors.HexColor("#f6f6f6")

MARGIN = 18 * mm
BODY_SIZE = 11.5
TABLE_SIZE = 10.5
TABLE_LEADING = 13.0
CELL_PAD = 4.0

PAGE_SIZES: dict[PageSize, tuple[float, float]] = {PageSize.A4: A4, PageSize.LETTER: LETTER}


def register_fonts() -> None:
    """Embed DejaVu Sans: it covers accented Latin, Greek and Cyrillic names and ☐.

    ReportLab keeps its own registry of fonts per process; registering twice is skipped.
    """
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def room_for(heading: Flowable, lines: int = 3) -> list[Flowable]:
    """The heading, on a new page unless it fits with ``lines`` lines of what follows.

    A heading is never the last line of a page. (ReportLab's keep-with-next does the same
    by laying the next paragraph out twice; a conditional page break measures nothing.)
    """
    style = heading.style
    need = style.spaceBefore + style.leading + style.spaceAfter + lines * BODY_SIZE * 1.45
    return [CondPageBreak(need), heading]


def typed(text: str) -> str:
    """Text someone typed, made safe for Paragraph markup so it prints exactly as typed."""
    return escape(text).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document."""

    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    statement: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.45,
        textColor=INK,
        spaceAfter=5,
    )
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=21, leading=27, spaceAfter=4
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=21,
            spaceBefore=10,
            spaceAfter=7,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=17,
            spaceBefore=8,
            spaceAfter=3,
        ),
        body=body,
        small=ParagraphStyle(
            "small", parent=body, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=3
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=4),
        statement=ParagraphStyle(
            "statement",
            parent=body,
            fontName=FONT_BOLD,
            borderColor=RULE,
            borderWidth=0.8,
            borderPadding=7,
            backColor=SOFT,
            spaceBefore=8,
            spaceAfter=14,
        ),
    )
