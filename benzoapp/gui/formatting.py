"""How doses, dates and levels are written on screen: exact, short and the same everywhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from benzoapp.core.model import StepDose, WarningLevel

# Levels are told by a word and a shape, never by colour alone. Plan warnings use the
# first three; the checker's levels match the shapes of the Check page.
LEVEL_BADGES: dict[str, tuple[str, str]] = {
    WarningLevel.STRONG.value: ("■", "Strong caution"),
    WarningLevel.CAUTION.value: ("▲", "Caution"),
    WarningLevel.INFO.value: ("◇", "Note"),
    "avoid": ("✕", "Avoid"),
    "mixed": ("◆", "Mixed reports"),
    "supportive": ("●", "Supportive"),
    "not_covered": ("?", "Not covered"),
}


def badge(level: str) -> str:
    """'▲ Caution' for a level id; unknown levels still show their own words."""
    shape, word = LEVEL_BADGES.get(level, ("◆", level.replace("_", " ").capitalize()))
    return f"{shape} {word}"


def mg(value: Decimal) -> str:
    """'0.125 mg', '2 mg': exact, without trailing zeros or exponent notation."""
    text = format(value.normalize(), "f") if value else "0"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} mg"


def parse_mg(text: str) -> Decimal | None:
    """A non-negative amount typed by the person ('0.25', '0,25', '0.25 mg'), or None."""
    cleaned = text.strip().lower().removesuffix("mg").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return value


def day(value: dt.date) -> str:
    """'Tue 8 Dec 2026': unambiguous in every locale."""
    return f"{value:%a} {value.day} {value:%b %Y}"


def short_day(value: dt.date) -> str:
    """'8 Dec 2026': for tables, where the weekday would crowd the row."""
    return f"{value.day} {value:%b %Y}"


def dose_line(dose: StepDose) -> str:
    """'08:00  clonazepam 0.5 mg (1 x 0.5 mg)'."""
    how = f" ({dose.units})" if dose.units else ""
    flag = "  — cannot be made exactly with this form" if not dose.makeable else ""
    return f"{dose.time}  {dose.drug} {mg(dose.mg)}{how}{flag}"
