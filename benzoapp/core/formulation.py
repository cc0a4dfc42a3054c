"""What a form can make: tablets with their allowed splits, liquid to 0.1 ml, weighed amounts.

The taper engine only schedules amounts a person can actually measure. For tablets the
fewest pieces are found by exhaustive search (not greedily), preferring whole tablets, so
the units shown always add up exactly to the dose.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, TabletStrength

_ZERO = Decimal(0)  # compared with Decimal amounts, it spares converting an int each time
LIQUID_ML_STEP = Decimal("0.1")  # an oral syringe measures to 0.1 ml
WEIGHED_STEP_MG = Decimal("0.01")  # a 0.001 g jeweller's scale on dry-cut tablet fragments
_FRACTIONS = {
    Decimal("0.25"): "1/4",
    Decimal("0.5"): "1/2",
    Decimal("0.75"): "3/4",
}


@dataclass(frozen=True)
class Part:
    """One line of what to measure: ``count`` of a tablet strength, ml of a liquid, or mg."""

    drug: str
    unit: str  # "tablet", "ml" or "mg weighed"
    strength_mg: Decimal  # tablet strength, liquid mg per ml, or source tablet strength
    count: Decimal


def _quantity(count: Decimal) -> str:
    whole = int(count)
    rest = count - whole
    if rest == 0:
        return str(whole)
    frac = _FRACTIONS.get(rest, fmt(rest))
    return frac if whole == 0 else f"{whole} {frac}"


class Formulation:
    """The amounts one drug can be given in with one form, and how to make each."""

    def __init__(
        self,
        drug: str,
        form: Form,
        tablets: tuple[TabletStrength, ...] = (),
        mg_per_ml: Decimal | None = None,
        product: str = "",
    ) -> None:
        """``product`` names a modified-release product after each tablet ("2 mg XR"), so
        the units never read as the ordinary tablet."""
        if form is Form.LIQUID and (mg_per_ml is None or mg_per_ml <= 0):
            raise InputError(f"A liquid of {drug} needs a strength in mg per ml.")
        if form is not Form.LIQUID and not tablets:
            raise InputError(f"No tablet strengths of {drug} to plan with.")
        self.drug = drug
        self.form = form
        self.tablets = tuple(sorted(tablets, key=lambda t: t.mg))
        self.mg_per_ml = mg_per_ml
        self._smallest: Decimal | None = None
        # Written once here, not once per dose: a daily plan shows thousands of doses.
        self._product = f" {product}" if product else ""
        self._tablet_text = {t.mg: fmt(t.mg) for t in self.tablets}
        if form is Form.LIQUID:
            assert mg_per_ml is not None
            self.quantum = LIQUID_ML_STEP * mg_per_ml
            self._strength_text = fmt(mg_per_ml)
        elif form is Form.WEIGHED:
            self.quantum = WEIGHED_STEP_MG
        else:
            self._init_tablets()

    # ---- tablets: exhaustive fewest-pieces search over integer units -------------------
    def _init_tablets(self) -> None:
        pieces = [(t.mg / d, t, d) for t in self.tablets for d in (1, 2, 4) if d <= t.max_split]
        exponent = min(p[0].as_tuple().exponent for p in pieces)
        scale = Decimal(10) ** -int(exponent)
        ints = [int(p[0] * scale) for p in pieces]
        g = 0
        for value in ints:
            g = math.gcd(g, value)
        self.quantum = Decimal(g) / scale
        self._piece_units = [(v // g, p[1], p[2]) for v, p in zip(ints, pieces, strict=True)]
        # best[n] = (pieces, split pieces, index of the last piece) for n quanta
        self._best: list[tuple[int, int, int] | None] = [(0, 0, -1)]
        self._amounts: list[int] = [0]

    def _extend(self, units: int) -> None:
        best = self._best
        for n in range(len(best), units + 1):
            choice: tuple[int, int, int] | None = None
            for index, (size, _tablet, divisor) in enumerate(self._piece_units):
                if size > n or best[n - size] is None:
                    continue
                prev = best[n - size]
                assert prev is not None
                split = 0 if divisor == 1 else 1
                cand = (prev[0] + 1, prev[1] + split, index)
                if choice is None or cand[:2] < choice[:2]:
                    choice = cand
            best.append(choice)
            if choice is not None:
                self._amounts.append(n)

    def _on_grid(self, mg: Decimal) -> bool:
        """Whether ``mg`` is a whole number of quanta (``_units_of`` without the count)."""
        units = mg / self.quantum
        return units == units.to_integral_value()

    def _units_of(self, mg: Decimal) -> int | None:
        units = mg / self.quantum
        if units != units.to_integral_value():
            return None
        return int(units)

    # ---- public queries ----------------------------------------------------------------
    def can_make(self, mg: Decimal) -> bool:
        """Whether ``mg`` can be measured exactly with this form."""
        if mg < 0:
            return False
        units = self._units_of(mg)
        if units is None:
            return False
        if self.form is not Form.TABLET:
            return True
        self._extend(units)
        return self._best[units] is not None

    def at_or_above(self, mg: Decimal) -> Decimal:
        """The smallest amount this form can make that is not less than ``mg``."""
        if mg <= _ZERO:
            return Decimal(0)
        units = int((mg / self.quantum).to_integral_value(ROUND_CEILING))
        if self.form is not Form.TABLET:
            return units * self.quantum
        while True:
            limit = max(units, 1) + 4 * max(p[0] for p in self._piece_units)
            self._extend(limit)
            index = bisect.bisect_left(self._amounts, units)
            if index < len(self._amounts):
                return self._amounts[index] * self.quantum
            units = limit + 1

    def at_or_below(self, mg: Decimal) -> Decimal:
        """The largest amount this form can make that is not more than ``mg`` (0 at least)."""
        if mg <= 0:
            return Decimal(0)
        units = int((mg / self.quantum).to_integral_value(ROUND_FLOOR))
        if self.form is not Form.TABLET:
            return units * self.quantum
        self._extend(units)
        index = bisect.bisect_right(self._amounts, units) - 1
        return self._amounts[index] * self.quantum

    def nearest(self, mg: Decimal) -> Decimal:
        """The nearest amount this form can make; an exact half-way case goes up."""
        low, high = self.at_or_below(mg), self.at_or_above(mg)
        return high if mg - low >= high - mg else low

    def smallest(self) -> Decimal:
        """The smallest non-zero amount this form can make."""
        if self._smallest is None:
            self._smallest = self.at_or_above(self.quantum)
        return self._smallest

    def _source(self, mg: Decimal) -> Decimal:
        """The tablet to weigh ``mg`` from: the smallest strength that holds it."""
        for tablet in self.tablets:
            if tablet.mg >= mg:
                return tablet.mg
        return self.tablets[-1].mg

    def parts(self, mg: Decimal) -> tuple[Part, ...] | None:
        """What to measure for ``mg``; None when the form cannot make it exactly."""
        if not self.can_make(mg):
            return None
        if self.form is Form.LIQUID:
            assert self.mg_per_ml is not None
            return (Part(self.drug, "ml", self.mg_per_ml, mg / self.mg_per_ml),)
        if self.form is Form.WEIGHED:
            return (Part(self.drug, "mg weighed", self._source(mg), mg),)
        counts: dict[Decimal, Decimal] = {}
        n = self._units_of(mg)
        assert n is not None
        while n > 0:
            entry = self._best[n]
            assert entry is not None
            size, tablet, divisor = self._piece_units[entry[2]]
            counts[tablet.mg] = counts.get(tablet.mg, Decimal(0)) + Decimal(1) / divisor
            n -= size
        return tuple(
            Part(self.drug, "tablet", strength, counts[strength])
            for strength in sorted(counts, reverse=True)
        )

    def units(self, mg: Decimal) -> str:
        """How to make ``mg``, e.g. "1 x 2 mg + 1/2 x 1 mg" or "2.5 ml"; "" if it cannot."""
        if mg == _ZERO:
            return "none"
        if self.form is Form.LIQUID:
            if mg < 0 or not self._on_grid(mg):
                return ""
            assert self.mg_per_ml is not None
            return f"{fmt(mg / self.mg_per_ml)} ml of {self._strength_text} mg/ml"
        if self.form is Form.WEIGHED:
            if mg < _ZERO or not self._on_grid(mg):
                return ""
            source = self._tablet_text[self._source(mg)]
            return f"weigh {fmt(mg)} mg (cut from a {source} mg tablet)"
        found = self.parts(mg)
        if found is None:
            return ""
        return " + ".join(
            f"{_quantity(p.count)} x {self._tablet_text[p.strength_mg]} mg{self._product}"
            for p in found
        )
