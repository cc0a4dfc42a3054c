"""Turn the core's results (pill counts, caution checks, journal notes) into report rows.

Kept beside the report so the CLI and the GUI build the same printout from the same
results; nothing here decides anything medical, it only re-shapes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from benzoapp.core.cautions import LEVEL_WORDS, CheckResult, KnowledgeBase, coping_entries
from benzoapp.core.journal.framework import FrameworkNote
from benzoapp.core.model import Plan
from benzoapp.core.taper import PillCount
from benzoapp.report.data import DEFAULT_BOTTLE_ML, CitedText, MedicationRow, PharmacyRow
from benzoapp.report.dispense import whole_units_per_period

_UNITS = {"tablet": "tablets", "ml": "ml", "mg weighed": "mg weighed"}


def period_amounts(plan: Plan, per_step: Sequence[Decimal], period_days: int) -> list[Decimal]:
    """Spread each step's amount evenly over its days, then sum by prescription period."""
    return [_tidy(v) for v in exact_period_amounts(plan, per_step, period_days)]


def exact_period_amounts(
    plan: Plan, per_step: Sequence[Decimal], period_days: int
) -> list[Decimal]:
    """As :func:`period_amounts`, unrounded, for counting whole units to dispense."""
    if not plan.steps:
        return []
    start = plan.steps[0].start
    totals: dict[int, Decimal] = {}
    for step, amount in zip(plan.steps, per_step, strict=True):
        if not amount:
            continue
        per_day = amount / step.days
        day = step.start
        while day <= step.end:
            period = (day - start).days // period_days
            next_period = start + dt.timedelta(days=(period + 1) * period_days)
            stretch = (min(step.end + dt.timedelta(days=1), next_period) - day).days
            totals[period] = totals.get(period, Decimal(0)) + per_day * stretch
            day += dt.timedelta(days=stretch)
    count = max(totals, default=-1) + 1
    return [totals.get(i, Decimal(0)) for i in range(count)]


def _tidy(value: Decimal) -> Decimal:
    """Counts are whole, halves or quarters; drop the noise an even spread can leave."""
    return value.quantize(Decimal("0.01")).normalize()


def pharmacy_rows(
    plan: Plan,
    counts: Iterable[PillCount],
    period_days: int,
    bottle_ml: Decimal = DEFAULT_BOTTLE_ML,
) -> tuple[PharmacyRow, ...]:
    """Each product's amount for the whole plan and per period, with whole units to hand out.

    Tablets are counted whole; weighed doses as whole tablets to weigh from; a liquid in
    whole bottles of ``bottle_ml``.
    """
    rows = []
    for c in counts:
        exact = exact_period_amounts(plan, c.per_step, period_days)
        used = tuple(_tidy(v) for v in exact)
        if c.unit == "ml":
            unit_size, bottle = bottle_ml, bottle_ml
        elif c.unit == "mg weighed":
            unit_size, bottle = c.strength_mg, None
        else:
            unit_size, bottle = Decimal(1), None
        rows.append(
            PharmacyRow(
                drug=c.product or c.drug,  # "alprazolam XR": never dispensed as the plain tablet
                strength_mg=c.strength_mg,
                total=c.total,  # used; the whole tablets to dispense are in ``dispense``
                per_period=used,
                unit=_UNITS.get(c.unit, c.unit),
                dispense=whole_units_per_period(exact, unit_size),
                bottle_ml=bottle,
            )
        )
    return tuple(rows)


def medication_rows(
    results: Iterable[CheckResult], kinds: Sequence[str] = ()
) -> tuple[MedicationRow, ...]:
    rows = []
    for index, result in enumerate(results):
        rows.append(
            MedicationRow(
                name=result.query,
                matched=result.match.name if result.match else "",
                level=LEVEL_WORDS[result.level],
                reasons=tuple(CitedText(r.text, r.source, r.section) for r in result.reasons),
                kind=kinds[index] if index < len(kinds) else "",
                alternatives=tuple(
                    CitedText(a.text, a.source, a.section) for a in result.alternatives
                ),
                prescriber_note=(
                    CitedText(note.text, note.source, note.section)
                    if (note := result.prescriber_note) is not None
                    else None
                ),
            )
        )
    return tuple(rows)


def coping_rows(kb: KnowledgeBase) -> tuple[CitedText, ...]:
    """Each coping strategy the documents describe, one row per cited reason."""
    rows = []
    for entry in coping_entries(kb):
        for reason in entry.reasons:
            source = reason.source
            if source.outside:
                rows.append(CitedText(f"{entry.title.capitalize()}: {reason.text}", source.label))
            else:
                rows.append(
                    CitedText(
                        f"{entry.title.capitalize()}: {reason.text}",
                        source.document,
                        source.section,
                    )
                )
    return tuple(rows)


def _symptom_words(ids: Iterable[str]) -> str:
    """``muscle_tension`` as a person writes it: ``muscle tension``."""
    return ", ".join(i.replace("_", " ") for i in ids)


def framework_rows(note: FrameworkNote) -> tuple[tuple[CitedText, ...], tuple[CitedText, ...]]:
    """The framework notes and the mimicked conditions, each with its sources."""
    from benzoapp.report.journal_words import about_the_person

    cite = "; ".join(s.text for s in note.sources)
    notes = []
    if note.position is not None:
        notes.append(CitedText(f"Closest position: {note.position.title}.", cite))
    # printed on the prescriber's pages: about the person, not to them
    notes += [
        CitedText(about_the_person(t), cite) for t in (note.why, note.pem_note, note.discuss) if t
    ]
    # the open questions stay as asked: the prescriber can put them to the person
    notes += [CitedText(f"Not answered yet: {q}") for q in note.open_questions]
    mimics = [
        CitedText(
            f"{m.mimic.name}: {m.mimic.resemblance}"
            + (
                f" Shared in the journal: {_symptom_words(m.shared_symptoms)}."
                if m.shared_symptoms
                else ""
            ),
            "; ".join(s.text for s in m.mimic.sources),
        )
        for m in note.mimics
    ]
    return tuple(notes), tuple(mimics)
