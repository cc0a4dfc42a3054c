"""Class coverage: each member of a class the documents name resolves to its class, with a
citation for its membership."""

from __future__ import annotations

import pytest

from benzoapp.core.cautions import Checker, Level, load_knowledge_base
from benzoapp.core.cautions.context import BENZODIAZEPINE_ENDINGS
from benzoapp.core.cautions.english import bundled_english
from benzoapp.core.drugs import load_catalog

KB = load_knowledge_base()
CHECKER = Checker(KB)
CLASSES = (
    "gabaergic-supplement",
    "gabaergic-medication",
    "muscle-relaxant",
    "cannabinoid",
    "alcohol",
)
MEMBERS = [e for e in KB.entries.values() if e.kind != "class" and set(CLASSES) & set(e.categories)]


def test_every_name_of_every_entry_resolves_to_that_entry() -> None:
    for entry in KB.entries.values():
        for name in (*entry.names, *entry.synonyms, *(b.name for b in entry.brands)):
            result = CHECKER.check(name)
            assert entry.id in result.entry_ids, (entry.id, name, result.entry_ids)
            assert result.level is entry.level, name


@pytest.mark.parametrize("entry", MEMBERS, ids=lambda e: e.id)
def test_every_class_member_cites_its_membership(entry: object) -> None:
    from benzoapp.core.cautions.kb import Entry

    assert isinstance(entry, Entry)
    assert entry.reasons, entry.id
    assert entry.level in {Level.AVOID, Level.CAUTION, Level.MIXED}, entry.id
    for reason in entry.reasons:
        assert reason.source.outside or reason.source.document, entry.id


@pytest.mark.parametrize(
    ("query", "entry_id", "level"),
    [
        # GABAergic herbs, supplements and amino acids, with brands and other languages
        ("L-theanine", "l-theanine", Level.AVOID),
        ("Suntheanine 200mg", "l-theanine", Level.AVOID),
        ("chamomile tea", "chamomile", Level.AVOID),
        ("Kamillentee", "chamomile", Level.AVOID),
        ("manzanilla", "chamomile", Level.AVOID),
        ("ashwagandha", "ashwagandha", Level.AVOID),
        ("KSM-66", "ashwagandha", Level.AVOID),
        ("lemon balm", "lemon-balm", Level.AVOID),
        ("Zitronenmelisse", "lemon-balm", Level.AVOID),
        ("skullcap", "skullcap", Level.AVOID),
        ("picamilon", "picamilon", Level.AVOID),
        ("magnolia bark", "magnolia-bark", Level.AVOID),
        ("Relora", "magnolia-bark", Level.AVOID),
        ("hops", "hops", Level.AVOID),
        ("Gabitril", "tiagabine", Level.AVOID),
        ("Baldrian", "valerian", Level.AVOID),
        ("valériane", "valerian", Level.AVOID),
        ("valeriaan", "valerian", Level.AVOID),
        ("Baldrian-Dispert", "valerian", Level.AVOID),
        ("Passionsblume", "passionflower", Level.AVOID),
        ("passiflore", "passionflower", Level.AVOID),
        ("pasiflora", "passionflower", Level.AVOID),
        ("passiebloem", "passionflower", Level.AVOID),
        ("Johanniskraut", "st-johns-wort", Level.CAUTION),
        ("millepertuis", "st-johns-wort", Level.CAUTION),
        ("iperico", "st-johns-wort", Level.CAUTION),
        ("sint-janskruid", "st-johns-wort", Level.CAUTION),
        ("hierba de san juan", "st-johns-wort", Level.CAUTION),
        ("Magnesiumcitrat", "magnesium-oral", Level.NOT_COVERED),
        ("citrate de magnésium", "magnesium-oral", Level.NOT_COVERED),
        ("citrato de magnesio", "magnesium-oral", Level.NOT_COVERED),
        ("magnesiumcitraat", "magnesium-oral", Level.NOT_COVERED),
        ("sel d'Epsom", "epsom-salt-bath", Level.AVOID),
        ("epsomzout", "epsom-salt-bath", Level.AVOID),
        # multi-ingredient sleep remedies
        ("Kalms Night", "valerian", Level.AVOID),
        ("Nytol Herbal", "hops", Level.AVOID),
        ("Olly Sleep", "l-theanine", Level.AVOID),
        ("herbal sleep aid", "gabaergic-supplements", Level.AVOID),
        # alcohol in its ordinary words
        ("vodka", "alcohol", Level.CAUTION),
        ("whiskey", "alcohol", Level.CAUTION),
        ("a glass of red wine", "alcohol", Level.CAUTION),
        ("gin and tonic", "alcohol", Level.CAUTION),
        # older sedatives
        ("chloral hydrate", "chloral-hydrate", Level.AVOID),
        ("Xyrem", "sodium-oxybate", Level.AVOID),
        ("sodium oxybate", "sodium-oxybate", Level.AVOID),
        ("tiagabine", "tiagabine", Level.AVOID),
        ("Rohypnol", "flunitrazepam", Level.AVOID),
        ("Nembutal", "pentobarbital", Level.AVOID),
        # cannabis inside phrases
        ("CBD gummies", "cbd", Level.MIXED),
        ("cbd oil for sleep", "cbd", Level.MIXED),
        ("delta-8", "thc", Level.MIXED),
        ("thc vape", "thc", Level.MIXED),
        # muscle relaxants
        ("dantrolene", "dantrolene", Level.AVOID),
        ("Flexeril 10mg", "cyclobenzaprine", Level.AVOID),
        # baths and massage, with each modifier the documents name
        ("magnesium chloride bath", "epsom-salt-bath", Level.AVOID),
        ("magnesium flakes foot soak", "epsom-salt-bath", Level.AVOID),
        ("bath with magnesium citrate", "epsom-salt-bath", Level.AVOID),
        ("warm bath", "hydrotherapy", Level.SUPPORTIVE),
        ("deep tissue massage", "deep-massage", Level.AVOID),
        ("sports massage", "deep-massage", Level.AVOID),
        ("cranial sacral", "deep-massage", Level.AVOID),
        ("trigger point", "deep-massage", Level.AVOID),
        ("gentle massage", "gentle-massage", Level.SUPPORTIVE),
        ("gentle stroking", "gentle-massage", Level.SUPPORTIVE),
        ("massage", "massage", Level.MIXED),
        ("acupuncture for anxiety", "acupuncture", Level.MIXED),
    ],
)
def test_class_members_resolve_to_their_class(query: str, entry_id: str, level: Level) -> None:
    result = CHECKER.check(query)
    assert entry_id in result.entry_ids, result
    assert result.level is level


def test_the_benzodiazepine_endings_cover_the_catalog() -> None:
    """Every catalog drug but the two whose names break the pattern ends in one of them."""
    english = bundled_english()
    uncovered = {d for d in load_catalog().drugs if not d.endswith(BENZODIAZEPINE_ENDINGS)}
    assert uncovered == {"chlordiazepoxide", "clobazam"}
    assert not any(d in english for d in load_catalog().drugs if d.endswith(BENZODIAZEPINE_ENDINGS))


@pytest.mark.parametrize(
    "query", ["alcohol free", "non alcoholic beer", "alcohol-free wine", "zero alcohol beer"]
)
def test_a_drink_said_to_have_no_alcohol_is_not_read_as_alcohol(query: str) -> None:
    result = CHECKER.check(query)
    assert "alcohol" not in result.entry_ids
    assert result.level is Level.NOT_COVERED


@pytest.mark.parametrize("query", ["clonazolam", "diclazepam", "phenazepam", "flubromazepam"])
def test_designer_benzodiazepines_are_avoid(query: str) -> None:
    assert CHECKER.check(query).level is Level.AVOID
