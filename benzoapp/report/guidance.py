"""Fixed guidance the prescriber's summary prints, each line with where it was read.

Written in our own words from the published guidance named beside each line; see
docs/report.md ("Where the prescriber's page comes from") for the pages that were read.
Where the guidance differs, the stricter reading is printed and the difference named.
"""

from __future__ import annotations

from benzoapp.report.data import CitedText

# Short names, as printed; docs/report.md gives each one's full title and address.
ASAM_CLINICIAN = "ASAM 2025 guideline, clinician pocket guide"
ASAM_PATIENT = "ASAM 2025 guideline, patient guide"
DEPRESCRIBING_ORG = "deprescribing.org BZRA algorithm"

# Severe withdrawal needs urgent care the same day, not the next planned review.
RED_FLAGS = CitedText(
    "A seizure (fit); confusion or delirium; seeing or hearing things that are not there, "
    "or losing touch with reality; thoughts of suicide or of self-harm. For any of these, "
    "get urgent medical help now (emergency services), whatever the plan says.",
    ASAM_PATIENT,
    "p. 17, severe withdrawal symptoms",
)

# ASAM evaluates at each reduction; deprescribing.org monitors every 1-2 weeks. The
# stricter reading is printed: by the next reduction or within 2 weeks, the earlier.
REVIEW_CADENCE = CitedText(
    "at each reduction and at least every 2 weeks",
    f"{ASAM_CLINICIAN}, Rec. 9; {DEPRESCRIBING_ORG}",
)

QUESTIONS = (
    CitedText(
        "New or stronger symptoms in the week after the cut (they can take a week to appear)?",
        ASAM_PATIENT,
        "p. 10",
    ),
    CitedText(
        "Symptoms between doses (wearing off before the next one)?",
        ASAM_PATIENT,
        "p. 13",
    ),
    CitedText(
        "Tolerable enough to go on? If not, pause or slow first.",
        ASAM_CLINICIAN,
        "Rec. 11",
    ),
    CitedText(
        "Sleep, anxiety, daily life; any new medicine or supplement since the last cut?",
        ASAM_CLINICIAN,
        "Rec. 9",
    ),
)

# The questions' sources, once, after the list on the summary page.
QUESTIONS_SOURCE = f"{ASAM_PATIENT} pp. 10, 13; {ASAM_CLINICIAN} Rec. 9, 11"
