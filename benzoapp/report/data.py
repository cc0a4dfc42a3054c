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
DEFAULT_BOTTLE_ML = Decimal(100)

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
    # What the documents suggest instead, each cited (the checker's answer).
    alternatives: tuple[CitedText, ...] = ()
    # Do not stop or change a prescribed medicine without the prescriber (cited); the
    # printout shows it once for every medicine it applies to.
    prescriber_note: CitedText | None = None


@dataclass(frozen=True)
class PharmacyRow:
    """How much of one product the plan needs: in all, and per prescription period.

    ``per_period[i]`` covers the days from ``plan start + i * period days``.
    """

    drug: str
    strength_mg: Decimal
    total: Decimal
    per_period: tuple[Decimal, ...] = ()  # the amount used in each period (may be split)
    unit: str = "tablets"  # or "ml" for an oral solution, "mg weighed" for weighed doses
    # What to hand out in each period, in whole tablets (for "mg weighed": whole tablets
    # to weigh from) or whole bottles of ``bottle_ml`` for a liquid. A split tablet or an
    # opened bottle left over at the end of a period is used first in the next one.
    dispense: tuple[int, ...] = ()
    bottle_ml: Decimal | None = None

    @property
    def whole_counts(self) -> tuple[int, ...]:
        """``dispense``, or worked out from ``per_period`` when the caller gave none."""
        if self.dispense or not self.per_period:
            return self.dispense
        from benzoapp.report.dispense import whole_units_per_period

        if self.unit == "ml":
            size = self.bottle_ml or DEFAULT_BOTTLE_ML
        elif self.unit == "mg weighed":
            size = self.strength_mg
        else:
            size = Decimal(1)
        return whole_units_per_period(self.per_period, size)

    @property
    def dispense_unit(self) -> str:
        """``tablets`` or ``bottles``: what a pharmacy counts out."""
        return "bottles" if self.unit == "ml" else "tablets"


@dataclass(frozen=True)
class FlagRow:
    """One finding about the medicines taken together (the checker's regimen flag)."""

    level: str  # the checker's level word, e.g. "Caution"
    message: str
    source: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class OptionRow:
    """A gentler alternative plan or a slower pace, offered for the prescriber to weigh.

    ``figures`` is already in words (largest cut, longest forced hold, days), so the
    report does no arithmetic on it.
    """

    what: str
    figures: str
    source: str


@dataclass(frozen=True)
class PlanGuidance:
    """What the taper engine adds around the plan: caps, settings, options, paces.

    All of it is worked out by the core (``report.from_core.plan_guidance``); an empty
    value prints nothing.
    """

    caps: str = ""  # the crossover caps in force, in words; empty without a crossover
    settings: tuple[tuple[str, str], ...] = ()  # ("Country", "United Kingdom (GB)")...
    own_figures: str = ""  # the plan's own figures, beside the alternatives'
    alternatives: tuple[OptionRow, ...] = ()
    paces: tuple[OptionRow, ...] = ()


@dataclass(frozen=True)
class WeekLoad:
    """The mean symptom load of one calendar week (Monday first) of the journal."""

    start: dt.date
    mean: float
    days: int  # days with a rating in that week


@dataclass(frozen=True)
class JournalFindings:
    """What the journal found, as counts for the summary and full lines for the appendix."""

    first_day: dt.date
    last_day: dt.date
    days_logged: int
    mean_load: float
    weekly: tuple[WeekLoad, ...] = ()
    windows: tuple[str, ...] = ()  # one sentence per better stretch
    waves: tuple[str, ...] = ()  # one sentence per worse stretch
    exertion_summary: str = ""  # how often worsening followed exertion, in words
    exertion_found: tuple[str, ...] = ()  # one sentence per worsening after exertion
    position: str = ""  # the closest framework position's title, if any
    hold_suggestion: str = ""


@dataclass(frozen=True)
class ClinicianNotes:
    """What the prescriber's part adds to the plan's own warnings."""

    history: tuple[str, ...] = ()  # plain lines, e.g. from the dose log
    warnings: tuple[PlanWarning, ...] = ()  # beyond plan.warnings, e.g. from the journal
    framework_notes: tuple[CitedText, ...] = ()
    mimic_conditions: tuple[CitedText, ...] = ()
    journal: JournalFindings | None = None
    regimen_flags: tuple[FlagRow, ...] = ()


@dataclass(frozen=True)
class ReportOptions:
    """How the printout looks; none of it changes the plan."""

    page_size: PageSize = field(default_factory=default_page_size)
    name: str = ""  # overrides profile.name when given
    prescription_days: int = DEFAULT_PRESCRIPTION_DAYS
    checklist_weeks: int = DEFAULT_CHECKLIST_WEEKS
    # Volume of one bottle of oral solution, for counting whole bottles. Pack sizes differ
    # between makers and countries, so the printout says which size it assumed.
    bottle_ml: Decimal = DEFAULT_BOTTLE_ML
    generated_on: dt.date = field(default_factory=dt.date.today)
    app_version: str = __version__

    def __post_init__(self) -> None:
        if self.prescription_days < 1:
            raise InputError("the prescription period must be at least one day")
        if not 0 <= self.checklist_weeks <= 520:
            raise InputError("checklist weeks must be between 0 and 520")
        if not Decimal(0) < self.bottle_ml <= Decimal(5000):
            raise InputError("a bottle must hold more than 0 and at most 5000 ml")


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
    guidance: PlanGuidance = field(default_factory=PlanGuidance)

    @property
    def person_name(self) -> str:
        """The name to print: the option first, then the profile, else nothing."""
        if self.options.name.strip():
            return self.options.name.strip()
        return self.profile.name.strip() if self.profile else ""

    @property
    def equivalence_table(self) -> str:
        return self.table_name or self.plan.settings.table
