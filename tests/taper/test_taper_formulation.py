"""What each form can make: exact units, no greedy tablet choice, liquid to 0.1 ml."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.decimals import round_half_up
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import Form, TabletStrength

D = Decimal


def tablets(*spec: tuple[str, int]) -> tuple[TabletStrength, ...]:
    return tuple(TabletStrength("diazepam", D(mg), split) for mg, split in spec)


def test_units_read_like_a_person_would_say_them() -> None:
    form = Formulation("clonazepam", Form.TABLET, tablets(("2", 2), ("1", 2)))
    assert form.units(D("2.5")) == "1 x 2 mg + 1/2 x 1 mg"
    assert form.units(D(3)) == "1 x 2 mg + 1 x 1 mg"
    assert form.units(D("1.5")) == "1 1/2 x 1 mg"  # whole tablets before halves


def test_tablet_choice_is_not_greedy() -> None:
    # Greedy (largest first) takes a 6 and is stuck at 2 left; 4 + 4 makes 8 exactly.
    form = Formulation("diazepam", Form.TABLET, tablets(("6", 1), ("4", 1)))
    assert form.can_make(D(8))
    assert form.units(D(8)) == "2 x 4 mg"
    assert not form.can_make(D(2))
    assert form.units(D(2)) == ""


def test_only_the_splits_a_tablet_allows() -> None:
    whole = Formulation("diazepam", Form.TABLET, tablets(("2", 1)))
    scored = Formulation("diazepam", Form.TABLET, tablets(("2", 2)))
    assert not whole.can_make(D(1))
    assert scored.can_make(D(1))
    assert not scored.can_make(D("0.5"))
    assert scored.smallest() == 1


def test_quarter_of_a_half_milligram_is_0_125() -> None:
    form = Formulation("alprazolam", Form.TABLET, tablets(("0.5", 4)))
    assert form.can_make(D("0.125"))
    assert form.units(D("0.125")) == "1/4 x 0.5 mg"


def test_liquid_to_a_tenth_of_a_ml() -> None:
    form = Formulation("diazepam", Form.LIQUID, mg_per_ml=D("0.4"))
    assert form.units(D(1)) == "2.5 ml of 0.4 mg/ml"
    assert form.can_make(D("0.04"))
    assert not form.can_make(D("0.05"))
    assert form.at_or_above(D("0.05")) == D("0.08")


def test_exact_halves_round_up_never_to_even() -> None:
    assert round_half_up(D("0.125"), D("0.01")) == D("0.13")
    assert round_half_up(D("2.5"), D(1)) == 3
    form = Formulation("diazepam", Form.TABLET, tablets(("2", 2)))  # makes 1, 2, 3 ...
    assert form.nearest(D("2.5")) == 3
    assert form.nearest(D("2.49")) == 2
    assert form.nearest(D("0.4")) == 0  # nearest is only used where zero is allowed


STRENGTHS = st.lists(
    st.tuples(
        st.sampled_from(["0.25", "0.5", "1", "2", "2.5", "3", "5", "10"]),
        st.sampled_from([1, 2, 4]),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda t: t[0],
)


@given(STRENGTHS, st.integers(min_value=1, max_value=400))
def test_tablet_units_add_up_exactly(spec: list[tuple[str, int]], hundredths: int) -> None:
    form = Formulation("diazepam", Form.TABLET, tablets(*spec))
    target = D(hundredths) / 100
    above = form.at_or_above(target)
    below = form.at_or_below(target)
    assert below <= target <= above
    assert form.can_make(above)
    assert below == 0 or form.can_make(below)
    parts = form.parts(above)
    assert parts is not None
    assert sum(p.count * p.strength_mg for p in parts) == above
    splits = {D(mg): split for mg, split in spec}
    for part in parts:  # only halves or quarters the tablet allows
        pieces = part.count * splits[part.strength_mg]
        assert pieces == pieces.to_integral_value()


@given(st.sampled_from(["0.1", "0.4", "1", "2"]), st.integers(min_value=1, max_value=5000))
def test_liquid_never_rounds_a_dose_to_zero(conc: str, thousandths: int) -> None:
    form = Formulation("diazepam", Form.LIQUID, mg_per_ml=D(conc))
    target = D(thousandths) / 1000
    made = form.at_or_above(target)
    assert made >= target > 0
    assert made > 0
    assert made - target < D("0.1") * D(conc)
