"""Names side by side with nothing joining them may name one other thing.

"salt bath" is not salt and a bath, "heat yoga" is hot yoga, "water exercise" is aqua
aerobics and "bath water" is not drinking water: two names the documents describe as
helpful, typed next to each other, can together name something the documents never
mention (a salt bath may be an Epsom salt bath, which they advise against). Read as a
list only when the person wrote it as one ("salt and water", "tylenol, water"); names
that merely touch, or are linked by words such as "with" or "of" ("bath with salts"),
count as a compound, which keeps the answer from reading as supportive (policy rule 3).
"""

from __future__ import annotations

import re
from itertools import pairwise

from benzoapp.core.cautions.matching import NameIndex
from benzoapp.core.cautions.normalise import normalise_query

# Words that make a list of separate things; anything else between two names may bind
# them into one ("bath with salts", "bath of salts").
LIST_WORDS = frozenset({"and", "or", "plus", "also", "then", "n"})
# Punctuation that separates the items of a list. Folding turns it into spaces, so it is
# written as "and" first; "/" only between words, never in a dose ("2 mg/5 ml", "30/500").
_LIST_MARKS = re.compile(r"\s*[,;&+]\s*|(?<=[^\W\d])\s*/\s*(?=[^\W\d])")

COMPOUND_TEXT = (
    "{words} may name one thing rather than the separate things in it, so it was not "
    "read as them; write them as a list (for example with 'and') or check each on its own."
)


def unjoined(
    index: NameIndex,
    query: str,
    *,
    core: bool,
    context_words: frozenset[str],
) -> list[str]:
    """The runs of names in ``query`` that touch with no list word between them.

    ``core`` says whether the phrase was read with its dose and form words set aside (as
    the checker read it), so that the same names are found here.
    """
    norm = normalise_query(_LIST_MARKS.sub(" and ", query), index.numbered)
    tokens = norm.core_tokens if core else norm.tokens
    spans, _ = index.phrase_spans(tokens, context_words)
    runs: list[str] = []
    for (start, end, _), (next_start, next_end, _) in pairwise(spans):
        between = tokens[end:next_start]
        if not LIST_WORDS.intersection(between):
            runs.append(" ".join(tokens[start:next_end]))
    return runs
