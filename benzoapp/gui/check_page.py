"""The Check page: type what you take or are offered and see at once what the documents say.

The page only shows what the core checker returns. Master-detail: a compact list of the
answers for what is typed (the whole name first, then each ingredient of a product),
each row its name and its level as shape and word, beside the selected answer in full
with its reasons, sources and what to do instead. Levels are told by a word and a shape,
never by colour alone; what was typed stays beside what it matched; a weak spelling is
offered as a button to confirm, never swapped in silently, and each button says what the
suggestion is ("Dalmane (flurazepam, a benzodiazepine)") so a look-alike cannot pass for
what was meant.

For screen readers the answer is text: the detail pane's accessible description is the
whole answer, the search box's is its one-line summary, both kept current; when typing
pauses the summary is announced, politely, once.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
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

from benzoapp.core.cautions import LEVEL_WORDS, Checker, CheckResult, plan_drug_names
from benzoapp.core.cautions.regimen import check_with_plan
from benzoapp.core.errors import InputError
from benzoapp.gui.announce import Announcer, describe
from benzoapp.gui.level_list import LevelListModel, LevelListView, LevelRow
from benzoapp.gui.result_detail import ResultDetail
from benzoapp.gui.services import ActivePlanSource

HINT = (
    "Type a medicine, supplement, product or therapy, for example Valium, Epsom salt bath "
    "or deep tissue massage."
)
ANNOUNCE_AFTER_MS = 700  # a pause in typing; each keystroke is not read out
# While typing, each keystroke updates the answers list (the level as shape and word) at
# once; the full answer beside it, whose layout costs most of a keystroke, follows when
# typing pauses this long, on Enter, or when focus leaves the box.
DETAIL_AFTER_MS = 120


def summary_text(result: CheckResult) -> str:
    """One line for the search box's description and the announcement."""
    parts = [f"{result.query}: {LEVEL_WORDS[result.level]}."]
    if result.match is not None and result.match.name.casefold() != result.query.casefold():
        parts.append(f"Matched {result.match.name}.")
    if result.ingredients:
        parts.append(f"{len(result.ingredients)} ingredients, each in the list of answers.")
    if result.reasons:
        count = len(result.reasons)
        parts.append(f"{count} reason{'s' if count != 1 else ''} with sources in the answer.")
    if result.suggestions:
        parts.append("Did you mean: " + "; ".join(s.label for s in result.suggestions) + "?")
    return " ".join(parts)


class CheckPage(QWidget):
    """Search box with completion above the answers list and the selected answer."""

    result_shown = Signal(object)  # the CheckResult, or None when the box is empty
    detail_shown = Signal()  # the full answer beside the list now shows what is typed

    def __init__(
        self,
        checker: Checker,
        parent: QWidget | None = None,
        *,
        plans: ActivePlanSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Check")
        self.checker = checker
        self._plans = plans
        # The active plan's drugs (crossover target too), read when the page is shown,
        # never per keystroke: the plan's own drug is answered as the taper drug.
        self.taper_drugs: tuple[str, ...] = ()
        self.current: CheckResult | None = None
        self.problem = ""
        self.announcer = Announcer(self)
        # Only the answer scrolls: it changes on every keystroke, and giving it its own
        # scroll area keeps that change from laying out the whole page again.
        self.body = self
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(10)

        title = _label(self.body, "check_title", "heading")
        title.setText("Check a medicine, supplement, product or therapy")
        intro = _label(self.body, "check_intro", "muted")
        intro.setText(
            "What the three source documents say about it during a benzodiazepine taper. "
            "BenzoApp informs; your prescriber decides."
        )
        self.search_label = QLabel("&Name or phrase:", self.body)
        self.search = QLineEdit(self.body)
        self.search.setObjectName("check_search")
        self.search.setAccessibleName("Medicine, supplement, product or therapy to check")
        self.search.setPlaceholderText("e.g. Valium, Epsom salt bath, deep tissue massage")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.completer = QCompleter(checker.completions(), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.search.setCompleter(self.completer)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)

        box.addWidget(title)
        box.addWidget(intro)
        box.addLayout(search_row)
        box.addLayout(self._build_master_detail(), 1)
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_AFTER_MS)
        self._announce_timer.timeout.connect(self.announce)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_AFTER_MS)
        self._detail_timer.timeout.connect(self.settle)
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(0)  # as soon as the page has been painted
        self._words_timer.timeout.connect(self._read_word_list)
        self.search.textChanged.connect(self.show_query)
        self.search.returnPressed.connect(self._read_answer)
        self.search.editingFinished.connect(self.settle)
        self.show_query("")

    def _build_master_detail(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        left = QVBoxLayout()
        answers_label = QLabel("&Answers:", self.body)
        self.model = LevelListModel(self)
        self.answers = LevelListView("Answers", self.body)
        self.answers.setObjectName("check_answers")
        self.answers.setModel(self.model)
        answers_label.setBuddy(self.answers)
        self.answers.selectionModel().currentChanged.connect(self._show_current)
        left.addWidget(answers_label)
        left.addWidget(self.answers, 1)
        self.detail = ResultDetail("check", "Answer")
        self.detail.suggestion_chosen.connect(self._choose)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("check_answer_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab scrolls to each control
        self.scroll_area.setWidget(self.detail)
        row.addLayout(left, 2)
        row.addWidget(self.scroll_area, 3)
        return row

    # The parts of the answer, by the names the rest of the app and the tests use.
    @property
    def level_label(self) -> QLabel:
        return self.detail.level_label

    @property
    def match_label(self) -> QLabel:
        return self.detail.match_label

    @property
    def ingredients_label(self) -> QLabel:
        return self.detail.ingredients_label

    @property
    def reasons_label(self) -> QLabel:
        return self.detail.reasons_label

    @property
    def notes_label(self) -> QLabel:
        return self.detail.notes_label

    @property
    def suggestion_row(self) -> QWidget:
        return self.detail.suggestion_row

    @property
    def suggestion_buttons(self) -> list[QPushButton]:
        return self.detail.suggestion_buttons

    def _read_answer(self) -> None:
        """Enter in the box: go to the answers (the answer is already shown beside them)."""
        self.settle()
        if self.model.rowCount():
            self.answers.setFocus()

    def _choose(self, name: str) -> None:
        """The person chose a suggestion: check that name instead, visibly."""
        self.search.setText(name)
        self.settle()  # chosen, not typed: the full answer at once
        self.search.setFocus()

    def show_query(self, text: str) -> None:
        """Check what is in the box now and show it (called on every keystroke)."""
        result: CheckResult | None = None
        self.problem = ""
        if text.strip():
            try:
                result = check_with_plan(self.checker, text, self.taper_drugs)
            except InputError as error:
                self.problem = f"“{text.strip()}” cannot be checked: {error}"
        self.current = result
        rows: list[LevelRow] = []
        if result is not None:
            rows.append(LevelRow(result.query, result.level.value, "", summary_text(result)))
            for ingredient in result.ingredients:
                reading = f"{ingredient.reading}: " if ingredient.reading else ""
                rows.append(LevelRow(f"{reading}{ingredient.name}", ingredient.level.value))
        self.model.set_rows(rows)
        if rows:  # select the whole answer without showing it twice
            selection = self.answers.selectionModel()
            blocked = selection.blockSignals(True)
            selection.setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            selection.blockSignals(blocked)
        if self.search.hasFocus():
            # typing: the full answer follows when it pauses; until then the earlier one
            # is greyed out, so it is never taken for the answer to what is typed now
            self.detail.setEnabled(False)
            self._detail_timer.start()
        else:
            self.settle()
        summary = summary_text(result) if result is not None else self.problem
        describe(self.search, summary)
        describe(self.answers, f"{len(rows)} answers. {summary}" if rows else summary)
        if summary:
            self._announce_timer.start()
        else:
            self._announce_timer.stop()
            self.announcer.forget()
        self.result_shown.emit(result)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        """The plan may have changed on another page: answer beside the one active now.

        The English word list (read on the first close-spelling check, about 50 ms) is
        read as soon as the page has been painted, so that it never lands on a keystroke
        and start-up does not pay for it.
        """
        if not self.checker.english.loaded:
            self._words_timer.start()
        found = self._plans.active() if self._plans is not None else None
        drugs = plan_drug_names(found[1]) if found else ()
        if drugs != self.taper_drugs:
            self.taper_drugs = drugs
            self.show_query(self.search.text())
        super().showEvent(event)

    def _read_word_list(self) -> None:
        self.checker.english.load()

    def announce(self) -> None:
        """Read the summary of what is shown now (after typing pauses)."""
        if self.current is not None:
            self.announcer.say(summary_text(self.current))
        elif self.problem:
            self.announcer.say(self.problem)

    @property
    def detail_pending(self) -> bool:
        """Whether the full answer still shows an earlier query (typing has not paused)."""
        return self._detail_timer.isActive()

    def settle(self) -> None:
        """Show the full answer for what is typed now, if it is not shown yet."""
        self._detail_timer.stop()
        self._show_current()

    def _show_current(self, *_: object) -> None:
        self._detail_timer.stop()
        self.detail.setEnabled(True)
        result = self.current
        index = self.answers.currentIndex()
        if result is None:
            self.detail.show_message("", self.problem or HINT)
        elif index.isValid() and index.row() > 0:
            ingredient = result.ingredients[index.row() - 1]
            self.detail.show_result(result, title=ingredient.name, ingredient=ingredient)
        else:
            extra = ""
            if result.match is None:
                starting = self.checker.complete(result.query, limit=5)
                if starting:
                    extra = f" Names that start this way: {', '.join(starting)}."
            self.detail.show_result(result, title=result.query, extra_match=extra)
        chain = [
            self.search,
            self.answers,
            *self.detail.visible_suggestions(),
            *self.detail.links,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.detail_shown.emit()


def _label(parent: QWidget, name: str, role: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # typed text is never read as markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label
