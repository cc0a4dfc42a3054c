"""Name matching: brands by country, ordinary-word brands, misspellings, look-alikes,
dose and form words, phrases, categories, products and the not-covered answer."""

from __future__ import annotations

import pytest

from benzoapp.core.cautions import NOT_COVERED_TEXT, Checker, Level, load_knowledge_base
from benzoapp.core.errors import InputError


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_knowledge_base())


@pytest.mark.parametrize(
    ("query", "generic", "how"),
    [
        ("Valium", "diazepam", "brand"),  # US/EU/AU
        ("Diazemuls", "diazepam", "brand"),  # UK
        ("Rivotril", "clonazepam", "brand"),  # UK/EU/AU
        ("Paxam", "clonazepam", "brand"),  # AU
        ("Stilnox", "zolpidem", "brand"),
        ("Zimovane", "zopiclone", "brand"),
        ("Nurofen", "ibuprofen", "brand"),
        ("Panadol", "acetaminophen", "brand"),
        ("Lyrica", "pregabalin", "brand"),
        ("Flexeril", "cyclobenzaprine", "brand"),
        ("Levaquin", "levofloxacin", "brand"),
        ("Soma", "carisoprodol", "brand"),  # ordinary words are brands too
        ("Sonata", "zaleplon", "brand"),
        ("Doral", "quazepam", "brand"),
        ("Intermezzo", "zolpidem", "brand"),
        ("bayer", "aspirin", "brand"),
        ("clonopin", "clonazepam", "synonym"),
        ("xanex", "alprazolam", "synonym"),
        ("diazepam", "diazepam", "exact"),
        ("Paracetamol", "acetaminophen", "exact"),
        ("magnesium glycinate", "oral magnesium", "exact"),
        ("muscle relaxers", "muscle relaxants", "category"),
        ("sleeping pills", "sleeping pills", "category"),
        ("benzo", "benzodiazepines", "category"),
    ],
)
def test_names_brands_and_categories(checker: Checker, query: str, generic: str, how: str) -> None:
    result = checker.check(query)
    assert result.match is not None
    assert (result.match.generic, result.match.how, result.match.score) == (generic, how, 100.0)
    assert result.query == query  # what was typed is always kept beside the match


@pytest.mark.parametrize(
    ("query", "generic", "set_aside"),
    [
        ("Xanax 0.5mg tablets", "alprazolam", "0.5 mg tablets"),
        ("diazepam 2 mg/5 ml oral solution", "diazepam", "2 mg 5 ml oral solution"),
        ("zolpidem tartrate 10 mg", "zolpidem", "10 mg"),
        ("cyclobenzaprine hydrochloride", "cyclobenzaprine", ""),
        ("Ambien CR", "zolpidem", ""),
        ("gabapentin 300 mg capsules", "gabapentin", "300 mg capsules"),
        ("lorazepam drops", "lorazepam", "drops"),
        ("Benadryl syrup", "Benadryl", "syrup"),
    ],
)
def test_dose_and_form_words_are_set_aside(
    checker: Checker, query: str, generic: str, set_aside: str
) -> None:
    result = checker.check(query)
    assert result.match is not None
    assert result.match.generic == generic
    if set_aside:
        assert f"Set aside as dose or form words: {set_aside}." in result.notes


def test_route_matters_where_the_entry_says_so(checker: Checker) -> None:
    eye = checker.check("ciprofloxacin eye drops")
    assert any(n.startswith("Route matters (eye drops)") for n in eye.notes)
    gel = checker.check("ibuprofen gel")
    assert any("gels, creams and patches" in n for n in gel.notes)
    assert not any(n.startswith("Route matters") for n in checker.check("ibuprofen").notes)


@pytest.mark.parametrize(
    ("query", "generic", "level"),
    [
        ("a warm epsom salts bath", "epsom salt bath", Level.AVOID),
        ("weekly deep tissue massage", "deep tissue massage", Level.AVOID),
        ("valium for sleep", "diazepam", Level.AVOID),
        ("clonazepam at low dose for sleep", "clonazepam", Level.AVOID),
        ("eating more leafy greens", "magnesium rich foods", Level.SUPPORTIVE),
    ],
)
def test_free_phrases(checker: Checker, query: str, generic: str, level: Level) -> None:
    result = checker.check(query)
    assert result.match is not None
    assert (result.match.how, result.match.generic, result.level) == ("phrase", generic, level)


def test_several_things_in_one_phrase_are_checked_by_ingredient(checker: Checker) -> None:
    result = checker.check("tylenol and advil")
    assert result.match is not None
    assert result.match.how == "ingredient"
    assert [(i.name, i.level) for i in result.ingredients] == [
        ("acetaminophen", Level.SUPPORTIVE),
        ("ibuprofen", Level.CAUTION),
    ]
    assert result.level is Level.CAUTION


def test_combination_product_strictest_wins_and_shows_each_ingredient(checker: Checker) -> None:
    soma = checker.check("Soma Compound")
    assert soma.level is Level.AVOID
    assert [i.name for i in soma.ingredients] == ["carisoprodol", "aspirin"]
    assert {r.about for r in soma.reasons} == {"carisoprodol", "aspirin"}
    fioricet = checker.check("Fioricet")
    assert fioricet.level is Level.AVOID
    assert [i.level for i in fioricet.ingredients] == [
        Level.AVOID,
        Level.SUPPORTIVE,
        Level.NOT_COVERED,
    ]


def test_an_unknown_ingredient_keeps_a_product_from_reading_as_supportive(
    checker: Checker,
) -> None:
    result = checker.check("Tylenol PM")
    assert result.level is Level.NOT_COVERED
    assert "The documents do not cover diphenhydramine; ask your prescriber or pharmacist." in (
        result.notes
    )


@pytest.mark.parametrize(
    ("query", "readings"),
    [
        ("Benadryl", {"US: Benadryl": "diphenhydramine", "UK: Benadryl Allergy": "cetirizine"}),
        ("Sominex", {"US": "diphenhydramine", "UK": "promethazine"}),
        ("Unisom", {"SleepTabs": "doxylamine", "SleepGels": "diphenhydramine"}),
    ],
)
def test_brands_meaning_different_products_show_each_reading(
    checker: Checker, query: str, readings: dict[str, str]
) -> None:
    result = checker.check(query)
    assert {i.reading: i.name for i in result.ingredients} == readings


def test_nyquil_shows_the_alcohol_reading(checker: Checker) -> None:
    result = checker.check("NyQuil")
    with_alcohol = [i.name for i in result.ingredients if i.reading == "liquid containing alcohol"]
    alcohol_free = [i.name for i in result.ingredients if i.reading == "alcohol-free"]
    assert "alcohol" in with_alcohol
    assert "alcohol" not in alcohol_free
    assert result.level is Level.CAUTION  # alcohol, from an outside source


@pytest.mark.parametrize(
    ("query", "generic"),
    [
        ("gabapentn", "gabapentin"),
        ("alprazolm", "alprazolam"),
        ("cyclobenzapine", "cyclobenzaprine"),
    ],
)
def test_close_misspellings_are_offered_with_a_score_never_read_as_the_name(
    checker: Checker, query: str, generic: str
) -> None:
    result = checker.check(query)
    assert result.match is None
    assert result.level is Level.NOT_COVERED
    assert result.suggestions[0].generic == generic
    assert 88 <= result.suggestions[0].score < 100


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("ambiem", "Ambien (zolpidem, a Z-drug sleeping pill)"),
        ("diazepan", "diazepam (a benzodiazepine)"),
    ],
)
def test_weak_matches_are_suggestions_not_substitutions(
    checker: Checker, query: str, label: str
) -> None:
    result = checker.check(query)
    assert result.match is None
    assert result.level is Level.NOT_COVERED
    assert label in [s.label for s in result.suggestions]


@pytest.mark.parametrize("query", ["som", "zan", "gab", "xana"])
def test_no_fuzzy_matching_of_very_short_words(checker: Checker, query: str) -> None:
    result = checker.check(query)
    assert result.match is None
    assert result.suggestions == ()


@pytest.mark.parametrize(
    ("query", "generic", "level"),
    [
        ("Klonopin", "clonazepam", Level.AVOID),
        ("clonidine", "clonidine", Level.NOT_COVERED),
        ("Celebrex", "celecoxib", Level.CAUTION),
        ("Celexa", "citalopram", Level.NOT_COVERED),
    ],
)
def test_look_alike_names_are_never_confused(
    checker: Checker, query: str, generic: str, level: Level
) -> None:
    result = checker.check(query)
    assert result.match is not None
    assert (result.match.generic, result.level) == (generic, level)
    suggested = [s.name for s in result.suggestions]
    assert "Klonopin" not in suggested or generic == "clonazepam"
    assert "Celebrex" not in suggested


@pytest.mark.parametrize("query", ["qwertyuiop", "zzzz", "10 mg", "my favourite tea"])
def test_unknown_is_not_covered_never_safe(checker: Checker, query: str) -> None:
    result = checker.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is None
    assert NOT_COVERED_TEXT in result.notes
    assert result.reasons == ()


@pytest.mark.parametrize("query", ["", "   ", "--"])
def test_an_empty_query_is_an_input_error(checker: Checker, query: str) -> None:
    with pytest.raises(InputError):
        checker.check(query)


def test_completion_offers_brands_and_generics_as_you_type(checker: Checker) -> None:
    assert checker.complete("val", limit=20) == [
        "valaciclovir",  # known medicines the documents do not cover are offered too
        "valacyclovir",
        "Valdispert",  # a Dutch and German valerian brand
        "valeriaan",  # valerian in Dutch
        "valerian",
        "valerian root",
        "valeriana",
        "valeriana officinalis",
        "valeriane",  # French, typed with or without the accent: offered once
        "Valium",
        "Valpam",
        "valproate",
        "valproic acid",
        "Valtoco",
        "Valtrex",
    ]
    assert checker.complete("Klon") == ["Klonopin"]  # misspellings are not offered
    assert len(checker.complete("c", limit=4)) == 4
    assert checker.complete("") == []
    assert checker.complete("qwerty") == []


@pytest.mark.parametrize(
    "query", ["water pills", "walking pneumonia", "heat rash cream", "salt tablets"]
)
def test_everyday_words_inside_other_things_are_not_read_as_coping_strategies(
    checker: Checker, query: str
) -> None:
    result = checker.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is None


def test_a_phrase_says_which_words_were_not_checked(checker: Checker) -> None:
    result = checker.check("leafy greens smoothie")
    assert result.match is not None
    assert result.match.name == "leafy greens"
    assert any(n.startswith("Not recognised, so not checked: smoothie.") for n in result.notes)
    assert not any(
        n.startswith("Not recognised") for n in checker.check("valium and tylenol").notes
    )
