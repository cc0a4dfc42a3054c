"""The words for every level the app shows: plan warnings and the checker's answers.

One table, read by the window, the printed plan and the CLI, so a level never reads
one way on screen and another on paper. Shapes (for the screen) are the window's
business; the words are the core's.
"""

from __future__ import annotations

from benzoapp.core.model import WarningLevel

WARNING_WORDS: dict[WarningLevel, str] = {
    WarningLevel.STRONG: "Strong caution",
    WarningLevel.CAUTION: "Caution",
    WarningLevel.INFO: "Note",
}
# How loud each plan warning is, loudest first (the banner counts the loudest).
WARNING_ORDER: tuple[WarningLevel, ...] = (
    WarningLevel.STRONG,
    WarningLevel.CAUTION,
    WarningLevel.INFO,
)


def level_word(level_id: str) -> str:
    """The words for a level id ("strong", "caution", "avoid", "not_covered"...).

    A plan warning's level and the checker's share the id "caution" and the word. An
    id neither table knows is still shown, in its own words, never hidden.
    """
    for level, word in WARNING_WORDS.items():
        if level.value == level_id:
            return word
    # Imported here: the checker's package is not needed to show a plan (start-up time).
    from benzoapp.core.cautions.results import LEVEL_WORDS

    for checker_level, word in LEVEL_WORDS.items():
        if checker_level.value == level_id:
            return word
    return level_id.replace("_", " ").capitalize()
