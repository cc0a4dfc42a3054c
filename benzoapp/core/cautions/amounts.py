"""An amount typed with a helpful medicine: more than one usual dose is not supportive.

muscular-effects (What to Avoid) finds Tylenol (acetaminophen, paracetamol) better
tolerated than Advil for occasional pain relief; it says nothing in favour of taking more
than a usual dose. "Tylenol 4000mg", "paracetamol 2g" or "8 tylenol" is not that item, and
too much paracetamol can damage the liver, so such a query reads as caution, with the
usual dose and its source (from beyond the three documents). Amounts within a usual dose
("Tylenol 500 mg", "2 Tylenol") are read as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from benzoapp.core.cautions.kb import Level
from benzoapp.core.cautions.results import CheckResult, Reason

_MG_PER_UNIT = {
    "mg": Decimal(1), "mgs": Decimal(1), "g": Decimal(1000), "gm": Decimal(1000),
    "gram": Decimal(1000), "grams": Decimal(1000), "mcg": Decimal("0.001"),
    "ug": Decimal("0.001"),
}  # fmt: skip


@dataclass(frozen=True)
class UsualDose:
    """The most a usual single adult dose holds, as an amount and as tablets."""

    most_mg: Decimal
    most_units: int
    text: str
    citation: str


USUAL_DOSES = {
    "acetaminophen": UsualDose(
        most_mg=Decimal(1000),
        most_units=2,
        text=(
            "That is more than one usual adult dose of paracetamol (acetaminophen): one or "
            "two 500 mg tablets at a time, at most four times in 24 hours. Too much can "
            "damage the liver; ask a pharmacist before taking more."
        ),
        citation=(
            "NHS, Paracetamol for adults, How and when to take it "
            "(nhs.uk/medicines/paracetamol-for-adults)"
        ),
    )
}


def stated_amount_mg(tokens: tuple[str, ...]) -> Decimal | None:
    """The largest amount written as a number and a unit ("4000 mg", "2 g"), in mg."""
    amounts = []
    for number, unit in pairwise(tokens):
        if unit in _MG_PER_UNIT:
            try:
                amounts.append(Decimal(number) * _MG_PER_UNIT[unit])
            except InvalidOperation:
                continue
    return max(amounts) if amounts else None


def stated_units(tokens: tuple[str, ...]) -> int | None:
    """A count of tablets written before the name ("8 tylenol")."""
    if len(tokens) > 1 and tokens[0].isdigit() and tokens[1] not in _MG_PER_UNIT:
        return int(tokens[0])
    return None


# Words saying a medicine is taken every day, where the documents speak of "from time to
# time" (muscular-effects, What to Avoid: occasional over-the-counter pain relief).
REGULAR_WORDS = frozenset({"daily", "nightly", "everyday"})
REGULAR_TEXT = (
    "The document speaks of pain relief from time to time; taking it every day is not "
    "what it describes, so ask your prescriber or pharmacist."
)


def beyond_usual_dose(result: CheckResult, tokens: tuple[str, ...]) -> CheckResult:
    """``result``, as caution with the usual dose, when a supportive medicine is typed
    with more than one usual dose of it; not covered when typed as taken every day."""
    if result.level is not Level.SUPPORTIVE:
        return result
    usual = next((USUAL_DOSES[i] for i in result.entry_ids if i in USUAL_DOSES), None)
    if usual is None:
        return result
    if REGULAR_WORDS.intersection(tokens):
        return replace(result, level=Level.NOT_COVERED, notes=(*result.notes, REGULAR_TEXT))
    amount, units = stated_amount_mg(tokens), stated_units(tokens)
    if (amount is None or amount <= usual.most_mg) and (units is None or units <= usual.most_units):
        return result
    reason = Reason(usual.text, usual.citation, "", outside=True)
    return replace(result, level=Level.CAUTION, reasons=(*result.reasons, reason))
