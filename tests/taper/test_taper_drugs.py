"""The drug catalog and equivalence tables: complete, sourced, validated, consistent."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.drugs import DrugCatalog, parse_catalog
from benzoapp.core.equivalence import convert, to_diazepam
from benzoapp.core.errors import DataError, InputError
from benzoapp.paths import resource_path

ASHTON_DRUGS = [
    *("alprazolam", "bromazepam", "chlordiazepoxide", "clobazam", "clonazepam"),
    *("clorazepate", "diazepam", "estazolam", "flunitrazepam", "flurazepam", "halazepam"),
    *("ketazolam", "loprazolam", "lorazepam", "lormetazepam", "medazepam", "nitrazepam"),
    *("nordazepam", "oxazepam", "prazepam", "quazepam", "temazepam", "triazolam"),
    *("zaleplon", "zolpidem", "zopiclone"),
]


def _raw() -> tuple[dict[str, object], dict[str, object]]:
    drugs = json.loads(resource_path("drugs", "drugs.json").read_text(encoding="utf-8"))
    tables = json.loads(resource_path("drugs", "equivalence.json").read_text(encoding="utf-8"))
    return drugs, tables


def test_every_ashton_drug_has_data_and_an_ashton_figure(catalog: DrugCatalog) -> None:
    ashton = catalog.table("ashton")
    for name in [*ASHTON_DRUGS, "eszopiclone"]:
        drug = catalog.get(name)
        assert drug.tablets, name
        assert drug.half_life.source
        assert drug.tablets_source
        assert drug.usual_max_source
        if name in ASHTON_DRUGS:
            assert ashton.entries[name].source, name
    assert set(catalog.tables) == {"ashton", "va-dod-2021", "who-2009"}
    assert catalog.default_table == "ashton"


@pytest.mark.parametrize(
    ("table", "mg", "drug", "diazepam"),
    [
        # ASAM 2025 Table 7, Ashton column: amounts equal to 10 mg diazepam
        ("ashton", "0.5", "alprazolam", "10"),
        ("ashton", "0.5", "clonazepam", "10"),
        ("ashton", "1", "lorazepam", "10"),
        ("ashton", "20", "oxazepam", "10"),
        ("ashton", "25", "chlordiazepoxide", "10"),
        ("ashton", "0.5", "triazolam", "10"),
        # the VA/DoD column of the same table
        ("va-dod-2021", "1", "alprazolam", "10"),
        ("va-dod-2021", "2", "lorazepam", "10"),
        ("va-dod-2021", "0.25", "triazolam", "10"),
        # WHO 2009's own worked examples
        ("who-2009", "4", "lorazepam", "40"),
        ("who-2009", "60", "temazepam", "30"),
    ],
)
def test_published_equivalences(table: str, mg: str, drug: str, diazepam: str) -> None:
    assert convert(Decimal(mg), drug, "diazepam", table) == Decimal(diazepam)
    assert convert(Decimal(diazepam), "diazepam", drug, table) == Decimal(mg)


def test_brands_resolve_and_unknown_names_are_not_corrected(catalog: DrugCatalog) -> None:
    assert catalog.get("Xanax").id == "alprazolam"
    assert catalog.get("  klonopin ").id == "clonazepam"
    with pytest.raises(InputError, match="Did you mean") as caught:
        catalog.get("diazapan")
    assert "not a benzodiazepine" in str(caught.value)


def test_a_table_never_borrows_another_tables_figure(catalog: DrugCatalog) -> None:
    with pytest.raises(InputError, match="who-2009"):
        convert(Decimal(5), "midazolam", "diazepam", "ashton")
    with pytest.raises(InputError, match="No equivalence table"):
        catalog.table("maudsley")


def test_ranges_use_the_midpoint_and_say_so(catalog: DrugCatalog) -> None:
    entry = catalog.equivalent("estazolam", "ashton")
    assert entry.range_text == "1–2"
    assert entry.mg == Decimal("1.5")


def test_unverified_figures_are_marked(catalog: DrugCatalog) -> None:
    assert not catalog.equivalent("zaleplon", "ashton").verified
    assert catalog.equivalent("lorazepam", "ashton").verified


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("drugs", 0, "tablets", 0, "mg"), "-1", "entry 'alprazolam' tablet mg"),
        (("drugs", 1, "tablets", 0, "max_split"), 3, "entry 'bromazepam'.*max_split"),
        (("drugs", 2, "class"), "opioid", "entry 'chlordiazepoxide'.*class"),
        (("drugs", 3, "half_life_hours", "source"), "", "entry 'clobazam'.*source"),
    ],
)
def test_bad_drug_entries_are_named(path: tuple[object, ...], value: object, message: str) -> None:
    drugs, tables = _raw()
    bad = copy.deepcopy(drugs)
    target: object = bad
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(DataError, match=message):
        parse_catalog(bad, tables)


def test_bad_table_entries_are_named() -> None:
    drugs, tables = _raw()
    bad = copy.deepcopy(tables)
    bad["tables"][0]["entries"]["lorazepam"]["mg"] = "zero"  # type: ignore[index]
    with pytest.raises(DataError, match="table 'ashton' entry 'lorazepam'"):
        parse_catalog(drugs, bad)
    bad = copy.deepcopy(tables)
    bad["tables"][1]["entries"]["unobtainium"] = {}  # type: ignore[index]
    with pytest.raises(DataError, match="'unobtainium': no such drug"):
        parse_catalog(drugs, bad)


TABLE_DRUGS = st.sampled_from(["ashton", "va-dod-2021", "who-2009"]).flatmap(
    lambda t: st.tuples(
        st.just(t),
        st.sampled_from(sorted(parse_catalog(*_raw()).tables[t].entries)),
        st.sampled_from(sorted(parse_catalog(*_raw()).tables[t].entries)),
    )
)


@given(TABLE_DRUGS, st.integers(min_value=1, max_value=100_000))
def test_conversions_go_through_diazepam_both_ways(
    chosen: tuple[str, str, str], thousandths: int
) -> None:
    table, a, b = chosen
    catalog = parse_catalog(*_raw())
    mg = Decimal(thousandths) / 1000
    direct = convert(mg, a, b, table, catalog)

    def exact_de_per_mg(drug: str) -> Fraction:
        entry = catalog.equivalent(drug, table)
        return Fraction(entry.per_diazepam_mg) / Fraction(entry.mg)

    # Exact, as fractions: a Decimal quotient is itself rounded in the 28th digit, which
    # pushed an exact half (0.0005) to 0.00049999...9 and failed the bound below.
    via = Fraction(mg) * exact_de_per_mg(a) / exact_de_per_mg(b)
    assert abs(Fraction(direct) - via) <= Fraction("0.0005")
    back = convert(direct, b, a, table, catalog)
    # the way back only loses what the 0.001 mg rounding of ``direct`` lost
    ratio = to_diazepam(Decimal(1), b, table, catalog) / to_diazepam(Decimal(1), a, table, catalog)
    assert abs(back - mg) <= Decimal("0.0005") * ratio + Decimal("0.0005")
