"""The drug catalog: benzodiazepines and Z-drugs with their forms and equivalence tables.

Loaded from the reviewable JSON files in ``resources/drugs/`` and validated on load, so a
bad entry stops the app with a message naming it rather than producing a wrong dose later.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from benzoapp.core.errors import DataError, InputError

DIAZEPAM = "diazepam"
DEFAULT_TABLE = "ashton"
ALLOWED_SPLITS = (1, 2, 4)


@dataclass(frozen=True)
class Tablet:
    """A common tablet or capsule strength and the finest split it allows."""

    mg: Decimal
    max_split: int  # 1 whole only, 2 halves (scored), 4 quarters


@dataclass(frozen=True)
class Liquid:
    """An oral solution or suspension."""

    mg_per_ml: Decimal
    source: str


# The forms a product is sold as. Capsules and orally disintegrating tablets are never
# split; a liquid's strength is in mg per ml.
PRODUCT_FORMS = ("tablet", "capsule", "odt", "liquid")
# Names people use for a country, to its ISO 3166 code ("UK" is GB).
COUNTRY_ALIASES = {"UK": "GB", "USA": "US", "UNITED STATES": "US", "UNITED KINGDOM": "GB"}


@dataclass(frozen=True)
class Product:
    """A product sold in one country: its form, strength, finest split and source."""

    country: str  # ISO 3166 alpha-2, e.g. "US", "GB", "CA", "AU", "SE"
    form: str  # one of PRODUCT_FORMS
    mg: Decimal  # per tablet or capsule; mg per ml for a liquid
    max_split: int  # 1 whole only, 2 halves, 4 quarters (always 1 for capsule, odt, liquid)
    source: str


@dataclass(frozen=True)
class HalfLife:
    """Elimination half-life in hours, with the active metabolite's upper figure if any."""

    min_hours: Decimal
    max_hours: Decimal
    active_metabolite_max: Decimal | None
    source: str

    @property
    def text(self) -> str:
        low, high = _plain(self.min_hours), _plain(self.max_hours)
        base = low if low == high else f"{low}–{high}"
        if self.active_metabolite_max is not None:
            return f"{base} h (active metabolite up to {_plain(self.active_metabolite_max)} h)"
        return f"{base} h"


# How every message about a modified-release tablet says the rule, in the same words.
SWALLOW_WHOLE = "must be swallowed whole, never split, crushed or cut"


@dataclass(frozen=True)
class ReleaseForm:
    """A modified-release (extended- or controlled-release) product of one drug.

    Its tablets release the drug slowly because they stay whole: splitting, crushing or
    cutting one releases the dose at once. So every strength is whole-only, and a plan
    that needs a smaller cut has to say so rather than split one.
    """

    id: str  # e.g. "alprazolam-xr"
    drug: str  # the generic id, e.g. "alprazolam"
    label: str  # how it is shown, e.g. "alprazolam XR"
    release: str  # "extended-release" or "controlled-release"
    brands: tuple[str, ...]
    names: tuple[str, ...]  # every name it is recognised by: brands and generic + suffix
    tablets: tuple[Tablet, ...]  # each with max_split 1
    source: str
    usual_max_daily_mg: Decimal | None = None  # the product's own, when it differs
    usual_max_source: str = ""

    @property
    def short(self) -> str:
        """The label without the drug's name: "XR" for "alprazolam XR"."""
        return self.label.removeprefix(self.drug).strip() or self.release

    @property
    def title(self) -> str:
        """The label with its brands, e.g. "alprazolam XR (Xanax XR)"."""
        return f"{self.label} ({', '.join(self.brands)})" if self.brands else self.label


@dataclass(frozen=True)
class Drug:
    """One benzodiazepine or Z-drug as the catalog describes it."""

    id: str
    drug_class: str  # "benzodiazepine" or "z-drug"
    brands: tuple[str, ...]
    half_life: HalfLife
    tablets: tuple[Tablet, ...]
    tablets_source: str
    liquids: tuple[Liquid, ...]
    usual_max_daily_mg: Decimal | None
    usual_max_source: str
    # A taper may cross over to this drug first: only long-acting drugs, marked one by one
    # in the data (with a source) rather than inferred from unverified half-life figures.
    crossover_target: bool = False
    crossover_source: str = ""
    modified_release: tuple[ReleaseForm, ...] = ()
    products: tuple[Product, ...] = ()  # per country, each with its source

    # ---- products per country -----------------------------------------------------
    # ``tablets`` and ``liquids`` stay the common strengths (a country-less plan uses
    # them). The accessors below answer for one country with the same types.

    def products_in(self, country: str | None) -> tuple[Product, ...]:
        """The products on record for ``country`` (none for None or an unlisted country)."""
        if country is None:
            return ()
        return tuple(p for p in self.products if p.country == country)

    def has_solids_in(self, country: str | None) -> bool:
        """Whether tablets, capsules or ODTs of this drug are on record for ``country``."""
        return any(p.form != "liquid" for p in self.products_in(country))

    def tablets_in(self, country: str | None) -> tuple[Tablet, ...]:
        """Solid strengths sold in ``country`` (tablets, capsules, ODTs, merged by mg with
        the finest split any of them allows); the common strengths when ``country`` is
        None or none are on record for it (``has_solids_in`` tells which)."""
        if not self.has_solids_in(country):
            return self.tablets
        finest: dict[Decimal, int] = {}
        for p in self.products_in(country):
            if p.form != "liquid":
                finest[p.mg] = max(finest.get(p.mg, 1), p.max_split)
        return tuple(Tablet(mg, split) for mg, split in sorted(finest.items()))

    def liquids_in(self, country: str | None) -> tuple[Liquid, ...]:
        """Oral liquids on record for ``country``; for None, the common ones (``liquids``).

        Strict for a country: a liquid sold elsewhere is never offered, so an empty tuple
        means none is on record there.
        """
        if country is None:
            return self.liquids
        return tuple(
            Liquid(p.mg, p.source) for p in self.products_in(country) if p.form == "liquid"
        )


@dataclass(frozen=True)
class Equivalent:
    """One table's figure: ``mg`` of the drug is roughly ``per_diazepam_mg`` of diazepam."""

    mg: Decimal
    per_diazepam_mg: Decimal
    source: str
    verified: bool
    range_text: str = ""

    @property
    def de_per_mg(self) -> Decimal:
        """Diazepam-equivalent milligrams per milligram of this drug."""
        return self.per_diazepam_mg / self.mg

    @property
    def mg_per_10_diazepam(self) -> Decimal:
        return self.mg * 10 / self.per_diazepam_mg


@dataclass(frozen=True)
class EquivalenceTable:
    """A published equivalence table, selectable by its id."""

    id: str
    name: str
    source: str
    entries: dict[str, Equivalent]


@dataclass(frozen=True)
class DrugCatalog:
    """Every drug the app knows, by generic id, and the equivalence tables."""

    drugs: dict[str, Drug]
    tables: dict[str, EquivalenceTable]
    default_table: str
    names: dict[str, str] = field(default_factory=dict)  # casefolded name or brand -> id
    # casefolded name of a modified-release product ("xanax xr", "alprazolam er") -> its id
    release_names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.names:
            self.names.update(self._names())
        if not self.release_names:
            self.release_names.update(
                (name.casefold(), form.id)
                for drug in self.drugs.values()
                for form in drug.modified_release
                for name in form.names
            )

    def get(self, name_or_brand: str) -> Drug:
        """Look up a generic or brand name exactly (any case); never guess a different drug."""
        key = name_or_brand.strip().casefold()
        found = self.names.get(key)
        if found is None:
            close = difflib.get_close_matches(key, list(self.names), n=3, cutoff=0.75)
            hint = f" Did you mean {' or '.join(close)}?" if close else ""
            raise InputError(
                f"'{name_or_brand.strip()}' is not a benzodiazepine or Z-drug BenzoApp knows.{hint}"
            )
        return self.drugs[found]

    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for drug in self.drugs.values():
            names[drug.id.casefold()] = drug.id
            for brand in drug.brands:
                names.setdefault(brand.casefold(), drug.id)
            for form in drug.modified_release:
                for name in form.names:
                    names.setdefault(name.casefold(), drug.id)
        return names

    def release_of(self, name: str) -> ReleaseForm | None:
        """The modified-release product a name means ("Xanax XR"), or None for the drug itself."""
        found = self.release_names.get(" ".join(name.split()).casefold())
        return None if found is None else self.release_form(found)

    def release_form(self, form_id: str) -> ReleaseForm:
        """A modified-release product by id; a clear error naming the known ones if absent."""
        for drug in self.drugs.values():
            for form in drug.modified_release:
                if form.id == form_id:
                    return form
        known = ", ".join(f.id for d in self.drugs.values() for f in d.modified_release)
        raise InputError(f"No modified-release product '{form_id}'. Known: {known}.")

    def has_equivalent(self, drug_id: str, table_id: str | None = None) -> bool:
        """Whether one table has a figure for the drug (no figure is ever borrowed)."""
        return drug_id in self.table(table_id).entries

    def countries(self) -> tuple[str, ...]:
        """Every country some product is on record for, sorted."""
        return tuple(sorted({p.country for d in self.drugs.values() for p in d.products}))

    def country(self, text: str) -> str:
        """A country code from what people write ("us", "UK", "gb"); a clear error if no
        product of any drug is on record for it."""
        code = " ".join(text.split()).upper()
        code = COUNTRY_ALIASES.get(code, code)
        if code not in self.countries():
            raise InputError(
                f"No products are on record for the country '{text.strip()}': choose one of "
                f"{', '.join(self.countries())}, or leave the country out to plan with the "
                "common strengths."
            )
        return code

    def crossover_targets(self) -> tuple[str, ...]:
        """The long-acting drugs a taper may switch to first, marked so in the data."""
        return tuple(d.id for d in self.drugs.values() if d.crossover_target)

    def table(self, table_id: str | None = None) -> EquivalenceTable:
        """An equivalence table by id; the default (Ashton) when none is given."""
        key = table_id or self.default_table
        if key not in self.tables:
            raise InputError(
                f"No equivalence table '{key}'. Choose one of: {', '.join(self.tables)}."
            )
        return self.tables[key]

    def equivalent(self, drug_id: str, table_id: str | None = None) -> Equivalent:
        """A drug's figure in one table; a clear error (never another table's figure) if absent."""
        table = self.table(table_id)
        entry = table.entries.get(drug_id)
        if entry is None:
            others = [t.id for t in self.tables.values() if drug_id in t.entries]
            where = f" Tables that have one: {', '.join(others)}." if others else ""
            raise InputError(f"The {table.name} table has no figure for {drug_id}.{where}")
        return entry


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _dec(value: Any, where: str, *, positive: bool = True) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise DataError(f"{where}: expected a number written as a string, got {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise DataError(f"{where}: {value!r} is not a number") from error
    if not number.is_finite() or (positive and number <= 0):
        raise DataError(f"{where}: {value!r} must be a positive number")
    return number


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: missing or empty '{key}'")
    return value


def _parse_drug(entry: Any, index: int) -> Drug:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise DataError(f"drugs.json entry {index}: needs an 'id'")
    where = f"drugs.json entry '{entry['id']}'"
    drug_class = _text(entry, "class", where)
    if drug_class not in ("benzodiazepine", "z-drug"):
        raise DataError(f"{where}: class must be 'benzodiazepine' or 'z-drug'")
    brands = entry.get("brands", [])
    if not isinstance(brands, list) or not all(isinstance(b, str) for b in brands):
        raise DataError(f"{where}: 'brands' must be a list of names")
    hl = entry.get("half_life_hours")
    if not isinstance(hl, dict):
        raise DataError(f"{where}: missing 'half_life_hours'")
    metabolite = hl.get("active_metabolite_max")
    half_life = HalfLife(
        _dec(hl.get("min"), f"{where} half_life_hours.min"),
        _dec(hl.get("max"), f"{where} half_life_hours.max"),
        None if metabolite is None else _dec(metabolite, f"{where} active_metabolite_max"),
        _text(hl, "source", f"{where} half_life_hours"),
    )
    if half_life.min_hours > half_life.max_hours:
        raise DataError(f"{where}: half-life min is above max")
    tablets = []
    for t in entry.get("tablets", []):
        split = t.get("max_split") if isinstance(t, dict) else None
        if split not in ALLOWED_SPLITS:
            raise DataError(f"{where}: tablet max_split must be one of {ALLOWED_SPLITS}")
        tablets.append(Tablet(_dec(t.get("mg"), f"{where} tablet mg"), split))
    if not tablets:
        raise DataError(f"{where}: needs at least one tablet strength")
    liquids = []
    for liquid in entry.get("liquids", []):
        if not isinstance(liquid, dict):
            raise DataError(f"{where}: each liquid must be an object")
        liquids.append(
            Liquid(
                _dec(liquid.get("mg_per_ml"), f"{where} liquid mg_per_ml"),
                _text(liquid, "source", f"{where} liquid"),
            )
        )
    usual_max = entry.get("usual_max_daily_mg")
    crossover = entry.get("crossover_target")
    if crossover is not None and (
        not isinstance(crossover, dict) or not isinstance(crossover.get("allowed"), bool)
    ):
        raise DataError(f"{where}: 'crossover_target' must be {{'allowed': true/false, 'source'}}")
    crossover_source = "" if crossover is None else _text(crossover, "source", f"{where} crossover")
    releases = entry.get("modified_release", [])
    if not isinstance(releases, list):
        raise DataError(f"{where}: 'modified_release' must be a list")
    return Drug(
        products=_parse_products(entry.get("products", []), where),
        id=entry["id"],
        drug_class=drug_class,
        brands=tuple(brands),
        half_life=half_life,
        tablets=tuple(sorted(tablets, key=lambda t: t.mg)),
        tablets_source=_text(entry, "tablets_source", where),
        liquids=tuple(liquids),
        usual_max_daily_mg=None if usual_max is None else _dec(usual_max, f"{where} max"),
        usual_max_source=_text(entry, "usual_max_source", where),
        crossover_target=crossover is not None and crossover["allowed"],
        crossover_source=crossover_source,
        modified_release=tuple(_parse_release(entry["id"], raw, where) for raw in releases),
    )


def _parse_products(raw: Any, where: str) -> tuple[Product, ...]:
    """Products per country; a split on a capsule, ODT or liquid is refused as bad data."""
    if not isinstance(raw, list):
        raise DataError(f"{where}: 'products' must be a list")
    products = []
    for item in raw:
        if not isinstance(item, dict):
            raise DataError(f"{where}: each product must be an object")
        country, form = item.get("country"), item.get("form")
        if not isinstance(country, str) or len(country) != 2 or not country.isupper():
            raise DataError(f"{where}: product country must be a two-letter code like 'US'")
        if form not in PRODUCT_FORMS:
            raise DataError(f"{where}: product form must be one of {PRODUCT_FORMS}")
        split = item.get("max_split", 1)
        if split not in ALLOWED_SPLITS or (form != "tablet" and split != 1):
            raise DataError(f"{where}: only a tablet may be split (max_split 1, 2 or 4)")
        key = "mg_per_ml" if form == "liquid" else "mg"
        at = f"{where} product {country} {form}"
        products.append(
            Product(
                country, form, _dec(item.get(key), f"{at} {key}"), split, _text(item, "source", at)
            )
        )
    return tuple(products)


def _names_list(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: '{key}' must be a list of names")
    return tuple(value)


def _parse_release(drug_id: str, raw: Any, where: str) -> ReleaseForm:
    """One modified-release product; any strength that may be split is refused as bad data."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise DataError(f"{where}: each modified_release entry needs an 'id'")
    at = f"{where} modified_release '{raw['id']}'"
    tablets = []
    for t in raw.get("tablets", []):
        split = t.get("max_split") if isinstance(t, dict) else None
        if split != 1:
            raise DataError(f"{at}: a modified-release tablet must have max_split 1 (whole only)")
        tablets.append(Tablet(_dec(t.get("mg"), f"{at} tablet mg"), 1))
    if not tablets:
        raise DataError(f"{at}: needs at least one tablet strength")
    usual_max = raw.get("usual_max_daily_mg")
    brands = _names_list(raw, "brands", at)
    suffixes = _names_list(raw, "suffixes", at)
    # Its id too ("alprazolam-xr"), so a regimen written back from a saved plan reads
    # as the same product.
    names = (raw["id"], *brands, *(f"{drug_id} {suffix}" for suffix in suffixes))
    return ReleaseForm(
        id=raw["id"],
        drug=drug_id,
        label=_text(raw, "label", at),
        release=_text(raw, "release", at),
        brands=brands,
        names=names,
        tablets=tuple(sorted(tablets, key=lambda t: t.mg)),
        source=_text(raw, "source", at),
        usual_max_daily_mg=None if usual_max is None else _dec(usual_max, f"{at} max"),
        usual_max_source="" if usual_max is None else _text(raw, "usual_max_source", at),
    )


def _parse_table(raw: Any, drugs: dict[str, Drug]) -> EquivalenceTable:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise DataError("equivalence.json: every table needs an 'id'")
    where = f"equivalence.json table '{raw['id']}'"
    entries: dict[str, Equivalent] = {}
    raw_entries = raw.get("entries")
    if not isinstance(raw_entries, dict):
        raise DataError(f"{where}: missing 'entries'")
    for drug_id, item in raw_entries.items():
        at = f"{where} entry '{drug_id}'"
        if drug_id not in drugs:
            raise DataError(f"{at}: no such drug in drugs.json")
        if not isinstance(item, dict) or not isinstance(item.get("verified"), bool):
            raise DataError(f"{at}: needs 'mg', 'per_diazepam_mg', 'source' and 'verified'")
        rng = item.get("range")
        entries[drug_id] = Equivalent(
            mg=_dec(item.get("mg"), f"{at} mg"),
            per_diazepam_mg=_dec(item.get("per_diazepam_mg"), f"{at} per_diazepam_mg"),
            source=_text(item, "source", at),
            verified=item["verified"],
            range_text="–".join(rng) if isinstance(rng, list) else "",
        )
    if DIAZEPAM not in entries:
        raise DataError(f"{where}: must have a diazepam entry (conversions go through it)")
    return EquivalenceTable(
        raw["id"], _text(raw, "name", where), _text(raw, "source", where), entries
    )


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataError(f"{path.name} cannot be read: {error}") from error


def parse_catalog(drugs_raw: Any, tables_raw: Any) -> DrugCatalog:
    """Validate the two data files' contents; raise DataError naming the first bad entry."""
    if not isinstance(drugs_raw, dict) or not isinstance(drugs_raw.get("drugs"), list):
        raise DataError("drugs.json: expected an object with a 'drugs' list")
    drugs: dict[str, Drug] = {}
    for index, entry in enumerate(drugs_raw["drugs"]):
        drug = _parse_drug(entry, index)
        if drug.id in drugs:
            raise DataError(f"drugs.json entry '{drug.id}': listed twice")
        drugs[drug.id] = drug
    release_ids = [f.id for d in drugs.values() for f in d.modified_release]
    for form_id in release_ids:
        if release_ids.count(form_id) > 1:
            raise DataError(f"drugs.json modified_release '{form_id}': listed twice")
    if DIAZEPAM not in drugs:
        raise DataError("drugs.json: diazepam is missing (every conversion goes through it)")
    if not isinstance(tables_raw, dict) or not isinstance(tables_raw.get("tables"), list):
        raise DataError("equivalence.json: expected an object with a 'tables' list")
    tables = {}
    for raw in tables_raw["tables"]:
        table = _parse_table(raw, drugs)
        tables[table.id] = table
    default = tables_raw.get("default", DEFAULT_TABLE)
    if default not in tables:
        raise DataError(f"equivalence.json: default table '{default}' is not defined")
    return DrugCatalog(drugs=drugs, tables=tables, default_table=default)


@functools.cache
def load_catalog() -> DrugCatalog:
    """The bundled catalog, read and validated once per process (it never changes)."""
    from benzoapp.paths import resource_path

    return parse_catalog(
        _read_json(resource_path("drugs", "drugs.json")),
        _read_json(resource_path("drugs", "equivalence.json")),
    )
