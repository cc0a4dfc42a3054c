"""Each statement the three source documents make about what to take, avoid or try,
and a check that the knowledge base says it, with the right level and citation."""

from __future__ import annotations

import pytest

from benzoapp.core.cautions import Checker, Level, load_knowledge_base

ME, MC, IS = "muscular-effects", "mecfs-overlap", "induced-symptoms"
AVOID, COPING, MGMT = "What to Avoid", "Coping Strategies", "What This Means for Management"

# (what the person types, level, document, section, a word the cited reason must contain)
STATEMENTS: list[tuple[str, Level, str, str, str]] = [
    # muscular-effects, What to Avoid
    ("GABAergic medication", Level.AVOID, ME, AVOID, "GABAergic"),
    ("GABAergic supplement", Level.AVOID, ME, AVOID, "supplements"),
    ("benzodiazepine", Level.AVOID, ME, AVOID, "GABAergic"),
    ("Xanax", Level.AVOID, ME, AVOID, "GABAergic"),
    ("clonazepam", Level.AVOID, ME, AVOID, "GABAergic"),
    ("zolpidem", Level.AVOID, ME, AVOID, "GABAergic"),
    ("zopiclone", Level.AVOID, ME, AVOID, "GABAergic"),
    ("eszopiclone", Level.AVOID, ME, AVOID, "GABAergic"),
    ("zaleplon", Level.AVOID, ME, AVOID, "GABAergic"),
    ("phenobarbital", Level.AVOID, ME, AVOID, "GABAergic"),
    ("barbiturate", Level.AVOID, ME, AVOID, "GABAergic"),
    ("gabapentin", Level.AVOID, ME, AVOID, "GABAergic"),
    ("pregabalin", Level.AVOID, ME, AVOID, "GABAergic"),
    ("phenibut", Level.AVOID, ME, AVOID, "supplements"),
    ("kava", Level.AVOID, ME, AVOID, "supplements"),
    ("valerian", Level.AVOID, ME, AVOID, "supplements"),
    ("passionflower", Level.AVOID, ME, AVOID, "supplements"),
    ("GABA", Level.AVOID, ME, AVOID, "supplements"),
    ("muscle relaxant", Level.AVOID, ME, AVOID, "GABA"),
    ("baclofen", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("carisoprodol", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("cyclobenzaprine", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("tizanidine", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("methocarbamol", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("metaxalone", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("orphenadrine", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("chlorzoxazone", Level.AVOID, ME, AVOID, "muscle relaxants"),
    ("ibuprofen", Level.CAUTION, ME, AVOID, "Advil"),
    ("naproxen", Level.CAUTION, ME, AVOID, "Advil"),
    ("NSAID", Level.CAUTION, ME, AVOID, "Advil"),
    ("acetaminophen", Level.SUPPORTIVE, ME, AVOID, "better tolerated"),
    ("paracetamol", Level.SUPPORTIVE, ME, AVOID, "better tolerated"),
    ("CBD", Level.MIXED, ME, AVOID, "controversial"),
    ("THC", Level.MIXED, ME, AVOID, "controversial"),
    ("Epsom salt bath", Level.AVOID, ME, AVOID, "magnesium"),
    ("magnesium bath", Level.AVOID, ME, AVOID, "magnesium"),
    ("deep tissue massage", Level.AVOID, ME, AVOID, "rev up"),
    ("sports massage", Level.AVOID, ME, AVOID, "rev up"),
    ("cranial sacral massage", Level.AVOID, ME, AVOID, "rev up"),
    ("trigger point massage", Level.AVOID, ME, AVOID, "rev up"),
    # muscular-effects, Coping Strategies
    ("gentle massage", Level.SUPPORTIVE, ME, COPING, "Gentle massage"),
    ("acupuncture", Level.MIXED, ME, COPING, "revved up others"),
    ("biofeedback", Level.MIXED, ME, COPING, "revving"),
    ("neurofeedback", Level.MIXED, ME, COPING, "revving"),
    ("gentle exercise", Level.SUPPORTIVE, ME, COPING, "yoga"),
    ("gradual tapering", Level.SUPPORTIVE, ME, COPING, "gradual"),
    ("hydration", Level.SUPPORTIVE, ME, COPING, "hydrated"),
    ("magnesium rich foods", Level.SUPPORTIVE, ME, COPING, "magnesium and potassium"),
    ("potassium rich foods", Level.SUPPORTIVE, ME, COPING, "magnesium and potassium"),
    ("heat therapy", Level.SUPPORTIVE, ME, COPING, "heat pack"),
    ("hydrotherapy", Level.SUPPORTIVE, ME, COPING, "water therapy"),
    ("stretching", Level.SUPPORTIVE, ME, COPING, "do not force"),
    ("physical therapy", Level.SUPPORTIVE, ME, COPING, "physical therapist"),
    ("mindfulness", Level.SUPPORTIVE, ME, COPING, "Meditation"),
    ("supportive environment", Level.SUPPORTIVE, ME, COPING, "supportive network"),
    # mecfs-overlap, What This Means for Management
    ("graded exercise", Level.AVOID, MC, MGMT, "NICE"),
    ("pacing", Level.SUPPORTIVE, MC, MGMT, "energy envelope"),
    ("gentle exercise", Level.SUPPORTIVE, MC, MGMT, "post-exertional"),
    ("fluids", Level.SUPPORTIVE, MC, MGMT, "fluid and salt"),
    ("salt", Level.SUPPORTIVE, MC, MGMT, "fluid and salt"),
    ("compression garments", Level.SUPPORTIVE, MC, MGMT, "Compression"),
    ("fludrocortisone", Level.CAUTION, MC, MGMT, "medication burden"),
    ("midodrine", Level.CAUTION, MC, MGMT, "medication burden"),
    ("ivabradine", Level.CAUTION, MC, MGMT, "medication burden"),
    ("low-dose clonazepam for sleep", Level.AVOID, MC, MGMT, "Low-dose clonazepam for sleep"),
    ("gabapentin", Level.AVOID, MC, MGMT, "with caution"),
    ("pregabalin", Level.AVOID, MC, MGMT, "with caution"),
    # induced-symptoms
    ("Xanax", Level.AVOID, IS, "Benzodiazepine-Induced or Increased Symptoms", "Xanax"),
    ("Ambien", Level.AVOID, IS, "Benzodiazepine-Induced or Increased Symptoms", "Z-drugs"),
    ("lorazepam", Level.AVOID, IS, "Benzodiazepine-Induced or Increased Symptoms", "kindling"),
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_knowledge_base())


@pytest.mark.parametrize("statement", STATEMENTS, ids=[f"{s[0]}-{s[2]}" for s in STATEMENTS])
def test_knowledge_base_says_what_the_documents_say(
    checker: Checker, statement: tuple[str, Level, str, str, str]
) -> None:
    query, level, document, section, word = statement
    result = checker.check(query)
    assert result.level is level, (query, result.level)
    cited = [r for r in result.reasons if r.source == document and r.section == section]
    assert cited, f"{query}: nothing cited from {document}, {section}"
    assert any(word.lower() in r.text.lower() for r in cited), (query, [r.text for r in cited])


def test_gentle_exercise_shows_both_sides(checker: Checker) -> None:
    result = checker.check("gentle exercise")
    documents = {r.source for r in result.reasons}
    assert documents == {ME, MC}
    assert any("do not push through" in r.text for r in result.reasons)


def test_oral_magnesium_is_neither_the_bath_nor_the_foods(checker: Checker) -> None:
    result = checker.check("magnesium glycinate")
    assert result.level is Level.NOT_COVERED
    assert any("do not address magnesium supplements taken by mouth" in n for n in result.notes)
    assert {r.section for r in result.reasons} == {AVOID, COPING}
    assert checker.check("magnesium sulfate").match.generic == "oral magnesium"  # type: ignore[union-attr]
    assert checker.check("magnesium sulfate bath").level is Level.AVOID
    foods = checker.check("bananas")
    assert foods.level is Level.SUPPORTIVE
    assert any("not an Epsom salt bath" in n for n in foods.notes)


@pytest.mark.parametrize(
    ("query", "citation_word"),
    [("ciprofloxacin", "McConnell"), ("Levaquin", "Ashton"), ("alcohol", "Ashton")],
)
def test_outside_facts_carry_their_own_citation_and_say_so(
    checker: Checker, query: str, citation_word: str
) -> None:
    result = checker.check(query)
    assert result.level is Level.CAUTION
    assert result.reasons
    assert all(r.outside and not r.section for r in result.reasons)
    assert any(citation_word in r.source for r in result.reasons)
    assert any("beyond the three source documents" in n for n in result.notes)
    assert all(r.source_label.startswith("from beyond the three documents") for r in result.reasons)
