"""The journal's symptom catalogue: domains and symptoms from the source documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benzoapp.core.errors import DataError, InputError
from benzoapp.core.journal.sources import (
    Source,
    list_field,
    read_json_object,
    sources_field,
    text_field,
    unique_ids,
)

OWN_DOMAIN = "own"
OWN_PREFIX = "own:"
FILE = "symptoms.json"


@dataclass(frozen=True)
class Domain:
    """A group of symptoms the documents describe together, e.g. pain and muscle symptoms."""

    id: str
    label: str
    description: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Symptom:
    """One thing the person rates 0-10 each day."""

    id: str
    domain: str
    label: str
    description: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Catalogue:
    """All domains and the catalogue's symptoms, in the order the journal shows them."""

    domains: tuple[Domain, ...]
    symptoms: tuple[Symptom, ...]

    def symptom(self, symptom_id: str) -> Symptom | None:
        """The catalogue symptom with this id (None for the person's own symptoms)."""
        return next((s for s in self.symptoms if s.id == symptom_id), None)

    def label(self, symptom_id: str) -> str:
        """A readable name for any symptom id, the person's own included."""
        found = self.symptom(symptom_id)
        if found:
            return found.label
        if symptom_id.startswith(OWN_PREFIX):
            return symptom_id[len(OWN_PREFIX) :].replace("_", " ").capitalize()
        return symptom_id

    def in_domain(self, domain_id: str) -> tuple[Symptom, ...]:
        return tuple(s for s in self.symptoms if s.domain == domain_id)


def own_symptom_id(label: str) -> str:
    """A stable id for a symptom the person names themselves, e.g. 'own:tinnitus'."""
    slug = re.sub(r"[^a-z0-9]+", "_", label.strip().lower()).strip("_")
    if not slug:
        raise InputError(f"'{label}' is not usable as a symptom name: use letters or digits")
    return OWN_PREFIX + slug


def parse_catalogue(data: dict[str, Any]) -> Catalogue:
    """Check and convert the catalogue's JSON; errors name the bad entry."""
    domains = []
    for ident, entry in unique_ids(list_field(data, "domains", FILE), "domain", FILE):
        where = f"{FILE}: domain '{ident}'"
        domains.append(
            Domain(
                id=ident,
                label=text_field(entry, "label", where),
                description=text_field(entry, "description", where),
                sources=sources_field(entry, where),
            )
        )
    if OWN_DOMAIN not in {d.id for d in domains}:
        raise DataError(
            f"{FILE}: the domain '{OWN_DOMAIN}' for the person's own symptoms is missing"
        )
    known = {d.id for d in domains}
    symptoms = []
    for ident, entry in unique_ids(list_field(data, "symptoms", FILE), "symptom", FILE):
        where = f"{FILE}: symptom '{ident}'"
        if ident.startswith(OWN_PREFIX):
            raise DataError(f"{where}: ids starting '{OWN_PREFIX}' are kept for the person's own")
        domain = text_field(entry, "domain", where)
        if domain not in known:
            raise DataError(f"{where} names an unknown domain '{domain}'")
        symptoms.append(
            Symptom(
                id=ident,
                domain=domain,
                label=text_field(entry, "label", where),
                description=text_field(entry, "description", where),
                sources=sources_field(entry, where),
            )
        )
    empty = [
        d.id for d in domains if d.id != OWN_DOMAIN and not any(s.domain == d.id for s in symptoms)
    ]
    if empty:
        raise DataError(f"{FILE}: domain '{empty[0]}' has no symptoms")
    return Catalogue(domains=tuple(domains), symptoms=tuple(symptoms))


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The bundled symptom catalogue (or the file given), validated."""
    if path is None:
        from benzoapp.paths import resource_path

        path = resource_path("journal", FILE)
    return parse_catalogue(read_json_object(path))
