"""Dates as the app writes them, the same in every locale: "3 Mar 2025", "Tue 8 Dec 2026".

``strftime("%b")`` follows the process's locale: once a library (Qt, when it starts)
switches it, a German system prints "Mär" in one place and "Mar" in another. These
names are fixed, so the window, the PDF, the calendar and the spreadsheet agree.
"""

from __future__ import annotations

import datetime as dt

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def month_year(day: dt.date) -> str:
    """'Mar 2025'."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def format_date(day: dt.date) -> str:
    """'3 Mar 2025': no leading zero, the month in letters."""
    return f"{day.day} {month_year(day)}"


def format_day(day: dt.date) -> str:
    """'Tue 8 Dec 2026': with the weekday, for headings."""
    return f"{WEEKDAYS[day.weekday()]} {format_date(day)}"
