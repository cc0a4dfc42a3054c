"""One vocabulary: every drug the taper engine can plan is placed by the checker."""

from __future__ import annotations

import copy

import pytest

from benzoapp.core.cautions import Checker, Level, load_knowledge_base, parse_knowledge_base
from benzoapp.core.cautions.kb import read_knowledge_files
from benzoapp.core.cautions.vocabulary import catalog_names
from benzoapp.core.drugs import load_catalog
from benzoapp.core.errors import DataError

CATALOG = load_catalog()
CHECKER = Checker(load_knowledge_base())
EVERY_NAME = [
    (drug.id, name)
    for drug in CATALOG.drugs.values()
    for name in (drug.id, drug.id.upper(), *catalog_names(drug))
]


def test_the_walk_covers_every_drug_of_the_catalog() -> None:
    assert {drug_id for drug_id, _ in EVERY_NAME} == set(CATALOG.drugs)
    assert len(CATALOG.drugs) >= 28


@pytest.mark.parametrize(("drug_id", "name"), EVERY_NAME)
def test_every_catalog_name_is_placed_with_its_class(drug_id: str, name: str) -> None:
    drug = CATALOG.drugs[drug_id]
    result = CHECKER.check(name)
    assert result.entry_ids == (drug_id,), name
    assert drug.drug_class in result.categories
    assert result.level is Level.AVOID
    assert result.reasons  # the class entry's cited reasons


def test_a_catalog_name_used_by_another_entry_stops_loading() -> None:
    kb_raw, products_raw, known_raw = read_knowledge_files()
    kb_raw = copy.deepcopy(kb_raw)
    for entry in kb_raw["entries"]:
        if entry["id"] == "ibuprofen":
            entry["brands"].append({"name": "Rohypnol", "countries": ["US"]})
    with pytest.raises(DataError, match="Rohypnol"):
        parse_knowledge_base(kb_raw, products_raw, known_raw, catalog=CATALOG)


def test_without_the_catalog_the_drugs_it_adds_are_unknown() -> None:
    """The brands come from the catalog alone: the knowledge base keeps no second list."""
    bare = Checker(parse_knowledge_base(*read_knowledge_files()))
    assert bare.check("Rohypnol").level is Level.NOT_COVERED
    assert bare.check("Valium").level is Level.NOT_COVERED
