"""Exact decimal helpers: the app's one rounding rule and tidy display of amounts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_ONE = Decimal(1)


def round_half_up(value: Decimal, quantum: Decimal) -> Decimal:
    """The one rounding rule of the app: to the nearest ``quantum``, halves away from zero.

    Banker's rounding (Python's default) would turn 0.125 into 0.12; this gives 0.13.
    """
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros and never in exponent form (10, not 1E+1)."""
    value = value.normalize()
    if value.as_tuple().exponent > 0:  # type: ignore[operator]
        return value.quantize(_ONE)
    return value


def fmt(value: Decimal) -> str:
    """A number as people write it: "0.125", "10", "2.5"."""
    return format(tidy(value), "f")
