"""The review set: some nine hundred queries as people type them, run through the CLI.

review_wave2_queries.json groups each query by the levels it may read as. Only what the
three documents describe as helpful, for exactly that item, may read as supportive; the
rest are ordinary words, brands from several countries, misspellings and phrases that
must never read as supportive. Beside the table: close spellings are offered, never
applied; prescription medicines to avoid carry the "do not stop it on your own" note;
alternatives are shown where the documents give them; and the regimen flags.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benzoapp.core.cautions import Checker, Level, check_regimen, load_knowledge_base
from benzoapp.core.model import Medication
from benzoapp.main import main

CHECKER = Checker(load_knowledge_base())
TABLE = json.loads((Path(__file__).parent / "review_wave2_queries.json").read_text("utf-8"))
ALLOWED = {
    "supportive": {Level.SUPPORTIVE},
    "mixed_or_stricter": {Level.MIXED, Level.CAUTION, Level.AVOID},
    "caution_or_stricter": {Level.CAUTION, Level.AVOID},
    "avoid": {Level.AVOID},
    "never_supportive": {Level.NOT_COVERED, Level.MIXED, Level.CAUTION, Level.AVOID},
}
ROWS = [(query, group) for group in ALLOWED for query in TABLE[group]]


def test_the_review_set_is_a_few_hundred_distinct_queries() -> None:
    queries = [query.casefold() for query, _ in ROWS]
    assert len(queries) == len(set(queries)) >= 300


@pytest.mark.parametrize(("query", "group"), ROWS)
def test_each_query_reads_only_as_its_group_allows(query: str, group: str) -> None:
    assert CHECKER.check(query).level in ALLOWED[group], query


def test_through_the_cli_only_the_documented_items_read_as_supportive(
    capsys: pytest.CaptureFixture[str],
) -> None:
    queries = [query for query, _ in ROWS]
    assert main(["check", "--json", *queries]) == 0
    results = json.loads(capsys.readouterr().out)
    supportive = {r["query"] for r in results if r["level"] == "supportive"}
    assert supportive == set(TABLE["supportive"])


@pytest.mark.parametrize(
    "query",
    [
        # two helpful words side by side name something else
        "salt bath", "bath salt", "heat yoga", "water exercise", "bath water",
        "salt water", "salt water bath", "water walking", "heat bath", "tylenol water",
        "bath with salt", "water with salt",
        # hot is not the warm bath the document describes; bare exercise has two sides
        "hot bath", "hot tub", "very hot bath", "exercise", "electrolytes",
    ],
)  # fmt: skip
def test_defects_found_at_review_are_not_supportive(query: str) -> None:
    assert CHECKER.check(query).level is not Level.SUPPORTIVE


@pytest.mark.parametrize("query", ["salt and water", "yoga and meditation", "tylenol, water"])
def test_a_list_written_as_a_list_is_still_read_as_one(query: str) -> None:
    assert CHECKER.check(query).level is Level.SUPPORTIVE


def test_names_side_by_side_say_why_they_were_not_read_apart() -> None:
    result = CHECKER.check("heat yoga")
    assert any("'heat yoga' may name one thing" in note for note in result.notes)


@pytest.mark.parametrize("query", ["bath salts", "dead sea salt bath", "bath bomb"])
def test_bath_salts_are_a_caution_with_the_plain_warm_bath_instead(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.CAUTION
    assert result.reasons[0].source == "muscular-effects"
    assert "plain warm bath" in result.alternatives[0].text


@pytest.mark.parametrize(
    "query",
    [
        "tylenl", "paracetmol", "meditaion", "yogaa", "watter", "walkin", "heatt",
        "excercise", "gentel massage", "banannas", "avacado", "klonipin", "clonazapam",
        "diazepan", "valum", "ambian", "benadril", "tylanol", "panadool", "melatonine",
        "gabapentina", "neurontine", "saint johns wort", "ltheanine", "medication", "heart",
    ],
)  # fmt: skip
def test_a_close_spelling_is_offered_never_applied(query: str) -> None:
    result = CHECKER.check(query)
    assert (result.match, result.level) == (None, Level.NOT_COVERED)


@pytest.mark.parametrize(
    "query",
    [
        "Valium", "Klonopin 0.5mg", "Rivotril", "xanax", "Lexomil", "ambien", "Stilnox",
        "gabapentin 300mg", "lyrica", "baclofen", "flexeril", "soma", "phenobarbital",
        "Xyrem", "tiagabine", "Rohypnol", "cipro", "fludrocortisone", "celebrex",
        "meloxicam", "Voltaren", "naproxen", "sleeping pills", "sleep aid",
    ],
)  # fmt: skip
def test_a_prescription_medicine_to_avoid_says_not_to_stop_it_alone(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level in {Level.AVOID, Level.CAUTION}
    assert result.prescriber_note, query


@pytest.mark.parametrize(
    "query",
    [
        "chamomile", "kamillentee", "l-theanine", "ashwagandha", "lemon balm", "melisse",
        "valerian root", "baldrian", "passiflora", "kava tea", "phenibut", "gaba",
        "whiskey", "vodka", "a glass of wine", "chloral hydrate", "etizolam", "bromazolam",
        "cyclobenzaprine", "methocarbamol",
    ],
)  # fmt: skip
def test_class_members_are_avoided_or_cautioned_with_a_cited_reason(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level in {Level.AVOID, Level.CAUTION}
    assert result.reasons, query
    assert all(r.source for r in result.reasons), query


@pytest.mark.parametrize(
    "query",
    [
        "deep tissue massage", "sports massage", "magnesium chloride bath",
        "epsom salt bath", "ibuprofen", "advil", "gabapentin", "massage", "exercise",
        "graded exercise", "bath salts", "fludrocortisone", "midodrine", "ivabradine",
    ],
)  # fmt: skip
def test_what_to_do_instead_is_shown_where_the_documents_give_it(query: str) -> None:
    assert CHECKER.check(query).alternatives, query


def _flags(taper: list[str], names: list[str]) -> dict[str, tuple[str, ...]]:
    check = check_regimen(CHECKER, taper, [Medication(n) for n in names])
    flagged: dict[str, tuple[str, ...]] = {}
    for flag in check.flags:
        flagged[flag.code] = flagged.get(flag.code, ()) + flag.items
    return flagged


def test_the_regimen_flags_with_a_clonazepam_plan() -> None:
    names = [
        "Klonopin", "Rivotril 2mg", "Valium", "Xanax", "ambien", "oxycodone", "Tylenol 3",
        "Benadryl", "Piriton", "Dramamine", "gabapentin 300mg", "lyrica", "whiskey",
        "ketoconazole", "tylenol", "walking", "sertraline",
    ]  # fmt: skip
    flags = _flags(["clonazepam"], names)
    assert flags["taper_drug_again"] == ("Klonopin", "Rivotril 2mg")
    assert flags["second_benzodiazepine"] == ("Valium", "Xanax", "ambien")
    assert flags["opioid_with_benzodiazepine"] == ("oxycodone", "Tylenol 3")
    assert set(flags["sedating_with_benzodiazepine"]) >= {
        "Benadryl", "Piriton", "Dramamine", "gabapentin 300mg", "lyrica", "whiskey",
    }  # fmt: skip
    # Xanax on the list is alprazolam, which ketoconazole raises; clonazepam alone is not
    assert flags["cyp3a4_inhibitor_with_benzodiazepine"] == ("ketoconazole",)
    assert "cyp3a4_inhibitor_with_benzodiazepine" not in _flags(["clonazepam"], ["ketoconazole"])


def test_strong_cyp3a4_inhibitors_are_flagged_with_alprazolam_and_the_crossover_is_not() -> None:
    flags = _flags(["alprazolam", "diazepam"], ["Valium", "clarithromycin", "Nizoral"])
    assert flags["cyp3a4_inhibitor_with_benzodiazepine"] == ("clarithromycin", "Nizoral")
    assert "second_benzodiazepine" not in flags
    result = check_regimen(CHECKER, ["alprazolam", "diazepam"], [Medication("Valium")])
    assert result.results[0].taper_drug


@pytest.mark.parametrize(
    "query",
    [
        "tylenol 4000mg", "paracetamol 2g", "acetaminophen 5000 mg", "Panadol 1500 mg",
        "8 tylenol", "3 panadol", "paracetamol 1.5 g",
    ],
)  # fmt: skip
def test_more_than_one_usual_dose_of_paracetamol_is_a_caution_with_the_usual_dose(
    query: str,
) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.CAUTION
    outside = [r for r in result.reasons if r.outside]
    assert outside
    assert outside[0].source.startswith("NHS, Paracetamol for adults")


@pytest.mark.parametrize(
    "query", ["tylenol 500mg", "2 Tylenol", "paracetamol 1 g", "Panadol 500 mg tablets"]
)
def test_a_usual_dose_of_paracetamol_reads_as_before(query: str) -> None:
    assert CHECKER.check(query).level is Level.SUPPORTIVE


@pytest.mark.parametrize("query", ["tylenol daily", "tylenol nightly", "paracetamol 500mg daily"])
def test_paracetamol_every_day_is_not_the_occasional_use_the_document_supports(
    query: str,
) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.NOT_COVERED
    assert any("from time to time" in note for note in result.notes)


@pytest.mark.parametrize("query", ["tylenol plus", "panadol plus", "plus heat", "bath plus"])
def test_plus_at_either_end_may_name_a_product_so_is_unknown(query: str) -> None:
    assert CHECKER.check(query).level is Level.NOT_COVERED


def test_plus_between_names_still_joins_them() -> None:
    assert CHECKER.check("salt plus water").level is Level.SUPPORTIVE


@pytest.mark.parametrize("query", ["sake", "soju", "a margarita", "white claw", "glühwein"])
def test_more_alcohol_in_its_ordinary_words(query: str) -> None:
    assert CHECKER.check(query).match is not None
    assert CHECKER.check(query).level is Level.CAUTION


@pytest.mark.parametrize("query", ["virgin margarita", "virgin mojito"])
def test_a_virgin_drink_is_not_read_as_alcohol(query: str) -> None:
    assert CHECKER.check(query).level is Level.NOT_COVERED


@pytest.mark.parametrize("query", ["alprazolamum", "diazepamum", "clonazepamum"])
def test_a_latin_benzodiazepine_name_looks_like_one(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.CAUTION
    assert result.match is not None
    assert result.match.how == "class_rule"
