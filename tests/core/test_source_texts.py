"""The bundled source documents: every citation the app shows opens a real passage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.errors import DataError
from benzoapp.core.source_texts import (
    OPENING,
    Citation,
    SourceLibrary,
    load_source_library,
    parse_source_library,
)
from benzoapp.paths import resource_path

LIBRARY = load_source_library()


def _cited_sections() -> set[tuple[str, str]]:
    """Every (document, section) the knowledge base and the journal files cite."""
    found: set[tuple[str, str]] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("document"), str) and isinstance(node.get("section"), str):
                found.add((node["document"], node["section"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for folder in ("cautions", "journal"):
        for path in resource_path(folder).glob("*.json"):
            walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_the_three_documents_are_bundled_with_their_titles() -> None:
    assert set(LIBRARY.documents) == {"mecfs-overlap", "muscular-effects", "induced-symptoms"}
    for document in LIBRARY.documents.values():
        assert document.title
        assert len(document.text) > 3000
        assert document.sections


def test_every_section_cited_by_the_data_is_found_in_its_document() -> None:
    cited = _cited_sections()
    assert len(cited) >= 12
    for document, section in sorted(cited):
        passage = LIBRARY.get(document).passage(section)
        assert passage.found, (document, section)
        assert passage.start <= passage.focus < passage.end


def test_the_knowledge_base_lists_the_same_documents_and_headings() -> None:
    kb = json.loads(resource_path("cautions", "knowledge_base.json").read_text("utf-8"))
    for ident, entry in kb["documents"].items():
        shipped = LIBRARY.get(ident)
        assert entry["title"] == shipped.title
        assert set(entry["sections"]) - {OPENING} <= set(shipped.sections)


def test_a_heading_opens_its_whole_section_and_no_more() -> None:
    document = LIBRARY.get("muscular-effects")
    passage = document.passage("What to Avoid")
    text = document.text[passage.start : passage.end]
    assert text.startswith("What to Avoid")
    assert "Epsom" in text
    assert "Coping Strategies" not in text
    assert "Add Your Voice" not in text


def test_a_numbered_pointer_inside_a_section_is_shown_first() -> None:
    document = LIBRARY.get("induced-symptoms")
    passage = document.passage(
        "Benzodiazepine-Induced or Increased Symptoms (3) central sensitization"
    )
    assert passage.heading == "Benzodiazepine-Induced or Increased Symptoms"
    assert document.text[passage.focus :].startswith("(3) Central sensitization")


def test_a_phrase_opens_the_section_it_lies_in() -> None:
    document = LIBRARY.get("induced-symptoms")
    passage = document.passage("kindling")
    assert document.text[passage.focus :].lower().startswith("kindling")
    assert passage.heading == "Benzodiazepine-Induced or Increased Symptoms"


def test_the_opening_paragraph_is_the_text_before_the_first_heading() -> None:
    document = LIBRARY.get("muscular-effects")
    passage = document.passage(OPENING)
    assert passage.start == 0
    assert passage.found
    assert document.text[: passage.end].strip().startswith("Benzodiazepines")
    assert "Muscular Effects During Withdrawal" not in document.text[: passage.end]


def test_an_unknown_section_falls_back_to_the_start_and_says_so() -> None:
    passage = LIBRARY.get("mecfs-overlap").passage("No Such Heading Anywhere")
    assert not passage.found
    assert passage.focus == 0


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("muscular-effects, What to Avoid", [Citation("muscular-effects", "What to Avoid")]),
        (
            "mecfs-overlap, “What the Label Should Be”",
            [Citation("mecfs-overlap", "What the Label Should Be")],
        ),
        (
            "induced-symptoms (kindling); muscular-effects (GABAergic medications)",
            [
                Citation("induced-symptoms", "kindling"),
                Citation("muscular-effects", "GABAergic medications"),
            ],
        ),
        ("from beyond the three documents: FDA boxed warning (2020)", []),
        ("mecfs-overlap", [Citation("mecfs-overlap", "")]),
    ],
)
def test_source_labels_are_read_into_citations(label: str, expected: list[Citation]) -> None:
    assert list(LIBRARY.citations_in(label)) == expected


@given(
    document=st.sampled_from(sorted(LIBRARY.documents)),
    shape=st.sampled_from(["{d}, {s}", "{d}, “{s}”", "{d} ({s})", "see {d}, {s}; other"]),
    data=st.data(),
)
def test_any_heading_in_any_label_shape_opens_that_heading(
    document: str, shape: str, data: st.DataObject
) -> None:
    heading = data.draw(st.sampled_from(LIBRARY.get(document).sections))
    citations = LIBRARY.citations_in(shape.format(d=document, s=heading))
    assert citations[0] == Citation(document, heading)
    passage = LIBRARY.get(document).passage(citations[0].section)
    assert passage.found
    assert passage.heading == heading


@given(st.text(max_size=200))
def test_any_label_is_read_without_error_and_every_citation_resolves(label: str) -> None:
    for citation in LIBRARY.citations_in(label):
        passage = LIBRARY.get(citation.document).passage(citation.section)
        assert 0 <= passage.start <= passage.focus <= passage.end


def test_a_heading_missing_from_its_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Intro\nReal Heading\nbody\n", encoding="utf-8")
    manifest = {"documents": {"a": {"title": "A", "file": "a.txt", "sections": ["Gone"]}}}
    with pytest.raises(DataError, match="Gone"):
        parse_source_library(manifest, tmp_path)


def test_an_unknown_document_is_a_clear_error() -> None:
    with pytest.raises(DataError, match="no source document"):
        SourceLibrary(LIBRARY.documents).get("nope")


@given(
    heading=st.sampled_from(
        [
            ("induced-symptoms", "Benzodiazepine-Induced or Increased Symptoms"),
            ("muscular-effects", "What to Avoid"),
            ("mecfs-overlap", "How ME/CFS Is Currently Defined"),
        ]
    ),
    pointer=st.sampled_from(["", ", point 3: central sensitization and kindling", ", point 2"]),
)
def test_a_heading_in_brackets_with_a_pointer_after_it_is_found(
    heading: tuple[str, str], pointer: str
) -> None:
    """``doc (Heading), point 3: words`` (the shape of the kindling warning's source)
    opens at that heading, not at the start of the document."""
    document, section = heading
    library = load_source_library()
    (citation,) = library.citations_in(f"{document} ({section}){pointer}")
    passage = library.get(document).passage(citation.section)
    assert passage.found
    assert passage.heading == section


def test_every_taper_warning_source_naming_a_document_is_found() -> None:
    from benzoapp.core.taper import pace, warnings

    library = load_source_library()
    sources = [
        value
        for module in (warnings, pace)
        for name, value in vars(module).items()
        if not name.startswith("__")
        and isinstance(value, str)
        and any(doc in value for doc in library.documents)
    ]
    assert sources
    for source in sources:
        for citation in library.citations_in(source):
            assert library.get(citation.document).passage(citation.section).found, source
