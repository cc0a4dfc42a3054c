"""The engine's faster formulations against the plain definitions they replaced.

Each shortcut taken for speed (tidy without ``as_tuple``, fmt through ``str``, the
largest linear cut from the smallest kept share, the float-free pace check) is compared
with the straightforward statement of the same rule over many generated values.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.decimals import fmt, round_half_up, tidy
from benzoapp.core.model import Step, WarningLevel
from benzoapp.core.taper.warnings import _linear_warning, _pace_warning

D = Decimal

decimals = st.builds(
    lambda coefficient, exponent: Decimal(coefficient).scaleb(exponent),
    st.integers(-(10**27), 10**27),
    st.integers(-40, 30),
)


def reference_tidy(value: Decimal) -> Decimal:
    """The original definition: normalise, and quantize only a positive exponent."""
    value = value.normalize()
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent > 0:
        return value.quantize(D(1))
    return value


def _outcome(fn: object, value: Decimal) -> str:
    assert callable(fn)
    try:
        return repr(fn(value))
    except InvalidOperation:
        return "InvalidOperation"


@given(decimals)
def test_tidy_matches_its_plain_definition_digit_for_digit(value: Decimal) -> None:
    assert _outcome(tidy, value) == _outcome(reference_tidy, value)


@given(decimals)
def test_fmt_matches_format_f_of_tidy(value: Decimal) -> None:
    try:
        expected = format(reference_tidy(value), "f")
    except InvalidOperation:
        return  # beyond 28 digits: only the reference needs to quantize
    assert fmt(value) == expected


def test_fmt_examples() -> None:
    assert [fmt(D(x)) for x in ("10", "1E+1", "2.50", "0.0000001", "-0.0", "0.125")] == [
        "10",
        "10",
        "2.5",
        "0.0000001",
        "-0",
        "0.125",
    ]


positive = st.builds(lambda n, e: Decimal(n).scaleb(e), st.integers(1, 10**9), st.integers(-9, 2))


@given(st.lists(st.tuples(positive, positive), min_size=1, max_size=30))
def test_largest_linear_cut_comes_from_the_smallest_kept_share(
    pairs: list[tuple[Decimal, Decimal]],
) -> None:
    """The message names the same percentage as taking the largest of every cut."""
    cuts = [(1 - b / a) * 100 for a, b in pairs]
    expected = fmt(round_half_up(max(cuts), D("0.1")))
    warning = _linear_warning(min(b / a for a, b in pairs))
    assert f"take up to {expected}% of the" in warning.message


@given(positive, positive, st.sampled_from([1, 2, 7, 13, 14, 28, 100]))
def test_pace_check_classifies_as_the_float_comparison_does(
    a: Decimal, b: Decimal, days: int
) -> None:
    ratio = b / a
    kept = float(ratio)
    eps = 1e-9
    # A single cut of more than 25% is strong however many days came before it.
    quarter = max(0.75 ** (days / 14) * (1 - eps), 0.75 * (1 - eps))
    ten = max(0.9 ** (days / 14) * (1 - eps), quarter)
    step = Step(3, dt.date(2030, 1, 1), days, (), D(1))
    warning = _pace_warning(step, days, ratio, {})
    if kept >= ten:
        assert warning is None
    elif kept < quarter:
        assert warning is not None
        assert warning.code == "faster_than_25pct_per_2wk"
        assert warning.level is WarningLevel.STRONG
    else:
        assert warning is not None
        assert warning.code == "faster_than_10pct_per_2wk"


def test_pace_check_at_the_float_boundary() -> None:
    """A ratio a hair below the float threshold still counts as at it, as before."""
    days = 14
    ten = 0.9 * (1 - 1e-9)
    just_below = Decimal(ten) - Decimal("1e-30")  # rounds to ``ten`` as a float
    assert float(just_below) == ten
    step = Step(1, dt.date(2030, 1, 1), days, (), D(1))
    assert _pace_warning(step, days, just_below, {}) is None
    clearly_below = Decimal(ten) - Decimal("1e-6")
    warning = _pace_warning(step, days, clearly_below, {})
    assert warning is not None
    assert warning.code == "faster_than_10pct_per_2wk"
