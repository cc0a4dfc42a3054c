"""One rule in one place: the window asks the core for today's step, for reading a typed
dose, for the chart's line and for each level's words, and writes dates the same
whatever the system locale (creating the QApplication does not change Python's)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.errors import InputError
from benzoapp.core.levels import level_word
from benzoapp.core.model import Plan, PlanSettings, WarningLevel
from benzoapp.core.plan_chart import dose_series
from benzoapp.gui.dose_chart import step_points
from benzoapp.gui.formatting import badge, parse_mg
from benzoapp.gui.today_page import TodayPage


def test_today_shows_the_cores_step_in_force(
    qtbot: QtBot, *, planner, plans, dose_log, journal, undo_stack, today
) -> None:
    """A re-plan keeps earlier steps as history; on a day only history covers, Today
    shows that step as the core (and the printed plan) do, not an empty day."""
    plan = planner.build(
        planner.parse_regimen("clonazepam 0.5 mg 08:00"),
        PlanSettings(start=today - dt.timedelta(days=3)),
    )
    first = replace(plan.steps[0], history=True)
    later = tuple(replace(s, start=s.start + dt.timedelta(days=30)) for s in plan.steps[1:])
    plan = Plan(plan.regimen, plan.settings, (first, *later), plan.warnings)
    plans.save(plan, "mine")
    page = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    step = plan.step_on(today)
    assert step is first
    assert [row.dose for row in page.rows] == list(step.doses)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1,000", None), ("0,25", Decimal("0.25")), ("250 mcg", Decimal("0.25")), ("-1", None)],
)
def test_a_typed_amount_is_read_by_the_cores_parser(
    qtbot: QtBot, *, planner, plans, dose_log, journal, undo_stack, today, typed, stored
) -> None:
    plan = planner.build(
        planner.parse_regimen("clonazepam 0.5 mg 08:00"),
        PlanSettings(start=today - dt.timedelta(days=1)),
    )
    plans.save(plan, "mine")
    page = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    row = page.rows[0]
    row.amount.selectAll()
    qtbot.keyClicks(row.amount, typed)
    qtbot.mouseClick(row.taken, Qt.MouseButton.LeftButton)
    entries = dose_log.between(today, today)
    if stored is None:
        assert entries == []
        assert page.dose_message.text().startswith("Not recorded: ")
        if typed == "1,000":  # the CLI's words: ambiguous, never read as 1 mg
            assert "ambiguous" in page.dose_message.text()
    else:
        assert [e.taken_mg for e in entries] == [stored]


def test_the_screen_chart_plots_what_the_pdf_plots(core_planner) -> None:
    """One drug: its own mg a day (as printed), not its diazepam equivalent."""
    settings = PlanSettings(start=dt.date(2026, 1, 5))
    plan = core_planner.build(core_planner.parse_regimen("clonazepam 1mg 08:00"), settings)
    assert [p[2] for p in step_points(plan)] == [s.total_mg for s in plan.steps]
    crossover = core_planner.build(
        core_planner.parse_regimen("alprazolam 1mg 08:00"),
        replace(settings, crossover_to="diazepam"),
    )
    assert [p[2] for p in step_points(crossover)] == [
        s.diazepam_equivalent_mg for s in crossover.steps
    ]
    assert [p[2] for p in step_points(crossover)] == [p.mg for p in dose_series(crossover)]


def test_level_words_are_the_cores() -> None:
    for level in WarningLevel:
        assert badge(level.value).split(" ", 1)[1] == level_word(level.value)
    assert badge("not_covered") == "? Not covered"
    assert badge("strong") == "■ Strong caution"


def _available(name: str) -> bool:
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    wanted = name.lower().replace("-", "")
    return any(line.lower().replace("-", "") == wanted for line in out.splitlines())


SCRIPT = r"""
import datetime as dt, locale, sys
before = locale.setlocale(locale.LC_ALL)
from benzoapp.gui.qt_app import make_application
app = make_application(["benzoapp"])
after = locale.setlocale(locale.LC_ALL)
from benzoapp.gui.formatting import day, short_day
from benzoapp.report.text import format_date
march = dt.date(2026, 3, 3)
print(before == after, day(march), short_day(march), format_date(march), f"{march:%b}")
"""


@pytest.mark.parametrize("name", ["C.UTF-8", "de_DE.UTF-8"])
def test_dates_read_the_same_under_any_locale(name: str) -> None:
    if not _available(name):
        pytest.skip(f"locale {name} is not installed (./dev.sh setup installs it)")
    env = {**os.environ, "LC_ALL": name, "LANG": name, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    kept, *dates = result.stdout.split()
    assert kept == "True"  # the QApplication left Python's locale alone
    assert dates == ["Tue", "3", "Mar", "2026", "3", "Mar", "2026", "3", "Mar", "2026", "Mar"]


@given(st.decimals(min_value="0.0001", max_value="500", places=4))
def test_a_typed_amount_reads_as_the_core_reads_it(value: Decimal) -> None:
    text = format(value.normalize(), "f")
    assert parse_mg(text) == value
    assert parse_mg(f"{text} mg") == value


@given(st.integers(1, 999), st.integers(0, 999))
def test_a_comma_before_three_digits_is_refused_as_ambiguous(whole: int, part: int) -> None:
    with pytest.raises(InputError, match="ambiguous"):
        parse_mg(f"{whole},{part:03d}")


@pytest.mark.parametrize("text", ["0", "0 mg", "0.0", "0,0"])
def test_zero_is_a_dose_not_taken(text: str) -> None:
    assert parse_mg(text) == 0


@pytest.mark.parametrize("text", ["", "half", "-1", "1 tablet", "mg"])
def test_what_is_not_a_dose_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_mg(text)
