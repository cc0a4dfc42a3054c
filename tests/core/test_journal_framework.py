"""Framework notes: the plain questions lead to one of the three mecfs-overlap positions."""

from __future__ import annotations

import datetime as dt

import pytest

from benzoapp.core.journal import (
    FrameworkAnswers,
    find_post_exertional,
    framework_notes,
    match_position,
)
from benzoapp.core.journal.synthetic import Exertion, make_journal
from benzoapp.core.model import JournalDay, Profile

Y, N = True, False


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (FrameworkAnswers(Y, N, Y, None), "withdrawal_first"),
        (FrameworkAnswers(Y, N, Y, Y), "withdrawal_first"),
        (FrameworkAnswers(N, None, None, None), "both"),
        (FrameworkAnswers(N, Y, Y, Y), "both"),
        (FrameworkAnswers(Y, Y, N, Y), "mecfs"),
        (FrameworkAnswers(None, Y, N, None), "mecfs"),
        (FrameworkAnswers(Y, Y, Y, None), None),  # points two ways
        (FrameworkAnswers(Y, None, Y, None), None),  # trigger not answered
        (FrameworkAnswers(), None),
    ],
)
def test_answers_lead_to_the_matching_position(
    answers: FrameworkAnswers, expected: str | None
) -> None:
    assert match_position(answers)[0] == expected


def test_the_note_is_something_to_discuss_not_a_diagnosis() -> None:
    note = framework_notes(FrameworkAnswers(Y, N, Y, Y))
    assert note.position is not None
    assert note.position.id == "withdrawal_first"
    assert "discuss with a clinician" in note.discuss
    assert "not a diagnosis" in note.discuss
    assert note.open_questions == ()
    assert any(s.section == "What the Label Should Be" for s in note.sources)
    assert "pacing" in note.pem_note


def test_conflicting_answers_ask_for_a_conversation() -> None:
    note = framework_notes(FrameworkAnswers(Y, Y, Y, None))
    assert note.position is None
    assert "points two ways" in note.why or "point two ways" in note.why
    assert "clinician" in note.discuss
    assert len(note.open_questions) == 1
    assert "three days after" in note.open_questions[0]


def test_a_profile_answers_the_questions() -> None:
    profile = Profile(well_before_exposure=False, post_exertional_malaise=True)
    note = framework_notes(profile)
    assert note.position is not None
    assert note.position.id == "both"


def test_the_journal_can_speak_to_post_exertional_malaise() -> None:
    events = tuple(Exertion(20 * k, flare=10, delay=2) for k in range(1, 5))
    days = make_journal(dt.date(2025, 1, 1), 100, exertions=events)
    pem = find_post_exertional(days)
    note = framework_notes(FrameworkAnswers(), days, pem)
    assert "again and again" in note.pem_note
    quiet = framework_notes(FrameworkAnswers(post_exertional_malaise=False))
    assert "does not bring on delayed worsening" in quiet.pem_note


def test_mimic_conditions_are_listed_with_the_symptoms_they_share() -> None:
    start = dt.date(2025, 1, 1)
    days = [
        JournalDay(
            start + dt.timedelta(days=i), {"muscle_twitching": 6, "muscle_spasms": 4, "pain": 1}
        )
        for i in range(10)
    ]
    note = framework_notes(FrameworkAnswers(), days)
    assert len(note.mimics) == 8
    shared = {m.mimic.id: m.shared_symptoms for m in note.mimics}
    assert shared["cramp_fasciculation"] == ("muscle_spasms", "muscle_twitching")
    assert shared["periodic_paralysis"] == ()
    assert shared["fibromyalgia"] == ("muscle_spasms",)  # pain at 1 is below notable
    assert "muscular-effects" in {s.document for s in note.sources}
