"""``benzoapp report FILE``: print the stored active plan, with everything saved about it."""

from __future__ import annotations

import argparse
from typing import Any

from benzoapp.cli.plan_exports import add_print_arguments


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="save the active plan as a PDF for your prescriber and pharmacist",
        description=(
            "Save the stored active plan as a PDF: summary, step table, chart, pharmacy "
            "list, other medicines with their caution levels, coping guidance, a daily "
            "checklist and a page for the prescriber. It informs; the prescriber decides."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="where to save the PDF")
    add_print_arguments(parser)
    parser.add_argument(
        "--prescription-days",
        type=int,
        default=None,
        metavar="N",
        help="days one prescription covers, for the pharmacy list (default 28)",
    )
    parser.add_argument("--ics", metavar="FILE", help="also save a calendar of dose changes")
    parser.add_argument("--csv", metavar="FILE", help="also save the step table as CSV")
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from benzoapp.cli.report_source import load_active_report_data

    return run_report(args, load_active_report_data)


def run_report(args: argparse.Namespace, loader: Any) -> int:
    """Load the active plan through ``loader``, write the files, say what was written."""
    import dataclasses

    from benzoapp.cli.output import print_json
    from benzoapp.cli.plan_exports import options_from_args
    from benzoapp.core.errors import InputError
    from benzoapp.paths import resolve_data_dir
    from benzoapp.report.atomic import write_atomic
    from benzoapp.report.pdf_plan import render_plan_pdf

    options = options_from_args(args)
    if args.prescription_days is not None:
        options = dataclasses.replace(options, prescription_days=args.prescription_days)
    from benzoapp.cli.store_access import checked_output

    for target in (args.file, args.ics, args.csv):  # all checked before anything is written
        if target:
            checked_output(args, target)
    data = loader(resolve_data_dir(getattr(args, "data_dir", None)), options)
    if data is None:
        raise InputError("there is no active plan yet: make one first with 'benzoapp plan'")
    data = dataclasses.replace(data, options=options)
    rendered = render_plan_pdf(data)
    written = {"pdf": str(write_atomic(args.file, rendered.data)), "pages": rendered.pages}
    if args.ics:
        from benzoapp.report.ics import write_plan_ics

        written["ics"] = str(write_plan_ics(args.ics, data.plan, options.generated_on))
    if args.csv:
        from benzoapp.report.csv_export import write_plan_csv

        written["csv"] = str(write_plan_csv(args.csv, data.plan))
    if args.json:
        print_json(written)
    else:
        print(f"Saved the plan ({rendered.pages} pages) to {written['pdf']}")
        for key in ("ics", "csv"):
            if key in written:
                print(f"Saved the {key.upper()} file to {written[key]}")
    return 0
