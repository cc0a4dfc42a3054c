"""Modified-release products (Xanax XR, Ambien CR) in a plan: whole tablets only, said so.

An extended- or controlled-release tablet releases its drug slowly only while it is
whole; split, crushed or cut it releases the dose at once. So such a product is planned
in whole tablets of its own strengths, and where whole tablets cannot make the cuts the
pace asks for, the plan says so and names the options to take to the prescriber,
instead of quietly splitting one.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import SWALLOW_WHOLE, DrugCatalog, ReleaseForm
from benzoapp.core.errors import InputError
from benzoapp.core.model import (
    Form,
    Plan,
    PlanSettings,
    PlanWarning,
    Regimen,
    Step,
    TabletStrength,
    WarningLevel,
)

LONGER_ACTING = "ASAM 2025 Rec. 7 (consider a comparable dose of a longer-acting benzodiazepine)"


def with_regimen_releases(
    regimen: Regimen, settings: PlanSettings, catalog: DrugCatalog
) -> PlanSettings:
    """``settings`` with the modified-release products the regimen names added.

    One drug taken both as its modified-release product and as the ordinary tablet (or
    as two different products) is refused: a plan measures each drug in one form, and
    which form to keep is a choice for the prescriber.
    """
    chosen = {catalog.release_form(r).drug: r for r in settings.modified_release}
    if len(chosen) != len(set(settings.modified_release)):
        raise InputError("Two modified-release products of one drug were chosen; choose one.")
    plain: set[str] = set()
    for dose in regimen.doses:
        drug = catalog.get(dose.drug).id
        if not dose.release:
            plain.add(drug)
            continue
        form = catalog.release_form(dose.release)
        if chosen.get(drug, form.id) != form.id:
            raise InputError(
                f"{drug} is listed as two different modified-release products; "
                "BenzoApp plans one form of each drug."
            )
        chosen[drug] = form.id
    named = {catalog.get(d.drug).id for d in regimen.doses if d.release}
    for drug in sorted(plain & named):
        label = catalog.release_form(chosen[drug]).label
        raise InputError(
            f"{drug} is listed both as {label} and as the ordinary (immediate-release) "
            "tablet. BenzoApp plans one form of each drug: which to keep, or a switch to "
            "a comparable dose of a longer-acting drug such as diazepam, is a choice to "
            f"make with your prescriber. Source: {LONGER_ACTING}."
        )
    merged = tuple(sorted(set(chosen.values())))
    if merged == settings.modified_release:
        return settings
    return replace(settings, modified_release=merged)


def named_releases(regimen: Regimen) -> tuple[str, ...]:
    """The modified-release products the regimen itself names, as sorted product ids."""
    return tuple(sorted({d.release for d in regimen.doses if d.release}))


def settings_for_regimen(regimen: Regimen, settings: PlanSettings) -> PlanSettings:
    """``settings`` planning exactly the modified-release products the regimen names.

    Where the regimen is typed afresh (the Plan page), its text decides: settings carried
    over from a saved XR plan must not keep a product the person no longer writes, or
    "alprazolam 1mg" would still be planned as "1 x 1 mg XR". (The CLI's
    ``--modified-release`` is different: an explicit choice for a plainly written regimen,
    so ``build_plan`` itself only ever adds products.)
    """
    named = named_releases(regimen)
    if named == settings.modified_release:
        return settings
    return replace(settings, modified_release=named)


def settings_for_taking(
    taking: Regimen, settings: PlanSettings, catalog: DrugCatalog
) -> PlanSettings:
    """``settings`` for a re-plan from ``taking``: what is written now decides each drug.

    A drug taken now is planned as the product written ("alprazolam 1mg" is the ordinary
    tablet again, "Xanax XR 1mg" the XR product), as on the Plan page. A drug no longer
    taken (switched away from in a crossover) keeps the product it was taken as, since
    the plan's earlier steps and regimen still show it.
    """
    taken = {catalog.get(d.drug).id for d in taking.doses}
    kept = {f for f in settings.modified_release if catalog.release_form(f).drug not in taken}
    products = tuple(sorted(kept | set(named_releases(taking))))
    if products == settings.modified_release:
        return settings
    return replace(settings, modified_release=products)


def regimen_with_releases(
    regimen: Regimen, settings: PlanSettings, catalog: DrugCatalog
) -> Regimen:
    """``regimen`` with each dose marked as the product the plan measures its drug in.

    A plan keeps the regimen it started from; marked, that regimen written out again
    (the Plan page's text when a saved plan is reopened) names the product, so it reads
    back as the same plan, also when the product was chosen by ``--modified-release``.
    A drug the plan no longer keeps whole (a re-plan from the ordinary tablet) loses its
    mark, so the text does not bring the product back.
    """
    if not settings.modified_release and not any(d.release for d in regimen.doses):
        return regimen
    forms = release_forms(settings, catalog)
    doses = tuple(
        replace(d, release=product)
        if (product := _product_id(forms.get(catalog.get(d.drug).id))) != d.release
        else d
        for d in regimen.doses
    )
    if doses == regimen.doses:
        return regimen
    return replace(regimen, doses=doses)


def _product_id(form: ReleaseForm | None) -> str:
    return form.id if form is not None else ""


def release_forms(settings: PlanSettings, catalog: DrugCatalog) -> dict[str, ReleaseForm]:
    """Per drug id, the modified-release product the plan measures it in."""
    found: dict[str, ReleaseForm] = {}
    for form_id in settings.modified_release:
        form = catalog.release_form(form_id)
        found[form.drug] = form
    return found


def whole_tablets(form: ReleaseForm, own: tuple[TabletStrength, ...]) -> tuple[TabletStrength, ...]:
    """The strengths to plan a modified-release product with: only its own, never split.

    A strength given by the person must be one the product is made in: a plan in
    "0.25 mg XR" tablets would send them to the pharmacy for a tablet that does not exist.
    """
    made = {t.mg for t in form.tablets}
    strengths = ", ".join(fmt(t.mg) for t in form.tablets)
    for t in own:
        if t.mg not in made:
            raise InputError(
                f"{form.title} is made in {strengths} mg tablets only: there is no "
                f"{fmt(t.mg)} mg {form.label} tablet. Give one of those strengths, whole "
                f"(e.g. --tablet {form.drug}:{fmt(form.tablets[0].mg)}), or leave --tablet "
                f"out for {form.drug} to plan with all of them."
            )
        if t.max_split != 1:
            raise InputError(
                f"{form.title} tablets {SWALLOW_WHOLE}: a {fmt(t.mg)} mg tablet split in "
                f"{t.max_split} would release the drug at once. Give the strength as whole "
                f"only (--tablet {form.drug}:{fmt(t.mg)})."
            )
    if own:
        return own
    return tuple(TabletStrength(form.drug, t.mg, 1) for t in form.tablets)


def check_own_strengths(regimen: Regimen, settings: PlanSettings, catalog: DrugCatalog) -> None:
    """Refuse an own ordinary tablet in a strength only the modified-release product has.

    There is no ordinary 12.5 mg zolpidem tablet: a "--tablet zolpidem:12.5:2" is almost
    certainly Ambien CR, and a plan in halves of it would have a controlled-release
    tablet split. A strength neither form is made in is left alone (people do have
    other strengths).
    """
    whole = release_forms(settings, catalog)
    for t in settings.tablets:
        drug = catalog.get(t.drug)
        if drug.id in whole or any(o.mg == t.mg for o in drug.tablets):
            continue
        made = (f for f in drug.modified_release if any(m.mg == t.mg for m in f.tablets))
        form = next(made, None)
        time = next((d.time for d in regimen.doses if catalog.get(d.drug).id == drug.id), None)
        if form is None or time is None:
            continue
        name = form.brands[0] if form.brands else form.label
        ordinary = ", ".join(fmt(o.mg) for o in drug.tablets)
        raise InputError(
            f"There is no ordinary (immediate-release) {fmt(t.mg)} mg {drug.id} tablet "
            f"(those are made in {ordinary} mg): {fmt(t.mg)} mg is made only as {form.title}, "
            f"{_a(form.release)} tablet that {SWALLOW_WHOLE}. If that is what you take, "
            f'name it in the regimen ("{name} {fmt(t.mg)}mg {time}") or add '
            f'--modified-release "{name}", and give the strength whole '
            f"(--tablet {drug.id}:{fmt(t.mg)})."
        )


def form_note(
    form: ReleaseForm, chosen: Form, tablets: tuple[TabletStrength, ...] = ()
) -> PlanWarning:
    """Said once per plan: why this drug is in whole tablets whatever form was chosen.

    ``tablets`` are the strengths planned with (the person's own, if given); without
    them, all the product is made in.
    """
    planned = sorted({t.mg for t in tablets}) or [t.mg for t in form.tablets]
    other = ""
    if chosen is not Form.TABLET:
        other = (
            f" The {chosen.value} form chosen applies to the other drugs only: a "
            f"{chosen.value} form of {form.drug} is immediate-release, a switch to make "
            "with your prescriber, not by this plan."
        )
    return PlanWarning(
        code="modified_release_whole",
        level=WarningLevel.INFO,
        message=(
            f"{form.title} is {_a(form.release)} tablet: it {SWALLOW_WHOLE}. "
            "This plan uses whole tablets only "
            f"({', '.join(fmt(mg) for mg in planned)} mg).{other}"
        ),
        source=form.source,
    )


def release_warnings(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    """Where whole modified-release tablets cannot make the cuts the pace asks for.

    That is: a dose no whole tablets make, steps held longer because no smaller whole
    amount exists, or a last step that stops a whole tablet at once. The warning names
    the options the references support, to decide with the prescriber.
    """
    found: list[PlanWarning] = []
    steps = [s for s in plan.steps if not s.history]
    for form in release_forms(plan.settings, catalog).values():
        reasons: list[str] = []
        for step in steps:
            for dose in step.doses:
                if dose.drug == form.drug and dose.mg > 0 and not dose.makeable:
                    reasons.append(
                        f"{fmt(dose.mg)} mg at {dose.time} (step {step.index + 1}) is not a "
                        f"whole number of {form.label} tablets"
                    )
        held = [s for s in steps if "held" in s.note and any(d.drug == form.drug for d in s.doses)]
        if held:
            reasons.append(
                f"{len(held)} step(s) are held longer than chosen because no smaller whole "
                "amount exists"
            )
        stop = _stop(steps, form.drug)
        if stop is not None:
            index, last = stop
            reasons.append(
                f"the last step (step {index + 1}) stops {fmt(last)} mg at once, as no "
                "smaller whole tablet exists"
            )
        if not reasons:
            continue
        found.append(
            PlanWarning(
                code="modified_release_cuts",
                level=WarningLevel.CAUTION,
                message=(
                    f"Whole {form.label} tablets cannot make the cuts this pace asks for: "
                    f"{'; '.join(reasons)}. Options to decide with your prescriber: "
                    f"switching to immediate-release {form.drug} (tablets that may be split"
                    ", or a liquid where one exists), or a crossover to a comparable dose "
                    "of a long-acting benzodiazepine such as diazepam. Never split, crush "
                    f"or cut {_a(form.release)} tablet to make a smaller dose."
                ),
                source=f"{LONGER_ACTING}; whole-tablet rule: {form.source}",
                # plan-wide, so it shows with the plan's general warnings, not in one row
            )
        )
    return found + _product_only_strengths(plan, catalog)


def _product_only_strengths(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    """A plain dose in a strength only the modified-release product is made in.

    "Ambien 6.25mg" is planned as the ordinary tablet, which cannot make 6.25 mg; the
    person very likely takes Ambien CR. The plan does not switch on a guess (the product
    changes how the dose must be taken), but says how to write it if that is the case.
    """
    found: list[PlanWarning] = []
    whole_only = release_forms(plan.settings, catalog)
    first = next((s for s in plan.steps if not s.history), None)
    if first is None:
        return found
    for dose in plan.regimen.doses:
        drug = catalog.get(dose.drug)
        if dose.release or drug.id in whole_only:
            continue
        planned = [d for d in first.doses if d.drug == drug.id and d.time == dose.time]
        if not planned or planned[0].makeable or any(t.mg == dose.mg for t in drug.tablets):
            continue
        for form in drug.modified_release:
            if all(t.mg != dose.mg for t in form.tablets):
                continue
            name = form.brands[0] if form.brands else form.label
            found.append(
                PlanWarning(
                    code="modified_release_strength",
                    level=WarningLevel.CAUTION,
                    message=(
                        f"{fmt(dose.mg)} mg {drug.id} at {dose.time}: a {fmt(dose.mg)} mg "
                        f"tablet exists only as {form.title}, {_a(form.release)} tablet. As "
                        f"written, the dose is planned in ordinary (immediate-release) "
                        f"{drug.id} tablets, which cannot make it. If you take {name}, "
                        f'write it so ("{name} {fmt(dose.mg)}mg {dose.time}"): the plan '
                        "then keeps its tablets whole."
                    ),
                    source=form.source,
                )
            )
    return found


def _a(word: str) -> str:
    """ "an extended-release", "a controlled-release"."""
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


def _stop(steps: list[Step], drug: str) -> tuple[int, Decimal] | None:
    """The step where ``drug`` goes from some to none while nothing replaces it."""
    for prev, cur in pairwise(steps):
        before = sum((d.mg for d in prev.doses if d.drug == drug), Decimal(0))
        after = sum((d.mg for d in cur.doses if d.drug == drug), Decimal(0))
        if before > 0 and after == 0 and cur.total_mg == 0:
            return cur.index, before
    return None
