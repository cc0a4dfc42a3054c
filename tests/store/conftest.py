"""Store test fixtures: a migrated template database, copied into each test's folder."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from benzoapp.core.model import (
    Plan,
    PlanSettings,
    PlanWarning,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    TabletStrength,
    WarningLevel,
)
from benzoapp.store import open_store
from benzoapp.store.facade import Store
from benzoapp.store.schema import DB_FILENAME

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty data file at the newest schema, migrated once per test session."""
    folder = tmp_path_factory.mktemp("template")
    open_store(folder).close()
    return folder / DB_FILENAME


@pytest.fixture
def fresh_dir(tmp_path: Path, template_db: Path) -> Path:
    """A data folder holding a copy of the migrated template (no backups yet)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template_db, folder / DB_FILENAME)
    return folder


@pytest.fixture
def store(fresh_dir: Path) -> Iterator[Store]:
    with open_store(fresh_dir) as opened:
        yield opened


def make_plan(steps: int = 3, start: dt.date = dt.date(2030, 1, 7)) -> Plan:
    """A plan with exact, awkward amounts (0.125 mg, trailing zeros) to catch rounding."""
    regimen = Regimen(
        (
            RegimenDose("clonazepam", "08:00", Decimal("0.5")),
            RegimenDose("clonazepam", "22:00", Decimal("1.000")),
        )
    )
    settings = PlanSettings(
        start=start,
        crossover_to="diazepam",
        liquid_mg_per_ml=Decimal("0.4"),
        tablets=(TabletStrength("diazepam", Decimal("2"), 2),),
        rate_percent=Decimal("7.5"),
        final_dose_mg=Decimal("0.5"),
        hyperbolic_k_de_mg=Decimal("4.5"),
        rate_base_de_mg=Decimal("20"),
        crossover_stage_de_mg=Decimal("2.5"),
    )
    plan_steps = tuple(
        Step(
            index=i,
            start=start + dt.timedelta(days=14 * i),
            days=14,
            doses=(
                StepDose("diazepam", "08:00", Decimal("0.125") * (i + 1), "1/4 x 0.5 mg"),
                StepDose("diazepam", "22:00", Decimal("10.50"), makeable=i % 2 == 0),
            ),
            diazepam_equivalent_mg=Decimal("10.625") + i,
            hold=i == 1,
            edited=i == 2,
            note=f"step {i}",
            history=i == 0,
        )
        for i in range(steps)
    )
    warnings = (PlanWarning("w", WarningLevel.CAUTION, "slow down", "ASAM 2025 Rec. 6", 1),)
    return Plan(regimen, settings, plan_steps, warnings)


@pytest.fixture
def plan_factory() -> Callable[..., Plan]:
    return make_plan
