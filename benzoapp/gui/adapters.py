"""Adapters from the core's functions to what the pages ask for (``services`` protocols).

The core's functions take the drug catalog and knowledge base explicitly; these hold
them once, so the pages need not know they exist.
"""

from __future__ import annotations

from benzoapp.core.cautions import HOW_WORDS, NOT_COVERED_TEXT, Checker, Level
from benzoapp.core.errors import InputError
from benzoapp.gui.services import Caution


class CheckerLookup:
    """The caution checker, reduced to a level, a match and a reason per name."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    def caution(self, name: str) -> Caution:
        try:
            result = self.checker.check(name)
        except InputError as error:
            return Caution(Level.NOT_COVERED.value, "", str(error))
        matched = ""
        if result.match is not None:
            how = HOW_WORDS.get(result.match.how, result.match.how)
            matched = f"{result.match.name} ({how})"
        if result.reasons:
            reason = " ".join(r.text for r in result.reasons)
        elif result.level is Level.NOT_COVERED:
            reason = NOT_COVERED_TEXT
        else:
            reason = ""
        sources = tuple(dict.fromkeys(r.source_label for r in result.reasons))
        return Caution(result.level.value, matched, reason, sources)

    def complete(self, prefix: str) -> list[str]:
        return self.checker.complete(prefix)
