"""Report inputs: paper size from the locale, number and date wording, options checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.errors import InputError
from benzoapp.report.data import (
    PageSize,
    ReportData,
    ReportOptions,
    default_page_size,
    parse_page_size,
)
from benzoapp.report.sample import sample_plan
from benzoapp.report.text import format_date, format_duration, format_number


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, PageSize.LETTER),
        ({"LANG": "fr_CA.UTF-8"}, PageSize.LETTER),
        ({"LANG": "en_GB.UTF-8"}, PageSize.A4),
        ({"LANG": "de_DE@euro"}, PageSize.A4),
        ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, PageSize.LETTER),
        ({"LC_ALL": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, PageSize.A4),
        ({"LANG": "C.UTF-8"}, PageSize.A4),
        ({}, PageSize.A4),
    ],
)
def test_default_page_size_follows_locale(env: dict[str, str], expected: PageSize) -> None:
    assert default_page_size(env) is expected


def test_parse_page_size() -> None:
    assert parse_page_size(" Letter ") is PageSize.LETTER
    with pytest.raises(InputError, match="a4 or letter"):
        parse_page_size("legal")


@given(st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False))
def test_format_number_is_exact_and_plain(value: Decimal) -> None:
    text = format_number(value)
    assert "E" not in text
    assert Decimal(text) == value
    assert not (text.endswith("0") and "." in text)


def test_wording() -> None:
    assert format_number(Decimal("0.250")) == "0.25"
    assert format_number(Decimal("100")) == "100"
    assert format_date(dt.date(2025, 3, 3)) == "3 Mar 2025"
    assert format_duration(98) == "98 days (about 14 weeks)"
    assert format_duration(1100) == "1100 days (about 3.0 years)"


def test_options_refuse_nonsense() -> None:
    with pytest.raises(InputError):
        ReportOptions(prescription_days=0)
    with pytest.raises(InputError):
        ReportOptions(checklist_weeks=-1)


def test_name_option_wins_over_profile() -> None:
    from benzoapp.core.model import Profile

    data = ReportData(plan=sample_plan(), profile=Profile(name="Kim"))
    assert data.person_name == "Kim"
    data = ReportData(
        plan=sample_plan(), profile=Profile(name="Kim"), options=ReportOptions(name="Lee")
    )
    assert data.person_name == "Lee"
    assert data.equivalence_table == "ashton"
