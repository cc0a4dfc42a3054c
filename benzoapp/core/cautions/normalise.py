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

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def core_tokens(self) -> tuple[str, ...]:
        return tuple(self.core.split())


def normalise_query(query: str) -> Normalised:
    """Fold a query and separate the medicine's name from its dose and form words."""
    text = fold(query)
    kept: list[str] = []
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
    return Normalised(text, " ".join(kept), tuple(set_aside), tuple(routes))


def without_salt(core: str) -> str:
    """The core with salt words removed ("zolpidem tartrate" -> "zolpidem"), if any remain."""
    tokens = [t for t in core.split() if t not in SALT_WORDS]
    return " ".join(tokens) if tokens else core
