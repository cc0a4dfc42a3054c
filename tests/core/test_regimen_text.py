"""Reading a regimen as people write it: words, am/pm, commas and "and", brands, and one
clear sentence for anything that cannot be read."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.dose_sanity import dose_limit
from benzoapp.core.drugs import load_catalog
from benzoapp.core.errors import DoseConfirmationError, RegimenTextError
from benzoapp.core.model import Regimen, RegimenDose
from benzoapp.core.regimen_text import EVERY_HOURS, TIMES_A_DAY, WORD_TIMES, format_regimen

CATALOG = load_catalog()


def rows(regimen: Regimen) -> list[tuple[str, str, str]]:
    return [(d.drug, d.time, str(d.mg)) for d in regimen.doses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "clonazepam 0.5 mg morning and 1 mg at night",
            [("clonazepam", "08:00", "0.5"), ("clonazepam", "22:00", "1")],
        ),
        (
            "clonazepam 1mg three times a day",
            [("clonazepam", t, "1") for t in TIMES_A_DAY[3]],
        ),
        ("clonazepam 0.5mg twice daily", [("clonazepam", t, "0.5") for t in TIMES_A_DAY[2]]),
        (
            "Klonopin 1mg 8am, 0.5mg 10pm",
            [("clonazepam", "08:00", "1"), ("clonazepam", "22:00", "0.5")],
        ),
        ("Valium 5 mg at noon", [("diazepam", "12:00", "5")]),
        ("diazepam 2 mg in the afternoon", [("diazepam", "14:00", "2")]),
        ("diazepam 2 mg in the evening", [("diazepam", "18:00", "2")]),
        ("temazepam 15mg at bedtime", [("temazepam", "22:00", "15")]),
        (
            "lorazepam 1 mg morning and night",
            [("lorazepam", "08:00", "1"), ("lorazepam", "22:00", "1")],
        ),
        ("0.5 mg clonazepam at 8:30 p.m.", [("clonazepam", "20:30", "0.5")]),
        ("alprazolam 0.5mg tds", [("alprazolam", t, "0.5") for t in TIMES_A_DAY[3]]),
        ("clonazepam 0,5mg 12am", [("clonazepam", "00:00", "0.5")]),
        ("clonazepam 0.5mg 12pm", [("clonazepam", "12:00", "0.5")]),
        (
            "clonazepam 0.5 mg morning\ndiazepam 5mg night",
            [("clonazepam", "08:00", "0.5"), ("diazepam", "22:00", "5")],
        ),
        ("Klonopin ODT 0.125 mg at bedtime", [("clonazepam", "22:00", "0.125")]),
        ("clonazepam 1/2 tablet of 1 mg at 7 am", [("clonazepam", "07:00", "0.5")]),
        (
            "morning 0.5mg clonazepam, night 1mg",
            [("clonazepam", "08:00", "0.5"), ("clonazepam", "22:00", "1")],
        ),
        ("2 x 5mg diazepam at night", [("diazepam", "22:00", "10")]),
        ("clonazepam .5mg 22:00", [("clonazepam", "22:00", "0.5")]),
        ("Klonopin wafer 1mg 8am", [("clonazepam", "08:00", "1")]),
        (
            "clonazepam 0.5mg AM, 1mg PM",
            [("clonazepam", "08:00", "0.5"), ("clonazepam", "20:00", "1")],
        ),
        ("lorazepam 1mg every 8 hours", [("lorazepam", t, "1") for t in EVERY_HOURS[8]]),
        ("lorazepam 1mg q12h", [("lorazepam", t, "1") for t in EVERY_HOURS[12]]),
        (
            "diazepam 5mg with breakfast and 5mg with dinner",
            [("diazepam", "08:00", "5"), ("diazepam", "18:00", "5")],
        ),
        ("clonazepam half a tablet of 1 mg at night", [("clonazepam", "22:00", "0.5")]),
        ("0.5mg of clonazepam qhs", [("clonazepam", "22:00", "0.5")]),
    ],
)
def test_reads_what_people_write(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert rows(parse_regimen(text, CATALOG)) == sorted(expected, key=lambda r: (r[1], r[0]))


def test_a_dose_without_a_drug_takes_the_chosen_one() -> None:
    regimen = parse_regimen("0.5 mg morning and 1 mg at night", CATALOG, default_drug="Klonopin")
    assert rows(regimen) == [("clonazepam", "08:00", "0.5"), ("clonazepam", "22:00", "1")]
    three = parse_regimen("1mg three times a day", CATALOG, default_drug="lorazepam")
    assert [d.time for d in three.doses] == list(TIMES_A_DAY[3])


def test_a_product_name_is_kept_for_every_dose_after_it() -> None:
    regimen = parse_regimen("Xanax XR 1 mg morning and 1 mg evening", CATALOG)
    assert {d.release for d in regimen.doses} == {"alprazolam-xr"}


def test_word_times_are_the_documented_defaults() -> None:
    assert WORD_TIMES["morning"] == "08:00"
    assert WORD_TIMES["noon"] == "12:00"
    assert WORD_TIMES["afternoon"] == "14:00"
    assert WORD_TIMES["evening"] == "18:00"
    assert WORD_TIMES["night"] == WORD_TIMES["bedtime"] == "22:00"


ONE_SENTENCE = re.compile(r"[.?!]\s+[A-Z]")


def assert_one_sentence(message: str) -> None:
    unquoted = re.sub(r'"[^"]*"', '""', message)
    assert message[:1].isalnum() or message[:1] == '"', message
    assert message.endswith("."), message
    assert not ONE_SENTENCE.search(unquoted), message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "The regimen is empty: write what you take now"),
        ("0.5 mg morning", 'Say which drug "0.5 mg morning" is'),
        ("clonazepam 0.5mg", 'Add the time of day to "clonazepam 0.5mg"'),
        ("clonazepam 08:00", "Add the dose"),
        ("clonazepam 0.5 08:00", "write 0.5 mg or 0.5 mcg"),
        ("diazepam 5 mg at 8", "write 8am, 8pm or 08:00"),
        ("diazepam 5mg once a day", "Say when you take the dose"),
        ("diazepam 5mg daily", "Say when you take the dose"),
        ("diazepam 5mg six times a day", "one by one"),
        ("diazepam 5mg at 13pm", "as a time that exists"),
        ("diazepam 5mg at brunch", 'Write the time "brunch"'),
        ("alprazolam 0.5mg as needed", "a dose taken as needed has no fixed time"),
        ("lorazepam 1mg every 5 hours", "every 6, 8 or 12 hours"),
        ("klonopn 1mg 8am", "did you mean klonopin"),
        ("clonazepam morning 0.5mg at night", "one time of day"),
        ("diazepam 1,000 mcg 8am", "ambiguous"),
        ("diazepam 5mg 8am and 5 mg 08:00", "Give one total for diazepam at 08:00"),
        ("diazepam 0 mg 8am", "not more than zero"),
        ("diazepam 99999999 mg 22:00", "more than a hundred times"),
    ],
)
def test_refusals_say_what_to_change_in_one_sentence(text: str, says: str) -> None:
    with pytest.raises(RegimenTextError) as caught:
        parse_regimen(text, CATALOG)
    assert says in str(caught.value)
    assert_one_sentence(str(caught.value))


# ---- properties -------------------------------------------------------------------------

PLAIN_DRUGS = sorted(CATALOG.drugs)


def _time(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def regimens(draw: st.DrawFn) -> Regimen:
    """Any regimen: up to three drugs, each at up to four times, some taken as their
    modified-release product (whole tablets only)."""
    doses = []
    for drug_id in draw(
        st.lists(st.sampled_from(PLAIN_DRUGS), min_size=1, max_size=3, unique=True)
    ):
        drug = CATALOG.drugs[drug_id]
        limit = dose_limit(drug, CATALOG).limit_mg
        minutes = draw(st.lists(st.integers(0, 24 * 60 - 1), min_size=1, max_size=4, unique=True))
        if drug.modified_release and draw(st.booleans()):
            form = drug.modified_release[0]
            for minute in minutes:
                whole = draw(st.lists(st.sampled_from(form.tablets), min_size=1, max_size=2))
                mg = sum((t.mg for t in whole), Decimal(0))
                doses.append(RegimenDose(drug_id, _time(minute), mg, form.id))
            continue
        smallest = min(t.mg for t in drug.tablets)
        low = int(smallest / 50 * 10_000) + 1
        top = int(limit / len(minutes) * 10_000)
        for minute in minutes:
            mg = Decimal(draw(st.integers(low, max(low, top)))) / 10_000
            doses.append(RegimenDose(drug_id, _time(minute), mg))
    return Regimen(tuple(sorted(doses, key=lambda d: (d.time, d.drug))))


def _by_brand(text: str, draw_brand: st.DataObject) -> str:
    """Each plain drug written by one of its own brand names instead of its id."""
    parts = []
    for part in text.split("; "):
        name, _, rest = part.partition(" ")
        drug = CATALOG.drugs.get(name)
        own = [b for b in drug.brands if CATALOG.names[b.casefold()] == name] if drug else []
        if own and not CATALOG.release_of(name):
            name = draw_brand.draw(st.sampled_from(own))
        parts.append(f"{name} {rest}")
    return "; ".join(parts)


@settings(max_examples=150)
@given(regimens(), st.sampled_from(["clock", "ampm", "words"]), st.booleans(), st.data())
def test_any_regimen_written_out_reads_back_identically(
    regimen: Regimen, style: str, brands: bool, data: st.DataObject
) -> None:
    text = format_regimen(regimen, style)
    if brands:
        text = _by_brand(text, data)
    assert parse_regimen(text, CATALOG, confirmed=True) == regimen


VOCABULARY = [
    "clonazepam", "Klonopin", "diazepam", "Xanax XR", "0.5", "1,000", "0,5", "mg", "mcg",
    "1/2", "1/0", "tablet of", "at", "morning", "night", "noon", "8am", "13pm", "22:00",
    "24:00", "twice", "three times a day", "daily", ",", ";", "and", "&", "+", "\n", "-",
    "99999999999999999999", "half", "bd", "p.m.", "µg", "ODT", "once", "8",
]  # fmt: skip


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join),
    )
)
def test_nothing_but_the_typed_errors_is_ever_raised(text: str) -> None:
    message = ""
    concerns: tuple[object, ...] = ("none raised",)
    try:
        parse_regimen(text, CATALOG)
    except RegimenTextError as error:
        message = str(error)
    except DoseConfirmationError as error:
        concerns = error.concerns
    if message:
        assert_one_sentence(message)
    assert concerns
