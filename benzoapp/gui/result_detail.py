"""The detail pane of a master-detail page: one checker answer in full, with its sources.

Both the Check page and the Medications page show the selected row here: the level as
shape and word, what the name matched, "did you mean" choices, the ingredients, each
reason with where it comes from, notes (including what to do instead, when the documents
say), the regimen flags that concern the row, and a link per cited section that opens it
in the source reader. Everything shown is also the pane's accessible description, kept
current, so a screen reader gets the advice rather than a fixed name.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from benzoapp.core.cautions import HOW_WORDS, CheckResult, Ingredient, RegimenFlag
from benzoapp.gui.announce import describe
from benzoapp.gui.formatting import badge
from benzoapp.gui.regimen_flags_panel import FLAG_MARK
from benzoapp.gui.source_reader import SourceLink, citations_in

MAX_SUGGESTION_BUTTONS = 3


def label(parent: QWidget, name: str, role: str = "") -> QLabel:
    """A wrapping, selectable, plain-text label (typed text is never read as markup)."""
    widget = QLabel(parent)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
    return widget


def match_text(result: CheckResult) -> str:
    """What was typed beside what it matched, and how."""
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


def ingredients_text(result: CheckResult) -> str:
    if not result.ingredients:
        return ""
    lines = ["Checked ingredient by ingredient:"]
    for ingredient in result.ingredients:
        reading = f"{ingredient.reading}: " if ingredient.reading else ""
        lines.append(f"  • {reading}{ingredient.name}: {badge(ingredient.level.value)}")
    return "\n".join(lines)


def flag_text(flag: RegimenFlag) -> str:
    """A regimen flag in full: mark, level, message and source."""
    return f"{FLAG_MARK} {badge(flag.level.value)}: {flag.message} (Source: {flag.source})"


class ResultDetail(QWidget):
    """Shows one answer; rebuilds only its source links, the labels stay in place."""

    suggestion_chosen = Signal(str)  # the name the person chose to check instead

    def __init__(
        self,
        prefix: str,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        offer_suggestions: bool = True,
    ) -> None:
        super().__init__(parent)
        self._offer_suggestions = offer_suggestions
        self.setObjectName(f"{prefix}_detail")
        self.setAccessibleName(accessible_name)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        self.title_label = label(self, f"{prefix}_title_shown", "heading")
        self.level_label = label(self, f"{prefix}_level", "heading")
        self.level_label.setAccessibleName("Level")
        self.facts_label = label(self, f"{prefix}_facts", "muted")
        self.match_label = label(self, f"{prefix}_match")
        self.match_label.setAccessibleName("What it matched")
        self.suggestion_row = QWidget(self)
        row = QHBoxLayout(self.suggestion_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Did you mean:", self.suggestion_row))
        self.suggestion_buttons: list[QPushButton] = []
        self._suggested: list[str] = []
        for index in range(MAX_SUGGESTION_BUTTONS):
            button = QPushButton(self.suggestion_row)
            button.setObjectName(f"{prefix}_suggestion_{index}")
            button.clicked.connect(lambda _=False, i=index: self._choose(i))
            self.suggestion_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self.ingredients_label = label(self, f"{prefix}_ingredients")
        self.ingredients_label.setAccessibleName("Ingredients")
        self.reasons_label = label(self, f"{prefix}_reasons")
        self.reasons_label.setAccessibleName("Reasons")
        self.notes_label = label(self, f"{prefix}_notes", "muted")
        self.notes_label.setAccessibleName("Notes")
        self.flags_label = label(self, f"{prefix}_flags")
        self.flags_label.setAccessibleName("Regimen flags")
        self.links_box = QVBoxLayout()
        self.links_box.setSpacing(2)
        self.links: list[SourceLink] = []  # the links shown now
        self._link_pool: list[SourceLink] = []
        for widget in (
            self.title_label,
            self.level_label,
            self.facts_label,
            self.match_label,
            self.suggestion_row,
            self.flags_label,
            self.ingredients_label,
            self.reasons_label,
            self.notes_label,
        ):
            box.addWidget(widget)
        box.addLayout(self.links_box)
        box.addStretch(1)
        self.show_message("", "")

    # -- what is shown -------------------------------------------------------------
    def show_message(self, title: str, text: str) -> None:
        """No answer to show: a hint, or a message saying why (e.g. a refused query)."""
        _set(self.title_label, title)
        self.level_label.clear()
        self.level_label.hide()
        _set(self.facts_label, "")
        _set(self.match_label, text)
        self._set_suggestions([])
        for widget in (self.ingredients_label, self.reasons_label, self.notes_label):
            _set(widget, "")
        _set(self.flags_label, "")
        self._set_links([])
        self._describe()

    def show_result(
        self,
        result: CheckResult,
        *,
        title: str,
        facts: str = "",
        flags: Sequence[RegimenFlag] = (),
        ingredient: Ingredient | None = None,
        extra_match: str = "",
    ) -> None:
        """Show ``result``, or only what concerns one of its ingredients."""
        _set(self.title_label, title)
        _set(self.facts_label, facts)
        reasons = result.reasons
        if ingredient is None:
            level = result.level
            offered = [(s.name, s.label) for s in result.suggestions]
            if offered and not self._offer_suggestions:
                extra_match += " It may be: " + "; ".join(text for _, text in offered) + "."
                offered = []
            _set(self.match_label, match_text(result) + extra_match)
            self._set_suggestions(offered)
            _set(self.ingredients_label, ingredients_text(result))
            _set(self.notes_label, "\n".join(result.notes))
        else:
            wanted = ingredient.name.casefold()
            level = ingredient.level
            reading = f" ({ingredient.reading})" if ingredient.reading else ""
            _set(self.match_label, f"An ingredient of “{result.query}”{reading}.")
            self._set_suggestions([])
            _set(self.ingredients_label, "")
            _set(self.notes_label, "")
            reasons = tuple(r for r in reasons if r.about.casefold() in ("", wanted))
        self.level_label.setText(badge(level.value))
        self.level_label.show()
        blocks = []
        for reason in reasons:
            about = f"{reason.about}: " if reason.about else ""
            blocks.append(f"• {about}{reason.text}\n   ({reason.source_label})")
        _set(self.reasons_label, "\n".join(blocks))
        _set(self.flags_label, "\n".join(flag_text(f) for f in flags))
        labels = [r.source_label for r in reasons] + [f.source for f in flags]
        self._set_links(labels)
        self._describe()

    def summary(self) -> str:
        """Everything the pane shows, as one text (its accessible description)."""
        parts = [
            w.text()
            for w in (
                self.title_label,
                self.level_label,
                self.facts_label,
                self.match_label,
                self.flags_label,
                self.ingredients_label,
                self.reasons_label,
                self.notes_label,
            )
            if not w.isHidden() and w.text()
        ]
        if self._suggested:
            parts.append("Did you mean: " + "; ".join(b.text() for b in self.visible_suggestions()))
        return "\n".join(parts)

    def visible_suggestions(self) -> list[QPushButton]:
        return [b for b in self.suggestion_buttons if not b.isHidden()]

    # -- parts -----------------------------------------------------------------------
    def _describe(self) -> None:
        describe(self, self.summary())

    def _set_suggestions(self, suggestions: list[tuple[str, str]]) -> None:
        self._suggested = [name for name, _ in suggestions[:MAX_SUGGESTION_BUTTONS]]
        for index, button in enumerate(self.suggestion_buttons):
            if index < len(self._suggested):
                text = suggestions[index][1]
                button.setText(text)
                button.setAccessibleName(f"Check {text} instead")
                button.show()
            else:
                button.hide()
        self.suggestion_row.setVisible(bool(self._suggested))

    def _choose(self, index: int) -> None:
        if index < len(self._suggested):
            self.suggestion_chosen.emit(self._suggested[index])

    def _set_links(self, source_labels: list[str]) -> None:
        """One link per distinct cited section, in the order first cited.

        Links are reused from one answer to the next (the Check page rebuilds its answer
        on every keystroke); only a longer list makes new ones.
        """
        citations = citations_in(source_labels)
        if [link.citation for link in self.links] == citations:
            return
        for number, citation in enumerate(citations):
            if number < len(self._link_pool):
                link = self._link_pool[number]
                link.set_citation(citation)
            else:
                link = SourceLink(citation, self)
                self.links_box.addWidget(link)
                self._link_pool.append(link)
            link.show()  # at once, not on the next turn of the event loop: Tab finds it
        for link in self._link_pool[len(citations) :]:
            link.hide()
        self.links = self._link_pool[: len(citations)]


def _set(widget: QLabel, text: str) -> None:
    """Show ``text`` (hidden when empty); unchanged labels are left alone (no relayout)."""
    if widget.text() != text:
        widget.setText(text)
    if widget.isHidden() == bool(text):
        widget.setVisible(bool(text))
