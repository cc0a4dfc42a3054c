"""Pace suggestions from the person's profile: offered with their reasons, never imposed.

Four things in a person's history call for a slower start, each with the source that
says so. A suggestion is a rate and a period (percent of the current dose every so many
days); it is only offered when it is slower than the pace chosen, and the plan is never
changed by it: the person (with their prescriber) decides.

- 65 and over: Ashton Manual ch. II has a section "Withdrawal in older people" (the
  heading was read; its wording was not retrieved here, so no figure is taken from it);
  ASAM 2025 p.3 gives the initial pace of 5–10% every 2–4 weeks, whose slow end is
  offered; Maudsley 2024 errs on the side of caution (tapers can always be sped up).
- Long use: ASAM 2025 Table 2 puts 3 months or more at any dose at risk of clinically
  significant withdrawal, greater as duration increases.
- Earlier difficult withdrawals: Maudsley 2024 (err on the side of caution); the
  kindling point of the induced-symptoms document; a published 6-month schedule for
  patients who failed before ('Benzodiazepine tapering schedules', 2014).
- High dose: ASAM 2025 Table 2 counts above 15 mg diazepam-equivalent a day as high;
  eTG asks for specialist advice above 40 mg a day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.model import Plan, Profile
from benzoapp.core.taper.equivalents import lacks_equivalent

OLDER_AGE = 65
LONG_USE_DAYS = 91  # 3 months (ASAM 2025 Table 2)
HIGH_DE_MG = Decimal(15)  # ASAM 2025 Table 2, "high"
SPECIALIST_DE_MG = Decimal(40)  # eTG: specialist advice above this

ASAM_PACE = "ASAM 2025 p.3 and Rec. 6 (initial cuts 5–10% every 2–4 weeks)"
MAUDSLEY = (
    "Maudsley Deprescribing Guidelines 2024, benzodiazepine chapter (err on the side of caution)"
)
ASAM_RISK = "ASAM 2025 Table 2 (risk of clinically significant withdrawal)"


@dataclass(frozen=True)
class PaceSuggestion:
    """A slower pace offered for one reason in the profile, with its source."""

    code: str  # "older_age", "long_use", "difficult_withdrawals", "high_dose"
    reason: str
    rate_percent: Decimal
    every_days: int
    source: str

    @property
    def changes(self) -> dict[str, object]:
        """The settings that would give this pace (nothing else changes)."""
        return {"rate_percent": self.rate_percent, "every_days": self.every_days}


def _daily_keep(rate: Decimal, every: int) -> float:
    """The share of the dose kept per day at a rate per period: to compare paces."""
    keep: float = float(1 - rate / 100) ** (1 / every)
    return keep


def _slow(code: str, reason: str, source: str) -> PaceSuggestion:
    return PaceSuggestion(code, reason, Decimal(5), 28, source)


def _age(profile: Profile, on: dt.date) -> int | None:
    """Age in whole years on ``on`` from the birth year (at most a year too old)."""
    return None if profile.birth_year is None else on.year - profile.birth_year


def pace_suggestions(plan: Plan, profile: Profile | None) -> tuple[PaceSuggestion, ...]:
    """The slower paces the profile calls for, each once, that are slower than the plan's."""
    if profile is None or not plan.steps:
        return ()
    start = plan.settings.start
    found: list[PaceSuggestion] = []
    age = _age(profile, start)
    if age is not None and age >= OLDER_AGE:
        found.append(
            _slow(
                "older_age",
                f"At {age}, a slower start is wiser: 5% of the current dose every 4 weeks, "
                "the slow end of the usual initial pace; it can be sped up if all goes well.",
                f"Ashton Manual ch. II, 'Withdrawal in older people' (wording not retrieved "
                f"here: unverified); {ASAM_PACE}; {MAUDSLEY}; Robertson et al., Am Fam "
                "Physician 2023 (PMID 37725458), abstract: older adults carry more risk, "
                "taper slowly over weeks to months or longer",
            )
        )
    if profile.benzo_start is not None and (start - profile.benzo_start).days >= LONG_USE_DAYS:
        years = (start - profile.benzo_start).days / 365.25
        span = f"about {fmt(Decimal(str(round(years, 1))))} years" if years >= 1 else "months"
        found.append(
            _slow(
                "long_use",
                f"Taken for {span}: the risk of withdrawal grows with the length of use, "
                "so the slow end of the initial pace (5% every 4 weeks) is offered.",
                f"{ASAM_RISK}: 3 months or more, greater with duration; {ASAM_PACE}",
            )
        )
    if profile.prior_withdrawals > 0 or profile.reinstatements > 0:
        found.append(
            _slow(
                "difficult_withdrawals",
                "Earlier withdrawals were hard: a slower pace with room for holds (5% every "
                "4 weeks) is offered; the nervous system can be more sensitive each time.",
                f"{MAUDSLEY}; induced-symptoms (Benzodiazepine-Induced or Increased "
                "Symptoms), point 3: kindling; 'Benzodiazepine tapering schedules' (2014), "
                "6-month schedule for patients who failed before",
            )
        )
    de = plan.steps[0].diazepam_equivalent_mg
    if de > HIGH_DE_MG and not lacks_equivalent(plan):
        specialist = (
            f" Above {fmt(SPECIALIST_DE_MG)} mg a day, specialist advice is recommended."
            if de > SPECIALIST_DE_MG
            else ""
        )
        found.append(
            PaceSuggestion(
                "high_dose",
                f"{fmt(de)} mg diazepam-equivalent a day is a high dose: cuts of at most "
                f"10% every 2 weeks are offered.{specialist}",
                Decimal(10),
                14,
                f"{ASAM_RISK}: high dose above 15 mg diazepam-equivalent; {ASAM_PACE}; "
                "eTG, benzodiazepine weaning (specialist advice above 40 mg a day)",
            )
        )
    chosen = _daily_keep(plan.settings.rate_percent, plan.settings.every_days)
    return tuple(s for s in found if _daily_keep(s.rate_percent, s.every_days) > chosen)
