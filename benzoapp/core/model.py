"""The shared vocabulary of the app: regimen, plan, steps, warnings, log and journal.

These frozen dataclasses are what the core returns, what the store saves and loads, and
what the GUI, the CLI and the PDF show. Doses are ``Decimal`` milligrams throughout: a
taper is a sequence of exact amounts, and binary floats would drift.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Method(StrEnum):
    """How each reduction is sized."""

    PERCENT = "percent"  # a fixed fraction of the current dose
    HYPERBOLIC = "hyperbolic"  # equal steps of receptor effect; mg cuts shrink
    LINEAR = "linear"  # equal mg cuts (a fraction of the starting dose)


class Form(StrEnum):
    """What the person measures doses with."""

    TABLET = "tablet"  # whole tablets and the splits a scored tablet allows
    LIQUID = "liquid"  # an oral solution measured to 0.1 ml
    WEIGHED = "weighed"  # dry-cut fragments weighed on a scale


class WarningLevel(StrEnum):
    """How loudly a warning speaks (shown by words and shapes, not colour alone)."""

    INFO = "info"
    CAUTION = "caution"
    STRONG = "strong"


@dataclass(frozen=True)
class RegimenDose:
    """One drug taken at one time of day, e.g. clonazepam 0.5 mg at 08:00."""

    drug: str  # generic id from the drug data, e.g. "clonazepam"
    time: str  # "HH:MM", 24-hour
    mg: Decimal
    # The modified-release product taken ("alprazolam-xr" for Xanax XR), "" for the
    # ordinary immediate-release drug. Left out of repr so that the frozen plan digests
    # (tests/taper/plan_snapshots.json) of immediate-release regimens stay as they were.
    release: str = field(default="", repr=False)


@dataclass(frozen=True)
class Regimen:
    """Everything the person takes of benzodiazepines and Z-drugs, per time of day."""

    doses: tuple[RegimenDose, ...]

    @property
    def drugs(self) -> tuple[str, ...]:
        """The distinct drugs, in order of first appearance."""
        return tuple(dict.fromkeys(d.drug for d in self.doses))

    @property
    def total_mg(self) -> Decimal:
        return sum((d.mg for d in self.doses), Decimal(0))


@dataclass(frozen=True)
class TabletStrength:
    """A tablet the person has: its strength and how finely it may be split."""

    drug: str
    mg: Decimal
    max_split: int = 1  # 1 = whole only, 2 = halves (scored), 4 = quarters


@dataclass(frozen=True)
class PlanSettings:
    """What the person (with their prescriber) chose; the plan follows from these."""

    method: Method = Method.PERCENT
    rate_percent: Decimal = Decimal(10)
    every_days: int = 14
    form: Form = Form.TABLET
    start: dt.date = field(default_factory=dt.date.today)
    crossover_to: str | None = None  # e.g. "diazepam"
    table: str = "ashton"  # equivalence table id
    liquid_mg_per_ml: Decimal | None = None
    tablets: tuple[TabletStrength, ...] = ()  # empty: the drug data's common strengths
    micro: bool = False  # daily micro-taper at the same overall rate
    # Added by the taper engine (all optional):
    final_dose_mg: Decimal | None = None  # stop after one period at or below this; None:
    # the smallest amount the form can make
    hyperbolic_k_de_mg: Decimal = Decimal(5)  # dose (diazepam eq.) of half-maximal effect
    rate_base_de_mg: Decimal | None = None  # linear/hyperbolic rates are % of this; None:
    # the starting dose (a re-plan keeps the original)
    crossover_stage_de_mg: Decimal | None = None  # most diazepam-eq. mg switched per
    # crossover stage; None: a whole dose time at once
    # Modified-release products planned in whole tablets only (ids like "alprazolam-xr"):
    # build_plan adds the regimen's own, so holds, edits and re-plans keep them. Out of
    # repr for the same reason as RegimenDose.release.
    modified_release: tuple[str, ...] = field(default=(), repr=False)
    # Clinical guidance (taper engine, second wave). Out of repr like the field above, so
    # the frozen digests of plans these do not change stay as they were.
    # Crossover from a high dose: the most mg of the crossover drug at one dose time and
    # in a day. None: no cap per dose time, and the drug's usual daily maximum a day
    # (core/taper/limits.py); what does not fit is reduced as the old drug instead of
    # substituted (Ashton; ASAM 2025 Table 7 note).
    crossover_max_dose_mg: Decimal | None = field(default=None, repr=False)
    crossover_max_daily_mg: Decimal | None = field(default=None, repr=False)
    crossover_caps: bool = field(default=True, repr=False)  # False: the full equivalent
    # A short-acting drug taken at several times keeps every dose time through the taper
    # (cuts spread over them); False cuts one time at a time, earliest first, with a
    # caution about inter-dose withdrawal (core/taper/short_acting.py).
    keep_dose_times: bool = field(default=True, repr=False)
    # Products and measuring (resources/drugs products per country; docs/taper.md).
    # Out of repr so the frozen digests of plans made without them stay as they were.
    # country: "US", "GB", "CA", "AU", ... plans with that country's products; None: the
    # common strengths of the drug data, as before.
    country: str | None = field(default=None, repr=False)
    # Weighed form: the weight of one whole tablet and the scale's smallest division;
    # None: the defaults of benzoapp.core.formulation (100 mg tablet, 1 mg scale).
    tablet_mass_mg: Decimal | None = field(default=None, repr=False)
    scale_resolution_mg: Decimal | None = field(default=None, repr=False)
    # Liquid form: the oral syringe's smallest graduation; None: 0.1 ml.
    syringe_step_ml: Decimal | None = field(default=None, repr=False)


@dataclass(frozen=True)
class StepDose:
    """What to take at one time of day during a step."""

    drug: str
    time: str
    mg: Decimal
    units: str = ""  # how to make it, e.g. "1 x 2 mg + 1/2 x 1 mg" or "2.5 ml"
    makeable: bool = True  # False: the chosen form cannot make this dose exactly


@dataclass(frozen=True)
class Step:
    """A stretch of days on the same doses. Steps are contiguous: no gaps, no overlaps."""

    index: int
    start: dt.date
    days: int
    doses: tuple[StepDose, ...]
    diazepam_equivalent_mg: Decimal
    hold: bool = False
    edited: bool = False  # changed by hand
    note: str = ""
    history: bool = False  # before a re-plan: kept as a record, no longer the plan ahead

    @property
    def end(self) -> dt.date:
        """Last day of the step (inclusive)."""
        return self.start + dt.timedelta(days=self.days - 1)

    @property
    def total_mg(self) -> Decimal:
        return sum((d.mg for d in self.doses), Decimal(0))


@dataclass(frozen=True)
class PlanWarning:
    """A reason to slow down or talk to the prescriber, with where it comes from."""

    code: str  # stable id, e.g. "faster_than_10pct_per_2wk"
    level: WarningLevel
    message: str
    source: str  # e.g. "ASAM 2025 Rec. 6" or "induced-symptoms (kindling)"
    step_index: int | None = None  # the step that caused it, if any


@dataclass(frozen=True)
class Plan:
    """A whole taper from the starting regimen to zero."""

    regimen: Regimen
    settings: PlanSettings
    steps: tuple[Step, ...]
    warnings: tuple[PlanWarning, ...] = ()

    @property
    def end_date(self) -> dt.date | None:
        return self.steps[-1].end if self.steps else None

    def step_on(self, day: dt.date) -> Step | None:
        """The step in force on ``day``: the plan ahead first, else a step kept as history.

        The one answer the window, the printed plan and the CLI give for "today's step".
        """
        matches = [s for s in self.steps if s.start <= day <= s.end]
        ahead = [s for s in matches if not s.history]
        chosen = ahead or matches
        return chosen[-1] if chosen else None

    def is_stop(self, step: Step) -> bool:
        """Whether ``step`` is the last, dose-free step: the day the taper is done.

        The engine gives that step one day so it has a date; shown like the others it
        would read "0 mg for 1 day", so displays say "none from here on" instead.
        """
        last = self.steps[-1] if self.steps else None
        return last is not None and step.index == last.index and step.total_mg == 0


@dataclass(frozen=True)
class DoseLogEntry:
    """What was planned and what was really taken at one dose time on one day."""

    day: dt.date
    time: str
    drug: str
    planned_mg: Decimal
    taken_mg: Decimal | None = None  # None: not recorded yet
    note: str = ""


@dataclass(frozen=True)
class JournalDay:
    """One day of the symptom journal: severities 0-10 by symptom, exertion 0-10 by kind."""

    day: dt.date
    symptoms: dict[str, int] = field(default_factory=dict)
    exertion: dict[str, int] = field(default_factory=dict)  # physical, cognitive, emotional
    notes: str = ""


@dataclass(frozen=True)
class Medication:
    """Something else the person takes or does: a medicine, supplement or therapy."""

    name: str  # as the person typed it
    kind: str = "medication"  # medication | supplement | therapy
    dose: str = ""
    notes: str = ""
    started: dt.date | None = None


@dataclass(frozen=True)
class Profile:
    """The person's history that the documents say matters (all optional)."""

    name: str = ""
    benzo_start: dt.date | None = None
    prior_tapers: int = 0
    prior_withdrawals: int = 0  # kindling risk (induced-symptoms)
    reinstatements: int = 0
    well_before_exposure: bool | None = None  # mecfs-overlap: the three positions
    classical_trigger: bool | None = None  # e.g. viral illness before onset
    onset_during_or_after_taper: bool | None = None
    post_exertional_malaise: bool | None = None
    notes: str = ""
    # For the pace suggestions (core/taper/pace.py): 65 and over is a reason to go slower.
    # Not stored yet (the store keeps the fields above); the CLI takes it as --age.
    birth_year: int | None = None
