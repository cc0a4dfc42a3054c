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
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from benzoapp.core.errors import InputError
from benzoapp.core.model import Method

# Targets are rounded (half up) to a nanogram so that 0.9 ** 14 ** (1/14) noise in the
# 28th digit never pushes a target over a tablet boundary.
_TARGET_QUANTUM = Decimal("1e-9")


_ZERO = Decimal(0)


def _q(value: Decimal) -> Decimal:
    return value.quantize(_TARGET_QUANTUM, ROUND_HALF_UP)


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
        # Per number of days: the kept share (percent) or the mg cut (linear). A plan asks
        # about the same few day counts thousands of times.
        self._by_days: dict[int, Decimal] = {}
        # The method is settled here once rather than on each of those calls.
        self.target: Callable[[Decimal, int], Decimal]
        if method is Method.PERCENT:
            keep = 1 - self.rate
            self._keep = keep
            # The estimate's logarithm of the kept share, taken once rather than per guess.
            self._log_keep = math.log(float(keep)) if keep > 0 else 0.0
            self._daily: Decimal | None = None  # per-day share, worked out when first needed
            self.target = self._percent_target
        elif method is Method.LINEAR:
            self._cut = self.rate * base_de
            self.target = self._linear_target
        else:
            self._delta = self.effect(base_de) - self.effect(base_de * (1 - self.rate))
            self.target = self._hyperbolic_target

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
            if self._keep <= _ZERO:
                return 0.0
            if x <= _ZERO:
                return math.inf
            periods = math.log(float(x / a)) / self._log_keep
        elif self.method is Method.LINEAR:
            periods = float((a - x) / self._cut)
        else:
            periods = float((self.effect(a) - self.effect(max(x, Decimal(0)))) / self._delta)
        return periods * self.every

    # ``target(a, days)``: the lowest total (diazepam eq.) the rate allows ``days`` days
    # after being at ``a``; one of the three below, chosen in ``__init__``.
    def _percent_target(self, a: Decimal, days: int) -> Decimal:
        if a <= _ZERO:
            return _ZERO
        factor = self._by_days.get(days)
        if factor is None:
            if days % self.every == 0:
                factor = (1 - self.rate) ** (days // self.every)
            else:
                if self._daily is None:
                    # A 28-digit root is dear, and only steps of part of a period need it.
                    keep = self._keep
                    self._daily = keep ** (Decimal(1) / self.every) if keep > 0 else Decimal(0)
                factor = self._daily**days
            self._by_days[days] = factor
        return (a * factor).quantize(_TARGET_QUANTUM, ROUND_HALF_UP)  # _q, inlined (hot)

    def _linear_target(self, a: Decimal, days: int) -> Decimal:
        if a <= _ZERO:  # Decimal against Decimal: no int to convert (hot)
            return _ZERO
        cut = self._by_days.get(days)
        if cut is None:
            cut = self._by_days[days] = self._cut * days / self.every
        left = _q(a - cut)
        return left if left > _ZERO else _ZERO

    def _hyperbolic_target(self, a: Decimal, days: int) -> Decimal:
        if a <= 0:
            return _ZERO
        remaining = self.effect(a) - self._delta * days / self.every
        if remaining <= 0:
            return _ZERO
        return _q(self.k * remaining / (1 - remaining))
