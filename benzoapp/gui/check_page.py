"""The Check page: type what you take or are offered and see at once what the documents say.

The page only shows what the core checker returns. Levels are told by a word and a shape,
never by colour alone; what was typed stays beside what it matched; a weak spelling is
offered as a button to confirm, never swapped in silently, and each button says what the
suggestion is ("Dalmane (flurazepam, a benzodiazepine)") so a look-alike cannot pass for
what was meant.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.cautions import HOW_WORDS, LEVEL_WORDS, Checker, CheckResult, Level
from benzoapp.core.errors import InputError

# A distinct shape for each level, so the level reads without colour.
LEVEL_GLYPHS: dict[Level, str] = {
    Level.AVOID: "✕",
    Level.CAUTION: "▲",
    Level.MIXED: "◆",
    Level.SUPPORTIVE: "●",
    Level.NOT_COVERED: "?",
}
MAX_SUGGESTION_BUTTONS = 3
HINT = (
    "Type a medicine, supplement, product or therapy, for example Valium, Epsom salt bath "
    "or deep tissue massage."
)


def level_text(level: Level) -> str:
    """The level as shape and word, e.g. ``✕ Avoid``."""
    return f"{LEVEL_GLYPHS[level]} {LEVEL_WORDS[level]}"


def _label(parent: QWidget, name: str, role: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # typed text is never read as markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class CheckPage(QWidget):
    """Search box with completion above a calm panel showing the result of each keystroke."""

    result_shown = Signal(object)  # the CheckResult, or None when the box is empty

    def __init__(self, checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.current: CheckResult | None = None
        outer = QVBoxLayout(self)

        title = _label(self, "check_title", "heading")
        title.setText("Check a medicine, supplement, product or therapy")
        intro = _label(self, "check_intro", "muted")
        intro.setText(
            "What the three source documents say about it during a benzodiazepine taper. "
            "BenzoApp informs; your prescriber decides."
        )
        self.search_label = QLabel("&Name or phrase:", self)
        self.search = QLineEdit(self)
        self.search.setObjectName("check_search")
        self.search.setAccessibleName("Medicine, supplement, product or therapy to check")
        self.search.setPlaceholderText("e.g. Valium, Epsom salt bath, deep tissue massage")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.completer = QCompleter(checker.completions(), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.search.setCompleter(self.completer)

        panel = self._build_panel()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        outer.addWidget(title)
        outer.addWidget(intro)
        outer.addLayout(search_row)
        outer.addWidget(scroll, 1)
        self.search.textChanged.connect(self.show_query)
        self.show_query("")

    def _build_panel(self) -> QFrame:
        """The result panel: level, match, suggestions, ingredients, reasons, notes."""
        panel = QFrame(self)
        panel.setProperty("role", "notice")
        box = QVBoxLayout(panel)
        self.level_label = _label(panel, "check_level", "heading")
        self.level_label.setAccessibleName("Level")
        self.match_label = _label(panel, "check_match")
        self.match_label.setAccessibleName("What it matched")
        self.suggestion_row = QWidget(panel)
        row = QHBoxLayout(self.suggestion_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Did you mean:", self.suggestion_row))
        self.suggestion_buttons: list[QPushButton] = []
        for index in range(MAX_SUGGESTION_BUTTONS):
            button = QPushButton(self.suggestion_row)
            button.setObjectName(f"check_suggestion_{index}")
            button.clicked.connect(lambda _=False, i=index: self._choose(i))
            self.suggestion_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self.ingredients_label = _label(panel, "check_ingredients")
        self.ingredients_label.setAccessibleName("Ingredients")
        self.reasons_label = _label(panel, "check_reasons")
        self.reasons_label.setAccessibleName("Reasons and sources")
        self.notes_label = _label(panel, "check_notes", "muted")
        self.notes_label.setAccessibleName("Notes")
        for widget in (
            self.level_label,
            self.match_label,
            self.suggestion_row,
            self.ingredients_label,
            self.reasons_label,
            self.notes_label,
        ):
            box.addWidget(widget)
        box.addStretch(1)
        return panel

    def _choose(self, index: int) -> None:
        """The person chose a suggestion: check that name instead, visibly."""
        if self.current is None or index >= len(self.current.suggestions):
            return
        self.search.setText(self.current.suggestions[index].name)
        self.search.setFocus()

    def show_query(self, text: str) -> None:
        """Check what is in the box now and show it (called on every keystroke)."""
        result: CheckResult | None = None
        if text.strip():
            try:
                result = self.checker.check(text)
            except InputError:
                result = None
        self.current = result
        if result is None:
            self._show_nothing()
        else:
            self._show(result)
        self.result_shown.emit(result)

    def _show_nothing(self) -> None:
        self.level_label.clear()
        self.match_label.setText(HINT)
        self.suggestion_row.hide()
        for label in (self.ingredients_label, self.reasons_label, self.notes_label):
            label.clear()
            label.hide()

    def _show(self, result: CheckResult) -> None:
        self.level_label.setText(level_text(result.level))
        self.level_label.setAccessibleDescription(LEVEL_WORDS[result.level])
        match_text = _match_text(result)
        if result.match is None:
            starting = self.checker.complete(result.query, limit=5)
            if starting:
                match_text += f" Names that start this way: {', '.join(starting)}."
        self.match_label.setText(match_text)
        for index, button in enumerate(self.suggestion_buttons):
            if index < len(result.suggestions):
                label = result.suggestions[index].label
                button.setText(label)
                button.setAccessibleName(f"Check {label} instead")
                button.show()
            else:
                button.hide()
        self.suggestion_row.setVisible(bool(result.suggestions))
        _set(self.ingredients_label, _ingredients_text(result))
        _set(self.reasons_label, _reasons_text(result))
        _set(self.notes_label, "\n".join(result.notes))


def _set(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _match_text(result: CheckResult) -> str:
    match = result.match
    if match is None:
        return f"You typed “{result.query}”: nothing in the knowledge base matches it."
    how = HOW_WORDS.get(match.how, match.how)
    if match.how == "fuzzy":
        how = f"{how}, {match.score:.0f}% alike"
    text = f"You typed “{result.query}”, matched “{match.name}” ({how})"
    if match.generic and match.generic != match.name:
        text += f", which is {match.generic}"
    return text + "."


def _ingredients_text(result: CheckResult) -> str:
    if not result.ingredients:
        return ""
    lines = ["Checked ingredient by ingredient:"]
    for ingredient in result.ingredients:
        reading = f"{ingredient.reading}: " if ingredient.reading else ""
        lines.append(f"  • {reading}{ingredient.name}: {level_text(ingredient.level)}")
    return "\n".join(lines)


def _reasons_text(result: CheckResult) -> str:
    blocks = []
    for reason in result.reasons:
        about = f"{reason.about}: " if reason.about else ""
        blocks.append(f"• {about}{reason.text}\n   ({reason.source_label})")
    return "\n".join(blocks)
