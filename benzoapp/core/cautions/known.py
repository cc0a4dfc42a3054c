"""Known medicines the documents do not cover, read from ``known_not_covered.json``.

Naming them is what keeps a real medicine from being read as a close spelling of a
look-alike in the knowledge base (fluoxetine is not Floxin, Dramamine is not Dalmane):
typing one says plainly that the documents do not cover it.
"""

from __future__ import annotations

from typing import Any

from benzoapp.core.cautions.kb import KNOWN_KIND, Brand, Entry, Level, _strings, identify
from benzoapp.core.errors import DataError

_KNOWN_KEYS = {"id", "names", "brands", "class", "source"}


def parse_known(raw: Any) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The known medicines as not_covered entries, and the name stems, validated."""
    if not isinstance(raw, dict) or not isinstance(raw.get("medicines"), list):
        raise DataError("known medicines: expected an object with a 'medicines' list")
    stems_raw = raw.get("stems", [])
    if not isinstance(stems_raw, list):
        raise DataError("known medicines: 'stems' must be a list")
    entries = tuple(_known(item, index) for index, item in enumerate(raw["medicines"]))
    return entries, _stems(stems_raw)


def _known(raw: Any, index: int) -> Entry:
    """A known medicine the documents do not cover, as a not_covered entry.

    What it is (its class) comes from beyond the three documents, so the note saying so
    carries its source.
    """
    ident, where = identify(raw, index, "known medicine", _KNOWN_KEYS)
    drug_class, source = raw.get("class"), raw.get("source")
    if not isinstance(drug_class, str) or not drug_class.strip():
        raise DataError(f"{where}: needs a 'class' saying what it is")
    if not isinstance(source, str) or not source.strip():
        raise DataError(f"{where}: needs a 'source'")
    names = _strings(raw.get("names"), where, "names", required=True)
    note = f"{names[0]} is {drug_class} (from beyond the three documents: {source})."
    return Entry(
        id=ident,
        kind=KNOWN_KIND,
        names=names,
        brands=tuple(Brand(b, ()) for b in _strings(raw.get("brands"), where, "brands")),
        synonyms=(),
        category_words=(),
        categories=("not-covered",),
        level=Level.NOT_COVERED,
        reasons=(),
        notes=(note,),
        drug_class=drug_class,
    )


def _stems(raw: Any) -> tuple[str, ...]:
    stems = []
    for n, item in enumerate(raw, start=1):
        stem = item.get("stem") if isinstance(item, dict) else None
        if not isinstance(stem, str) or not stem.isalpha() or stem != stem.lower():
            raise DataError(f"known medicines, stem #{n}: needs a 'stem' in lower-case letters")
        if not isinstance(item.get("source"), str) or not item["source"].strip():
            raise DataError(f"known medicines, stem {stem!r}: needs a 'source'")
        stems.append(stem)
    return tuple(stems)
