"""The documents' coping guidance: what the printed plan offers under "Coping along the way"."""

from __future__ import annotations

from benzoapp.core.cautions.kb import Entry, KnowledgeBase, Level

# Categories whose supportive entries are things a person can do, as opposed to a
# medicine that is merely better tolerated (acetaminophen) or the taper itself.
COPING_CATEGORIES = frozenset({"coping-strategy", "orthostatic-support", "exercise"})


def coping_entries(kb: KnowledgeBase) -> tuple[Entry, ...]:
    """Supportive coping strategies from the knowledge base, in its (reviewed) order.

    Selected by category, not by a list of names, so a pharmacist who adds a coping
    strategy to the knowledge base sees it reach the printout without a code change.
    """
    return tuple(
        entry
        for entry in kb.entries.values()
        if entry.level is Level.SUPPORTIVE and COPING_CATEGORIES.intersection(entry.categories)
    )
