"""Choosing, per drug, the formulation a plan measures doses with."""

from __future__ import annotations

from collections.abc import Iterable

from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import Form, PlanSettings, PlanWarning, TabletStrength, WarningLevel
from benzoapp.core.taper.release import form_note, release_forms, whole_tablets


def formulations(
    drugs: Iterable[str], settings: PlanSettings, catalog: DrugCatalog, taper_drug: str | None
) -> tuple[dict[str, Formulation], list[PlanWarning]]:
    """One Formulation per drug: the person's own tablets first, else the common strengths.

    A given liquid strength applies to the drug being tapered; a drug with no liquid on
    record is planned in tablets, and a warning says so. A drug taken as a modified-release
    product (Xanax XR) is planned in its whole tablets only, whatever form was chosen.
    """
    forms: dict[str, Formulation] = {}
    notes: list[PlanWarning] = []
    releases = release_forms(settings, catalog)
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
        tablets = own or tuple(TabletStrength(drug_id, t.mg, t.max_split) for t in drug.tablets)
        form = settings.form
        conc = None
        if form is Form.LIQUID:
            if settings.liquid_mg_per_ml is not None and drug_id == taper_drug:
                conc = settings.liquid_mg_per_ml
            elif drug.liquids:
                conc = drug.liquids[0].mg_per_ml
            else:
                form = Form.TABLET
                notes.append(
                    PlanWarning(
                        code="form_fallback",
                        level=WarningLevel.INFO,
                        message=(
                            f"No oral liquid of {drug_id} is on record, so its doses are "
                            "planned in tablets."
                        ),
                        source="BenzoApp drug data (resources/drugs/drugs.json)",
                    )
                )
        forms[drug_id] = Formulation(drug_id, form, tablets, conc)
    return forms, notes
