"""Anything the shared validator accepts can be planned, printed, exported and shown.

Import documents are generated at and beyond every bound (dates near 1900 and 2200,
1,000 mg, long unbroken names and notes, odd Unicode, many steps, awkward times). Each
is either refused with a plain ``InputError`` by :mod:`benzoapp.core.validation` (via
the import's decoder) or, once imported, goes through the taper engine again, the PDF,
the calendar and CSV, and the window's step table and printable page without raising.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.errors import BenzoAppError, InputError
from benzoapp.store.transfer import FORMAT, decode_export

# Mostly values the validator accepts (so most documents get all the way through),
# with the refused ones mixed in.
DRUGS = ["diazepam", "clonazepam", "alprazolam", "zolpidem", "lorazepam", "diazepam", "nodrug"]
edge_days = st.sampled_from([dt.date(1900, 1, 1), dt.date(2030, 1, 7), dt.date(2200, 6, 1)])
days = st.one_of(
    edge_days,
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 6, 30)),
    st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
    st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
    st.sampled_from([dt.date(1899, 12, 31), dt.date(2201, 1, 1)]),
)
times = st.sampled_from(
    ["08:00", "23:59", "00:00", "22:00", "13:30", "07:15", "21:00"] * 3 + ["24:00", "=HYPERLINK(1)"]
)
amounts = st.sampled_from(
    ["0", "0.125", "5", "1000", "0.5", "2.5", "10", "7.5"] * 3 + ["-1", "1000.000001"]
)
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
long_words = st.sampled_from([150, 200, 201, 5000, 10_000, 12_000]).map(lambda n: "W" * n)
texts = st.one_of(words, words, words, words, long_words)
names = st.one_of(*[words] * 8, long_words)
flags = st.sampled_from([True, False] * 6 + ["false"])


@st.composite
def step_lists(draw: st.DrawFn, start: dt.date) -> list[dict[str, Any]]:
    out = []
    day = start
    for index in range(draw(st.integers(0, 40))):
        length = draw(st.sampled_from([1, 7, 14, 14, 28, 365, 3650]))
        drug = draw(st.sampled_from(DRUGS[:4]))
        out.append(
            {
                "index": index,
                "start": day.isoformat(),
                "days": length,
                "doses": [{"drug": drug, "time": draw(times), "mg": draw(amounts)}],
                "diazepam_equivalent_mg": draw(amounts),
                "hold": draw(flags),
                "note": draw(texts),
            }
        )
        day = day + dt.timedelta(days=max(length, 1))
    return out


@st.composite
def exports(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(days)
    plan = {
        "regimen": {
            "doses": [
                {"drug": draw(st.sampled_from(DRUGS)), "time": draw(times), "mg": draw(amounts)}
            ]
        },
        "settings": {
            "method": draw(st.sampled_from(["percent", "linear", "hyperbolic"])),
            "rate_percent": draw(st.sampled_from(["10", "5", "0.5", "100", "25", "10", "1e-30"])),
            "every_days": draw(st.sampled_from([14, 1, 365, 7, 28, 14, 14, 2**70])),
            "form": "tablet",
            "start": start.isoformat(),
            "crossover_to": draw(st.sampled_from([None, "diazepam", "nodrug"])),
            "table": "ashton",
            "micro": draw(flags),
        },
        "steps": draw(step_lists(start)),
    }
    return {
        "format": FORMAT,
        "format_version": 1,
        "profile": {
            "name": draw(names),
            "prior_tapers": draw(st.sampled_from([0, 3, 1000, 1, 2] * 3 + [2**70])),
            "post_exertional_malaise": draw(st.sampled_from([True, False, None] * 4 + ["false"])),
            "notes": draw(texts),
        },
        "medications": [
            {"name": draw(names), "kind": "supplement", "notes": draw(texts)}
            for _ in range(draw(st.integers(0, 2)))
        ],
        "plans": [
            {
                "name": draw(names),
                "active": True,
                "created_at": "2030-01-01T00:00:00",
                "versions": [{"number": 1, "created_at": "2030-01-01T00:00:00", "plan": plan}],
            }
        ],
        "dose_log": [
            {
                "day": draw(days).isoformat(),
                "time": draw(times),
                "drug": draw(st.sampled_from(DRUGS)),
                "planned_mg": draw(amounts),
                "note": draw(texts),
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
        "journal": [
            {"day": draw(days).isoformat(), "symptoms": {"anxiety": draw(st.integers(0, 10))}}
            for _ in range(draw(st.integers(0, 2)))
        ],
    }


ACCEPTED: list[int] = []
REFUSED: list[int] = []


def use_everywhere(qtbot: QtBot, folder: Path, document: dict[str, Any]) -> None:
    from benzoapp.core.cautions import load_knowledge_base
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.taper import build_plan
    from benzoapp.gui.file_actions import plan_document
    from benzoapp.gui.plan_model import StepTableModel
    from benzoapp.report.csv_export import plan_to_csv
    from benzoapp.report.gather import gather_report_data
    from benzoapp.report.ics import plan_to_ics
    from benzoapp.report.pdf_plan import render_plan_pdf
    from benzoapp.store import open_store
    from benzoapp.store.transfer import import_data

    with open_store(folder) as store:
        import_data(store, document, replace=True)
        _, plan = store.plans.active() or (0, None)
        profile = store.profile.get()
        medications = [m for _, m in store.medications.list()]
        journal = store.journal.all()
    assert plan is not None
    catalog = load_catalog()
    # Planned again from the accepted regimen and settings: a plain refusal ("would take
    # more than 30 years") is a result too.
    with contextlib.suppress(InputError):
        build_plan(plan.regimen, plan.settings, catalog, profile)
    data = gather_report_data(
        plan,
        catalog=catalog,
        kb=load_knowledge_base(),
        profile=profile,
        medications=medications,
        journal=journal,
    )
    assert render_plan_pdf(data).data.startswith(b"%PDF")
    assert plan_to_ics(plan, dt.date(2030, 1, 1))
    assert plan_to_csv(plan)
    model = StepTableModel(plan)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
    assert plan_document(plan, "Ashton").toPlainText()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=exports())
def test_accepted_imports_can_be_planned_printed_exported_and_shown(
    qtbot: QtBot, tmp_path: Path, document: dict[str, Any]
) -> None:
    document = json.loads(json.dumps(document))  # exactly what a file would give
    try:
        decode_export(document)
    except InputError:
        REFUSED.append(1)
        return  # refused plainly: nothing to use
    ACCEPTED.append(1)
    try:
        use_everywhere(qtbot, tmp_path / "data", document)
    except BenzoAppError as error:  # pragma: no cover - shown with the document
        pytest.fail(f"accepted, then refused later: {error}\n{json.dumps(document)[:2000]}")


def test_the_generated_documents_reach_every_consumer() -> None:
    """Guards the test above: a fair share of its documents must be accepted."""
    if not ACCEPTED and not REFUSED:
        pytest.skip("runs after the property test")
    assert len(ACCEPTED) >= 5


def test_every_bound_is_refused_by_the_validator() -> None:
    """The same checks the import uses, named one by one."""
    from benzoapp.core import validation as v

    for bad, call in (
        ("=HYPERLINK", lambda: v.check_time('=HYPERLINK("x")')),
        ("24-hour", lambda: v.check_time("24:00")),
        ("1900 to 2200", lambda: v.check_date("9999-12-31")),
        ("1900 to 2200", lambda: v.check_date(dt.date(1899, 12, 31))),
        ("true or false", lambda: v.check_bool("false", "micro")),
        ("true or false", lambda: v.check_bool(0, "micro")),
        ("from 0 to 1000", lambda: v.check_int(-1, "prior_tapers", 0, 1000)),
        ("from 0 to 1000", lambda: v.check_int(2**70, "prior_tapers", 0, 1000)),
        ("more than 1000 mg", lambda: v.check_mg(Decimal("99999999"), "mg")),
        ("below zero", lambda: v.check_mg(Decimal(-1), "mg")),
        ("decimal places", lambda: v.check_mg(Decimal("0.0000001"), "mg")),
        ("characters long", lambda: v.check_text("x" * 1_000_001, "notes")),
        ("NUL", lambda: v.check_text("a\0b", "notes")),
        ("at most 100 percent", lambda: v.check_rate(Decimal(-10))),
        ("at most 100 percent", lambda: v.check_rate(Decimal("1e-30"))),
        ("BenzoApp knows", lambda: v.check_drug("nodrug", ["diazepam"], "drug")),
        ("the same", lambda: v.refuse_duplicates([1, 2, 1], "day", "journal")),
    ):
        with pytest.raises(InputError, match=bad):
            call()
