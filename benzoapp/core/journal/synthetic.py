"""Synthetic journals with known windows, waves and post-exertional flares.

Used by the demo data, the self-test, the benchmark and the tests: each journal is
reproducible from its seed, and what it contains is known in advance.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from benzoapp.core.journal.entries import EXERTION_KINDS, MAX_SEVERITY
from benzoapp.core.model import JournalDay

DEFAULT_SYMPTOMS: tuple[str, ...] = (
    "fatigue",
    "cognitive",
    "unrefreshing_sleep",
    "orthostatic",
    "sensory",
    "pain",
    "muscle_tension",
    "muscle_spasms",
    "muscle_twitching",
    "muscle_burning",
    "muscle_weakness",
)
USUAL_EXERTION = 2


@dataclass(frozen=True)
class Shift:
    """Load changed by ``change`` points for ``days`` days from day ``offset``."""

    offset: int
    days: int
    change: int


@dataclass(frozen=True)
class Exertion:
    """Exertion of one kind on day ``offset``; ``flare`` points added ``delay`` days later."""

    offset: int
    kind: str = "physical"
    level: int = 8
    flare: int = 0
    delay: int = 2


def spread_load(load: int, symptoms: tuple[str, ...]) -> dict[str, int]:
    """Severities over the symptoms that add up to ``load`` (capped at the maximum)."""
    load = max(0, min(load, MAX_SEVERITY * len(symptoms)))
    share, extra = divmod(load, len(symptoms))
    return {name: share + (1 if i < extra else 0) for i, name in enumerate(symptoms)}


def make_journal(
    start: dt.date,
    days: int,
    *,
    base: int = 22,
    noise: int = 0,
    seed: int = 0,
    shifts: tuple[Shift, ...] = (),
    exertions: tuple[Exertion, ...] = (),
    symptoms: tuple[str, ...] = DEFAULT_SYMPTOMS,
    skip: frozenset[int] = frozenset(),
) -> list[JournalDay]:
    """A journal of ``days`` days from ``start``: ``base`` load, uniform noise of up to
    ``noise`` points either way, the given shifts and exertions; ``skip`` days left out."""
    rng = random.Random(seed)
    loads = [base + (rng.randint(-noise, noise) if noise else 0) for _ in range(days)]
    for shift in shifts:
        for i in range(shift.offset, min(days, shift.offset + shift.days)):
            loads[i] += shift.change
    exertion: list[dict[str, int]] = [
        dict.fromkeys(EXERTION_KINDS, USUAL_EXERTION) for _ in range(days)
    ]
    for event in exertions:
        if 0 <= event.offset < days:
            exertion[event.offset][event.kind] = event.level
        if event.flare and 0 <= event.offset + event.delay < days:
            loads[event.offset + event.delay] += event.flare
    return [
        JournalDay(
            day=start + dt.timedelta(days=i),
            symptoms=spread_load(loads[i], symptoms),
            exertion=exertion[i],
        )
        for i in range(days)
        if i not in skip
    ]


def ten_years(seed: int = 1) -> list[JournalDay]:
    """Ten years of daily entries with noise, waves, windows and exertion: the benchmark."""
    rng = random.Random(seed)
    days = 3653
    shifts = tuple(
        Shift(offset=rng.randrange(days), days=rng.randint(4, 20), change=rng.choice((-9, 12)))
        for _ in range(60)
    )
    exertions = tuple(
        Exertion(
            offset=rng.randrange(days),
            kind=rng.choice(EXERTION_KINDS),
            level=rng.randint(6, 10),
            flare=rng.choice((0, 10)),
            delay=rng.randint(1, 3),
        )
        for _ in range(200)
    )
    return make_journal(
        dt.date(2015, 1, 1), days, base=30, noise=3, seed=seed, shifts=shifts, exertions=exertions
    )
