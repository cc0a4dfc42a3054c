"""Hand-made report inputs shared by the report tests."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from benzoapp.core.model import Profile
from benzoapp.report.data import (
    CitedText,
    ClinicianNotes,
    MedicationRow,
    PageSize,
    PharmacyRow,
    ReportData,
    ReportOptions,
)
from benzoapp.report.sample import sample_plan

TRICKY_NAME = '<b>Ann & "Bo"</b> <font size=40>'


def pdf_pages_text(data: bytes) -> list[str]:
    """Each page's extracted text, whitespace collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.fixture
def report_data() -> ReportData:
    return ReportData(
        plan=sample_plan(),
        table_name="Ashton Manual (2002)",
        profile=Profile(prior_withdrawals=2, well_before_exposure=True, notes="Worse <after> flu"),
        medications=(
            MedicationRow(
                "Gabapentin 300",
                "gabapentin",
                "caution",
                (
                    CitedText(
                        "Acts on GABA and adds sedation.", "muscular-effects", "What to avoid"
                    ),
                ),
            ),
            MedicationRow("xyzzy", "", "", ()),
        ),
        coping=(CitedText("Pace activity inside your energy.", "mecfs-overlap", "Management"),),
        pharmacy=(
            PharmacyRow(
                "clonazepam",
                Decimal("0.5"),
                Decimal(53),
                (Decimal(21), Decimal("14.5"), Decimal(10), Decimal("7.5")),
            ),
        ),
        clinician=ClinicianNotes(
            history=("Dose log: 96% of doses taken as planned",),
            framework_notes=(
                CitedText(
                    "Onset during the taper points to withdrawal.", "mecfs-overlap", "Labels"
                ),
            ),
            mimic_conditions=(CitedText("Multiple sclerosis", "muscular-effects", "Mimics"),),
        ),
        options=ReportOptions(
            page_size=PageSize.A4,
            name=TRICKY_NAME,
            generated_on=dt.date(2025, 3, 20),
            app_version="9.8.7",
        ),
    )
