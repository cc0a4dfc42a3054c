"""``benzoapp convert``: approximate equivalent of a dose in another drug, via diazepam."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="approximate equivalent of a dose in another drug (default: diazepam)",
        description=(
            "Convert a dose to its approximate equivalent in another benzodiazepine or "
            "Z-drug. Every conversion goes through diazepam using one published table."
        ),
    )
    parser.add_argument("amount", metavar="AMOUNT", help='dose in mg, or with a unit: "500mcg"')
    parser.add_argument("drug", metavar="DRUG", help="generic or brand name")
    parser.add_argument("--to", default="diazepam", metavar="DRUG", help="default: diazepam")
    parser.add_argument(
        "--table", default=None, metavar="NAME", help="ashton (default), va-dod-2021, who-2009"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=handle)


def parse_amount(text: str) -> Any:
    """A bare number means mg; anything else goes through the dose parser."""
    import re

    from benzoapp.core.dose_parse import parse_dose

    cleaned = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", cleaned):
        cleaned = f"{cleaned} mg"
    return parse_dose(cleaned)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.output import print_json
    from benzoapp.core.decimals import fmt
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.equivalence import conversion_note, convert

    catalog = load_catalog()
    mg = parse_amount(args.amount)
    source = catalog.get(args.drug)
    target = catalog.get(args.to)
    table = catalog.table(args.table)
    result = convert(mg, source.id, target.id, table.id, catalog)
    if args.json:
        print_json(
            {
                "from": {"drug": source.id, "mg": mg},
                "to": {"drug": target.id, "mg": result},
                "table": table.id,
                "table_name": table.name,
                "approximate": True,
                "note": conversion_note(table.id, catalog),
            }
        )
    else:
        print(f"{fmt(mg)} mg {source.id} ≈ {fmt(result)} mg {target.id}")
        print(conversion_note(table.id, catalog))
    return 0
