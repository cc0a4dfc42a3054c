"""Ordinary English words, so that a word is never read as a medicine by spelling alone.

"medication" is one letter from "meditation" and "heart" from "heat": a close spelling
of an ordinary word is almost always that word, not a slip for a name in the knowledge
base. The list is Webster's Second International word list (public domain; see
resources/words/README.md), five letters or more, loaded once on first use so that
start-up does not pay for it.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterable
from pathlib import Path

WORD_LIST = "english_web2.txt.gz"


class EnglishWords:
    """A set of lower-case English words, read lazily from a gzipped word-per-line file."""

    def __init__(self, path: Path | None = None, words: Iterable[str] | None = None) -> None:
        self._path = path
        self._words: frozenset[str] | None = None if words is None else frozenset(words)

    @property
    def words(self) -> frozenset[str]:
        """Every word, loaded on first use (about 0.1 s; only close-spelling checks need it)."""
        if self._words is None:
            path = self._path
            if path is None:
                from benzoapp.paths import resource_path

                path = resource_path("words", WORD_LIST)
            with gzip.open(path, "rt", encoding="ascii") as handle:
                self._words = frozenset(handle.read().split())
        return self._words

    @property
    def loaded(self) -> bool:
        """Whether the list is in memory (the window loads it ahead, off the keystroke)."""
        return self._words is not None

    def load(self) -> None:
        """Read the list now, if it is not read yet (about 50 ms)."""
        _ = self.words

    def __contains__(self, word: object) -> bool:
        """Whether a lower-case word is English, counting plain inflections the list
        leaves out ("medications", "hearts", "walked", "stretching")."""
        if not isinstance(word, str):
            return False
        words = self.words
        return word in words or any(stem in words for stem in _stems(word))

    def all_ordinary(self, key: str) -> bool:
        """Whether every word of a folded key that could be checked by spelling (five
        letters or more) is an ordinary English word, and there is at least one."""
        long_words = [w for w in key.split() if len(w) >= 5]
        return bool(long_words) and all(w in self for w in long_words)


def _stems(word: str) -> list[str]:
    """What a word may be an inflection of: -s, -es, -ies, -ed, -ing, -ly endings."""
    stems = []
    for ending, replacement in (
        ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
        ("ing", "e"), ("ly", ""),
    ):  # fmt: skip
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.append(word[: len(word) - len(ending)] + replacement)
    return stems


@functools.cache
def bundled_english() -> EnglishWords:
    """The app's word list (shared: loaded at most once per process)."""
    return EnglishWords()
