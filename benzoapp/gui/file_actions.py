"""File menu work: save the plan as a PDF, print it with a preview, back up and restore."""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from benzoapp.core.errors import BenzoAppError
from benzoapp.core.model import Plan
from benzoapp.gui.first_run import STATEMENT
from benzoapp.gui.formatting import badge, day, mg
from benzoapp.report.text import daily_amount, several_drugs


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary sibling, then rename: a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_pdf(parent: QWidget, render: Callable[[], bytes], suggested: Path) -> Path | None:
    """Ask where to save, render the PDF and save it; say plainly if it failed."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export PDF", str(suggested), "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        from benzoapp.output_guard import check_output_path

        check_output_path(path)  # never the data file, a backup, a folder or a device
        write_atomically(path, render())
    except (OSError, BenzoAppError) as error:
        QMessageBox.warning(parent, "Export PDF", f"The PDF could not be saved: {error}")
        return None
    return path


PRINT_TEXT = "#1a1a1a"  # 17:1 on white paper
PRINT_STYLE = f"body, h2, h3, p, th, td, li, i {{ color: {PRINT_TEXT}; }}"


def plan_document(plan: Plan, table_label: str) -> QTextDocument:
    """The plan as a plain printable document: steps, warnings with sources, the statement."""
    esc = html.escape
    several = several_drugs(plan)
    rows = "".join(
        "<tr>"
        f"<td>{s.index + 1}</td><td>{esc(day(s.start))}</td><td>{esc(day(s.end))}</td>"
        f"<td>{'<br>'.join(esc(f'{d.time} {d.drug} {mg(d.mg)} {d.units}') for d in s.doses)}</td>"
        f"<td>{esc(daily_amount(s, several))}</td><td>{'hold' if s.hold else ''}</td>"
        "</tr>"
        for s in plan.steps
    )
    warnings = "".join(
        f"<li>{esc(badge(w.level.value))}: {esc(w.message)} <i>({esc(w.source)})</i></li>"
        for w in plan.warnings
    )
    body = (
        "<h2>Taper plan</h2>"
        f"<p>{esc(STATEMENT)} Equivalents from the {esc(table_label)} are approximate.</p>"
        "<table border='1' cellspacing='0' cellpadding='4'>"
        "<tr><th>Step</th><th>From</th><th>To</th><th>Doses</th><th>Total</th><th></th></tr>"
        f"{rows}</table>" + (f"<h3>Warnings</h3><ul>{warnings}</ul>" if warnings else "")
    )
    document = QTextDocument()
    # Paper is white whatever the theme: every piece of text gets a dark colour of its
    # own, never the window's (light grey in the dark theme, 1.5:1 on paper).
    document.setDefaultStyleSheet(PRINT_STYLE)
    document.setHtml(f"<body style='color: {PRINT_TEXT}'>{body}</body>")
    return document


def print_plan(parent: QWidget, plan: Plan, table_label: str) -> None:
    """Show a print preview of the plan; printing happens from the preview."""
    document = plan_document(plan, table_label)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle("Print the plan")
    preview.paintRequested.connect(document.print_)
    preview.exec()


def choose_backup(parent: QWidget, backups: list[Path]) -> Path | None:
    """Let the person pick a backup to restore, newest first."""
    if not backups:
        QMessageBox.information(parent, "Restore", "There is no backup to restore yet.")
        return None
    names = [p.name for p in backups]
    picked, ok = QInputDialog.getItem(
        parent,
        "Restore from backup",
        "Your current data will itself be backed up first. Restore which copy?",
        names,
        0,
        False,
    )
    return backups[names.index(picked)] if ok else None
