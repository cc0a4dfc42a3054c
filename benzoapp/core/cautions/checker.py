"""The caution checker: what the source documents say about one thing a person types.

It never answers "safe" for a name it does not know: unknown names read as not_covered,
weak spellings come back as "did you mean" suggestions to confirm, and what the person
typed is always returned beside what it matched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from benzoapp.core.cautions.amounts import beyond_usual_dose
from benzoapp.core.cautions.compounds import COMPOUND_TEXT, unjoined
from benzoapp.core.cautions.context import (
    LOOKS_LIKE_CATEGORY,
    in_context,
    looks_like_benzodiazepine,
)
from benzoapp.core.cautions.english import EnglishWords, bundled_english
from benzoapp.core.cautions.kb import BENZO_CATEGORIES, Entry, KnowledgeBase, Level
from benzoapp.core.cautions.matching import Found, NameIndex, Target
from benzoapp.core.cautions.normalise import Normalised, normalise_query, without_salt
from benzoapp.core.cautions.policy import Evidence, Reading, decide
from benzoapp.core.cautions.prescriber import prescriber_note
from benzoapp.core.cautions.results import (
    CheckResult,
    Ingredient,
    Match,
    Reason,
    Suggestion,
    as_reason,
)
from benzoapp.core.errors import InputError

NOT_COVERED_TEXT = "The documents do not cover this; ask your prescriber or pharmacist."
COMBINATION_TEXT = "Checked ingredient by ingredient; the strictest level is shown."
OUTSIDE_TEXT = "Some of this comes from beyond the three source documents, as cited."
MAX_SUGGESTIONS = 3
# Words that join the parts of a phrase without naming anything to check.
CONNECTING_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "with", "for", "at", "of", "to", "in", "on", "my", "plus"}
)
# Everyday words around a name that say how it is taken, never what it is. Anything else
# left over in a phrase may change what the product is ("Tylenol Cold and Flu", "Panadol
# Night"), so it keeps the phrase from reading as supportive.
FILLER_WORDS = CONNECTING_WORDS | frozenset(
    {"eat", "eating", "more", "some", "take", "taking", "use", "using", "try", "trying"}
)
# Joining words that join nothing at the start or end of a phrase: there they are part
# of a product's name ("Nurofen Plus" adds codeine), so they count as unknown.
EDGE_WORDS = frozenset({"plus"})
# What something is taken for, after "for" ("acupuncture for anxiety"): it never changes
# what the thing is, so it is not an unknown word.
# "for sleep" is left out: "tylenol for sleep" may mean a night-time product.
PURPOSE_WORDS = frozenset(
    {
        "anxiety", "pain", "stress", "tension", "cramps", "cramp",
        "spasms", "relaxation", "muscle", "muscles", "back", "neck", "shoulders", "legs",
        "headache", "headaches", "withdrawal", "symptoms", "recovery", "panic", "nerves",
        "calm", "aches", "restless",
    }
)  # fmt: skip
LOOKS_LIKE_TEXT = (
    "{words} looks like the name of a benzodiazepine or Z-drug, which the knowledge base "
    "does not know: ask your prescriber or pharmacist what it is before taking it."
)


def _reasons(entry: Entry, about: str = "") -> list[Reason]:
    return [as_reason(r, about) for r in entry.reasons]


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class Checker:
    """Checks names against one knowledge base; build once, call often (per keystroke)."""

    def __init__(self, kb: KnowledgeBase, english: EnglishWords | None = None) -> None:
        self.kb = kb
        self.index = NameIndex(kb)
        self.english = english if english is not None else bundled_english()

    def complete(self, prefix: str, limit: int = 10) -> list[str]:
        """Brand and generic names that start with what has been typed so far."""
        return self.index.complete(prefix, limit)

    def completions(self) -> list[str]:
        """Every name worth offering while typing."""
        return self.index.all_completions()

    def check(self, query: str) -> CheckResult:
        """What the documents say about ``query``; raises InputError for an empty query."""
        result = self._check(query)
        if result.level is Level.SUPPORTIVE:  # an amount beyond a usual dose is not
            result = beyond_usual_dose(result, normalise_query(query).tokens)
        return result

    def _check(self, query: str) -> CheckResult:
        norm = normalise_query(query, self.index.numbered)
        if not norm.text:
            raise InputError("Type the name of a medicine, supplement, product or therapy.")
        for key in dict.fromkeys((norm.text, norm.core, without_salt(norm.core))):
            target = self.index.exact(key) if key else None
            if target is not None and (target.medicine or key == norm.text):
                # dose and form words only lead to medicines: "water pills" is not water
                return self._result(
                    query, norm, [target], how=target.how, score=100.0, stripped=key != norm.text
                )
        for tokens in dict.fromkeys((norm.tokens, norm.core_tokens)):
            found, rest = self.index.phrase(tokens, FILLER_WORDS | PURPOSE_WORDS)
            if tokens != norm.tokens and not any(t.medicine for t in found):
                continue  # as for exact names: dose and form words only lead to medicines
            several = len(found) > 1
            found = in_context(self.kb, found, tokens) if found else found
            if found:
                distinct = list({(t.kind, t.id): t for t in found}.values())
                how = "phrase" if len(distinct) == 1 else "ingredient"
                result = self._result(
                    query, norm, distinct, how=how, score=100.0, stripped=tokens != norm.tokens
                )
                # a therapy or food named with dose or form words ("water pills") is
                # something else: those words count as unknown there
                medicine = all(t.medicine for t in distinct)
                unchecked = _unrecognised(rest, norm, tokens, form_words_known=medicine)
                if unchecked:
                    result = _with_unrecognised(result, unchecked, self.english)
                    result = _replace(result, suggestions=self._close_to(unchecked))
                compounds = (
                    unjoined(
                        self.index,
                        query,
                        core=tokens != norm.tokens,
                        context_words=FILLER_WORDS | PURPOSE_WORDS,
                    )
                    if several
                    else []
                )
                if compounds:
                    result = _as_compound(result, compounds)
                near = [
                    (base, longer)
                    for base, longer in self.index.near_extensions(tokens)
                    if self.ingredients_of(longer.target) != self.ingredients_of(base)
                ]
                if near:
                    return self._near_longer_name(query, result, near, single=len(distinct) == 1)
                return result
        return self._fuzzy(query, norm)

    def _near_longer_name(
        self,
        query: str,
        result: CheckResult,
        near: list[tuple[Target, Found]],
        *,
        single: bool,
    ) -> CheckResult:
        """A name plus extra words one slip from a longer name ("advil mp": Advil PM).

        The phrase may be the plain name with a stray word or the longer product, which
        adds ingredients (Advil PM adds diphenhydramine), so, as for a spelling close to
        two things, it is read as neither: both are offered, each saying what it is, and
        the result is not covered. In a phrase naming several things the others are still
        checked, the longer name is offered, and the result is never better than not
        covered.
        """
        offered = [longer for _, longer in near]
        offered += [Found(base) for base in dict.fromkeys(base for base, _ in near)]
        suggestions = self._suggestions(offered)
        names = " or ".join(s.label for s in suggestions)
        if single:
            note = (
                f"This is close to more than one name: {names}. It has not been read as any "
                "of them; if you meant one, choose it to check it."
            )
            return CheckResult(
                query, Level.NOT_COVERED, None, suggestions=suggestions,
                notes=(note, NOT_COVERED_TEXT),
            )  # fmt: skip
        longer_names = " or ".join(s.label for s in self._suggestions(near_[1] for near_ in near))
        note = (
            f"Part of this is close to {longer_names}, which is not the plain name alone; "
            "it was checked as the plain name. If you meant it, choose it to check it."
        )
        return _replace(
            result,
            level=decide([Reading(result.level, Evidence.PHRASE)], unknown_words=True),
            suggestions=suggestions,
            notes=_dedupe((note, *result.notes, NOT_COVERED_TEXT)),
        )

    def _fuzzy(self, query: str, norm: Normalised) -> CheckResult:
        """Nothing matched by name: close spellings are offered, never applied.

        Only plausible misspellings are offered (see ``plausible_misspelling``), and none
        for an ordinary English word ("medication" is not a slip for meditation). An
        unknown name ending like a benzodiazepine or Z-drug reads as caution (policy rule
        4). A spelling close to two different things says so and offers both.
        """
        key = norm.core or norm.text
        ranked: list[Found] = []
        if not self.english.all_ordinary(key):
            plausible: dict[tuple[str, str], Found] = {}  # best plausible hit per thing
            for hit in self.index.fuzzy(key):
                if not hit.target.medicine and key != norm.text:
                    continue  # as for exact names: form words only lead to medicines
                if hit.plausible:
                    plausible.setdefault((hit.target.kind, hit.target.id), hit)
            ranked = sorted(plausible.values(), key=lambda h: (-h.score, h.edits))
        readings = self._readings(ranked)
        if len(readings) > 1:
            result = self._ambiguous(query, readings)
        else:
            suggestions = self._suggestions(ranked[:MAX_SUGGESTIONS])
            notes = [NOT_COVERED_TEXT]
            if suggestions:
                notes.append(
                    "Nothing matched exactly. If you meant one of the suggestions, "
                    "choose it to check it; nothing has been checked in its place."
                )
            result = CheckResult(
                query, Level.NOT_COVERED, None, suggestions=suggestions, notes=tuple(notes)
            )
        benzo_like = [w for w in key.split() if looks_like_benzodiazepine(w, self.english)]
        if benzo_like:
            return _looks_like_benzodiazepine(result, benzo_like)
        return result

    def _close_to(self, words: list[str]) -> tuple[Suggestion, ...]:
        """Names an unrecognised word in a phrase may be a slip for ("tylenol and xanaxx"):
        offered, never applied (policy rule 1); none for an ordinary English word."""
        hits: list[Found] = []
        for word in words:
            if not self.english.all_ordinary(word):
                hits.extend(hit for hit in self.index.fuzzy(word) if hit.plausible)
        hits.sort(key=lambda h: (-h.score, h.edits))
        return self._suggestions(hits)

    def _readings(self, ranked: list[Found]) -> list[Found]:
        """The best hit for each different thing the hits could mean, best first.

        Two names mean the same thing when they lead to the same ingredients (a brand and
        its generic); anything else is a different reading, whatever its level.
        """
        by_reading: dict[frozenset[str], Found] = {}
        for hit in ranked:
            by_reading.setdefault(self.ingredients_of(hit.target), hit)
        return list(by_reading.values())

    def ingredients_of(self, target: Target) -> frozenset[str]:
        """The entry ids a name leads to: its entry, or every ingredient of a product."""
        if target.kind == "product":
            product = self.kb.products[target.id]
            return frozenset(i for reading in product.readings for i in reading.ingredients)
        return frozenset((target.id,))

    def _ambiguous(self, query: str, readings: list[Found]) -> CheckResult:
        """The result for a spelling close to two or more different things: not covered,
        each offered with what it is, none checked in its place."""
        ordered = sorted(readings, key=lambda h: (h.edits, -h.score))
        suggestions = self._suggestions(ordered[:MAX_SUGGESTIONS])
        names = " or ".join(s.label for s in suggestions)
        more = len(ordered) - len(suggestions)
        if more > 0:
            names += f", and {more} more (type more of the name to tell them apart)"
        notes = (
            f"This spelling is close to more than one name: {names}. It has not been read as "
            "any of them; if you meant one, choose it to check it.",
            NOT_COVERED_TEXT,
        )
        return CheckResult(query, Level.NOT_COVERED, None, suggestions=suggestions, notes=notes)

    def _suggestions(self, hits: Iterable[Found]) -> tuple[Suggestion, ...]:
        chosen: dict[str, Suggestion] = {}
        for hit in hits:
            suggestion = self.suggestion(hit)
            chosen.setdefault(suggestion.name, suggestion)
        return tuple(chosen.values())[:MAX_SUGGESTIONS]

    def suggestion(self, found: Found) -> Suggestion:
        """A found name as a suggestion that says what it is.

        A misspelling kept as a synonym ("ibuprofin") is offered as its entry's real name.
        """
        target = found.target
        if target.kind == "product":
            product = self.kb.products[target.id]
            generic = " or ".join(
                " + ".join(self.kb.entries[i].title for i in reading.ingredients)
                for reading in product.readings
            )
            return Suggestion(target.name, generic, "", round(found.score, 1))
        entry = self.kb.entries[target.id]
        name = entry.title if target.how == "synonym" else target.name
        return Suggestion(name, entry.title, self.kb.what(entry), round(found.score, 1))

    def _result(
        self,
        query: str,
        norm: Normalised,
        targets: list[Target],
        *,
        how: str,
        score: float,
        stripped: bool,
    ) -> CheckResult:
        """Build the result for what was found: one entry, one product, or several things."""
        notes = _dose_notes(norm, targets[0].name) if stripped else []
        readings: list[tuple[str, list[Entry]]] = []
        product_notes: list[str] = []
        for target in targets:
            if target.kind == "product":
                product = self.kb.products[target.id]
                product_notes.extend(product.notes)
                for reading in product.readings:
                    entries = [self.kb.entries[i] for i in reading.ingredients]
                    readings.append((reading.label, entries))
            else:
                readings.append(("", [self.kb.entries[target.id]]))
        all_entries = [e for _, entries in readings for e in entries]
        single = len(all_entries) == 1
        reasons: list[Reason] = []
        for entry in dict.fromkeys(all_entries):
            reasons.extend(_reasons(entry, "" if single else entry.title))
            notes.extend(note if single else f"{entry.title}: {note}" for note in entry.notes)
            if norm.routes and entry.route_note:
                notes.append(f"Route matters ({' '.join(norm.routes)}): {entry.route_note}")
        ingredients: tuple[Ingredient, ...] = ()
        if not single:
            ingredients = tuple(
                Ingredient(e.title, e.level, label) for label, es in readings for e in es
            )
            notes.insert(0, COMBINATION_TEXT)
        notes.extend(product_notes)
        evidence = (
            Evidence.EXACT
            if how in ("exact", "brand", "synonym", "category")
            else (Evidence.PHRASE)
        )
        level = decide(Reading(e.level, evidence) for e in all_entries)
        uncovered = _dedupe(e.title for e in all_entries if e.level is Level.NOT_COVERED)
        if single and uncovered:
            notes.append(NOT_COVERED_TEXT)
        elif uncovered:
            notes.append(
                f"The documents do not cover {', '.join(uncovered)}; "
                "ask your prescriber or pharmacist."
            )
        if reasons and any(r.outside for r in reasons):
            notes.append(OUTSIDE_TEXT)
        if norm.routes and not any(e.route_note for e in all_entries):
            notes.append(
                f"Set aside the form ({' '.join(norm.routes)}); as far as the documents say, "
                "the advice does not depend on it."
            )
        generic = " + ".join(
            self.kb.products[t.id].names[0] if t.kind == "product" else self.kb.entries[t.id].title
            for t in targets
        )
        name = " + ".join(t.name for t in targets)
        alternatives = tuple(
            dict.fromkeys(as_reason(a) for e in all_entries for a in self.kb.alternatives_for(e))
        )
        return CheckResult(
            query=query,
            level=level,
            match=Match(name=name, how=how, score=round(score, 1), generic=generic),
            alternatives=alternatives,
            prescriber_note=prescriber_note(all_entries, level),
            ingredients=ingredients,
            reasons=tuple(reasons),
            notes=_dedupe(notes),
            categories=_dedupe(c for e in all_entries for c in e.categories),
            entry_ids=_dedupe(e.id for e in all_entries),
        )


def _dose_notes(norm: Normalised, name: str) -> list[str]:
    """What was set aside as dose or form words, and any number kept in the name."""
    notes: list[str] = []
    if norm.set_aside:
        notes.append(f"Set aside as dose or form words: {' '.join(norm.set_aside)}.")
    if norm.name_numbers:
        numbers = " ".join(norm.name_numbers)
        notes.append(f"Read {numbers} as part of the name {name}, not as a dose.")
    return notes


def _unrecognised(
    rest: list[str], norm: Normalised, tokens: tuple[str, ...], *, form_words_known: bool = True
) -> list[str]:
    """The words of a phrase that name something unknown: not filler, not dose or form
    words (when what was found is a medicine), not a purpose after "for"."""
    dose_and_form = Counter(norm.set_aside) if form_words_known else Counter[str]()
    purpose = frozenset(tokens[tokens.index("for") + 1 :]) if "for" in tokens else frozenset()
    unrecognised: list[str] = []
    for word in rest:
        if word in EDGE_WORDS and word in (tokens[0], tokens[-1]):
            unrecognised.append(word)  # "tylenol plus" may be a product (Nurofen Plus)
            continue
        if word in FILLER_WORDS or (word in purpose and word in PURPOSE_WORDS):
            continue
        if dose_and_form[word] > 0:
            dose_and_form[word] -= 1
            continue
        unrecognised.append(word)
    return unrecognised


def _with_unrecognised(
    result: CheckResult, words: list[str], english: EnglishWords | None = None
) -> CheckResult:
    """The result for a phrase with unknown words in it: never better than not_covered.

    An unknown word may change what the thing is (Tylenol Cold and Flu is not plain
    Tylenol), so, as for an unknown ingredient, the strictest of what was found and
    not_covered is shown (policy rule 3): supportive becomes not_covered, avoid stays
    avoid. An unknown word that looks like a benzodiazepine makes it at least caution.
    """
    note = (
        f"Not recognised, so not checked: {' '.join(words)}. "
        "If that changes what it is, check it on its own."
    )
    result = _replace(
        result,
        level=decide([Reading(result.level, Evidence.PHRASE)], unknown_words=True),
        notes=_dedupe((*result.notes, note, NOT_COVERED_TEXT)),
    )
    benzo_like = [w for w in words if english is not None and looks_like_benzodiazepine(w, english)]
    return _looks_like_benzodiazepine(result, benzo_like) if benzo_like else result


def _as_compound(result: CheckResult, runs: list[str]) -> CheckResult:
    """Names side by side may name one other thing ("salt bath", "heat yoga"): as for an
    unknown word, never better than not_covered (policy rule 3); avoid stays avoid."""
    words = ", ".join(f"'{run}'" for run in runs)
    return _replace(
        result,
        level=decide([Reading(result.level, Evidence.PHRASE)], unknown_words=True),
        notes=_dedupe((COMPOUND_TEXT.format(words=words), *result.notes, NOT_COVERED_TEXT)),
    )


def _looks_like_benzodiazepine(result: CheckResult, words: list[str]) -> CheckResult:
    """Policy rule 4: an unknown name ending like a benzodiazepine or Z-drug is caution."""
    readings = [Reading(result.level, Evidence.PHRASE), Reading(Level.CAUTION, Evidence.CLASS_RULE)]
    match = result.match or Match(name=" ".join(words), how="class_rule", score=100.0)
    return _replace(
        result,
        level=decide(readings),
        match=match,
        categories=_dedupe((*result.categories, LOOKS_LIKE_CATEGORY)),
        notes=_dedupe((LOOKS_LIKE_TEXT.format(words=", ".join(words)), *result.notes)),
    )


def _replace(result: CheckResult, **changes: object) -> CheckResult:
    from dataclasses import replace

    return replace(result, **changes)  # type: ignore[arg-type]


def is_benzo_or_z_drug(result: CheckResult) -> bool:
    """Whether the result rests on a benzodiazepine or Z-drug (alone or in a product), or
    on a name that looks like one."""
    return bool((BENZO_CATEGORIES | {LOOKS_LIKE_CATEGORY}).intersection(result.categories))


def flagged(result: CheckResult, flag: str) -> CheckResult:
    """The same result with a regimen finding added."""
    return _replace(result, flags=(*result.flags, flag))
