"""A modified-release plan saved and read back (database, quick read, export/import) stays one."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Plan
from benzoapp.core.taper import insert_hold
from benzoapp.store import open_store
from benzoapp.store.quick_read import read_today
from benzoapp.store.transfer import export_data, import_data


def test_the_product_survives_the_database_and_a_later_edit(
    tmp_path: Path, make_plan: Callable[..., Plan], catalog: DrugCatalog
) -> None:
    plan = make_plan("Xanax XR 2mg 08:00")
    with open_store(tmp_path) as store:
        plan_id = store.plans.save(plan, "XR", active=True)
        back = store.plans.get(plan_id)
    assert back == plan
    assert back.regimen.doses[0].release == "alprazolam-xr"
    assert back.settings.modified_release == ("alprazolam-xr",)
    held = insert_hold(back, 1, 7, catalog)  # edits after reading keep whole XR tablets
    assert all(d.units.endswith("XR") for s in held.steps for d in s.doses if d.mg > 0)


def test_export_and_import_keep_the_product_and_refuse_an_unknown_one(
    tmp_path: Path, make_plan: Callable[..., Plan]
) -> None:
    plan = make_plan("Ambien CR 12.5mg 22:00")
    with open_store(tmp_path / "a") as store:
        store.plans.save(plan, "CR", active=True)
        data = export_data(store)
    version = data["plans"][0]["versions"][0]["plan"]
    assert version["regimen"]["doses"][0]["release"] == "zolpidem-cr"
    assert version["settings"]["modified_release"] == ["zolpidem-cr"]
    with open_store(tmp_path / "b") as store:
        import_data(store, data)
        active = store.plans.active()
    assert active is not None
    assert active[1] == plan
    bad = copy.deepcopy(data)
    bad["plans"][0]["versions"][0]["plan"]["regimen"]["doses"][0]["release"] = "alprazolam-xr"
    with open_store(tmp_path / "c") as store, pytest.raises(InputError, match="zolpidem"):
        import_data(store, bad)


def test_the_quick_start_read_sees_the_product(
    tmp_path: Path, make_plan: Callable[..., Plan]
) -> None:
    plan = make_plan("Xanax XR 1mg 08:00")
    with open_store(tmp_path) as store:
        store.plans.save(plan, "XR", active=True)
    snapshot = read_today(tmp_path, dt.date(2030, 1, 7))
    assert snapshot is not None
    active = snapshot.active()
    assert active is not None
    assert active[1] == plan
    assert active[1].settings.modified_release == ("alprazolam-xr",)
