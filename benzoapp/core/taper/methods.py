"""The three reduction curves: percent of the current dose, hyperbolic, and linear.

Each model answers one question: starting from a total of ``a`` mg diazepam-equivalent,
what is the lowest total the chosen rate allows after ``days`` days? The engine then
rounds up to something the form can make, so it never goes faster than this.

Hyperbolic model (after Horowitz & Taylor 2019): effect E(d) = d / (K + d), a
Michaelis–Menten curve with K the dose of half-maximal effect (``hyperbolic_k_de_mg``,
diazepam-equivalent mg; default 5 mg is a modelling choice, not a published per-drug
figure). Each period lowers E by the same amount ΔE, chosen so the first cut is ``rate``
percent of the base dose; d = K·E / (1 − E) then gives ever smaller mg cuts.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from benzoapp.core.errors import InputError
from benzoapp.core.model import Method

# Targets are rounded (half up) to a nanogram so that 0.9 ** 14 ** (1/14) noise in the
# 28th digit never pushes a target over a tablet boundary.
_TARGET_QUANTUM = Decimal("1e-9")


def _q(value: Decimal) -> Decimal:
    return value.quantize(_TARGET_QUANTUM, rounding=ROUND_HALF_UP)


class RateModel:
    """Lowest total allowed after some days, for one method, rate and period."""

    def __init__(
        self,
        method: Method,
        rate_percent: Decimal,
        every_days: int,
        base_de: Decimal,
        k_de: Decimal = Decimal(5),
    ) -> None:
        if not Decimal(0) < rate_percent <= 100:
            raise InputError("The rate must be more than 0 and at most 100 percent.")
        if every_days < 1:
            raise InputError("Steps must last at least 1 day.")
        if k_de <= 0:
            raise InputError("The hyperbolic model's K must be more than 0.")
        self.method = method
        self.rate = rate_percent / 100
        self.every = every_days
        self.base = base_de
        self.k = k_de
        self._factors: dict[int, Decimal] = {}  # percent: kept share after so many days
        if method is Method.PERCENT:
            keep = 1 - self.rate
            self._daily = keep ** (Decimal(1) / every_days) if keep > 0 else Decimal(0)
        elif method is Method.LINEAR:
            self._cut = self.rate * base_de
        else:
            self._delta = self.effect(base_de) - self.effect(base_de * (1 - self.rate))

    def effect(self, dose_de: Decimal) -> Decimal:
        """Fraction of the maximal effect at ``dose_de`` (hyperbolic model)."""
        return dose_de / (self.k + dose_de)

    def days_until(self, a: Decimal, x: Decimal) -> float:
        """Approximately how many days until the target from ``a`` falls to ``x``.

        A float estimate, used only to guess where to look; every decision is taken with
        the exact ``target``.
        """
        if x >= a:
            return 0.0
        periods: float
        if self.method is Method.PERCENT:
            keep = float(1 - self.rate)
            if keep <= 0:
                return 0.0
            if x <= 0:
                return math.inf
            periods = math.log(float(x / a)) / math.log(keep)
        elif self.method is Method.LINEAR:
            periods = float((a - x) / self._cut)
        else:
            periods = float((self.effect(a) - self.effect(max(x, Decimal(0)))) / self._delta)
        return periods * self.every

    def target(self, a: Decimal, days: int) -> Decimal:
        """Lowest total (diazepam eq.) the rate allows ``days`` days after being at ``a``."""
        if a <= 0:
            return Decimal(0)
        if self.method is Method.PERCENT:
            factor = self._factors.get(days)
            if factor is None:
                if days % self.every == 0:
                    factor = (1 - self.rate) ** (days // self.every)
                else:
                    factor = self._daily**days
                self._factors[days] = factor
            return _q(a * factor)
        if self.method is Method.LINEAR:
            return max(Decimal(0), _q(a - self._cut * days / self.every))
        remaining = self.effect(a) - self._delta * days / self.every
        if remaining <= 0:
            return Decimal(0)
        return _q(self.k * remaining / (1 - remaining))
