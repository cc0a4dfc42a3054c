"""How doses, dates and levels are written on screen: exact, short and the same everywhere."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from benzoapp.core.dates import format_date, format_day
from benzoapp.core.dose_parse import parse_dose
from benzoapp.core.levels import level_word
from benzoapp.core.model import StepDose, WarningLevel

_ZERO_RE = re.compile(r"^0+(?:[.,]0+)?(?:\s*mg)?$", re.IGNORECASE)

# Levels are told by a word and a shape, never by colour alone. The words are the
# core's (``core.levels``, shared with the printed plan and the CLI); the shapes are the
# screen's. Plan warnings use the first three; the checker's match the Check page.
LEVEL_SHAPES: dict[str, str] = {
    WarningLevel.STRONG.value: "■",
    WarningLevel.CAUTION.value: "▲",
    WarningLevel.INFO.value: "◇",
    "avoid": "✕",
    "mixed": "◆",
    "supportive": "●",
    "not_covered": "?",
}


def badge(level: str) -> str:
    """'▲ Caution' for a level id; unknown levels still show their own words."""
    return f"{LEVEL_SHAPES.get(level, '◆')} {level_word(level)}"


def mg(value: Decimal) -> str:
    """'0.125 mg', '2 mg': exact, without trailing zeros or exponent notation."""
    text = format(value.normalize(), "f") if value else "0"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} mg"


def parse_mg(text: str) -> Decimal:
    """An amount typed in a field labelled "mg", read by the core's dose parser.

    A bare number is taken as mg (the field says so); anything else goes to
    ``parse_dose`` as typed, so the window refuses exactly what the CLI refuses ("1,000"
    is ambiguous, a unit it does not know, a negative amount). Zero is allowed here, as
    a dose left out or not taken. Raises ``InputError`` with the core's message.
    """
    cleaned = " ".join(text.strip().split())
    if _ZERO_RE.match(cleaned):
        return Decimal(0)
    if cleaned[-1:].isdigit():
        cleaned = f"{cleaned} mg"
    return parse_dose(cleaned)


def day(value: dt.date) -> str:
    """'Tue 8 Dec 2026': unambiguous in every locale (the core's names, not strftime)."""
    return format_day(value)


def short_day(value: dt.date) -> str:
    """'8 Dec 2026': for tables, where the weekday would crowd the row."""
    return format_date(value)


def dose_line(dose: StepDose) -> str:
    """'08:00  clonazepam 0.5 mg (1 x 0.5 mg)'."""
    how = f" ({dose.units})" if dose.units else ""
    flag = "  — cannot be made exactly with this form" if not dose.makeable else ""
    return f"{dose.time}  {dose.drug} {mg(dose.mg)}{how}{flag}"
