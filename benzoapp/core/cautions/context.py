"""Readings that depend on the words around a name, and names that only look like a class.

Two rules the documents make necessary:

- A magnesium salt named with a bath ("magnesium chloride bath", "magnesium flakes
  soak") is a magnesium bath, which muscular-effects (What to Avoid) advises against
  because of the magnesium; it is not oral magnesium, and not a plain warm bath.
- An unknown word ending like a benzodiazepine or Z-drug ("bromazolam", "xyzazepam")
  is treated as one until someone says otherwise (policy rule 4): the endings are those
  of the drugs in the drug catalog (-azepam, -zolam, -azepate, -clone, -pidem, -plon).
"""

from __future__ import annotations

from benzoapp.core.cautions.english import EnglishWords
from benzoapp.core.cautions.kb import KnowledgeBase
from benzoapp.core.cautions.matching import Target

NO_ALCOHOL_WORDS = frozenset(
    {
        "free",
        "non",
        "alcoholfree",
        "nonalcoholic",
        "zero",
        "dealcoholised",
        "dealcoholized",
        "virgin",
        "mocktail",
        "mocktails",
    }
)
BATH_WORDS = frozenset({"bath", "baths", "bathing", "soak", "soaks", "soaking", "footbath"})
MAGNESIUM_BATH_CATEGORIES = frozenset({"bath", "magnesium"})
# Endings of benzodiazepine and Z-drug names (tests/core/test_cautions_classes.py checks
# that they cover the catalog's drugs).
BENZODIAZEPINE_ENDINGS = ("azepam", "zolam", "azepate", "clone", "pidem", "plon")
# ...and their Latin forms, as pharmacopoeias and some packs print them ("diazepamum").
LATIN_ENDINGS = tuple(f"{ending}um" for ending in BENZODIAZEPINE_ENDINGS)
LOOKS_LIKE_CATEGORY = "looks-like-benzodiazepine"
MIN_LOOKS_LIKE_LENGTH = 7


def looks_like_benzodiazepine(word: str, english: EnglishWords) -> bool:
    """Whether an unknown word ends like a benzodiazepine or Z-drug name and is not an
    ordinary English word ("cyclone" ends in -clone, but is weather)."""
    return (
        len(word) >= MIN_LOOKS_LIKE_LENGTH
        and word.isalpha()
        and word.endswith(BENZODIAZEPINE_ENDINGS + LATIN_ENDINGS)
        and word not in english
    )


def in_context(kb: KnowledgeBase, found: list[Target], tokens: tuple[str, ...]) -> list[Target]:
    """The names found in a phrase, read in context: a drink said to have no alcohol
    ("alcohol free", "non alcoholic beer") is not read as alcohol (its other words stay
    unknown, so it is not covered), and a magnesium salt beside a bath word is the
    magnesium bath (the bath word's own reading dropped)."""
    if NO_ALCOHOL_WORDS.intersection(tokens):
        found = [t for t in found if not _is_alcohol(kb, t)]
    if not BATH_WORDS.intersection(tokens):
        return found
    magnesium = [t for t in found if t.kind == "entry" and _is_magnesium(kb, t)]
    if not magnesium:
        return found
    bath = next(
        (e for e in kb.entries.values() if set(e.categories) >= MAGNESIUM_BATH_CATEGORIES), None
    )
    if bath is None:
        return found
    kept = [t for t in found if t not in magnesium and not _is_plain_bath(kb, t)]
    target = Target("entry", bath.id, bath.names[0], "phrase", medicine=False)
    return [target, *kept]


def _is_alcohol(kb: KnowledgeBase, target: Target) -> bool:
    return target.kind == "entry" and "alcohol" in kb.entries[target.id].categories


def _is_magnesium(kb: KnowledgeBase, target: Target) -> bool:
    return "magnesium" in kb.entries[target.id].categories


def _is_plain_bath(kb: KnowledgeBase, target: Target) -> bool:
    """A bath reading the magnesium bath replaces: the bath word's own entry (a warm bath)."""
    if target.kind != "entry":
        return False
    names = {n.casefold() for n in kb.entries[target.id].names}
    return bool(BATH_WORDS.intersection(names))
