"""The step table as CSV, for a spreadsheet: one row per step, exact decimal doses."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from benzoapp.core.model import Plan
from benzoapp.core.taper.equivalents import lacks_equivalent
from benzoapp.report.atomic import write_atomic
from benzoapp.report.text import (
    dose_columns,
    dose_in,
    drugs_taken,
    format_number,
    step_flags,
)

# A cell starting with one of these is read as a formula by spreadsheet programs
# (OWASP, "CSV Injection"). Tab and carriage return are on OWASP's list themselves.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Some programs skip leading spaces and line feeds before reading a formula, so those
# are looked through too; the fullwidth forms are folded to ASCII by some spreadsheets.
_LOOK_THROUGH = " \n\u00a0\u3000"
_FULLWIDTH = str.maketrans("＝＋－＠", "=+-@")


def safe_text(text: str) -> str:
    """Typed text that a spreadsheet will show as text, never run as a formula.

    OWASP's advice: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe, which spreadsheets show as text and do not print.
    """
    if text.startswith(_FORMULA_STARTS):
        return f"'{text}"
    if text.lstrip(_LOOK_THROUGH).translate(_FULLWIDTH).startswith(_FORMULA_STARTS):
        return f"'{text}"
    return text


def plan_rows(plan: Plan) -> list[list[str]]:
    """Header and one row per step; doses as plain decimals in mg, dates as ISO."""
    columns = dose_columns(plan)
    header = ["step", "start", "end", "days"]
    for column in columns:
        label = column.title.replace(" ", "_")
        header += [f"{label}_mg", f"{label}_what_to_take"]
    header += ["total_mg", "diazepam_equivalent_mg", "flags", "note"]
    rows = [header]
    own_mg = lacks_equivalent(plan)  # no figure in the table: none is shown, none made up
    # Steps are numbered from 1, as the window, the PDF, the calendar and plan --json do.
    for number, step in enumerate(plan.steps, start=1):
        row = [str(number), step.start.isoformat(), step.end.isoformat(), str(step.days)]
        for column in columns:
            dose = dose_in(step, column)
            row += ["", ""] if dose is None else [format_number(dose.mg), safe_text(dose.units)]
        row += [
            # mg of different drugs do not add up: no total then; the equivalent stays.
            format_number(step.total_mg) if len(drugs_taken(step)) <= 1 else "",
            "" if own_mg else format_number(step.diazepam_equivalent_mg),
            "; ".join(step_flags(step, plan)),
            safe_text(step.note),
        ]
        rows.append(row)
    return rows


def plan_to_csv(plan: Plan) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show accents correctly."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(plan_rows(plan))
    return buffer.getvalue().encode("utf-8-sig")


def write_plan_csv(path: str | os.PathLike[str], plan: Plan) -> Path:
    """Save the step table (temporary sibling, then rename); return the path."""
    return write_atomic(path, plan_to_csv(plan))
