"""The taper engine: plans, holds, hand edits, re-plans and pill counts."""

from __future__ import annotations

from benzoapp.core.taper.edit import edit_step, insert_hold, replan
from benzoapp.core.taper.engine import build_plan
from benzoapp.core.taper.pills import PillCount, pill_counts

__all__ = ["PillCount", "build_plan", "edit_step", "insert_hold", "pill_counts", "replan"]
