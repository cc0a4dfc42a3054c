"""The regimen rules: which medicines, taken with a benzodiazepine taper, raise a flag.

Read from ``resources/cautions/regimen_rules.json`` and validated like the knowledge
base, so a pharmacist can review each rule, its message and its source in one place.
Every rule's source lies outside the three documents and says so.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benzoapp.core.cautions.kb import Level
from benzoapp.core.errors import DataError

_RULE_KEYS = {"code", "level", "categories", "entries", "taper_drugs", "message", "source"}


@dataclass(frozen=True)
class RegimenRule:
    """A medicine (by category or entry id) that is flagged beside a benzodiazepine."""

    code: str
    level: Level
    categories: frozenset[str]
    entries: frozenset[str]
    taper_drugs: frozenset[str]  # empty: any benzodiazepine or Z-drug
    message: str  # with {items} and {taper}
    source: str

    def matches(self, categories: tuple[str, ...], entry_ids: tuple[str, ...]) -> bool:
        """Whether a checked medicine is one this rule is about."""
        return bool(
            self.categories.intersection(categories) or self.entries.intersection(entry_ids)
        )


def parse_rules(raw: Any) -> tuple[RegimenRule, ...]:
    """The rules, validated: a bad one stops loading with a message naming it."""
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise DataError("regimen rules: expected an object with a 'rules' list")
    rules = []
    for n, item in enumerate(raw["rules"], start=1):
        code = item.get("code") if isinstance(item, dict) else None
        where = f"regimen rule {code!r}" if code else f"regimen rule #{n}"
        if not isinstance(item, dict) or not isinstance(code, str) or not code:
            raise DataError(f"{where}: needs a 'code'")
        if set(item) - _RULE_KEYS:
            raise DataError(f"{where}: unknown field(s) {sorted(set(item) - _RULE_KEYS)}")
        try:
            level = Level(str(item.get("level")))
        except ValueError:
            raise DataError(f"{where}: level {item.get('level')!r} is not a level") from None
        message, source = item.get("message"), item.get("source")
        if not isinstance(message, str) or "{items}" not in message:
            raise DataError(f"{where}: needs a 'message' naming {{items}}")
        if not isinstance(source, str) or not source.strip():
            raise DataError(f"{where}: needs a 'source'")
        categories = frozenset(item.get("categories", []))
        entries = frozenset(item.get("entries", []))
        if not categories and not entries:
            raise DataError(f"{where}: needs 'categories' or 'entries'")
        rules.append(
            RegimenRule(
                code, level, categories, entries, frozenset(item.get("taper_drugs", [])),
                message, source,
            )
        )  # fmt: skip
    return tuple(rules)


@functools.cache
def load_rules(path: Path | None = None) -> tuple[RegimenRule, ...]:
    """The bundled rules (``path`` is for tests), read once per process."""
    if path is None:
        from benzoapp.paths import resource_path

        path = resource_path("cautions", "regimen_rules.json")
    try:
        return parse_rules(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as error:
        raise DataError(f"{path.name}: cannot be read ({error})") from None
