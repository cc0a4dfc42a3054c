"""The level policy: every rule about which level an answer gets, in one small place.

The checker's other stages find candidates and readings; this module alone decides.
Its rules, each tested exhaustively in tests/core/test_cautions_policy.py:

1. A reading found only by a close spelling is never applied: it is offered as "did you
   mean" and the level stays not_covered ("medication" is not read as meditation).
2. The level of a phrase is never milder than the strictest thing it names
   (avoid > caution > mixed > not_covered > supportive).
3. A word that is not recognised keeps a phrase from reading as supportive: it may
   change what the thing is ("Tylenol Cold and Flu" is not plain Tylenol).
4. A name that only looks like a benzodiazepine or Z-drug (an unknown word ending in
   -azepam, -zolam, -clone...) reads as caution: ask, never not_covered alone.
5. Nothing applied and nothing unknown is not_covered, never "safe".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from benzoapp.core.cautions.kb import Level, strictest


class Evidence(StrEnum):
    """How a reading was found; decides whether it may set the level."""

    EXACT = "exact"  # the whole query is a name, brand, synonym or category word
    PHRASE = "phrase"  # a known name found inside a longer phrase
    CLASS_RULE = "class_rule"  # an unknown name ending like a benzodiazepine or Z-drug
    CLOSE_SPELLING = "close_spelling"  # only alike in spelling: offered, never applied


# The level a name that merely looks like a benzodiazepine or Z-drug reads as.
LOOKS_LIKE_BENZODIAZEPINE = Level.CAUTION


@dataclass(frozen=True)
class Reading:
    """One thing the query may name, with its level and how it was found."""

    level: Level
    evidence: Evidence


def applies(reading: Reading) -> bool:
    """Whether a reading may set the level (rule 1: close spellings never do)."""
    return reading.evidence is not Evidence.CLOSE_SPELLING


def decide(readings: Iterable[Reading], *, unknown_words: bool = False) -> Level:
    """The level of an answer from its readings and whether any word went unrecognised."""
    levels = [
        LOOKS_LIKE_BENZODIAZEPINE if r.evidence is Evidence.CLASS_RULE else r.level
        for r in readings
        if applies(r)
    ]
    if unknown_words:
        levels.append(Level.NOT_COVERED)
    return strictest(levels)  # empty -> not_covered (rule 5)
