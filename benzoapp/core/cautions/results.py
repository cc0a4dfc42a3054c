"""What the checker returns: the answer for one query, its reasons and suggestions.

Plain values shared by the checker, the regimen check, the CLI, the window and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from benzoapp.core.cautions.kb import KbReason, Level
from benzoapp.core.cautions.normalise import fold

# Plain words for each level and each way of matching, shared by the CLI and the GUI.
LEVEL_WORDS: dict[Level, str] = {
    Level.AVOID: "Avoid",
    Level.CAUTION: "Caution",
    Level.MIXED: "Mixed reports",
    Level.SUPPORTIVE: "Supportive",
    Level.NOT_COVERED: "Not covered",
}
HOW_WORDS: dict[str, str] = {
    "exact": "name",
    "brand": "brand name",
    "synonym": "other name or common misspelling",
    "fuzzy": "close spelling",
    "class_rule": "looks like a benzodiazepine or Z-drug",
    "phrase": "found in the phrase",
    "category": "category",
    "ingredient": "checked by ingredient",
}


@dataclass(frozen=True)
class Match:
    """What the query was matched to, and how."""

    name: str  # the name as the knowledge base writes it, e.g. "Valium"
    how: str  # exact | brand | synonym | fuzzy | phrase | category | ingredient
    score: float  # 100 for anything but fuzzy
    generic: str = ""  # the entry or product it leads to, e.g. "diazepam"


@dataclass(frozen=True)
class Reason:
    """One cited reason, shown with where it comes from."""

    text: str
    source: str  # document id, or the citation for an outside source
    section: str  # section heading; empty for outside sources
    outside: bool = False
    about: str = ""  # the ingredient it concerns, for products

    @property
    def source_label(self) -> str:
        """E.g. ``muscular-effects, What to Avoid`` or the outside citation."""
        if self.outside:
            return f"from beyond the three documents: {self.source}"
        return f"{self.source}, {self.section}"

    @property
    def section_id(self) -> str:
        """A stable id of the cited section, e.g. ``muscular-effects#what-to-avoid``, for
        a reader that opens it; empty for an outside source."""
        if self.outside:
            return ""
        return f"{self.source}#{section_slug(self.section)}"


@dataclass(frozen=True)
class Ingredient:
    """One ingredient of a product, in one reading (a country or a product line)."""

    name: str
    level: Level
    reading: str = ""  # e.g. "US", "UK", "SleepTabs"; empty for a plain combination


@dataclass(frozen=True)
class Suggestion:
    """A "did you mean": offered to choose, never applied, and always saying what it is.

    ``label`` reads e.g. "Dalmane (flurazepam, a benzodiazepine)", so a look-alike of
    what the person meant cannot be taken for it.
    """

    name: str  # what is checked if the person chooses it, e.g. "Dalmane"
    generic: str  # the entry or the product's ingredients, e.g. "flurazepam"
    what: str  # what it is in plain words, e.g. "a benzodiazepine"; may be empty
    score: float  # how alike the spellings are, 0-100

    @property
    def label(self) -> str:
        """The name with what it is: "Dalmane (flurazepam, a benzodiazepine)"."""
        parts = [p for p in (self.generic, self.what) if p and fold(p) != fold(self.name)]
        return f"{self.name} ({', '.join(parts)})" if parts else self.name


@dataclass(frozen=True)
class CheckResult:
    """Everything the person should see about one query."""

    query: str
    level: Level
    match: Match | None
    ingredients: tuple[Ingredient, ...] = ()
    reasons: tuple[Reason, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    entry_ids: tuple[str, ...] = ()  # every entry the result rests on
    flags: tuple[str, ...] = ()  # regimen findings, e.g. a second benzodiazepine
    # What the documents suggest instead (heat, gentle stretching, a plain warm bath...),
    # each cited; shown under the reasons.
    alternatives: tuple[Reason, ...] = ()
    # For an avoid or caution answer about a prescription medicine: do not stop or change
    # it without the prescriber, cited. None otherwise.
    prescriber_note: Reason | None = None
    # The plan's own drug this answer is about ("Valium" while tapering diazepam): the
    # answer is then about the taper, not advice to avoid it. Empty otherwise.
    taper_drug: str = ""


def section_slug(section: str) -> str:
    """A section heading as an id: lower case, words joined by hyphens."""
    return "-".join(fold(section).split())


def as_reason(r: KbReason, about: str = "") -> Reason:
    return Reason(
        text=r.text,
        source=r.source.citation if r.source.outside else r.source.document,
        section=r.source.section,
        outside=r.source.outside,
        about=about,
    )
