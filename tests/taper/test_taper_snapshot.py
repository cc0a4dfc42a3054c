"""Frozen plans: the engine's output for a spread of settings must not change by accident.

The digests in ``plan_snapshots.json`` were computed with the engine as it stood before
it was tuned for speed. Each one covers the whole ``repr`` of the plan (every Decimal
with its exact digits and exponent, every date, note and warning), its pill counts and
the plans a hold, a hand edit and a re-plan make from it, so any change in output shows
here, naming the case. Regenerate them (``python tests/taper/test_taper_snapshot.py``)
only when a change of behaviour is intended, and say so in the commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Method, PlanSettings, TabletStrength
from benzoapp.core.taper import build_plan, edit_step, insert_hold, pill_counts, replan

D = Decimal
SNAPSHOT = Path(__file__).with_name("plan_snapshots.json")
START = dt.date(2030, 1, 7)
REGIMENS = (
    "diazepam 20mg 22:00",
    "diazepam 7.3mg 22:00",  # a starting dose no form of tablets can make
    "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00",
    "lorazepam 1mg 08:00; alprazolam 0.5mg 22:00",
    "oxazepam 30mg 22:00",
    "zopiclone 7.5mg 22:00",
    "diazepam 2mg 08:00; diazepam 2mg 13:00; diazepam 5mg 22:00",
)


@dataclass(frozen=True)
class Case:
    name: str
    regimen: str
    settings: dict[str, Any]


def cases() -> list[Case]:
    """Every regimen with every method, form and pace, then the less common settings."""
    found = [
        Case(
            f"{regimen} | {method} {form} micro={micro}",
            regimen,
            {"method": method, "form": form, "micro": micro},
        )
        for regimen, method, form, micro in itertools.product(REGIMENS, Method, Form, (False, True))
    ]
    extra: list[tuple[str, str, dict[str, Any]]] = [
        (
            "bench liquid",
            "diazepam 20mg 22:00",
            {"rate_percent": D(8), "every_days": 28, "form": Form.LIQUID, "micro": True},
        ),
        (
            "bench weighed",
            "diazepam 20mg 22:00",
            {
                "method": Method.LINEAR,
                "rate_percent": D("0.7"),
                "form": Form.WEIGHED,
                "micro": True,
            },
        ),
        ("percent weighed slow", "diazepam 40mg 22:00", {"rate_percent": D(5), "micro": True}),
        (
            "percent weighed 0.5%",
            "diazepam 40mg 22:00",
            {"rate_percent": D("0.5"), "every_days": 28, "form": Form.WEIGHED},
        ),
        ("fast 25% weekly", "lorazepam 2mg 22:00", {"rate_percent": D(25), "every_days": 7}),
        ("all at once", "diazepam 10mg 22:00", {"rate_percent": D(100)}),
        ("daily period", "diazepam 10mg 22:00", {"every_days": 1, "form": Form.LIQUID}),
        ("va table", "clonazepam 1mg 22:00", {"table": "va-dod-2021", "form": Form.WEIGHED}),
        (
            "liquid 2 mg/ml",
            "diazepam 12mg 22:00",
            {"form": Form.LIQUID, "liquid_mg_per_ml": D(2), "micro": True},
        ),
        (
            "own tablets",
            "diazepam 5mg 22:00",
            {"tablets": (TabletStrength("diazepam", D(5), 2), TabletStrength("diazepam", D(2), 4))},
        ),
        (
            "final dose",
            "diazepam 10mg 22:00",
            {"form": Form.WEIGHED, "final_dose_mg": D("0.5"), "micro": True},
        ),
        (
            "hyperbolic k",
            "diazepam 30mg 22:00",
            {"method": Method.HYPERBOLIC, "hyperbolic_k_de_mg": D(10), "form": Form.WEIGHED},
        ),
        (
            "rate base",
            "diazepam 8mg 22:00",
            {"method": Method.LINEAR, "rate_base_de_mg": D(30), "form": Form.LIQUID},
        ),
    ]
    for regimen in ("oxazepam 30mg 22:00", "lorazepam 1mg 08:00; alprazolam 0.5mg 22:00"):
        for stage, form, micro in itertools.product((None, D(5)), Form, (False, True)):
            extra.append(
                (
                    f"crossover stage={stage}",
                    regimen,
                    {
                        "crossover_to": "diazepam",
                        "crossover_stage_de_mg": stage,
                        "form": form,
                        "micro": micro,
                    },
                )
            )
    found += [Case(f"{name} | {regimen} | {s}", regimen, s) for name, regimen, s in extra]
    return found


def fingerprint(case: Case, catalog: DrugCatalog) -> dict[str, Any]:
    """Step count and a digest of everything the engine produces for ``case``."""
    regimen = parse_regimen(case.regimen, catalog)
    try:
        plan = build_plan(regimen, PlanSettings(start=START, **case.settings), catalog)
    except InputError as error:
        return {"error": str(error)}
    parts = [repr(plan), repr(pill_counts(plan, catalog))]
    if len(plan.steps) > 2:
        parts.append(repr(insert_hold(plan, 1, 3, catalog)))
        parts.append(repr(edit_step(plan, 1, days=2, catalog=catalog)))
        parts.append(repr(replan(plan, plan.steps[2].start, regimen, catalog)))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return {"steps": len(plan.steps), "sha256": digest}


def _expected() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    return loaded


def test_the_snapshot_covers_every_case() -> None:
    assert sorted(_expected()) == sorted(case.name for case in cases())


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_plan_matches_its_frozen_snapshot(case: Case, catalog: DrugCatalog) -> None:
    assert fingerprint(case, catalog) == _expected()[case.name]


if __name__ == "__main__":
    cat = load_catalog()
    table = {case.name: fingerprint(case, cat) for case in cases()}
    SNAPSHOT.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
