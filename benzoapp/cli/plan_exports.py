"""The export options of ``benzoapp plan`` (PDF, calendar, CSV) and the code that writes them.

Kept apart from the plan command so the same options serve ``benzoapp report`` too.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benzoapp.core.model import Plan, Profile
    from benzoapp.report.data import (
        CitedText,
        ClinicianNotes,
        MedicationRow,
        PharmacyRow,
        ReportOptions,
    )


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of weeks: {text!r}") from None
    if not 0 <= value <= 520:
        raise argparse.ArgumentTypeError("checklist weeks must be between 0 and 520")
    return value


def _bottle_ml(text: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"not a volume in ml: {text!r}") from None
    if not value.is_finite() or not Decimal(0) < value <= Decimal(5000):
        raise argparse.ArgumentTypeError("a bottle must hold more than 0 and at most 5000 ml")
    return value


def _name(text: str) -> str:
    from benzoapp.core.validation import NAME_MAX

    if len(text) > NAME_MAX or "\0" in text:
        raise argparse.ArgumentTypeError(f"a name is at most {NAME_MAX} characters")
    return text


def add_print_arguments(parser: argparse.ArgumentParser) -> None:
    """Options that shape the printout but not the plan."""
    parser.add_argument(
        "--name", metavar="NAME", type=_name, default="", help="name printed on the plan"
    )
    parser.add_argument(
        "--page-size",
        choices=("a4", "letter"),
        type=str.lower,
        default=None,
        help="paper size (default: from your locale)",
    )
    parser.add_argument(
        "--checklist-weeks",
        type=_weeks,
        default=None,
        metavar="N",
        help="weeks of daily tick boxes to print (default 4)",
    )
    parser.add_argument(
        "--bottle-ml",
        type=_bottle_ml,
        default=None,
        metavar="ML",
        help="volume of one bottle of oral solution, for the pharmacy list (default 100)",
    )


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """``--pdf FILE --name NAME --page-size a4|letter --ics FILE --csv FILE``."""
    parser.add_argument("--pdf", metavar="FILE", help="also save the plan as a PDF")
    add_print_arguments(parser)
    parser.add_argument("--ics", metavar="FILE", help="also save a calendar of dose changes")
    parser.add_argument("--csv", metavar="FILE", help="also save the step table as CSV")


def options_from_args(args: argparse.Namespace) -> ReportOptions:
    """The printout options the command line asked for, defaults for the rest."""
    from benzoapp.report.data import (
        DEFAULT_BOTTLE_ML,
        DEFAULT_CHECKLIST_WEEKS,
        ReportOptions,
        default_page_size,
        parse_page_size,
    )

    page_size = getattr(args, "page_size", None)
    weeks = getattr(args, "checklist_weeks", None)
    bottle = getattr(args, "bottle_ml", None)
    return ReportOptions(
        page_size=parse_page_size(page_size) if page_size else default_page_size(),
        name=getattr(args, "name", "") or "",
        checklist_weeks=DEFAULT_CHECKLIST_WEEKS if weeks is None else weeks,
        bottle_ml=DEFAULT_BOTTLE_ML if bottle is None else bottle,
    )


def _writable(path_text: str, args: argparse.Namespace | None = None) -> Path:
    """The output path, refused (one plain line, exit 2) when it would overwrite the data
    file, a backup, a folder or a device, or its folder does not exist."""
    from benzoapp.output_guard import check_output_path
    from benzoapp.paths import resolve_data_dir

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    return check_output_path(path_text, [data_dir])


def write_exports(
    args: argparse.Namespace,
    plan: Plan,
    *,
    table_name: str = "",
    profile: Profile | None = None,
    medications: tuple[MedicationRow, ...] = (),
    coping: tuple[CitedText, ...] | None = None,
    pharmacy: tuple[PharmacyRow, ...] | None = None,
    clinician: ClinicianNotes | None = None,
) -> list[Path]:
    """Write whichever of ``--pdf``, ``--ics`` and ``--csv`` were given; return the paths.

    Left out, the pharmacy list comes from the taper engine's pill counts, the coping
    guidance from the knowledge base and the table name from the drug data, so
    ``write_exports(args, plan)`` is a complete call.
    """
    written: list[Path] = []
    pdf, ics, csv = (
        getattr(args, "pdf", None),
        getattr(args, "ics", None),
        getattr(args, "csv", None),
    )
    targets = [_writable(p, args) for p in (pdf, ics, csv) if p]  # check all before writing any
    if not targets:
        return written
    options = options_from_args(args)
    if pdf:
        from benzoapp.core.cautions import load_knowledge_base
        from benzoapp.core.drugs import load_catalog
        from benzoapp.core.taper import pill_counts
        from benzoapp.report.data import ClinicianNotes, ReportData
        from benzoapp.report.from_core import coping_rows, pharmacy_rows
        from benzoapp.report.pdf_plan import write_plan_pdf
        from benzoapp.report.plan_guidance import plan_guidance

        catalog = load_catalog()
        if pharmacy is None:
            pharmacy = pharmacy_rows(
                plan, pill_counts(plan, catalog), options.prescription_days, options.bottle_ml
            )
        table_name = table_name or catalog.table(plan.settings.table).name
        if coping is None:
            coping = coping_rows(load_knowledge_base())
        data = ReportData(
            plan=plan,
            table_name=table_name,
            profile=profile,
            medications=medications,
            coping=coping,
            pharmacy=pharmacy,
            clinician=clinician or ClinicianNotes(),
            options=options,
            guidance=plan_guidance(plan, catalog, profile),
        )
        written.append(write_plan_pdf(_writable(pdf, args), data))
    if ics:
        from benzoapp.report.ics import write_plan_ics

        written.append(write_plan_ics(_writable(ics, args), plan, options.generated_on))
    if csv:
        from benzoapp.report.csv_export import write_plan_csv

        written.append(write_plan_csv(_writable(csv, args), plan))
    return written
