"""Creating the QApplication without changing how Python formats anything.

On Unix, Qt sets the C library's locale from the environment when the application
object is made (``setlocale(LC_ALL, "")``). Python reads that locale too: ``%b`` would
then print "Mär" on a German system, and the window, the PDF and the exports made in
the same process could disagree with the CLI. The locale Python had is put back at once;
Qt keeps its own ``QLocale`` for its widgets.
"""

from __future__ import annotations

import locale
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication, with Python's locale as it was before it existed."""
    before = locale.setlocale(locale.LC_ALL)  # a query: changes nothing
    app = QApplication(list(argv))
    if locale.setlocale(locale.LC_ALL) != before:
        locale.setlocale(locale.LC_ALL, before)
    return app
