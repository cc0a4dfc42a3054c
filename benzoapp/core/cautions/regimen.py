"""The regimen check: everything a person has recorded, checked at once, beside the plan.

The plan's own drugs (the regimen's drugs and a crossover target) are the taper: under
any name ("Valium" while tapering diazepam) they are answered as the taper drug, not as
something to avoid. The list taken together is then checked for what the taper makes
risky, each finding a ``RegimenFlag`` with a stable code:

- ``taper_drug_again``: the taper drug listed again under another name (counted twice?);
- ``second_benzodiazepine``: a further benzodiazepine or Z-drug beside the taper
  (induced-symptoms: kindling; muscular-effects: GABAergic medications);
- ``benzodiazepine_without_plan``: a benzodiazepine on the list with no plan;
- ``opioid_with_benzodiazepine``, ``sedating_with_benzodiazepine``,
  ``cyp3a4_inhibitor_with_benzodiazepine``: from ``regimen_rules.json``, each with its
  outside source (FDA 2016 boxed warning; FDA 2019 gabapentinoid warning and the labels'
  CNS-depressant interactions; the triazolam and alprazolam labels on strong CYP3A4
  inhibitors).

The window, the PDF and the CLI all show the same two things: one answer per recorded
medication, and the flags of the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from benzoapp.core.cautions.checker import Checker, flagged, is_benzo_or_z_drug
from benzoapp.core.cautions.kb import Level
from benzoapp.core.cautions.regimen_rules import RegimenRule, load_rules
from benzoapp.core.cautions.results import CheckResult, Reason
from benzoapp.core.errors import InputError
from benzoapp.core.model import Medication, Plan

TAPER_SOURCE = "induced-symptoms (kindling); muscular-effects (GABAergic medications)"
TAPER_REASON = Reason(
    "This is the medicine you are tapering ({taper}): take it as your taper plan says, "
    "counted once in the plan and not on top of it. A gradual reduction keeps withdrawal "
    "symptoms to a minimum.",
    "muscular-effects",
    "Coping Strategies",
)


@dataclass(frozen=True)
class RegimenFlag:
    """One finding about the list taken together, e.g. a second benzodiazepine."""

    code: str  # stable key: "taper_drug_again", "second_benzodiazepine", ...
    level: Level
    items: tuple[str, ...]  # the names, as the person typed them, the flag is about
    message: str
    source: str  # document id and section, or an outside citation marked as such


@dataclass(frozen=True)
class RegimenCheck:
    """The answer for each medication, in order, and the flags of the whole list."""

    results: tuple[CheckResult, ...]
    flags: tuple[RegimenFlag, ...]


def plan_drug_names(plan: Plan | None) -> tuple[str, ...]:
    """The drugs a plan tapers: its regimen's drugs, then its crossover target."""
    if plan is None:
        return ()
    names = list(plan.regimen.drugs)
    target = plan.settings.crossover_to
    if target and target not in names:
        names.append(target)
    return tuple(names)


def taper_entry_ids(checker: Checker, taper_drugs: Sequence[str]) -> frozenset[str]:
    """The knowledge-base entries the plan's drugs are (a brand leads to its generic)."""
    ids: set[str] = set()
    for drug in taper_drugs:
        if drug.strip():
            ids.update(checker.check(drug).entry_ids)
    return frozenset(ids)


def check_with_plan(checker: Checker, query: str, taper_drugs: Sequence[str]) -> CheckResult:
    """One query checked beside a plan: the plan's own drug is answered as the taper drug.

    Raises InputError for an empty query, as ``Checker.check`` does.
    """
    result = checker.check(query)
    taper_ids = taper_entry_ids(checker, taper_drugs)
    if taper_ids and is_benzo_or_z_drug(result) and taper_ids.intersection(result.entry_ids):
        return as_taper_drug(result, ", ".join(taper_drugs))
    return result


def as_taper_drug(result: CheckResult, taper_label: str) -> CheckResult:
    """The answer for the plan's own drug: about the taper, not advice to avoid it.

    Level caution: the drug itself is the plan, but taking it beside the plan (listed
    twice, under a brand) would be a second dose.
    """
    reason = replace(TAPER_REASON, text=TAPER_REASON.text.format(taper=taper_label))
    return replace(
        result,
        level=Level.CAUTION,
        reasons=(reason,),
        alternatives=(),
        taper_drug=taper_label,
    )


def check_regimen(
    checker: Checker,
    taper_drugs: Sequence[str],
    medications: Iterable[Medication],
    rules: Sequence[RegimenRule] | None = None,
) -> RegimenCheck:
    """Check each recorded medication against the taper and against each other.

    ``taper_drugs`` are the plan's own drugs (``plan_drug_names``), which may be empty
    when there is no plan: a benzodiazepine on the list is then still flagged, and the
    interactions are checked against it. ``rules`` is for tests; the bundled rules are
    used otherwise.
    """
    rules = load_rules() if rules is None else rules
    taper_ids = taper_entry_ids(checker, taper_drugs)
    taper_label = ", ".join(taper_drugs)
    names: list[str] = []
    results: list[CheckResult] = []
    flags: list[RegimenFlag] = []
    benzo_ids = set(taper_ids)
    benzo_names = list(taper_drugs)
    for medication in medications:
        result = _check_one(checker, medication.name)
        if is_benzo_or_z_drug(result):
            same = bool(taper_ids.intersection(result.entry_ids))
            flag = _benzo_flag(medication.name, taper_label, same=same)
            flags.append(flag)
            if same:
                result = as_taper_drug(result, taper_label)
            else:
                benzo_ids.update(result.entry_ids)
                benzo_names.append(medication.name)
            result = flagged(result, flag.message)
        names.append(medication.name)
        results.append(result)
    if benzo_ids or benzo_names:
        for rule in rules:
            found = _rule_flag(rule, names, results, benzo_ids, benzo_names)
            if found is not None:
                flags.append(found)
                results = [
                    flagged(r, found.message) if n in found.items else r
                    for n, r in zip(names, results, strict=True)
                ]
    return RegimenCheck(results=tuple(results), flags=tuple(flags))


def _check_one(checker: Checker, name: str) -> CheckResult:
    """One medication's answer; a blank name (never saved, but imported files vary) is
    not covered rather than an error that would lose the rest of the list."""
    try:
        return checker.check(name)
    except InputError as error:
        return CheckResult(name, Level.NOT_COVERED, None, notes=(str(error),))


def _rule_flag(
    rule: RegimenRule,
    names: list[str],
    results: list[CheckResult],
    benzo_ids: set[str],
    benzo_names: list[str],
) -> RegimenFlag | None:
    """The flag a rule raises for the list, naming every medication it is about."""
    concerned = sorted(rule.taper_drugs & benzo_ids) if rule.taper_drugs else benzo_names
    if not concerned:
        return None
    items = tuple(
        name
        for name, result in zip(names, results, strict=True)
        if not result.taper_drug and rule.matches(result.categories, result.entry_ids)
    )
    if not items:
        return None
    message = rule.message.format(items=", ".join(items), taper=", ".join(concerned))
    return RegimenFlag(rule.code, rule.level, items, message, rule.source)


def _benzo_flag(name: str, taper_label: str, *, same: bool) -> RegimenFlag:
    if not taper_label:
        message = (
            f"{name} is a benzodiazepine or Z-drug: if it is what you are tapering, add it to "
            "your taper plan; otherwise raise it with your prescriber."
        )
        code = "benzodiazepine_without_plan"
    elif same:
        message = (
            f"{name} is the same medicine as your taper drug ({taper_label}): make sure it is "
            "counted in the taper, not taken on top of it."
        )
        code = "taper_drug_again"
    else:
        message = (
            f"A second benzodiazepine or a Z-drug alongside your taper drug ({taper_label}): "
            "raise it with your prescriber."
        )
        code = "second_benzodiazepine"
    return RegimenFlag(
        code=code, level=Level.CAUTION, items=(name,), message=message, source=TAPER_SOURCE
    )
