"""Safe "did you mean": a real medicine is never read as, or offered, a look-alike, and
every suggestion says what it is."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.cli.commands.check import format_result
from benzoapp.core.cautions import (
    KNOWN_KIND,
    LEVEL_WORDS,
    NOT_COVERED_TEXT,
    Checker,
    Level,
    load_knowledge_base,
    parse_knowledge_base,
)
from benzoapp.core.cautions.kb import read_knowledge_files
from benzoapp.core.cautions.matching import Found, Target, plausible_misspelling
from benzoapp.core.cautions.normalise import fold
from benzoapp.core.errors import DataError

KB = load_knowledge_base()
CHECKER = Checker(KB)
KNOWN = [e for e in KB.entries.values() if e.kind == KNOWN_KIND]
KNOWN_NAMES = sorted(
    (name, entry.id) for entry in KNOWN for name in (*entry.names, *(b.name for b in entry.brands))
)


def _entry_of(name: str) -> str:
    """The entry id a knowledge base name leads to."""
    target = CHECKER.index.exact(fold(name))
    assert target is not None, name
    return target.id


# (what a person types, the look-alike the old matcher offered or matched). The first
# three were reported; the rest came from running the matcher over the known medicines.
RISKY_PAIRS = [
    ("fluoxetine", "Floxin"),  # an SSRI, not ofloxacin
    ("Dramamine", "Dalmane"),  # travel sickness, not flurazepam (a benzodiazepine)
    ("bupropion", "ibuprofin"),  # an antidepressant, not ibuprofen
    ("escitalopram", "citalopram"),  # was read as citalopram, 91% alike
    ("Cipralex", "Cipramil"),
    ("Zispin", "Disprin"),
    ("Risperdal", "carisoprodal"),
    ("Tenormin", "Normison"),
    ("dimenhydrinate", "diphenhydramine"),
    ("Crestor", "Restoril"),
    ("Zestril", "Restoril"),
    ("thyroxine", "hydroxyzine"),
    ("Somac", "Soma"),  # pantoprazole was read as carisoprodol: AVOID
    ("Biaxin", "Robaxin"),
    ("doxycycline", "doxylamine"),
    ("levocetirizine", "cetirizine"),
]


@pytest.mark.parametrize(("typed", "look_alike"), RISKY_PAIRS)
def test_a_known_medicine_is_not_read_as_or_offered_its_look_alike(
    typed: str, look_alike: str
) -> None:
    result = CHECKER.check(typed)
    assert result.level is Level.NOT_COVERED
    assert result.match is not None
    assert result.match.how in {"exact", "brand"}
    assert _entry_of(look_alike) not in result.entry_ids
    assert result.suggestions == ()
    assert NOT_COVERED_TEXT in result.notes


@pytest.mark.parametrize(
    ("typed", "generic", "what"),
    [
        ("fluoxetine", "fluoxetine", "an SSRI antidepressant"),
        ("Antivert", "meclizine", "a travel-sickness antihistamine"),
        ("bupropion", "bupropion", "an antidepressant also used to stop smoking"),
    ],
)
def test_a_known_medicine_says_plainly_what_it_is_and_that_it_is_not_covered(
    typed: str, generic: str, what: str
) -> None:
    result = CHECKER.check(typed)
    assert result.match is not None
    assert result.match.generic == generic
    assert f"{generic} is {what} (from beyond the three documents: [K] general knowledge)." in (
        result.notes
    )
    text = format_result(result)
    assert f"{typed}: NOT COVERED" in text
    assert "ask your prescriber or pharmacist" in text


# Dramamine is a knowledge-base entry (a sedating antihistamine), so it is left out here.
WITHOUT_THE_LIST = RISKY_PAIRS[:1] + RISKY_PAIRS[2:3] + RISKY_PAIRS[5:8]


@pytest.mark.parametrize(("typed", "look_alike"), WITHOUT_THE_LIST)
def test_without_the_list_the_misspelling_rule_alone_offers_no_look_alike(
    typed: str, look_alike: str
) -> None:
    """A real medicine missing from the list is still not offered a look-alike."""
    kb_raw, products_raw, _ = read_knowledge_files()
    bare = Checker(parse_knowledge_base(kb_raw, products_raw))
    result = bare.check(typed)
    assert result.match is None
    assert look_alike not in [s.name for s in result.suggestions]
    assert result.suggestions == ()


@pytest.mark.parametrize(
    ("typed", "how", "generic", "level"),
    [
        ("gabapentine", "synonym", "gabapentin", Level.AVOID),
        ("diazapam", "synonym", "diazepam", Level.AVOID),
        ("xanex", "synonym", "alprazolam", Level.AVOID),
        ("epsom salts", "exact", "epsom salt bath", Level.AVOID),
    ],
)
def test_real_misspellings_still_resolve(typed: str, how: str, generic: str, level: Level) -> None:
    result = CHECKER.check(typed)
    assert result.match is not None
    assert (result.match.how, result.match.generic, result.level) == (how, generic, level)


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("gabapentn", "gabapentin"),
        ("alprazolm", "alprazolam"),
        ("cyclobenzapine", "cyclobenzaprine"),
        ("klonidine", "clonidine"),
        ("Restorill", "temazepam"),
        ("melatonine", "melatonin"),
        ("heat pacs", "heat therapy"),
    ],
)
def test_close_misspellings_are_offered_first_and_never_applied(typed: str, generic: str) -> None:
    result = CHECKER.check(typed)
    assert (result.match, result.level, result.reasons) == (None, Level.NOT_COVERED, ())
    assert result.suggestions[0].generic == generic


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("ambiem", "Ambien (zolpidem, a Z-drug sleeping pill)"),
        ("diazepan", "diazepam (a benzodiazepine)"),
        ("Dalmain", "Dalmane (flurazepam, a benzodiazepine)"),
        ("Dalmene", "Dalmane (flurazepam, a benzodiazepine)"),
    ],
)
def test_a_suggestion_says_what_it_is_and_is_never_applied(typed: str, label: str) -> None:
    result = CHECKER.check(typed)
    assert result.match is None
    assert result.level is Level.NOT_COVERED
    assert result.reasons == ()
    assert result.entry_ids == ()
    assert [s.label for s in result.suggestions] == [label]
    assert any("nothing has been checked in its place" in n for n in result.notes)


def test_a_misspelling_kept_as_a_synonym_is_offered_as_the_real_name() -> None:
    synonym = Found(Target("entry", "ibuprofen", "ibuprofin", "synonym"), 80.0)
    suggestion = CHECKER.suggestion(synonym)
    assert suggestion.label == "ibuprofen (an NSAID pain reliever)"
    product = Found(Target("product", "tylenol-pm", "Tylenol PM", "brand"), 80.0)
    assert CHECKER.suggestion(product).label == "Tylenol PM (acetaminophen + diphenhydramine)"
    benadryl = Found(Target("product", "benadryl", "Benadryl", "brand"), 80.0)
    assert CHECKER.suggestion(benadryl).label == "Benadryl (diphenhydramine or cetirizine)"


@pytest.mark.parametrize(
    ("typed", "name", "plausible"),
    [
        ("ambiem", "ambien", True),
        ("klonidine", "clonidine", True),  # c and k sound alike
        ("fenibut", "phenibut", True),  # so do f and ph
        ("zanax", "xanax", True),
        ("valuim", "valium", True),  # a swap is one slip
        ("fluoxetine", "floxin", False),  # four letters apart
        ("dramamine", "dalmane", False),
        ("bupropion", "ibuprofin", False),  # a different first letter
        ("escitalopram", "citalopram", False),
        ("fluoxatine", "floxacin", False),
        ("somac", "soma", True),  # one slip: only the list of known medicines tells these apart
    ],
)
def test_plausible_misspelling(typed: str, name: str, plausible: bool) -> None:
    assert plausible_misspelling(typed, name) is plausible


def test_a_typed_word_ending_in_a_drug_group_stem_keeps_it() -> None:
    assert plausible_misspelling("paroxetine", "paroxetin")
    assert not plausible_misspelling("nebivolol", "nebivolon", ("olol",))
    assert plausible_misspelling("nebivolon", "nebivolol", ("olol",))  # the name may have it
    assert "oxetine" in KB.stems


CASES = st.sampled_from(["{}", "{} 20 mg", "{} tablets", "  {}  ", "2 {} 10mg capsules"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KNOWN_NAMES), CASES, st.sampled_from([str.lower, str.upper, str.title]))
def test_a_known_medicine_is_never_another_drugs_match_or_suggestion(
    known: tuple[str, str], template: str, case: Any
) -> None:
    name, entry_id = known
    result = CHECKER.check(template.format(case(name)))
    assert result.entry_ids == (entry_id,)
    assert result.suggestions == ()
    assert result.level is Level.NOT_COVERED
    assert LEVEL_WORDS[result.level] == "Not covered"
    assert NOT_COVERED_TEXT in result.notes


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.one_of(WORD, st.sampled_from(KNOWN_NAMES).map(lambda k: k[0][:-1] + "x")))
def test_not_covered_is_never_shown_as_safe_and_suggestions_are_labelled(typed: str) -> None:
    result = CHECKER.check(typed)
    text = format_result(result)
    if result.level is Level.NOT_COVERED:
        assert "NOT COVERED" in text
        assert "SUPPORTIVE" not in text.split("\n", 1)[0]
        assert "safe" not in text.casefold()
    for suggestion in result.suggestions:
        assert suggestion.generic
        assert suggestion.label.startswith(suggestion.name)
        assert f"    - {suggestion.label}" in text
    if result.match is None:
        assert result.entry_ids == ()


def test_every_entry_says_what_it_is() -> None:
    for entry in KB.entries.values():
        assert KB.what(entry), entry.id
    assert KB.what(KB.entries["flurazepam"]) == "a benzodiazepine"
    assert KB.what(KB.entries["diphenhydramine"]) == "a sedating antihistamine"
    assert len(KNOWN) >= 60


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"id": "x", "names": ["Advil"], "class": "a test", "source": "t"},
            "known medicine 'x': name 'Advil' is already used by knowledge base entry 'ibuprofen'",
        ),
        ({"id": "x", "names": ["xylotest"], "source": "t"}, "needs a 'class'"),
        ({"id": "x", "names": ["xylotest"], "class": "a test"}, "needs a 'source'"),
        ({"id": "diazepam", "names": ["xylotest"], "class": "a", "source": "t"}, "used twice"),
        ({"id": "x", "names": ["x1"], "class": "a", "source": "t", "level": "x"}, "unknown"),
    ],
)
def test_a_bad_known_medicine_is_refused_with_its_name(change: Any, message: str) -> None:
    kb_raw, products_raw, known_raw = read_knowledge_files()
    known = copy.deepcopy(known_raw)
    known["medicines"].append(change)
    with pytest.raises(DataError) as error:
        parse_knowledge_base(kb_raw, products_raw, known)
    assert message in str(error.value)


def test_an_entry_that_cannot_say_what_it_is_is_refused() -> None:
    kb_raw, products_raw, _ = read_knowledge_files()
    broken = copy.deepcopy(kb_raw)
    for entry in broken["entries"]:
        if entry["id"] == "citalopram":
            del entry["class"]
    with pytest.raises(DataError, match="entry 'citalopram': nothing says what it is"):
        parse_knowledge_base(broken, products_raw)
