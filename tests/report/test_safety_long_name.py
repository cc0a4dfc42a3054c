"""A very long name on the plan costs linear work, not one full measure per character.

The page header shortens the title to fit with an ellipsis. It used to measure the whole
remaining title once per character it removed, so the work grew with the square of the
name's length (a long unbroken ``--name`` made the PDF hang). Counted, not timed.
"""

from __future__ import annotations

import pytest

from benzoapp.report.pdf import page
from benzoapp.report.pdf.styles import register_fonts


@pytest.mark.parametrize("length", [500, 4000, 20000])
def test_fitting_a_long_title_measures_each_character_a_few_times_at_most(
    length: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_fonts()
    measured = []
    real = page.stringWidth

    def counting(text: str, font: str, size: float) -> float:
        measured.append(len(text))
        return float(real(text, font, size))

    monkeypatch.setattr(page, "stringWidth", counting)
    fitted = page.fit("W" * length, 400, 9.5)
    assert fitted.endswith("…")
    assert 10 < len(fitted) < 100
    assert sum(measured) <= 3 * length + 10  # linear: the whole title once, a few chars more
    assert real(fitted, page.FONT, 9.5) <= 400
