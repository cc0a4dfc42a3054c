"""The "do not stop it on your own" note for prescription medicines, cited.

An avoid or caution answer about a prescribed benzodiazepine, gabapentinoid, opioid or
muscle relaxant could be read as "stop taking it". Stopping one of these at once has its
own withdrawal risks, so every such answer says plainly to change it only with the
prescriber. The documents support the gradual part (muscular-effects, Coping Strategies:
a gradual reduction minimises withdrawal symptoms; mecfs-overlap: the taper is the
central management); the US FDA's 2019 safety communication on opioids is cited for the
harm of sudden discontinuation.
"""

from __future__ import annotations

from collections.abc import Iterable

from benzoapp.core.cautions.kb import Entry, Level
from benzoapp.core.cautions.results import Reason

# Categories of medicines only a prescriber should stop or change.
PRESCRIPTION_CATEGORIES = frozenset(
    {
        "benzodiazepine", "z-drug", "gabapentinoid", "barbiturate", "older-sedative",
        "muscle-relaxant", "opioid", "orthostatic-medication", "fluoroquinolone",
        "looks-like-benzodiazepine",
        # a class word ("sleeping pills") and NSAIDs such as celecoxib or meloxicam can be
        # prescribed too; the note says "if this is prescribed for you"
        "gabaergic-medication", "nsaid",
    }
)  # fmt: skip
PRESCRIBER_TEXT = (
    "If this is prescribed for you, do not stop it or change the dose without your "
    "prescriber: stopping a benzodiazepine, a gabapentinoid or an opioid at once has its "
    "own withdrawal risks, and a gradual reduction keeps withdrawal symptoms to a minimum."
)
OPIOID_CITATION = (
    "US Food and Drug Administration, Drug Safety Communication of 9 April 2019: FDA "
    "identifies harm reported from sudden discontinuation of opioid pain medicines and "
    "requires label changes to guide prescribers on gradual, individualized tapering"
)


def prescriber_note(entries: Iterable[Entry], level: Level) -> Reason | None:
    """The note for an answer resting on ``entries`` at ``level``, or None.

    Given for any answer but a supportive one that names a prescription medicine: an
    opioid reads as not covered, yet stopping it at once is just as risky.
    """
    categories = {c for e in entries for c in e.categories}
    if level is Level.SUPPORTIVE or not PRESCRIPTION_CATEGORIES & categories:
        return None
    if "opioid" in categories:
        return Reason(PRESCRIBER_TEXT, OPIOID_CITATION, "", outside=True)
    return Reason(PRESCRIBER_TEXT, "muscular-effects", "Coping Strategies")
