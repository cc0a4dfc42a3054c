"""Turning what a person typed into a comparable key: case, accents, doses and forms.

People type "Xanax 0.5mg tablets", "Zolpidem tartrate", "ibuprofen gel" or "EPSOM-salt".
Matching works on a folded key (lower case, no accents, hyphens and punctuation as
spaces) and, when that finds nothing, on a core with dose and form words set aside. Route
words (gel, eye drops, patch) are remembered, because for some entries the route matters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import OSA

# Units only count as dose words right after a number ("10 mg"), never on their own.
UNIT_WORDS = frozenset(
    {"mg", "mcg", "ug", "g", "gm", "gram", "grams", "ml", "l", "iu", "unit", "units", "x", "mgs"}
)
FORM_WORDS = frozenset(
    {
        "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "caplet",
        "caplets", "pill", "pills", "softgel", "softgels", "gelcap", "gelcaps", "syrup",
        "liquid", "solution", "suspension", "elixir", "oral", "orally", "powder", "sachet",
        "sachets", "chewable", "dispersible", "dissolving", "film", "er", "xr", "cr", "sr",
        "xl", "mr", "odt", "ir", "extended", "release", "modified", "sustained", "generic",
        "daily", "nightly", "prn", "dose", "doses",
    }
)  # fmt: skip
ROUTE_WORDS = frozenset(
    {
        "cream", "gel", "ointment", "patch", "patches", "spray", "nasal", "injection",
        "injections", "inj", "drops", "drop", "eye", "ear", "suppository", "topical",
        "lotion", "rub", "inhaler", "inhaled", "iv",
    }
)  # fmt: skip
# Salt and ester words a generic can carry without changing what it is.
SALT_WORDS = frozenset(
    {
        "hydrochloride", "hcl", "tartrate", "hemitartrate", "succinate", "maleate",
        "mesylate", "besylate", "acetate", "phosphate", "hemihydrate", "monohydrate",
        "sodium", "dipotassium", "fumarate", "bitartrate", "citrate", "sulfate",
        "sulphate", "hydrobromide", "enacarbil",
    }
)  # fmt: skip

_GREEK = {"μg": "mcg", "µg": "mcg", "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta"}
# How a number after a name relates to the names that end in a number ("tylenol 4").
_EXACT, _NEAR, _NONE = "exact", "near", "none"
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_SPLIT_DIGITS = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_NOT_WORD = re.compile(r"[^a-z0-9.]+")
_LONE_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")


def fold(text: str) -> str:
    """Lower case, accents removed, anything but letters and digits as single spaces.

    Used for both the knowledge base names and the queries, so the two always compare
    alike ("Épsom-Salt" and "epsom salt" give the same key).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for greek, latin in _GREEK.items():
        plain = plain.replace(greek, latin)
    plain = _DECIMAL_COMMA.sub(".", plain)
    plain = _LONE_DOTS.sub(" ", _NOT_WORD.sub(" ", plain))
    plain = _SPLIT_DIGITS.sub(" ", plain)
    return " ".join(plain.split())


@dataclass(frozen=True)
class Normalised:
    """A query folded, and its core with dose and form words set aside."""

    text: str  # folded, everything kept
    core: str  # folded, dose/form/route words removed (a number naming a product stays)
    set_aside: tuple[str, ...]  # the words removed, in order
    routes: tuple[str, ...]  # the route words among them
    name_numbers: tuple[str, ...] = ()  # numbers kept as part of a product's name before a unit

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def core_tokens(self) -> tuple[str, ...]:
        return tuple(self.core.split())


def normalise_query(query: str, numbered_names: frozenset[str] = frozenset()) -> Normalised:
    """Fold a query and separate the medicine's name from its dose and form words.

    ``numbered_names`` are the folded names that end in a number ("tylenol 4"): such a
    number stays in the name even with a unit or a stray letter after it ("Tylenol 4mg",
    "tylenol 4x"), because reading it as a dose would turn an opioid product into plain
    acetaminophen. A number that completes no such name ("Tylenol 500 mg") is a dose.
    """
    text = fold(query)
    kept: list[str] = []
    name_numbers: list[str] = []
    set_aside: list[str] = []
    routes: list[str] = []
    after_number = False
    after_name = False  # the previous word was kept as part of the name
    tokens = text.split()
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if _NUMBER.match(token) and after_name and following not in UNIT_WORDS:
            # A bare number straight after a name is part of the product's name:
            # "Tylenol 3" is Tylenol No. 3 (acetaminophen with codeine), not plain
            # Tylenol. With a unit ("Tylenol 500 mg") it is a dose.
            kept.append(token)
            after_name = False
            continue
        completes = _completes(kept, token, numbered_names) if after_name else _NONE
        if _NUMBER.match(token) and completes is not _NONE:
            # "Tylenol 4mg" or "tylenol 4x": the unit after it is set aside, the number
            # stays in the product's name. One slip from such a number ("tylenol 5mg")
            # it stays too, as a word to check, so the product is offered.
            kept.append(token)
            if completes is _EXACT:
                name_numbers.append(token)
            after_name = False
            after_number = True
            continue
        after_name = False
        if _NUMBER.match(token):
            set_aside.append(token)
            after_number = True
            continue
        if after_number and token in UNIT_WORDS:
            set_aside.append(token)
            continue  # "10 mg x 2": stay after the number for the next unit
        after_number = False
        if token in FORM_WORDS or token in ROUTE_WORDS:
            set_aside.append(token)
            if token in ROUTE_WORDS:
                routes.append(token)
            continue
        kept.append(token)
        after_name = True
    return Normalised(text, " ".join(kept), tuple(set_aside), tuple(routes), tuple(name_numbers))


def _completes(kept: list[str], number: str, numbered_names: frozenset[str]) -> str:
    """Whether the last words kept and this number make up one of the numbered names
    (_EXACT), would with one slip in the number (_NEAR), or neither (_NONE)."""
    found = _NONE
    for name in numbered_names:
        *words, name_number = name.split()
        if len(words) > len(kept) or kept[len(kept) - len(words) :] != words:
            continue
        if name_number == number:
            return _EXACT
        if OSA.distance(name_number, number) <= 1:
            found = _NEAR
    return found


def without_salt(core: str) -> str:
    """The core with salt words removed ("zolpidem tartrate" -> "zolpidem"), if any remain."""
    tokens = [t for t in core.split() if t not in SALT_WORDS]
    return " ".join(tokens) if tokens else core
