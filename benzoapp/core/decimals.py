"""Exact decimal helpers: the app's one rounding rule and tidy display of amounts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_ONE = Decimal(1)


def round_half_up(value: Decimal, quantum: Decimal) -> Decimal:
    """The one rounding rule of the app: to the nearest ``quantum``, halves away from zero.

    Banker's rounding (Python's default) would turn 0.125 into 0.12; this gives 0.13.
    """
    return value.quantize(quantum, ROUND_HALF_UP)  # positional: half the cost of rounding=...


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros and never in exponent form (10, not 1E+1).

    After ``normalize`` only a whole number can have a positive exponent, so whole numbers
    are quantized to units; this test is cheaper than reading the exponent through
    ``as_tuple``, which matters because every amount of a long plan passes through here.
    """
    value = value.normalize()
    if value == value.to_integral_value():
        return value.quantize(_ONE)
    return value


def fmt(value: Decimal) -> str:
    """A number as people write it: "0.125", "10", "2.5".

    ``str`` writes plain digits exactly as format "f" does unless it chooses exponent
    form (1E+1, 1E-7); only then is the several times slower format "f" needed.
    """
    value = value.normalize()
    text = str(value)
    return format(value, "f") if "E" in text else text
