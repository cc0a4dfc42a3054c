"""Finding what a query names: exact names, brands, phrases, categories and fuzzy spellings.

The index is built once per knowledge base. Exact look-ups are dictionary hits; fuzzy
matching (rapidfuzz) only runs when nothing exact or phrase-like was found, and never on
very short words, where one changed letter turns one drug into another.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from benzoapp.core.cautions.kb import KnowledgeBase
from benzoapp.core.cautions.normalise import fold

MIN_FUZZY_LENGTH = 5  # below this, no fuzzy matching at all ("soma" vs "sonata")
ACCEPT_SCORE = 88.0  # a fuzzy match this close (and clearly ahead) is shown as a match
SUGGEST_SCORE = 75.0  # closer than this is offered as "did you mean", never applied
# The lowest ratio a plausible misspelling can have: k slips in two words of length n leave
# a ratio of at least 100 * (1 - k / n), lowest at 2 slips in 7 letters (71.4). Fuzzy
# look-ups go down to here, so no plausible reading is missed for scoring below
# SUGGEST_SCORE (tests/core/test_cautions_ambiguous.py checks the bound).
PLAUSIBLE_FLOOR = 70.0
CLEAR_LEAD = 4.0  # a fuzzy match must lead the next different thing by this much
MIN_PHRASE_WORD = 4  # a single word found inside a phrase must be at least this long
SHORT_OK = frozenset({"exact", "brand"})  # ...unless it is a name or brand ("cbd", "thc")
# First letters people swap when spelling by ear ("klonidine", "zanax", "fenibut").
SAME_FIRST_SOUND = frozenset(
    {frozenset("ck"), frozenset("cq"), frozenset("kq"), frozenset("cs"), frozenset("xz")}
)
# Everyday words name these ("water", "heat", "walking"): dose and form words never lead
# to them ("water pills" is not water).
NON_MEDICINE_KINDS = frozenset({"therapy", "food"})


@dataclass(frozen=True)
class Target:
    """What a name leads to: an entry or a product, and how the name relates to it."""

    kind: str  # "entry" | "product"
    id: str
    name: str  # the name as the knowledge base writes it
    how: str  # exact | brand | synonym | category
    medicine: bool = True  # False for therapies and foods ("water", "heat", "walking")


@dataclass(frozen=True)
class Found:
    """One name found in a query."""

    target: Target
    score: float = 100.0
    plausible: bool = True  # could the query be a misspelling of it (see plausible_misspelling)
    edits: int = 0  # typing slips between the query and the name (OSA distance)


def max_edits(length: int) -> int:
    """How many typing slips a name of this length may carry and still be that name."""
    if length <= 6:
        return 1
    return 2 if length <= 11 else 3


def _first_sound(key: str) -> str:
    return "f" if key.startswith("ph") else key[:1]


def plausible_misspelling(typed: str, name: str, stems: tuple[str, ...] = ()) -> bool:
    """Whether a typed key could be a misspelling of a name's key, not another word.

    A similarity score alone offers dangerous look-alikes: fluoxetine scores close to
    Floxin, Dramamine to Dalmane, bupropion to a misspelling of ibuprofen. A slip of the
    keyboard or of the ear keeps the first sound, changes only a few letters for the
    length, and does not add the ending that names a group of medicines (fluoxetine ends
    like the SSRIs; Floxin does not).
    """
    a, b = _first_sound(typed), _first_sound(name)
    if a != b and frozenset(a + b) not in SAME_FIRST_SOUND:
        return False
    if OSA.distance(typed, name) > max_edits(max(len(typed), len(name))):
        return False
    return not any(typed.endswith(stem) and not name.endswith(stem) for stem in stems)


class NameIndex:
    """Every name of every entry and product, by folded key."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._stems = kb.stems
        self._by_key: dict[str, Target] = {}
        completions: list[tuple[str, str]] = []
        for entry in kb.entries.values():
            name_how = "category" if entry.kind == "class" else "exact"
            medicine = entry.kind not in NON_MEDICINE_KINDS
            for name in entry.names:
                self._add(name, Target("entry", entry.id, name, name_how, medicine), completions)
            for brand in entry.brands:
                target = Target("entry", entry.id, brand.name, "brand", medicine)
                self._add(brand.name, target, completions)
            for name in entry.synonyms:
                self._add(name, Target("entry", entry.id, name, "synonym", medicine), None)
            for name in entry.category_words:
                target = Target("entry", entry.id, name, "category", medicine)
                self._add(name, target, completions)
        for product in kb.products.values():
            for name in product.names:
                self._add(name, Target("product", product.id, name, "brand"), completions)
        # Sorted by length: a fuzzy score of SUGGEST_SCORE or more is only possible between
        # strings of similar length, so fuzzy matching looks at a slice of this list only.
        self._keys = sorted(self._by_key, key=len)
        self._key_lengths = [len(k) for k in self._keys]
        self._longest = max((len(k.split()) for k in self._keys), default=1)
        # Names ending in a number ("tylenol 4"), whose number is never a dose.
        self.numbered = frozenset(k for k in self._keys if k.split()[-1].isdigit())
        # Longer names that start with a shorter one ("advil" -> "advil pm"), for telling
        # a slip in the extra words ("advil mp") from the plain name with a stray word.
        self._extensions: dict[str, list[tuple[str, Target]]] = {}
        for key in self._keys:
            words = key.split()
            for size in range(1, len(words)):
                base = " ".join(words[:size])
                if base in self._by_key:
                    extra = " ".join(words[size:])
                    self._extensions.setdefault(base, []).append((extra, self._by_key[key]))
        completions.sort()
        self._completion_keys = [key for key, _ in completions]
        self._completion_names = [name for _, name in completions]

    def _add(self, name: str, target: Target, completions: list[tuple[str, str]] | None) -> None:
        key = fold(name)
        self._by_key.setdefault(key, target)
        if completions is not None:
            completions.append((key, name))

    def __len__(self) -> int:
        return len(self._keys)

    def exact(self, key: str) -> Target | None:
        """The target of a folded key, if it is a known name."""
        return self._by_key.get(key)

    def phrase(
        self, tokens: tuple[str, ...], context_words: frozenset[str] = frozenset()
    ) -> tuple[list[Target], list[str]]:
        """Known names inside a longer phrase (longest first, not overlapping, in order),
        and the words of the phrase that none of them covers.

        A single everyday word naming a therapy or food ("water", "walking", "massage")
        counts only when the rest of the phrase is names and ``context_words`` ("for",
        "anxiety"): in "acupuncture for anxiety" it is acupuncture, but "water pills",
        "walking pneumonia" and "massage gun" are something else.
        """
        found, rest = self.phrase_spans(tokens, context_words)
        return [target for _, _, target in found], rest

    def phrase_spans(
        self, tokens: tuple[str, ...], context_words: frozenset[str] = frozenset()
    ) -> tuple[list[tuple[int, int, Target]], list[str]]:
        """As ``phrase``, with where each name starts and ends in ``tokens``."""
        found, taken = self._spans(tokens)
        rest = [token for token, used in zip(tokens, taken, strict=True) if not used]
        if any(word not in context_words for word in rest):
            everyday = [(s, e, t) for s, e, t in found if e - s == 1 and not t.medicine]
            found = [item for item in found if item not in everyday]
            for start, end, _ in everyday:
                taken[start:end] = [False] * (end - start)
            rest = [token for token, used in zip(tokens, taken, strict=True) if not used]
        return found, rest

    def near_extensions(self, tokens: tuple[str, ...]) -> list[tuple[Target, Found]]:
        """Longer names a phrase's leftover words are one slip from: (found name, longer).

        In "advil mp" only "advil" is a name, and "mp" is left over; but "advil mp" is one
        slip from "advil pm" (Advil PM, which adds diphenhydramine), so the phrase may be
        either; so is "tylenol 5" from Tylenol 4. Only the words straight after a found
        name, not part of another name; a number is only compared with a number.
        """
        found, taken = self._spans(tokens)
        near: list[tuple[Target, Found]] = []
        for start, end, target in found:
            base = " ".join(tokens[start:end])
            for extra, longer in self._extensions.get(base, ()):
                numbered = any(ch.isdigit() for ch in extra)
                words = len(extra.split())
                # a slip may add or drop a space: "withcodeine", "p m"
                for size in dict.fromkeys((words, words - 1, words + 1)):
                    typed = tokens[end : end + size]
                    if size < 1 or len(typed) < size or any(taken[end : end + size]):
                        continue
                    edits = OSA.distance(" ".join(typed), extra)
                    # a number is only a slip for a number ("tylenol 5" for Tylenol 4)
                    same_kind = numbered == any(ch.isdigit() for ch in "".join(typed))
                    if same_kind and 0 < edits <= 1:
                        phrase = " ".join(tokens[start : end + size])
                        score = fuzz.ratio(phrase, f"{base} {extra}")
                        near.append((target, Found(longer, float(score), True, edits)))
                        break
        return near

    def _spans(self, tokens: tuple[str, ...]) -> tuple[list[tuple[int, int, Target]], list[bool]]:
        """The names found in a phrase with where each starts and ends, and which words
        they take."""
        taken = [False] * len(tokens)
        found: list[tuple[int, int, Target]] = []
        for size in range(min(self._longest, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                if any(taken[start : start + size]):
                    continue
                key = " ".join(tokens[start : start + size])
                target = self._by_key.get(key)
                if target is None:
                    continue
                if size == 1 and len(key) < MIN_PHRASE_WORD and target.how not in SHORT_OK:
                    continue  # "asa", "oxy" inside a phrase are too likely something else
                found.append((start, start + size, target))
                taken[start : start + size] = [True] * size
        found.sort(key=lambda item: item[0])
        return found, taken

    def fuzzy(self, key: str) -> list[Found]:
        """Close spellings, best first, each marked whether it is a plausible misspelling;
        empty for short queries.

        Every name scoring SUGGEST_SCORE or more is returned, and every plausible
        misspelling however low its score: ``fuzz.ratio`` favours the nearer length, so
        a name one slip away may score far below another one slip away, and both must be
        seen to tell that the query could be either.
        """
        if len(key.replace(" ", "")) < MIN_FUZZY_LENGTH:
            return []
        # ratio = 2 * common / (len_a + len_b) * 100, so a score >= cutoff needs
        # len_b between len_a * c / (200 - c) and len_a * (200 - c) / c.
        cut = PLAUSIBLE_FLOOR
        low = bisect.bisect_left(self._key_lengths, math.ceil(len(key) * cut / (200 - cut)))
        high = bisect.bisect_right(self._key_lengths, math.floor(len(key) * (200 - cut) / cut))
        hits = process.extract(
            key, self._keys[low:high], scorer=fuzz.ratio, limit=None, score_cutoff=cut
        )
        found: list[Found] = []
        for choice, score, _ in hits:
            plausible = plausible_misspelling(key, choice, self._stems)
            if plausible or score >= SUGGEST_SCORE:
                edits = OSA.distance(key, choice)
                found.append(Found(self._by_key[choice], float(score), plausible, edits))
        return found

    def complete(self, prefix: str, limit: int = 10) -> list[str]:
        """Names (brands, generics, products, category words) starting with the prefix."""
        key = fold(prefix)
        if not key or limit <= 0:
            return []
        start = bisect.bisect_left(self._completion_keys, key)
        names: list[str] = []
        keys: set[str] = set()
        for index in range(start, len(self._completion_keys)):
            completion_key = self._completion_keys[index]
            if not completion_key.startswith(key):
                break
            if completion_key not in keys:  # "valériane" and "valeriane": offer one
                keys.add(completion_key)
                names.append(self._completion_names[index])
            if len(names) >= limit:
                break
        return names

    def all_completions(self) -> list[str]:
        """Every name offered while typing, for a completer's word list."""
        return list(dict.fromkeys(self._completion_names))


def words_not_in_name(query_key: str, name_key: str) -> list[str]:
    """Words of a query that are not a spelling of any word of the name it was read as.

    A close spelling covers misspelt words ("heat pacs" for "heat packs"), but a whole
    extra word ("electrolytes 0", "gentle massge oil") is something the name does not
    account for, and must not be read as part of it.
    """
    name_words = [*name_key.split(), name_key.replace(" ", "")]
    return [
        word
        for word in query_key.split()
        if max(fuzz.ratio(word, name_word) for name_word in name_words) < SUGGEST_SCORE
    ]
