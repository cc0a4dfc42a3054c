"""The caution knowledge base: typed entries and products, loaded and validated from JSON.

A pharmacist reviews the JSON files in ``resources/cautions``; this module makes sure a
slip in them (a misspelt level, a section heading that does not exist, a product naming
an unknown ingredient) stops the app with a message naming the bad entry, instead of
quietly showing advice with a broken citation.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benzoapp.core.cautions.normalise import fold
from benzoapp.core.errors import DataError

if TYPE_CHECKING:
    from benzoapp.core.drugs import DrugCatalog

COUNTRIES = frozenset({"US", "UK", "EU", "AU"})
BENZO_CATEGORIES = frozenset({"benzodiazepine", "z-drug"})


class Level(StrEnum):
    """What the documents say, from strictest to most favourable."""

    AVOID = "avoid"
    CAUTION = "caution"
    MIXED = "mixed"  # help for some, harm for others
    SUPPORTIVE = "supportive"  # described as helpful or better tolerated
    NOT_COVERED = "not_covered"  # the documents do not say; never read as safe


# Higher is stricter. not_covered ranks above supportive so that a product with one
# unknown ingredient can never read as supportive.
_STRICTNESS: dict[Level, int] = {
    Level.AVOID: 4,
    Level.CAUTION: 3,
    Level.MIXED: 2,
    Level.NOT_COVERED: 1,
    Level.SUPPORTIVE: 0,
}


def strictest(levels: Iterable[Level]) -> Level:
    """The level a combination reads as: avoid > caution > mixed > not_covered > supportive."""
    chosen = list(levels)
    if not chosen:
        return Level.NOT_COVERED
    return max(chosen, key=_STRICTNESS.__getitem__)


@dataclass(frozen=True)
class Source:
    """Where a reason comes from: a source document and section, or an outside citation."""

    document: str = ""  # id from the sources README, empty for outside sources
    section: str = ""
    citation: str = ""  # full citation for outside sources
    outside: bool = False

    @property
    def label(self) -> str:
        """Short form shown beside a reason, e.g. ``muscular-effects, What to Avoid``."""
        if self.outside:
            return f"from beyond the three documents: {self.citation}"
        return f"{self.document}, {self.section}"


@dataclass(frozen=True)
class KbReason:
    """One paraphrased statement and its source."""

    text: str
    source: Source


@dataclass(frozen=True)
class Brand:
    """A brand name and the regions where it is used."""

    name: str
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One substance, class, therapy or food, with its level and cited reasons."""

    id: str
    kind: str
    names: tuple[str, ...]
    brands: tuple[Brand, ...]
    synonyms: tuple[str, ...]
    category_words: tuple[str, ...]
    categories: tuple[str, ...]
    level: Level
    reasons: tuple[KbReason, ...]
    notes: tuple[str, ...] = ()
    route_note: str = ""
    not_to_confuse_with: tuple[str, ...] = ()
    drug_class: str = ""  # what it is in plain words, e.g. "a sedating antihistamine"
    alternatives: tuple[KbReason, ...] = ()  # what the documents suggest instead, cited

    @property
    def title(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Reading:
    """One way to read a product name (a country or product line) and its ingredients."""

    label: str
    ingredients: tuple[str, ...]  # entry ids


@dataclass(frozen=True)
class Product:
    """A combination product or a brand whose contents depend on country or line."""

    id: str
    names: tuple[str, ...]
    countries: tuple[str, ...]
    readings: tuple[Reading, ...]
    source: Source
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the checker knows, validated and cross-referenced.

    ``entries`` also holds the known medicines the documents do not cover (kind
    ``known``, level not_covered): naming them is what keeps a real medicine from being
    read as a close spelling of a look-alike in the knowledge base.
    """

    entries: Mapping[str, Entry]
    products: Mapping[str, Product]
    documents: Mapping[str, tuple[str, ...]]  # document id -> its section headings
    category_labels: Mapping[str, str] = field(default_factory=dict)  # category -> words
    stems: tuple[str, ...] = ()  # generic-name endings that name a group of medicines

    def alternatives_for(self, entry: Entry) -> tuple[KbReason, ...]:
        """What the documents suggest instead of an entry: its own alternatives, else those
        of the class entries it belongs to (a muscle relaxant takes the class's)."""
        if entry.alternatives:
            return entry.alternatives
        found: list[KbReason] = []
        for other in self._classes_with_alternatives:
            if set(other.categories) <= set(entry.categories):
                found.extend(a for a in other.alternatives if a not in found)
        return tuple(found)

    @functools.cached_property
    def _classes_with_alternatives(self) -> tuple[Entry, ...]:
        """The class entries that suggest something instead (looked at on every answer)."""
        return tuple(e for e in self.entries.values() if e.kind == "class" and e.alternatives)

    def what(self, entry: Entry) -> str:
        """What an entry is, in a few plain words ("a benzodiazepine").

        Shown beside every "did you mean" suggestion, so that Dalmane reads as
        flurazepam, a benzodiazepine, and cannot be taken for Dramamine.
        """
        if entry.drug_class:
            return entry.drug_class
        for category in entry.categories:
            label = self.category_labels.get(category)
            if label:
                return label
        return ""


KNOWN_KIND = "known"  # a real medicine the documents do not cover (known_not_covered.json)


_ENTRY_KEYS = {
    "id", "kind", "names", "brands", "synonyms", "category_words", "categories", "level",
    "reasons", "notes", "route_note", "not_to_confuse_with", "class", "alternatives",
}  # fmt: skip

_PRODUCT_KEYS = {"id", "names", "countries", "readings", "source", "notes"}


def _strings(value: Any, where: str, field: str, *, required: bool = False) -> tuple[str, ...]:
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: '{field}' must be a list of non-empty strings")
    if required and not value:
        raise DataError(f"{where}: '{field}' must not be empty")
    return tuple(value)


def _source(raw: Any, where: str, documents: Mapping[str, tuple[str, ...]]) -> Source:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a source must be an object")
    if raw.get("outside") is True:
        citation = raw.get("citation")
        if not isinstance(citation, str) or not citation.strip():
            raise DataError(f"{where}: an outside source needs a 'citation'")
        return Source(citation=citation, outside=True)
    document, section = raw.get("document"), raw.get("section")
    if not isinstance(document, str) or document not in documents:
        raise DataError(
            f"{where}: unknown document {document!r}; use one of {sorted(documents)} "
            "or mark an outside source with 'citation' and 'outside': true"
        )
    if not isinstance(section, str) or section not in documents[document]:
        raise DataError(f"{where}: document {document!r} has no section {section!r}")
    return Source(document=document, section=section)


def _kind_and_class(raw: dict[str, Any], where: str) -> tuple[str, str]:
    """An entry's kind, and its optional 'class' (what it is, in plain words)."""
    kind = raw.get("kind")
    if not isinstance(kind, str) or not kind or kind == KNOWN_KIND:
        raise DataError(
            f"{where}: needs a 'kind' (not {KNOWN_KIND!r}, which is for known medicines)"
        )
    drug_class = raw.get("class", "")
    if not isinstance(drug_class, str):
        raise DataError(f"{where}: 'class' must be text")
    return kind, drug_class


def identify(raw: Any, index: int, noun: str, allowed: set[str]) -> tuple[str, str]:
    """The id of one JSON entry and how to name it in errors; refuses unknown fields.

    Every data file names a bad entry the same way (by id, or by position when the id is
    missing), so a reviewer can find it whichever file it is in.
    """
    ident = raw.get("id") if isinstance(raw, dict) else None
    where = f"{noun} {ident!r}" if ident else f"{noun} #{index + 1}"
    if not isinstance(raw, dict) or not isinstance(ident, str) or not ident.strip():
        raise DataError(f"{where}: needs a non-empty 'id'")
    unknown = set(raw) - allowed
    if unknown:
        raise DataError(f"{where}: unknown field(s) {sorted(unknown)}")
    return ident, where


def _cited(
    raw: Any, where: str, noun: str, documents: Mapping[str, tuple[str, ...]]
) -> tuple[KbReason, ...]:
    """A list of statements in our own words, each with its source (reasons, alternatives)."""
    if not isinstance(raw, list):
        raise DataError(f"{where}: '{noun}s' must be a list")
    cited = []
    for n, item in enumerate(raw, start=1):
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{where}, {noun} {n}: needs a 'text' in your own words")
        cited.append(KbReason(text, _source(item.get("source"), f"{where}, {noun} {n}", documents)))
    return tuple(cited)


def _entry(raw: Any, index: int, documents: Mapping[str, tuple[str, ...]]) -> Entry:
    ident, where = identify(raw, index, "knowledge base entry", _ENTRY_KEYS)
    try:
        level = Level(str(raw.get("level")))
    except ValueError:
        raise DataError(
            f"{where}: level {raw.get('level')!r} is not one of {[lv.value for lv in Level]}"
        ) from None
    reasons = _cited(raw.get("reasons", []), where, "reason", documents)
    alternatives = _cited(raw.get("alternatives", []), where, "alternative", documents)
    if level is not Level.NOT_COVERED and not reasons:
        raise DataError(f"{where}: level {level.value!r} needs at least one cited reason")
    brands = []
    for brand in raw.get("brands", []):
        name = brand.get("name") if isinstance(brand, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise DataError(f"{where}: each brand needs a 'name'")
        countries = _strings(
            brand.get("countries"), f"{where}, brand {name!r}", "countries", required=True
        )
        if not set(countries) <= COUNTRIES:
            raise DataError(f"{where}, brand {name!r}: countries must be among {sorted(COUNTRIES)}")
        brands.append(Brand(name, countries))
    route_note = raw.get("route_note", "")
    if not isinstance(route_note, str):
        raise DataError(f"{where}: 'route_note' must be text")
    kind, drug_class = _kind_and_class(raw, where)
    return Entry(
        id=ident,
        kind=kind,
        names=_strings(raw.get("names"), where, "names", required=True),
        brands=tuple(brands),
        synonyms=_strings(raw.get("synonyms"), where, "synonyms"),
        category_words=_strings(raw.get("category_words"), where, "category_words"),
        categories=_strings(raw.get("categories"), where, "categories", required=True),
        level=level,
        reasons=reasons,
        notes=_strings(raw.get("notes"), where, "notes"),
        route_note=route_note,
        not_to_confuse_with=_strings(raw.get("not_to_confuse_with"), where, "not_to_confuse_with"),
        drug_class=drug_class,
        alternatives=alternatives,
    )


def _product(
    raw: Any, index: int, kb_entries: Mapping[str, Entry], documents: Mapping[str, tuple[str, ...]]
) -> Product:
    ident = raw.get("id") if isinstance(raw, dict) else None
    where = f"product {ident!r}" if ident else f"product #{index + 1}"
    if not isinstance(raw, dict) or not isinstance(ident, str) or not ident.strip():
        raise DataError(f"{where}: needs a non-empty 'id'")
    unknown = set(raw) - _PRODUCT_KEYS
    if unknown:
        raise DataError(f"{where}: unknown field(s) {sorted(unknown)}")
    readings = []
    for reading in raw.get("readings", []):
        if not isinstance(reading, dict) or not isinstance(reading.get("label", ""), str):
            raise DataError(
                f"{where}: each reading needs a 'label' (may be empty) and 'ingredients'"
            )
        ingredients = _strings(reading.get("ingredients"), where, "ingredients", required=True)
        missing = [i for i in ingredients if i not in kb_entries]
        if missing:
            raise DataError(f"{where}: ingredient(s) {missing} are not knowledge base entries")
        readings.append(Reading(reading.get("label", ""), ingredients))
    if not readings:
        raise DataError(f"{where}: needs at least one reading")
    return Product(
        id=ident,
        names=_strings(raw.get("names"), where, "names", required=True),
        countries=_strings(raw.get("countries"), where, "countries", required=True),
        readings=tuple(readings),
        source=_source(raw.get("source"), where, documents),
        notes=_strings(raw.get("notes"), where, "notes"),
    )


def _check_unique_names(kb: KnowledgeBase) -> None:
    """No name may lead to two different things: the checker must never guess between them."""
    owner: dict[str, str] = {}

    def claim(name: str, who: str) -> None:
        key = fold(name)
        if not key:
            raise DataError(f"{who}: name {name!r} has no letters or digits")
        previous = owner.setdefault(key, who)
        if previous != who:
            raise DataError(f"{who}: name {name!r} is already used by {previous}")

    for entry in kb.entries.values():
        kind = "known medicine" if entry.kind == KNOWN_KIND else "knowledge base entry"
        who = f"{kind} {entry.id!r}"
        if not kb.what(entry):
            raise DataError(
                f"{who}: nothing says what it is; give it a 'class' or a category "
                "listed in category_labels"
            )
        for name in (*entry.names, *entry.synonyms, *entry.category_words):
            claim(name, who)
        for brand in entry.brands:
            claim(brand.name, who)
        for other in entry.not_to_confuse_with:
            if other not in kb.entries:
                raise DataError(f"{who}: not_to_confuse_with names unknown entry {other!r}")
    for product in kb.products.values():
        for name in product.names:
            claim(name, f"product {product.id!r}")


def parse_knowledge_base(
    kb_raw: Any, products_raw: Any, known_raw: Any = None, catalog: DrugCatalog | None = None
) -> KnowledgeBase:
    """Build a validated knowledge base from the decoded JSON documents.

    ``known_raw`` (known_not_covered.json) and ``catalog`` (the drug catalog, whose drugs
    and brands every knowledge base must place; see vocabulary.py) are optional for tests
    that build a small knowledge base; the app always loads both.
    """
    if not isinstance(kb_raw, dict) or not isinstance(kb_raw.get("entries"), list):
        raise DataError("knowledge base: expected an object with an 'entries' list")
    docs_raw = kb_raw.get("documents")
    if not isinstance(docs_raw, dict) or not docs_raw:
        raise DataError("knowledge base: expected a 'documents' object listing ids and sections")
    documents = {
        doc: _strings(
            info.get("sections") if isinstance(info, dict) else None,
            f"document {doc!r}",
            "sections",
            required=True,
        )
        for doc, info in docs_raw.items()
    }
    entries: dict[str, Entry] = {}
    for index, raw in enumerate(kb_raw["entries"]):
        entry = _entry(raw, index, documents)
        if entry.id in entries:
            raise DataError(f"knowledge base entry {entry.id!r}: the id is used twice")
        entries[entry.id] = entry
    if catalog is not None:
        # vocabulary.py builds on this module's entry types, so it is imported here
        from benzoapp.core.cautions.vocabulary import add_catalog

        add_catalog(entries, catalog)
    stems: tuple[str, ...] = ()
    if known_raw is not None:
        # known.py builds on this module's entry types, so it is imported here
        from benzoapp.core.cautions.known import parse_known

        known_entries, stems = parse_known(known_raw)
        for known in known_entries:
            if known.id in entries:
                raise DataError(f"known medicine {known.id!r}: the id is used twice")
            entries[known.id] = known
    if not isinstance(products_raw, dict) or not isinstance(products_raw.get("products"), list):
        raise DataError("products: expected an object with a 'products' list")
    products: dict[str, Product] = {}
    for index, raw in enumerate(products_raw["products"]):
        product = _product(raw, index, entries, documents)
        if product.id in products or product.id in entries:
            raise DataError(f"product {product.id!r}: the id is used twice")
        products[product.id] = product
    labels = kb_raw.get("category_labels", {})
    if not isinstance(labels, dict) or not all(
        isinstance(v, str) and v.strip() for v in labels.values()
    ):
        raise DataError("knowledge base: 'category_labels' must map categories to plain words")
    kb = KnowledgeBase(
        entries=entries,
        products=products,
        documents=documents,
        category_labels=labels,
        stems=stems,
    )
    _check_unique_names(kb)
    return kb


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path.name}: the file is missing") from None
    except json.JSONDecodeError as error:
        raise DataError(f"{path.name}: not valid JSON ({error})") from None


def read_knowledge_files(folder: Path | None = None) -> tuple[Any, Any, Any]:
    """The raw JSON of ``knowledge_base.json``, ``products.json`` and
    ``known_not_covered.json``, unvalidated: tests and benchmarks vary them before parsing.

    ``folder`` is for tests; the app passes nothing and gets the bundled files.
    """
    if folder is None:
        from benzoapp.paths import resource_path

        folder = resource_path("cautions")
    return (
        _read_json(folder / "knowledge_base.json"),
        _read_json(folder / "products.json"),
        _read_json(folder / "known_not_covered.json"),
    )


def load_knowledge_base(folder: Path | None = None) -> KnowledgeBase:
    """Load and validate the three knowledge files (see ``read_knowledge_files``), with
    every drug of the drug catalog placed by its names and brands."""
    from benzoapp.core.drugs import load_catalog

    return parse_knowledge_base(*read_knowledge_files(folder), catalog=load_catalog())
