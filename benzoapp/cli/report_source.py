"""Where ``benzoapp report`` gets the stored active plan and everything saved with it.

The command only needs one function from data folder to ``ReportData``; keeping it behind
this small seam lets the command be tested without a database.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from benzoapp.report.data import ReportData, ReportOptions

# Reads the active plan with its profile, medications, notes; None when none is stored.
ReportLoader = Callable[[Path, ReportOptions], ReportData | None]


def load_active_report_data(data_dir: Path, options: ReportOptions) -> ReportData | None:
    """The stored active plan with the profile, medicines' cautions, pill counts and journal.

    The gathering itself is :func:`benzoapp.report.gather.gather_report_data`, which the
    window's Export PDF uses too.
    """
    from benzoapp.core.cautions import load_knowledge_base
    from benzoapp.core.drugs import load_catalog
    from benzoapp.report.gather import gather_report_data
    from benzoapp.store import open_store

    with open_store(data_dir) as store:
        for notice in store.notices:  # a data folder others can read
            print(f"benzoapp report: note: {notice}", file=sys.stderr)
        if store.read_only:  # printing works; say once that nothing can be saved there
            print(f"benzoapp report: note: {store.read_only_reason}", file=sys.stderr)
        active = store.plans.active()
        if active is None:
            return None
        _, plan = active
        profile = store.profile.get()
        medications = [m for _, m in store.medications.list()]
        journal = store.journal.all()
    return gather_report_data(
        plan,
        catalog=load_catalog(),
        kb=load_knowledge_base(),
        profile=profile,
        medications=medications,
        journal=journal,
        options=options,
    )
