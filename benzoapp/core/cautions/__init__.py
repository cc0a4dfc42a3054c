"""Caution checker: what the source documents say about a medicine, supplement or therapy."""

from __future__ import annotations

from benzoapp.core.cautions.checker import NOT_COVERED_TEXT, Checker, is_benzo_or_z_drug
from benzoapp.core.cautions.coping import coping_entries
from benzoapp.core.cautions.kb import (
    KNOWN_KIND,
    Entry,
    KnowledgeBase,
    Level,
    Product,
    load_knowledge_base,
    parse_knowledge_base,
    strictest,
)
from benzoapp.core.cautions.normalise import normalise_query
from benzoapp.core.cautions.regimen import (
    RegimenCheck,
    RegimenFlag,
    as_taper_drug,
    check_regimen,
    check_with_plan,
    plan_drug_names,
)
from benzoapp.core.cautions.results import (
    HOW_WORDS,
    LEVEL_WORDS,
    CheckResult,
    Ingredient,
    Match,
    Reason,
    Suggestion,
)

__all__ = [
    "HOW_WORDS",
    "KNOWN_KIND",
    "LEVEL_WORDS",
    "NOT_COVERED_TEXT",
    "CheckResult",
    "Checker",
    "Entry",
    "Ingredient",
    "KnowledgeBase",
    "Level",
    "Match",
    "Product",
    "Reason",
    "RegimenCheck",
    "RegimenFlag",
    "Suggestion",
    "as_taper_drug",
    "check_regimen",
    "check_with_plan",
    "coping_entries",
    "is_benzo_or_z_drug",
    "load_knowledge_base",
    "normalise_query",
    "parse_knowledge_base",
    "plan_drug_names",
    "strictest",
]
