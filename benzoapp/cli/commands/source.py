"""``benzoapp source``: read the cited section of a source document, as the window's reader does."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "source",
        help="read a section of one of the three source documents",
        description=(
            "Print the section of a source document that advice cites, e.g. "
            '`benzoapp source muscular-effects "What to Avoid"`. With no document, list '
            "the documents and their sections."
        ),
    )
    parser.add_argument("document", nargs="?", metavar="DOCUMENT", help="document id")
    parser.add_argument(
        "section", nargs="*", metavar="SECTION", help="a section heading or a phrase in it"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.core.source_texts import OPENING, load_source_library

    library = load_source_library()
    if not args.document:
        listing = [
            {"id": d.id, "title": d.title, "sections": [OPENING, *d.sections]}
            for d in library.documents.values()
        ]
        if args.json:
            print_json({"documents": listing})
        else:
            for entry in listing:
                print(f"{entry['id']}: {entry['title']}")
                for section in entry["sections"]:
                    print(f"  {section}")
        return 0
    document = library.get(args.document)
    section = " ".join(args.section)
    passage = document.passage(section)
    text = document.text[passage.start : passage.end].strip()
    # No section asked for: the opening is the answer, not a passage that was missed.
    found = passage.found or not section
    if args.json:
        print_json(
            {
                "document": document.id,
                "title": document.title,
                "asked": section,
                "section": passage.heading,
                "found": found,
                "text": text,
            }
        )
        return 0 if found else 1
    print(f"{document.id}: {document.title}")
    if not found:
        print(f"The section “{section}” was not found; showing the opening paragraph.")
    print(f"Section: {passage.heading}\n")
    print(text)
    return 0 if found else 1
