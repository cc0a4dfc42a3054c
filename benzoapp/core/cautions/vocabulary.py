"""One vocabulary: the drug catalog's benzodiazepines and Z-drugs, placed in the checker.

The taper engine plans from ``resources/drugs/drugs.json``; the checker must know every
drug it can plan, by every name and brand the catalog gives, with its class. Rather than
a second hand-kept list, each catalog drug becomes (or completes) a knowledge-base entry
here: its generic name and brands (modified-release products included) come from the
catalog, its level and cited reasons from the knowledge base's class entry for its class
(benzodiazepines, Z-drugs). The knowledge base keeps only what the catalog does not
have: misspellings people type, and reasons particular to one drug.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import replace

from benzoapp.core.cautions.kb import Brand, Entry
from benzoapp.core.cautions.normalise import fold
from benzoapp.core.drugs import Drug, DrugCatalog
from benzoapp.core.errors import DataError

# The knowledge-base class entry whose level and reasons a catalog drug of each class takes.
CLASS_ENTRIES = {"benzodiazepine": "benzodiazepines", "z-drug": "z-drugs"}
GABAERGIC = "gabaergic-medication"


def catalog_names(drug: Drug) -> tuple[str, ...]:
    """Every name the catalog gives a drug besides its generic: brands, then the names of
    its modified-release products ("Xanax XR", "alprazolam ER")."""
    names = [*drug.brands]
    for form in drug.modified_release:
        names.extend((*form.brands, *form.names))
    return tuple(dict.fromkeys(names))


def add_catalog(entries: MutableMapping[str, Entry], catalog: DrugCatalog) -> None:
    """Place every catalog drug in ``entries``: complete its entry, or make one from its
    class entry. A catalog name another entry already uses stops loading, naming both."""
    owner = {
        fold(name): entry.id
        for entry in entries.values()
        for name in (*entry.names, *entry.synonyms, *(b.name for b in entry.brands))
    }
    for drug in catalog.drugs.values():
        class_id = CLASS_ENTRIES.get(drug.drug_class)
        if class_id is None or class_id not in entries:
            raise DataError(
                f"drug {drug.id!r}: no knowledge-base class entry for {drug.drug_class!r}"
            )
        template = entries[class_id]
        entry = entries.get(drug.id) or Entry(
            id=drug.id,
            kind="substance",
            names=(drug.id,),
            brands=(),
            synonyms=(),
            category_words=(),
            categories=(drug.drug_class, GABAERGIC),
            level=template.level,
            reasons=template.reasons,
        )
        new: list[Brand] = []
        for name in (drug.id, *catalog_names(drug)):
            holder = owner.get(fold(name))
            if holder is None:
                owner[fold(name)] = drug.id
                if fold(name) != fold(drug.id):
                    new.append(Brand(name, ()))
            elif holder != drug.id:
                raise DataError(
                    f"drug {drug.id!r}: the catalog name {name!r} is already used by "
                    f"knowledge base entry {holder!r}"
                )
        entries[drug.id] = replace(entry, brands=(*entry.brands, *new))
