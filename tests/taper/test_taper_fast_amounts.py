"""The faster ways of finding makeable amounts and plan figures, against plain statements.

``Formulation.at_or_above``/``at_or_below`` answer among Decimal amounts (and liquid or
weighed grids in whole quanta) instead of converting each question to units; the
alternatives' figures are read in one pass. Each is compared, digit for digit, with the
straightforward statement of the same rule over many generated values.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.formulation import Formulation
from benzoapp.core.model import Form, TabletStrength
from benzoapp.core.taper.alternatives import outline_figures, runs_figures
from benzoapp.core.taper.engine import Outline

D = Decimal

FORMS = (
    Formulation(
        "diazepam",
        Form.TABLET,
        (
            TabletStrength("diazepam", D(2), 2),
            TabletStrength("diazepam", D(5), 2),
            TabletStrength("diazepam", D(10), 2),
        ),
    ),
    Formulation("zopiclone", Form.TABLET, (TabletStrength("zopiclone", D("7.5"), 2),)),
    Formulation("clonazepam", Form.TABLET, (TabletStrength("clonazepam", D("0.5"), 4),)),
    Formulation("diazepam", Form.LIQUID, mg_per_ml=D(1)),
    Formulation("temazepam", Form.LIQUID, mg_per_ml=D(2)),
    Formulation("diazepam", Form.WEIGHED, (TabletStrength("diazepam", D(2), 1),)),
)

amounts = st.builds(
    lambda units, exponent: D(units).scaleb(-exponent),
    st.integers(-50, 4_000),
    st.integers(0, 27),
)


def _plain_above(form: Formulation, mg: Decimal) -> Decimal:
    """The smallest makeable amount not below ``mg``: whole quanta up, then the first the
    form can make (the definition, one quantum at a time)."""
    if mg <= 0:
        return D(0)
    whole, rest = divmod(mg, form.quantum)
    units = int(whole) + (1 if rest else 0)
    while not form.can_make(units * form.quantum) or units == 0:
        units += 1
    return units * form.quantum


def _plain_below(form: Formulation, mg: Decimal) -> Decimal:
    if mg <= 0:
        return D(0)
    units = int(mg // form.quantum)
    while units > 0 and not form.can_make(units * form.quantum):
        units -= 1
    return units * form.quantum if units > 0 else D(0)


@settings(deadline=None)  # the first questions extend the shared tablet searches
@given(st.sampled_from(range(len(FORMS))), amounts)
def test_at_or_above_is_the_first_makeable_amount_digit_for_digit(which: int, mg: Decimal) -> None:
    form = FORMS[which]
    found = form.at_or_above(mg)
    assert found == _plain_above(form, mg)
    assert str(found) == str(_plain_above(form, mg))
    assert form.can_make(found)
    assert found >= mg


@settings(deadline=None)
@given(st.sampled_from(range(len(FORMS))), amounts)
def test_at_or_below_is_the_last_makeable_amount(which: int, mg: Decimal) -> None:
    form = FORMS[which]
    found = form.at_or_below(mg)
    assert found == _plain_below(form, mg)
    assert found <= max(mg, D(0))


def _plain_figures(steps: list[Outline]) -> tuple[Decimal, int, int]:
    floor = steps[0].de_mg * D("0.25")
    cuts = [
        (a.de_mg - b.de_mg) / a.de_mg * 100
        for a, b in itertools.pairwise(steps)
        if a.de_mg > floor and b.de_mg < a.de_mg
    ]
    largest = max(cuts, default=D(0)).quantize(D("0.1"), "ROUND_HALF_UP")
    holds = [s.days for s in steps if s.de_mg > floor and "form cannot make" in s.note]
    return largest, max(holds, default=0), sum(s.days for s in steps if s.de_mg > 0)


outlines = st.lists(
    st.builds(
        Outline,
        st.decimals(min_value=0, max_value=200, places=3, allow_nan=False),
        st.integers(1, 200),
        st.sampled_from(("", "held 42 days: the form cannot make a smaller cut sooner", "x")),
    ),
    min_size=1,
    max_size=40,
)


@given(outlines)
def test_figures_in_one_pass_match_the_plain_definition(steps: list[Outline]) -> None:
    got = outline_figures(steps)
    want = _plain_figures(steps)
    assert (got.largest_cut_pct, got.longest_forced_hold_days, got.days) == want
    assert str(got.largest_cut_pct) == str(want[0])
    assert runs_figures([s.de_mg for s in steps], steps) == got
