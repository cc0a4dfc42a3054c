"""Shared fixtures for the taper engine tests: the bundled catalog and a plan helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.model import Plan, PlanSettings
from benzoapp.core.taper import build_plan

START = dt.date(2030, 1, 7)


@pytest.fixture(scope="session")
def catalog() -> DrugCatalog:
    return load_catalog()


@pytest.fixture
def make_plan(catalog: DrugCatalog) -> Callable[..., Plan]:
    """Plan from regimen text and PlanSettings keywords (start defaults to 2030-01-07)."""

    def make(regimen: str, **settings: Any) -> Plan:
        settings.setdefault("start", START)
        return build_plan(parse_regimen(regimen, catalog), PlanSettings(**settings), catalog)

    return make
