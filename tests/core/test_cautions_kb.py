"""Loading the knowledge base: the real files pass, and each kind of slip is refused with
a message naming the bad entry."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from benzoapp.core.cautions import Level, load_knowledge_base, parse_knowledge_base, strictest
from benzoapp.core.drugs import load_catalog
from benzoapp.core.errors import DataError
from benzoapp.paths import resource_path

# The source documents live beside the project (../shared/sources), not inside it.
SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "sources"


@pytest.fixture(scope="module")
def raw() -> tuple[dict[str, Any], dict[str, Any]]:
    folder = resource_path("cautions")
    return (
        json.loads((folder / "knowledge_base.json").read_text(encoding="utf-8")),
        json.loads((folder / "products.json").read_text(encoding="utf-8")),
    )


def test_the_bundled_knowledge_base_loads() -> None:
    kb = load_knowledge_base()
    assert len(kb.entries) >= 100
    assert set(kb.documents) == {"mecfs-overlap", "muscular-effects", "induced-symptoms"}
    for entry in kb.entries.values():
        assert entry.level is Level.NOT_COVERED or entry.reasons, entry.id


def test_every_document_section_cited_is_a_real_heading_of_that_document() -> None:
    kb = load_knowledge_base()
    files = {
        "muscular-effects": "001_781d9af551d0af86.txt",
        "mecfs-overlap": "000_8be082a696840c8c.txt",
        "induced-symptoms": "002_654ce544d6056cf1.txt",
    }
    folder = SOURCES
    if not folder.is_dir():
        pytest.skip("source documents not present on this machine")
    for document, sections in kb.documents.items():
        text = (folder / files[document]).read_text(encoding="utf-8")
        for section in sections:
            assert section == "opening paragraph" or section in text, (document, section)


def test_entries_and_products_may_be_loaded_from_another_folder(tmp_path: Path, raw: Any) -> None:
    kb_raw, products_raw = raw
    (tmp_path / "knowledge_base.json").write_text(json.dumps(kb_raw), encoding="utf-8")
    (tmp_path / "products.json").write_text(json.dumps(products_raw), encoding="utf-8")
    with pytest.raises(DataError, match=r"known_not_covered\.json: the file is missing"):
        load_knowledge_base(tmp_path)
    known = {"medicines": [{"id": "x", "names": ["xylotest"], "class": "a test", "source": "t"}]}
    (tmp_path / "known_not_covered.json").write_text(json.dumps(known), encoding="utf-8")
    entries = load_knowledge_base(tmp_path).entries
    catalog_only = set(load_catalog().drugs) - {e["id"] for e in kb_raw["entries"]}
    assert len(entries) == len(kb_raw["entries"]) + len(catalog_only) + 1
    assert entries["x"].level is Level.NOT_COVERED


def _broken(raw: Any, entry_id: str, **changes: Any) -> dict[str, Any]:
    kb_raw = copy.deepcopy(raw[0])
    for entry in kb_raw["entries"]:
        if entry["id"] == entry_id:
            entry.update(changes)
    return kb_raw


@pytest.mark.parametrize(
    ("entry_id", "changes", "message"),
    [
        ("valerian", {"level": "fine"}, "entry 'valerian': level 'fine'"),
        ("pacing", {"reasons": []}, "entry 'pacing': level 'supportive' needs at least one"),
        (
            "acupuncture",
            {"reasons": [{"text": "x", "source": {"document": "ashton", "section": "?"}}]},
            "entry 'acupuncture', reason 1: unknown document 'ashton'",
        ),
        (
            "acupuncture",
            {
                "reasons": [
                    {"text": "x", "source": {"document": "muscular-effects", "section": "Diet"}}
                ]
            },
            "document 'muscular-effects' has no section 'Diet'",
        ),
        (
            "alcohol",
            {"reasons": [{"text": "x", "source": {"outside": True}}]},
            "entry 'alcohol', reason 1: an outside source needs a 'citation'",
        ),
        (
            "kava",
            {"brands": [{"name": "Advil", "countries": ["US"]}]},
            "name 'Advil' is already used by knowledge base entry 'kava'",
        ),
        ("kava", {"brands": [{"name": "Kavo", "countries": ["FR"]}]}, "brand 'Kavo': countries"),
        ("kava", {"names": []}, "entry 'kava': 'names' must not be empty"),
        ("kava", {"colour": "green"}, "entry 'kava': unknown field(s) ['colour']"),
        ("clonidine", {"not_to_confuse_with": ["nothing"]}, "unknown entry 'nothing'"),
    ],
)
def test_a_bad_entry_is_refused_with_its_name(
    raw: Any, entry_id: str, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(DataError, match=None) as error:
        parse_knowledge_base(_broken(raw, entry_id, **changes), raw[1])
    assert message in str(error.value)


def test_a_product_with_an_unknown_ingredient_is_refused(raw: Any) -> None:
    products = copy.deepcopy(raw[1])
    products["products"][0]["readings"][0]["ingredients"].append("unobtainium")
    with pytest.raises(DataError, match=r"product 'tylenol-pm': ingredient\(s\) \['unobtainium'\]"):
        parse_knowledge_base(raw[0], products)


def test_a_duplicate_id_is_refused(raw: Any) -> None:
    kb_raw = copy.deepcopy(raw[0])
    kb_raw["entries"].append(copy.deepcopy(kb_raw["entries"][0]))
    with pytest.raises(DataError, match="the id is used twice"):
        parse_knowledge_base(kb_raw, raw[1])


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "knowledge_base.json").write_text("{", encoding="utf-8")
    (tmp_path / "products.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DataError, match=r"knowledge_base\.json: not valid JSON"):
        load_knowledge_base(tmp_path)


def test_strictest_level_order() -> None:
    assert strictest([Level.SUPPORTIVE, Level.AVOID, Level.MIXED]) is Level.AVOID
    assert strictest([Level.MIXED, Level.CAUTION]) is Level.CAUTION
    assert strictest([Level.SUPPORTIVE, Level.MIXED]) is Level.MIXED
    assert strictest([Level.SUPPORTIVE, Level.NOT_COVERED]) is Level.NOT_COVERED
    assert strictest([Level.NOT_COVERED, Level.MIXED]) is Level.MIXED
    assert strictest([]) is Level.NOT_COVERED


def test_outside_reasons_never_cite_a_source_document(raw: Any) -> None:
    for entry in raw[0]["entries"]:
        for reason in entry["reasons"]:
            source = reason["source"]
            assert ("document" in source) != bool(source.get("outside")), entry["id"]
