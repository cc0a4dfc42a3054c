"""The taper guidance settings (0005_taper_guidance) are kept by the store and the export."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from benzoapp.core.errors import InputError
from benzoapp.core.model import Plan, Profile
from benzoapp.store.facade import Store
from benzoapp.store.transfer import export_data, import_data, to_plain

from .conftest import make_plan

GUIDANCE = {
    "crossover_max_dose_mg": Decimal("7.5"),
    "crossover_max_daily_mg": Decimal("22.50"),
    "crossover_caps": False,
    "keep_dose_times": False,
}


def _guided() -> Plan:
    plan = make_plan()
    return dataclasses.replace(plan, settings=dataclasses.replace(plan.settings, **GUIDANCE))


def test_a_saved_plan_keeps_its_caps_and_dose_time_choice(store: Store) -> None:
    plan = _guided()
    plan_id = store.plans.save(plan, "guided")
    loaded = store.plans.get(plan_id)
    assert loaded == plan
    for name, value in GUIDANCE.items():
        assert getattr(loaded.settings, name) == value
    assert str(loaded.settings.crossover_max_daily_mg) == "22.50"  # every digit kept


def test_the_profile_keeps_the_birth_year(store: Store) -> None:
    store.profile.save(Profile(name="Sam", birth_year=1958))
    assert store.profile.get().birth_year == 1958


def test_export_and_import_keep_them(store: Store) -> None:
    store.plans.save(_guided(), "guided")
    store.profile.save(Profile(birth_year=1950))
    data = export_data(store)
    settings = data["plans"][0]["versions"][0]["plan"]["settings"]
    assert settings["crossover_max_daily_mg"] == "22.50"
    assert settings["keep_dose_times"] is False
    store.plans.delete(1)
    store.profile.save(Profile())
    import_data(store, data, replace=True)
    active = store.plans.active()
    assert active is not None
    assert active[1].settings == _guided().settings
    assert store.profile.get().birth_year == 1950


def test_an_import_without_them_reads_the_defaults(store: Store) -> None:
    plain = to_plain(make_plan())
    for name in GUIDANCE:
        del plain["settings"][name]
    data = _export(plain)
    import_data(store, data)
    settings = store.plans.get(1).settings
    assert settings.crossover_caps
    assert settings.keep_dose_times
    assert settings.crossover_max_dose_mg is None


def test_a_flag_that_is_not_true_or_false_is_refused(store: Store) -> None:
    plain = to_plain(make_plan())
    plain["settings"]["keep_dose_times"] = "no"
    with pytest.raises(InputError, match="expected true or false"):
        import_data(store, _export(plain))
    assert store.is_empty()


def _export(plain: dict[str, object]) -> dict[str, object]:
    from benzoapp.store.transfer import FORMAT_VERSION

    return {
        "format": "benzoapp-export",
        "format_version": FORMAT_VERSION,
        "plans": [
            {
                "name": "imported",
                "active": True,
                "created_at": "2030-01-01T00:00:00",
                "versions": [{"number": 1, "created_at": "2030-01-01T00:00:00", "plan": plain}],
            }
        ],
    }
