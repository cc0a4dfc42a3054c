"""What a printed plan shows, as plain values the caller has already computed.

The report layer does no medical reasoning: the taper engine, the caution checker and
the journal produce their results elsewhere, and this module only names the shapes in
which they reach the PDF, calendar and spreadsheet writers.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from benzoapp import __version__
from benzoapp.core.errors import InputError
from benzoapp.core.model import Plan, PlanWarning, Profile

DEFAULT_CHECKLIST_WEEKS = 4
DEFAULT_PRESCRIPTION_DAYS = 28

# Territories whose printers default to US Letter; everywhere else uses A4.
_LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "DO", "PR", "NI"}
)


class PageSize(StrEnum):
    """The two paper sizes people actually have in their printers."""

    A4 = "a4"
    LETTER = "letter"


def parse_page_size(text: str) -> PageSize:
    """Read ``a4`` or ``letter`` (any case); anything else is an input error."""
    try:
        return PageSize(text.strip().lower())
    except ValueError:
        raise InputError(f"page size must be a4 or letter, not {text!r}") from None


def default_page_size(environ: Mapping[str, str] | None = None) -> PageSize:
    """Letter in the Americas' Letter countries, A4 elsewhere, from the locale.

    POSIX lets ``LC_ALL`` override ``LC_PAPER`` override ``LANG``; on systems without
    those variables the process locale decides. A locale we cannot read means A4, the
    paper size of most of the world.
    """
    env = os.environ if environ is None else environ
    name = env.get("LC_ALL") or env.get("LC_PAPER") or env.get("LANG") or ""
    if not name and environ is None:
        name = locale.getlocale()[0] or ""
    territory = name.split(".")[0].split("@")[0]
    if "_" in territory:
        code = territory.split("_", 1)[1].upper()
    elif "-" in territory:
        code = territory.split("-", 1)[1].upper()
    else:
        code = ""
    return PageSize.LETTER if code in _LETTER_TERRITORIES else PageSize.A4


@dataclass(frozen=True)
class CitedText:
    """A sentence with where it comes from: a document id or a reference, and a section."""

    text: str
    source: str = ""
    section: str = ""

    @property
    def citation(self) -> str:
        """``source, section`` (either may be missing), as printed after the text."""
        return ", ".join(part for part in (self.source, self.section) if part)


@dataclass(frozen=True)
class MedicationRow:
    """One other medicine, supplement or therapy with what the caution checker found."""

    name: str  # as the person typed it
    matched: str = ""  # the name it was recognised as; empty when not recognised
    level: str = ""  # the checker's level word, e.g. "caution"; printed as given
    reasons: tuple[CitedText, ...] = ()
    kind: str = ""  # medication | supplement | therapy


@dataclass(frozen=True)
class PharmacyRow:
    """How much of one product the plan needs: in all, and per prescription period.

    ``per_period[i]`` covers the days from ``plan start + i * period days``.
    """

    drug: str
    strength_mg: Decimal
    total: Decimal
    per_period: tuple[Decimal, ...] = ()
    unit: str = "tablets"  # or "ml" for an oral solution


@dataclass(frozen=True)
class ClinicianNotes:
    """What the prescriber's page adds to the plan's own warnings."""

    history: tuple[str, ...] = ()  # plain lines, e.g. from the dose log
    warnings: tuple[PlanWarning, ...] = ()  # beyond plan.warnings, e.g. from the journal
    framework_notes: tuple[CitedText, ...] = ()
    mimic_conditions: tuple[CitedText, ...] = ()


@dataclass(frozen=True)
class ReportOptions:
    """How the printout looks; none of it changes the plan."""

    page_size: PageSize = field(default_factory=default_page_size)
    name: str = ""  # overrides profile.name when given
    prescription_days: int = DEFAULT_PRESCRIPTION_DAYS
    checklist_weeks: int = DEFAULT_CHECKLIST_WEEKS
    generated_on: dt.date = field(default_factory=dt.date.today)
    app_version: str = __version__

    def __post_init__(self) -> None:
        if self.prescription_days < 1:
            raise InputError("the prescription period must be at least one day")
        if not 0 <= self.checklist_weeks <= 520:
            raise InputError("checklist weeks must be between 0 and 520")


@dataclass(frozen=True)
class ReportData:
    """Everything one printout shows; only the plan is required."""

    plan: Plan
    table_name: str = ""  # equivalence table as a person reads it, e.g. "Ashton Manual (2002)"
    profile: Profile | None = None
    medications: tuple[MedicationRow, ...] = ()
    coping: tuple[CitedText, ...] = ()
    pharmacy: tuple[PharmacyRow, ...] = ()
    clinician: ClinicianNotes = field(default_factory=ClinicianNotes)
    options: ReportOptions = field(default_factory=ReportOptions)

    @property
    def person_name(self) -> str:
        """The name to print: the option first, then the profile, else nothing."""
        if self.options.name.strip():
            return self.options.name.strip()
        return self.profile.name.strip() if self.profile else ""

    @property
    def equivalence_table(self) -> str:
        return self.table_name or self.plan.settings.table
