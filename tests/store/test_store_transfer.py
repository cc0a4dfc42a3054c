"""Export and import: a round trip loses nothing (hypothesis data); bad files are refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benzoapp.core.errors import InputError
from benzoapp.core.model import (
    DoseLogEntry,
    Form,
    JournalDay,
    Medication,
    Method,
    Plan,
    PlanSettings,
    PlanWarning,
    Profile,
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
from benzoapp.store.transfer import (
    FORMAT_VERSION,
    export_data,
    export_to_file,
    import_data,
    read_export,
    to_plain,
)

mg = st.decimals(min_value=0, max_value=200, places=4, allow_nan=False, allow_infinity=False)
# What the shared validator accepts (benzoapp.core.validation): positive rates, strengths
# and K, no NUL in text, a medicine with a name, warnings about steps the plan has.
positive = st.decimals(min_value="0.0001", max_value=200, places=4)
rates = st.decimals(min_value="0.5", max_value=100, places=2)
dates = st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31))
times = st.sampled_from(["08:00", "13:30", "22:00"])
drugs = st.sampled_from(["diazepam", "clonazepam", "zolpidem"])
letters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.text(letters, max_size=12)
scores = st.dictionaries(st.text(letters, min_size=1, max_size=10), st.integers(0, 10), max_size=4)

step_doses = st.builds(StepDose, drugs, times, mg, text, st.booleans())
steps = st.builds(
    Step,
    st.integers(0, 500),
    dates,
    st.integers(1, 60),
    st.lists(step_doses, max_size=3).map(tuple),
    mg,
    st.booleans(),
    st.booleans(),
    text,
    history=st.booleans(),
)


def day_by_day(found: list[Step]) -> tuple[Step, ...]:
    """The drawn steps, moved so each starts the day after the one before (as plans are)."""
    chained: list[Step] = []
    for step in found:
        start = chained[-1].end + dt.timedelta(days=1) if chained else step.start
        chained.append(dataclasses.replace(step, start=start))
    return tuple(chained)


plans = st.builds(
    Plan,
    st.lists(st.builds(RegimenDose, drugs, times, mg), min_size=1, max_size=3).map(
        lambda d: Regimen(tuple(d))
    ),
    st.builds(
        PlanSettings,
        st.sampled_from(Method),
        rates,
        st.integers(1, 60),
        st.sampled_from(Form),
        dates,
        st.none() | drugs,
        st.just("ashton"),
        st.none() | positive,
        st.lists(
            st.builds(TabletStrength, drugs, positive, st.sampled_from([1, 2, 4])), max_size=2
        ).map(tuple),
        st.booleans(),
        final_dose_mg=st.none() | mg,
        hyperbolic_k_de_mg=positive,
        rate_base_de_mg=st.none() | mg,
        crossover_stage_de_mg=st.none() | positive,
        country=st.none() | st.sampled_from(["US", "GB", "AU"]),
        tablet_mass_mg=st.none() | positive,
        scale_resolution_mg=st.none() | positive,
        syringe_step_ml=st.none() | positive,
    ),
    st.lists(steps, max_size=4).map(day_by_day),
    st.lists(
        st.builds(
            PlanWarning,
            text,
            st.sampled_from(WarningLevel),
            text,
            text,
            st.none(),
        ),
        max_size=2,
    ).map(tuple),
)
profiles = st.builds(
    Profile,
    text,
    st.none() | dates,
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(0, 9),
    st.none() | st.booleans(),
    st.none() | st.booleans(),
    st.none() | st.booleans(),
    st.none() | st.booleans(),
    text,
)
medications = st.builds(
    Medication,
    text.filter(str.strip),
    st.sampled_from(["medication", "supplement", "therapy"]),
    text,
    text,
    st.none() | dates,
)
dose_logs = st.lists(
    st.builds(DoseLogEntry, dates, times, drugs, mg, st.none() | mg, text),
    max_size=6,
    unique_by=lambda e: (e.day, e.time, e.drug),
)
journals = st.lists(
    st.builds(JournalDay, dates, scores, scores, text), max_size=5, unique_by=lambda d: d.day
)


Content = tuple[Profile, list[Medication], list[Plan], list[DoseLogEntry], list[JournalDay]]
contents = st.tuples(
    profiles, st.lists(medications, max_size=3), st.lists(plans, max_size=2), dose_logs, journals
)


def fill(store: Store, content: Content) -> None:
    profile, meds, plan_list, log, journal = content
    store.profile.save(profile)
    for m in meds:
        store.medications.add(m)
    for i, plan in enumerate(plan_list):
        plan_id = store.plans.save(plan, f"plan {i}", active=i == 0)
        store.plans.revise(plan_id, plan_list[-1], "edit")
    store.dose_log.record_many(log)
    store.journal.save_days(journal)


def snapshot(store: Store) -> tuple[object, ...]:
    return (
        store.profile.get(),
        [m for _, m in store.medications.list()],
        [(p.name, p.active, p.versions) for p in store.plans.list()],
        [
            store.plans.get(p.id, version=v)
            for p in store.plans.list()
            for v in range(1, p.versions + 1)
        ],
        store.dose_log.all(),
        sorted(store.journal.all(), key=lambda d: d.day),
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(contents)
def test_round_trip_is_lossless(tmp_path: Path, template_db: Path, content: Content) -> None:
    source_dir, target_dir = tmp_path / "source", tmp_path / "target"
    for folder in (source_dir, target_dir):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        shutil.copyfile(template_db, folder / DB_FILENAME)
    export_file = tmp_path / "export.json"
    with open_store(source_dir) as source:
        fill(source, content)
        written = export_to_file(source, export_file)
        expected = snapshot(source)
    with open_store(target_dir) as target:
        import_data(target, read_export(export_file))
        assert snapshot(target) == expected
        again = export_data(target)
    for data in (written, again):
        data.pop("exported_at")
    assert again == written


def test_newer_export_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"format": "benzoapp-export", "format_version": FORMAT_VERSION + 1}))
    with pytest.raises(InputError, match="newer BenzoApp"):
        read_export(path)


def test_not_an_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable"):
        read_export(path)
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a BenzoApp export"):
        read_export(path)


def test_bad_entry_is_named_and_nothing_is_imported(store: Store) -> None:
    data = {
        "format": "benzoapp-export",
        "format_version": 1,
        "medications": [{"name": "ok"}],
        "dose_log": [
            {"day": "2030-01-01", "time": "08:00", "drug": "diazepam", "planned_mg": "5"},
            {"day": "2030-01-02", "time": "08:00", "drug": "diazepam", "planned_mg": 5.1},
        ],
    }
    with pytest.raises(InputError, match=r"dose_log\[1\]"):
        import_data(store, data)
    assert store.is_empty()


def test_import_into_data_is_refused_unless_replacing(store: Store) -> None:
    store.medications.add(Medication("mine"))
    data = {"format": "benzoapp-export", "format_version": 1, "medications": [{"name": "theirs"}]}
    with pytest.raises(InputError, match="already holds data"):
        import_data(store, data)
    import_data(store, data, replace=True)
    assert [m.name for _, m in store.medications.list()] == ["theirs"]


def test_exported_amounts_are_exact_text(store: Store) -> None:
    store.dose_log.record(DoseLogEntry(dt.date(2030, 1, 1), "08:00", "diazepam", Decimal("0.125")))
    assert export_data(store)["dose_log"][0]["planned_mg"] == "0.125"


def _export_with_plan(**changes: object) -> dict[str, object]:
    """A one-plan export; ``changes`` replace parts of the plan's first version."""
    plan = Plan(
        Regimen((RegimenDose("clonazepam", "08:00", Decimal("0.5")),)),
        PlanSettings(start=dt.date(2030, 1, 1)),
        tuple(
            Step(i, dt.date(2030, 1, 1) + dt.timedelta(days=14 * i), 14, (dose,), Decimal(10))
            for i, dose in enumerate(
                StepDose("clonazepam", "08:00", Decimal(mg)) for mg in ("0.5", "0.4", "0.3", "0.2")
            )
        ),
    )
    plain = to_plain(plan)
    for path, value in changes.items():
        target = plain
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return {
        "format": "benzoapp-export",
        "format_version": FORMAT_VERSION,
        "medications": [{"name": "kept out too"}],
        "plans": [
            {
                "name": "imported",
                "active": True,
                "created_at": "2030-01-01T00:00:00",
                "versions": [{"number": 1, "created_at": "2030-01-01T00:00:00", "plan": plain}],
            }
        ],
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"steps__3__doses__0__mg": "-3"},
            r"^plans\[0\]\.versions\[0\]\.plan\.steps\[3\]\.doses\[0\]\.mg: "
            r"a dose cannot be below zero$",
        ),
        ({"steps__1__days": 0}, r"plans\[0\]\.versions\[0\]\.plan\.steps\[1\]\.days: .*one day"),
        ({"steps__2__start": "2030-03-01"}, r"steps\[2\]\.start: .*gap"),
        ({"steps__2__start": "2030-01-02"}, r"steps\[2\]\.start: .*overlaps"),
        ({"regimen__doses__0__drug": "unobtainium"}, r"regimen\.doses\[0\]\.drug: .*knows"),
        ({"steps__0__doses__0__drug": "aspirin"}, r"steps\[0\]\.doses\[0\]\.drug: .*knows"),
        ({"regimen__doses__0__mg": "-0.5"}, r"regimen\.doses\[0\]\.mg: .*below zero"),
    ],
)
def test_meaningless_plan_is_refused_with_the_entry_named(
    store: Store, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        import_data(store, _export_with_plan(**changes))
    assert store.is_empty()


def test_a_sound_plan_still_imports(store: Store) -> None:
    assert import_data(store, _export_with_plan()).plans == 1


def test_negative_logged_dose_is_refused(store: Store) -> None:
    entry = {"day": "2030-01-01", "time": "08:00", "drug": "diazepam", "planned_mg": "-1"}
    data = {"format": "benzoapp-export", "format_version": 1, "dose_log": [entry]}
    with pytest.raises(InputError, match=r"dose_log\[0\]: a dose cannot be below zero"):
        import_data(store, data)
    assert store.is_empty()
