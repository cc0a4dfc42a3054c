"""Spreadsheet and calendar safety of typed text (issue 17, point 5).

The CSV follows OWASP's CSV-injection advice and round-trips through Python's CSV reader;
the calendar is read back with ``ics_reader``, a strict reader written from RFC 5545 and
independent of the icalendar package that writes it.
"""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.model import Plan
from benzoapp.report.csv_export import plan_to_csv, safe_text
from benzoapp.report.ics import plan_to_ics
from benzoapp.report.sample import sample_plan

from .ics_reader import LIMIT, read_events, unfold

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
typed_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=120
)


def with_note(note: str) -> Plan:
    plan = sample_plan()
    first = dataclasses.replace(plan.steps[0], note=note)
    return dataclasses.replace(plan, steps=(first, *plan.steps[1:]))


def csv_rows(plan: Plan) -> list[list[str]]:
    return list(csv.reader(io.StringIO(plan_to_csv(plan).decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "note",
    [
        '=HYPERLINK("http://x","y")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tcmd",
        "\r=1",
        " =1+1",
        "\n=1+1",
        "＝1+1",
    ],
)
def test_formula_like_notes_are_shown_as_text(note: str) -> None:
    rows = csv_rows(with_note(note))
    cell = rows[1][rows[0].index("note")]
    assert cell == "'" + note


@given(typed_text)
def test_any_note_round_trips_and_never_starts_a_formula(note: str) -> None:
    rows = csv_rows(with_note(note))
    header = rows[0]
    assert all(len(row) == len(header) for row in rows)
    cell = rows[1][header.index("note")]
    assert cell in (note, "'" + note)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == safe_text(note)


def test_commas_quotes_and_newlines_round_trip() -> None:
    note = 'Held, because "exams"\nsecond line; 3, 4'
    rows = csv_rows(with_note(note))
    assert rows[1][rows[0].index("note")] == note
    assert len(rows) == len(sample_plan().steps) + 1


@given(typed_text)
def test_calendar_text_is_escaped_and_folded_per_rfc_5545(note: str) -> None:
    data = plan_to_ics(with_note(note))
    for raw in data.split(b"\r\n"):
        assert len(raw) <= LIMIT
    events = read_events(data)
    first = events[0]["DESCRIPTION"]
    if note.strip():
        # icalendar normalises line ends to \n; the note's own text is otherwise intact
        expected = note.replace("\r\n", "\n").replace("\r", "\n")
        assert f"Note: {expected}" in first.replace("\r\n", "\n").replace("\r", "\n")


def test_long_unicode_lines_fold_on_character_boundaries() -> None:
    note = "Zoë, Ζωή; Дарья\\ — " * 12
    data = plan_to_ics(with_note(note))
    for raw in data.split(b"\r\n"):
        raw.decode("utf-8")  # RFC 5545 3.1: a fold should not split a character
    lines = unfold(data)
    assert any(line.startswith("DESCRIPTION") for line in lines)
    assert f"Note: {note}" in read_events(data)[0]["DESCRIPTION"]
