"""Choosing, per drug, the formulation a plan measures doses with."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import Drug, DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.formulation import Formulation, Measuring
from benzoapp.core.model import Form, PlanSettings, PlanWarning, TabletStrength, WarningLevel
from benzoapp.core.taper.release import form_note, release_forms, whole_tablets

_DATA = "BenzoApp drug data (resources/drugs/drugs.json)"


def measuring(settings: PlanSettings) -> Measuring:
    """The scale, tablet mass and syringe of the settings, the defaults where unset."""
    default = Measuring()
    for name, value in (
        ("tablet mass", settings.tablet_mass_mg),
        ("scale resolution", settings.scale_resolution_mg),
        ("syringe graduation", settings.syringe_step_ml),
    ):
        if value is not None and value <= 0:
            raise InputError(f"The {name} must be more than 0, not {fmt(value)}.")
    return Measuring(
        settings.tablet_mass_mg or default.tablet_mass_mg,
        settings.scale_resolution_mg or default.scale_resolution_mg,
        settings.syringe_step_ml or default.syringe_step_ml,
    )


def formulations(
    drugs: Iterable[str], settings: PlanSettings, catalog: DrugCatalog, taper_drug: str | None
) -> tuple[dict[str, Formulation], list[PlanWarning]]:
    """One Formulation per drug: the person's own tablets first, else the products of the
    chosen country (the common strengths when no country is chosen or none is on record).

    A given liquid strength applies to the drug being tapered; a drug with no liquid on
    record (in that country) is planned in tablets, and a warning says so. A drug taken
    as a modified-release product (Xanax XR) is planned in its whole tablets only,
    whatever form was chosen. A final dose the form cannot make is named in a warning
    with the nearest one it can.
    """
    forms: dict[str, Formulation] = {}
    notes: list[PlanWarning] = []
    releases = release_forms(settings, catalog)
    measure = measuring(settings)
    country = settings.country
    for t in settings.tablets:
        if t.mg <= 0 or t.max_split not in (1, 2, 4):
            raise InputError(
                f"Tablet {t.drug} {t.mg} mg: strength must be above 0 and splits 1, 2 or 4."
            )
    for drug_id in drugs:
        drug = catalog.drugs[drug_id]
        own = tuple(t for t in settings.tablets if catalog.get(t.drug).id == drug_id)
        release = releases.get(drug_id)
        if release is not None:
            tablets = whole_tablets(release, own)
            forms[drug_id] = Formulation(drug_id, Form.TABLET, tablets, product=release.short)
            notes.append(form_note(release, settings.form, tablets))
            continue
        if not own and country is not None and not drug.has_solids_in(country):
            notes.append(_no_products_note(drug, country))
        tablets = own or tuple(
            TabletStrength(drug_id, t.mg, t.max_split) for t in drug.tablets_in(country)
        )
        form = settings.form
        conc = None
        if form is Form.LIQUID:
            liquids = drug.liquids_in(country)
            if settings.liquid_mg_per_ml is not None and drug_id == taper_drug:
                conc = settings.liquid_mg_per_ml
            elif liquids:
                conc = liquids[0].mg_per_ml
            else:
                form = Form.TABLET
                where = f" in {country}" if country else ""
                notes.append(
                    PlanWarning(
                        code="form_fallback",
                        level=WarningLevel.INFO,
                        message=(
                            f"No oral liquid of {drug_id} is on record{where}, so its doses "
                            "are planned in tablets."
                        ),
                        source=_DATA,
                    )
                )
        forms[drug_id] = Formulation(drug_id, form, tablets, conc, measuring=measure)
    if settings.final_dose_mg is not None and taper_drug in forms:
        note = final_dose_note(settings.final_dose_mg, forms[taper_drug])
        if note is not None:
            notes.append(note)
    return forms, notes


def _no_products_note(drug: Drug, country: str) -> PlanWarning:
    strengths = ", ".join(fmt(t.mg) for t in drug.tablets)
    return PlanWarning(
        code="no_country_products",
        level=WarningLevel.CAUTION,
        message=(
            f"No {drug.id} tablets or capsules sold in {country} are on record, so the plan "
            f"uses the common strengths ({strengths} mg): check with your pharmacist what "
            "you can get, and enter your own tablets if they differ."
        ),
        source=_DATA,
    )


def final_dose_note(final: Decimal, form: Formulation) -> PlanWarning | None:
    """A warning naming a final dose the form cannot make, and the nearest one it can."""
    if final <= 0 or form.can_make(final):
        return None
    nearest = max(form.nearest(final), form.smallest())
    below = form.at_or_below(final)
    # The plan stops a dose at or below the final dose, so say which that is when it is
    # not the nearest (0.25 mg in 0.1 ml of 1 mg/ml: nearest 0.3, the stop from 0.2).
    stops = (
        f" The plan stops a dose at or below {fmt(final)} mg; the largest such dose that "
        f"can be made is {fmt(below)} mg."
        if below > 0 and below != nearest
        else ""
    )
    return PlanWarning(
        code="final_dose_not_makeable",
        level=WarningLevel.CAUTION,
        message=(
            f"The final dose you asked for, {fmt(final)} mg of {form.drug}, cannot be made "
            f"with the chosen form; the nearest dose that can be made is {fmt(nearest)} mg."
            f"{stops}"
        ),
        source="BenzoApp formulation check",
    )
