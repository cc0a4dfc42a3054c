"""What a form can make: tablets with their allowed splits, liquid by the syringe's
graduation, amounts weighed on a scale.

The taper engine only schedules amounts a person can actually measure. For tablets the
fewest pieces are found by exhaustive search (not greedily), preferring whole tablets, so
the units shown always add up exactly to the dose.

Measuring (``Measuring``, from the plan settings; defaults documented in docs/taper.md):

- liquid: doses are whole graduations of the oral syringe (default 0.1 ml), never less
  than one graduation;
- weighed: a fragment cut from a tablet of ``tablet_mass_mg`` holds drug in proportion
  to its weight, so one division of the scale (``scale_resolution_mg``) is
  strength x resolution / mass of drug. A reading is trusted only from
  ``SCALE_MIN_DIVISIONS`` (10) divisions up, where one division of error is at most 10%
  of the amount; so the smallest weighed dose is ten divisions' worth of the smallest
  tablet, and doses step by one division (never finer than 0.01 mg).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, TabletStrength

_ZERO = Decimal(0)  # compared with Decimal amounts, it spares converting an int each time
LIQUID_ML_STEP = Decimal("0.1")  # default oral syringe graduation
WEIGHED_STEP_MG = Decimal("0.01")  # the finest weighed step ever scheduled
# BenzoApp's assumptions, not sourced figures: weigh your own tablets and set the mass.
# A light tablet is the cautious guess (each mg of it holds more drug, so the smallest
# weighable dose comes out larger, never smaller, than the truth for heavier tablets).
DEFAULT_TABLET_MASS_MG = Decimal(100)
DEFAULT_SCALE_RESOLUTION_MG = Decimal(1)  # a 0.001 g ("milligram") jeweller's scale
SCALE_MIN_DIVISIONS = 10


@dataclass(frozen=True)
class Measuring:
    """How finely the person can measure: the scale and tablet mass, the syringe."""

    tablet_mass_mg: Decimal = DEFAULT_TABLET_MASS_MG
    scale_resolution_mg: Decimal = DEFAULT_SCALE_RESOLUTION_MG
    syringe_step_ml: Decimal = LIQUID_ML_STEP

    def weighed_grid(self, strengths: tuple[Decimal, ...]) -> tuple[Decimal, Decimal]:
        """The weighed step and the smallest weighed dose (drug mg).

        One division of the scale holds ``division`` mg of drug from the smallest tablet;
        the step is the first round amount (1, 1.25, 2, 2.5 or 5 times a power of ten) at
        least that large which divides every strength, so whole tablets stay on the grid.
        """
        smallest = min(strengths)
        division = smallest * self.scale_resolution_mg / self.tablet_mass_mg
        least = max(WEIGHED_STEP_MG, division)
        step = next(
            (q for q in _ROUND_STEPS if q >= least and all(s % q == 0 for s in strengths)),
            _up_to(least, WEIGHED_STEP_MG),
        )
        floor = _up_to(division * SCALE_MIN_DIVISIONS, step)
        return step, floor


_ROUND_STEPS = tuple(
    Decimal(m) * Decimal(10) ** e for e in range(-2, 3) for m in ("1", "1.25", "2", "2.5", "5")
)


def _up_to(value: Decimal, quantum: Decimal) -> Decimal:
    """``value`` rounded up to a whole number of ``quantum``."""
    return (value / quantum).to_integral_value(ROUND_CEILING) * quantum


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
        *,
        measuring: Measuring | None = None,
    ) -> None:
        """``product`` names a modified-release product after each tablet ("2 mg XR"), so
        the units never read as the ordinary tablet; ``measuring`` says how finely liquid
        and weighed amounts can be measured (the defaults when None)."""
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
        measure = measuring or Measuring()
        if form is Form.LIQUID:
            assert mg_per_ml is not None
            self.quantum = measure.syringe_step_ml * mg_per_ml
            self._floor = self.quantum
            self._strength_text = fmt(mg_per_ml)
        elif form is Form.WEIGHED:
            self.quantum, self._floor = measure.weighed_grid(tuple(t.mg for t in self.tablets))
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
        self._largest_piece = max(p[0] for p in self._piece_units)
        self._best: list[tuple[int, int, int] | None] = [(0, 0, -1)]
        self._amounts: list[int] = [0]
        # The same amounts in mg, made as they are found: the engine asks in mg thousands
        # of times, and a search among Decimals spares converting each question to units
        # and each answer back (the answers are the very objects the units would give).
        self._amounts_mg: list[Decimal] = [0 * self.quantum]
        self._searched_mg = 0 * self.quantum  # every amount up to this has been searched

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
                self._amounts_mg.append(n * self.quantum)
        self._searched_mg = (len(best) - 1) * self.quantum

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
            return units == 0 or mg >= self._floor
        self._extend(units)
        return self._best[units] is not None

    def at_or_above(self, mg: Decimal) -> Decimal:
        """The smallest amount this form can make that is not less than ``mg``."""
        if mg <= _ZERO:
            return Decimal(0)
        quantum = self.quantum
        if self.form is not Form.TABLET:
            # Whole quanta in Decimal (exact), with no conversion to int and back.
            amount = mg // quantum * quantum
            if amount < mg:
                amount += quantum
            return amount if amount >= self._floor else self._floor
        found = self._amounts_mg
        if mg <= found[-1]:  # already searched that far (the usual case): no extending
            return found[bisect.bisect_left(found, mg)]
        # divmod is exact, and cheaper than a rounded division brought to a whole number
        whole, rest = divmod(mg, quantum)
        units = int(whole) + 1 if rest else int(whole)
        while True:
            limit = max(units, 1) + 4 * self._largest_piece
            self._extend(limit)
            index = bisect.bisect_left(self._amounts, units)
            if index < len(self._amounts):
                return self._amounts[index] * self.quantum
            units = limit + 1

    def at_or_below(self, mg: Decimal) -> Decimal:
        """The largest amount this form can make that is not more than ``mg`` (0 at least)."""
        if mg <= _ZERO:
            return Decimal(0)
        if self.form is not Form.TABLET:
            amount = mg // self.quantum * self.quantum  # exact: positive amounts truncate
            return amount if amount >= self._floor else Decimal(0)
        if mg <= self._searched_mg:  # every amount up to mg is known: no extending
            found = self._amounts_mg
            return found[bisect.bisect_right(found, mg) - 1]
        units = int(mg // self.quantum)  # exact: positive amounts truncate to the floor
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
            if mg < self._floor or not self._on_grid(mg):
                return ""
            assert self.mg_per_ml is not None
            return f"{fmt(mg / self.mg_per_ml)} ml of {self._strength_text} mg/ml"
        if self.form is Form.WEIGHED:
            if mg < self._floor or not self._on_grid(mg):
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
