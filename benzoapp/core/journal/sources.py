"""Where each piece of journal guidance comes from, and strict readers for its JSON files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benzoapp.core.errors import DataError

DOCUMENTS: tuple[str, ...] = ("mecfs-overlap", "muscular-effects", "induced-symptoms")


@dataclass(frozen=True)
class Source:
    """A source document and section, or a reference from beyond the three documents."""

    document: str = ""  # one of DOCUMENTS, or "" for an outside reference
    section: str = ""
    reference: str = ""  # e.g. "ASAM 2025 Rec. 11"

    @property
    def text(self) -> str:
        """How the source is shown beside the advice it supports."""
        if self.reference:
            return f"{self.reference} (beyond the three source documents)"
        return f"{self.document}, “{self.section}”"


def read_json_object(path: Path) -> dict[str, Any]:
    """Read a bundled JSON file that must hold an object, with a clear error if not."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataError(f"{path.name} cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise DataError(f"{path.name} must hold a JSON object")
    return data


def text_field(entry: Any, key: str, where: str) -> str:
    """A required non-empty string field of an entry."""
    if not isinstance(entry, dict):
        raise DataError(f"{where} must be an object")
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where} needs a non-empty text '{key}'")
    return value.strip()


def list_field(entry: dict[str, Any], key: str, where: str) -> list[Any]:
    """A required list field (it may be empty)."""
    value = entry.get(key)
    if not isinstance(value, list):
        raise DataError(f"{where} needs a list '{key}'")
    return value


def sources_field(entry: dict[str, Any], where: str) -> tuple[Source, ...]:
    """The entry's sources: at least one, each a known document and section or a reference."""
    raw = list_field(entry, "sources", where)
    if not raw:
        raise DataError(f"{where} names no source")
    found = []
    for n, item in enumerate(raw, 1):
        place = f"{where} source {n}"
        if isinstance(item, dict) and "reference" in item:
            found.append(Source(reference=text_field(item, "reference", place)))
            continue
        document = text_field(item, "document", place)
        if document not in DOCUMENTS:
            raise DataError(f"{place} names an unknown document '{document}'")
        found.append(Source(document=document, section=text_field(item, "section", place)))
    return tuple(found)


def unique_ids(entries: list[Any], what: str, file: str) -> list[tuple[str, dict[str, Any]]]:
    """Pair each entry with its id, refusing missing or repeated ids."""
    seen: set[str] = set()
    paired = []
    for n, entry in enumerate(entries, 1):
        ident = text_field(entry, "id", f"{file}: {what} {n}")
        if ident in seen:
            raise DataError(f"{file}: {what} '{ident}' appears twice")
        seen.add(ident)
        paired.append((ident, entry))
    return paired
