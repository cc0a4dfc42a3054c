"""Where ``benzoapp report`` gets the stored active plan and everything saved with it.

The command only needs one function from data folder to ``ReportData``; keeping it behind
this small seam lets the command be tested without a database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from benzoapp.core.errors import BenzoAppError
from benzoapp.report.data import ReportData, ReportOptions

# Reads the active plan with its profile, medications, notes; None when none is stored.
ReportLoader = Callable[[Path, ReportOptions], ReportData | None]


def load_active_report_data(data_dir: Path, options: ReportOptions) -> ReportData | None:
    """The stored active plan and everything the database holds about it.

    Connected to the store when it is part of the build.
    """
    from benzoapp import store

    loader = getattr(store, "load_report_data", None)
    if loader is None:
        raise BenzoAppError(
            "this build cannot read a stored plan yet; use "
            "'benzoapp plan ... --pdf FILE' to print a plan instead"
        )
    result: ReportData | None = loader(data_dir, options)
    return result
