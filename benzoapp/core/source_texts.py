"""The three source documents, shipped read-only, and where each citation points in them.

Every piece of advice cites a document id and a section ("muscular-effects, What to
Avoid"). Showing the person the passage itself, rather than asking them to trust a
label, is what makes the citation worth having; this module finds that passage. It is
pure Python so the window, the CLI and the tests find the same place.

A citation's section is usually a heading of the document, sometimes a heading with a
pointer inside it ("... Symptoms (3) central sensitization"), sometimes only a phrase
("induced-symptoms (kindling)"), and "opening paragraph" for the text before the first
heading. Each resolves to the section it lies in plus the place to show first; one
that cannot be found falls back to the start of the document and says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benzoapp.core.errors import DataError
from benzoapp.core.journal.sources import read_json_object

OPENING = "opening paragraph"
_POINTER = re.compile(r"\(\d+\)")


@dataclass(frozen=True)
class Citation:
    """A place in one of the documents: its id and a section heading or phrase."""

    document: str
    section: str = ""

    @property
    def label(self) -> str:
        """How the citation reads beside the advice: ``muscular-effects, What to Avoid``."""
        return f"{self.document}, {self.section}" if self.section else self.document


@dataclass(frozen=True)
class Passage:
    """Where a citation points: the section's span, the place to show first, its heading."""

    start: int  # first character of the section (its heading line)
    end: int  # one past its last character
    focus: int  # where the cited words begin (== start for a plain heading)
    heading: str  # the section heading, or OPENING
    found: bool  # False: the citation named nothing in the text; this is the start


@dataclass(frozen=True)
class SourceDocument:
    """One document: its id, title, full text and section headings in reading order."""

    id: str
    title: str
    text: str
    sections: tuple[str, ...]

    def heading_starts(self) -> tuple[tuple[str, int], ...]:
        """Each heading with the offset of its line, in reading order."""
        found = []
        for heading in self.sections:
            match = re.search(rf"^[ \t]*{re.escape(heading)}[ \t]*$", self.text, re.MULTILINE)
            if match is None:
                raise DataError(f"source {self.id}: heading {heading!r} is not a line of its text")
            found.append((heading, match.start()))
        return tuple(found)

    def _span_of(self, offset: int) -> tuple[str, int, int]:
        """The section (heading, start, end) that holds the character at ``offset``."""
        heading, start = OPENING, 0
        end = len(self.text)
        for name, place in self.heading_starts():
            if place <= offset:
                heading, start = name, place
            else:
                end = place
                break
        return heading, start, end

    def passage(self, section: str) -> Passage:
        """Where ``section`` (a heading, a heading with a pointer, or a phrase) is."""
        wanted = " ".join(section.split())
        folded = wanted.casefold()
        starts = self.heading_starts()
        if not folded or folded == OPENING:
            end = starts[0][1] if starts else len(self.text)
            return Passage(0, end, 0, OPENING, bool(folded))
        # The longest heading the section begins with ("... Symptoms (3) central ...").
        for name, place in sorted(starts, key=lambda h: -len(h[0])):
            if folded.startswith(name.casefold()):
                heading, start, end = self._span_of(place)
                focus = self._pointer(wanted[len(name) :], start, end)
                return Passage(start, end, focus, heading, True)
        # Otherwise a phrase from the text itself, e.g. "kindling".
        at = self.text.casefold().find(folded)
        if at >= 0:
            heading, start, end = self._span_of(at)
            return Passage(start, end, at, heading, True)
        end = starts[0][1] if starts else len(self.text)
        return Passage(0, end, 0, OPENING, False)

    def _pointer(self, rest: str, start: int, end: int) -> int:
        """Inside a section, the numbered point or phrase the rest of a citation names."""
        marker = _POINTER.search(rest)
        needle = marker.group(0) if marker else rest.strip(" ,:;-").casefold()
        if not needle:
            return start
        haystack = self.text[start:end]
        at = haystack.find(needle) if marker else haystack.casefold().find(needle)
        return start + at if at >= 0 else start


@dataclass(frozen=True)
class SourceLibrary:
    """The documents by id, and the reading of citation labels into places."""

    documents: Mapping[str, SourceDocument]

    def get(self, document: str) -> SourceDocument:
        try:
            return self.documents[document]
        except KeyError:
            raise DataError(f"no source document called {document!r}") from None

    def citations_in(self, label: str) -> tuple[Citation, ...]:
        """The citations a source label names, in order, ignoring outside references.

        Labels come in a few shapes, all handled: ``muscular-effects, What to Avoid``,
        ``muscular-effects, “What to Avoid”``, ``induced-symptoms (kindling)`` and several
        of these joined by ``;``. Text naming no document (an outside reference such as a
        drug label) gives nothing: there is no passage of ours to open.
        """
        found: list[Citation] = []
        ids = sorted(self.documents, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(i) for i in ids))
        matches = list(pattern.finditer(label))
        for n, match in enumerate(matches):
            if match.start() > 0 and label[match.start() - 1].isalnum():
                continue
            stop = matches[n + 1].start() if n + 1 < len(matches) else len(label)
            rest = label[match.end() : stop].split(";", maxsplit=1)[0]
            section = rest.strip(" ,:;\t").strip("“”\"'").strip()
            if section.startswith("(") and ")" in section:
                # "(Heading)" or "(Heading), point 3: words": the heading, then the pointer.
                heading, _, pointer = section[1:].partition(")")
                section = f"{heading.strip()} {pointer.strip(' ,')}".strip()
            citation = Citation(match.group(0), section)
            if citation not in found:
                found.append(citation)
        return tuple(found)


def parse_source_library(manifest: Mapping[str, Any], folder: Path) -> SourceLibrary:
    """Validate the manifest and read each document's text from ``folder``."""
    raw = manifest.get("documents")
    if not isinstance(raw, dict) or not raw:
        raise DataError("sources.json needs a non-empty object 'documents'")
    documents: dict[str, SourceDocument] = {}
    for ident, entry in raw.items():
        where = f"sources.json document {ident!r}"
        if not isinstance(entry, dict):
            raise DataError(f"{where} must be an object")
        title, file, sections = entry.get("title"), entry.get("file"), entry.get("sections")
        if not isinstance(title, str) or not isinstance(file, str) or not title or not file:
            raise DataError(f"{where} needs a 'title' and a 'file'")
        if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
            raise DataError(f"{where} needs a list of section headings")
        try:
            text = (folder / file).read_text(encoding="utf-8")
        except OSError as error:
            raise DataError(f"{where}: {file} cannot be read ({error})") from error
        document = SourceDocument(ident, title, text, tuple(sections))
        document.heading_starts()  # every heading must be a line of the text
        documents[ident] = document
    return SourceLibrary(documents)


def load_source_library(folder: Path | None = None) -> SourceLibrary:
    """The bundled documents (``resources/sources``), or those in ``folder``."""
    if folder is None:
        from benzoapp.paths import resource_path

        folder = resource_path("sources")
    return parse_source_library(read_json_object(folder / "sources.json"), folder)
