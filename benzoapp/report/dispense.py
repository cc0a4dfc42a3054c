"""Whole tablets and whole bottles per prescription period, from the amounts used.

A pharmacy hands out whole tablets (or capsules) and whole bottles, never 17.5 tablets.
Each period gets enough whole units to cover what it uses, counting what is left over
from the period before: a tablet halved on the last day of one period leaves a half for
the first day of the next, and an opened bottle is finished before a new one is started.
So the counts add up to the whole plan's need, rounded up once, not once per period.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal


def whole_units_per_period(used: Sequence[Decimal], unit_size: Decimal) -> tuple[int, ...]:
    """Whole units to dispense in each period so that every period has what it uses.

    ``used`` is the amount each period uses (tablets, mg or ml) and ``unit_size`` what one
    dispensed unit holds (1 tablet, a tablet's mg, a bottle's ml).
    """
    if unit_size <= 0:
        raise ValueError("a unit must hold something")
    counts: list[int] = []
    needed_so_far = Decimal(0)
    given = 0
    for amount in used:
        needed_so_far += amount
        covered = int((needed_so_far / unit_size).to_integral_value(ROUND_CEILING))
        counts.append(covered - given)
        given = covered
    return tuple(counts)
