"""Medications & supplements: what the person takes, each checked, and the list checked whole.

Master-detail: a compact list (each row its name, its level as shape and word, and a
"⚑ Regimen flag" mark when the regimen check names it) beside the selected row's answer
in full. Above the list, a banner counts the regimen flags and gives each in full with
its source. The regimen check is the core's (``check_regimen`` with the active plan's
drugs); it runs again whenever the list or the active plan changes. Arrow keys move in
the list; Tab leaves it for the detail pane and the form that adds a name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.changes import Changes
from benzoapp.core.errors import InputError
from benzoapp.core.model import Medication
from benzoapp.gui.announce import Announcer, describe
from benzoapp.gui.formatting import badge
from benzoapp.gui.level_list import LevelListModel, LevelListView, LevelRow
from benzoapp.gui.operations import Operations
from benzoapp.gui.regimen_flags_panel import FLAG_MARK, RegimenFlagsPanel
from benzoapp.gui.result_detail import ResultDetail
from benzoapp.gui.services import ActivePlanSource, MedicationRepository, RegimenLookup

if TYPE_CHECKING:
    from benzoapp.core.cautions import CheckResult, RegimenCheck, RegimenFlag

KINDS = (("medication", "Medicine"), ("supplement", "Supplement"), ("therapy", "Therapy"))


@dataclass(frozen=True)
class MedicationRow:
    """One recorded item with the checker's answer and the regimen flags that name it."""

    id: int
    medication: Medication
    result: CheckResult | None  # None when the checker is unavailable or refused the name
    flags: tuple[RegimenFlag, ...] = ()
    problem: str = ""  # why there is no result, in plain words


def mark_text(flags: tuple[RegimenFlag, ...]) -> str:
    """The row's mark: shape and word, e.g. '⚑ Regimen flag'."""
    if not flags:
        return ""
    return (
        f"{FLAG_MARK} Regimen flag"
        if len(flags) == 1
        else f"{FLAG_MARK} {len(flags)} regimen flags"
    )


class MedicationsPage(QWidget):
    """Adding always asks the checker first, and shows its answer before it is saved."""

    def __init__(
        self,
        medications: MedicationRepository,
        checker: RegimenLookup | None,
        undo_stack: QUndoStack,
        plans: ActivePlanSource | None = None,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Medications & supplements")
        # Writes go through the shared operations; the list follows their announcements.
        self._ops = operations or Operations(undo_stack, self)
        self._ops.changed.connect(self.on_changed)
        self._ops.failed.connect(self._on_failed)
        self._repo = medications
        self._checker = checker
        self._plans = plans
        self._undo = undo_stack
        self._read_only_reason = ""
        self.rows: list[MedicationRow] = []
        self._quiet = False  # while adding: one announcement says it all
        self.regimen: RegimenCheck | None = None
        self.announcer = Announcer(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # not a stop: Tab scrolls to each control
        outer.addWidget(self.scroll_area)
        self.body = QWidget()
        self.body.setObjectName("medications_body")
        self.scroll_area.setWidget(self.body)
        box = QVBoxLayout(self.body)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(12)
        intro = QLabel(
            "What else you take or do. Each is checked against the source documents, and the "
            "list is checked as a whole beside your taper plan; talk to your prescriber about "
            "anything marked."
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        box.addWidget(intro)
        self.banner = RegimenFlagsPanel("Regimen check", self.body)
        box.addWidget(self.banner)
        box.addLayout(self._build_master_detail(), 1)
        box.addWidget(self._build_add_form())
        # Adding checks the name on Enter; what a close spelling needs (the English word
        # list) is read once the page has been painted, never on that keystroke.
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_up)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        if self._checker is not None:
            self._warm_timer.start()
        super().showEvent(event)

    def _warm_up(self) -> None:
        if self._checker is not None:
            self._checker.warm_up()

    # -- building ------------------------------------------------------------------
    def _build_master_detail(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        left = QVBoxLayout()
        list_label = QLabel("&What you take:", self.body)
        self.model = LevelListModel(self)
        self.list = LevelListView("What you take", self.body)
        self.list.setObjectName("medications_list")
        self.list.setModel(self.model)
        list_label.setBuddy(self.list)
        self.list.selectionModel().currentChanged.connect(self._show_current)
        self.remove_button = QPushButton("&Remove selected", self.body)
        self.remove_button.setAccessibleName("Remove selected")
        self.remove_button.clicked.connect(self.remove_selected)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)  # only in the list
        remove_key.activated.connect(self.remove_selected)
        left.addWidget(list_label)
        left.addWidget(self.list, 1)
        left.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.detail = ResultDetail(
            "medications", "Selected item", self.body, offer_suggestions=False
        )
        row.addLayout(left, 2)
        row.addWidget(self.detail, 3, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_add_form(self) -> QGroupBox:
        group = QGroupBox("Add something you take or do", self.body)
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit(group)
        self.name.setAccessibleName("Name")
        self.name.setPlaceholderText("e.g. magnesium, Cipro, yoga")
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        self.name.textEdited.connect(self._complete)
        name_label = QLabel("&Name:", group)
        name_label.setBuddy(self.name)
        self.kind = QComboBox(group)
        self.kind.setAccessibleName("Kind")
        for value, text in KINDS:
            self.kind.addItem(text, value)
        kind_label = QLabel("&Kind:", group)
        kind_label.setBuddy(self.kind)
        self.dose = QLineEdit(group)
        self.dose.setAccessibleName("Dose")
        self.dose.setPlaceholderText("optional, e.g. 200 mg at night")
        dose_label = QLabel("&Dose:", group)
        dose_label.setBuddy(self.dose)
        self.add_button = QPushButton("Check and &add", group)
        self.add_button.setAccessibleName("Check and add")
        self.add_button.clicked.connect(self.check_and_add)
        self.name.returnPressed.connect(self.check_and_add)
        self.result = QLabel("", group)
        self.result.setObjectName("medications_result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setAccessibleName("Check result")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(name_label, self.name)
        form.addRow(kind_label, self.kind)
        form.addRow(dose_label, self.dose)
        button_row = QHBoxLayout()
        button_row.addWidget(self.add_button)
        button_row.addStretch(1)
        form.addRow(button_row)
        form.addRow(self.result)
        self.add_button.setEnabled(self._checker is not None)
        if self._checker is None:
            self._say("The checker is not available, so nothing can be added.")
        return group

    # -- showing -------------------------------------------------------------------
    def _complete(self, text: str) -> None:
        if self._checker is not None and text.strip():
            self._names.setStringList(self._checker.complete(text.strip())[:20])

    def _regimen(
        self, items: list[tuple[int, Medication]]
    ) -> tuple[RegimenCheck | None, dict[int, CheckResult]]:
        """The core's regimen check of the list, and each item's answer by its id.

        A name the checker refuses (only an import can store one) must not cost the
        rest of the list its check: the check then runs on the names it accepts, and
        the refused row says why on its own.
        """
        if self._checker is None:
            return None, {}
        found = self._plans.active() if self._plans is not None else None
        plan = found[1] if found else None
        checked = items
        try:
            regimen = self._checker.check_regimen([m for _, m in items], plan)
        except InputError:
            checked = [(i, m) for i, m in items if self._accepted(m.name)]
            regimen = self._checker.check_regimen([m for _, m in checked], plan)
        answers = {i: r for (i, _), r in zip(checked, regimen.results, strict=True)}
        return regimen, answers

    def _accepted(self, name: str) -> bool:
        assert self._checker is not None
        try:
            self._checker.check(name)
        except InputError:
            return False
        return True

    def _row(self, ident: int, medication: Medication, result: CheckResult | None) -> MedicationRow:
        flags = self.regimen.flags if self.regimen is not None else ()
        mine = tuple(f for f in flags if medication.name in f.items)
        if result is not None or self._checker is None:
            problem = "" if self._checker else "The checker is not available."
            return MedicationRow(ident, medication, result, mine, problem)
        try:
            return MedicationRow(ident, medication, self._checker.check(medication.name), mine)
        except InputError as error:
            return MedicationRow(ident, medication, None, mine, str(error))

    def refresh(self, *_changed: object) -> None:
        """Read the list again and run the regimen check on it and the active plan."""
        items = self._repo.list()
        before = len(self.regimen.flags) if self.regimen is not None else 0
        self.regimen, answers = self._regimen(items)
        current = self.current_row()
        self.rows = [self._row(i, m, answers.get(i)) for i, m in items]
        self.model.set_rows([self._level_row(r) for r in self.rows])
        flags = self.regimen.flags if self.regimen is not None else ()
        self.banner.show_flags(flags)
        self._select_id(current.id if current is not None else None)
        self._fix_tab_order()
        describe(self.list, f"{len(self.rows)} items. " + self.banner.accessibleDescription())
        # Said only where it is seen: an undo on another page changes the count quietly.
        if len(flags) != before and not self._quiet and self.isVisible():
            self.announcer.say(self.banner.heading.text() if flags else "No regimen flags.")

    def _level_row(self, row: MedicationRow) -> LevelRow:
        level = row.result.level.value if row.result is not None else "not_covered"
        details = "; ".join(f.message for f in row.flags)
        return LevelRow(row.medication.name, level, mark_text(row.flags), details)

    def current_row(self) -> MedicationRow | None:
        index = self.list.currentIndex()
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def _select_id(self, ident: int | None) -> None:
        place = next((n for n, r in enumerate(self.rows) if r.id == ident), 0)
        if self.rows:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(place, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_current()

    def _show_current(self, *_: object) -> None:
        row = self.current_row()
        if row is None:
            self.detail.show_message(
                "Nothing listed yet", "Add what you take below; each is checked as you add it."
            )
        elif row.result is None:
            self.detail.show_message(row.medication.name, row.problem)
        else:
            self.detail.show_result(
                row.result,
                title=row.medication.name,
                facts=self._facts(row.medication),
                flags=row.flags,
            )
        self._fix_tab_order()

    @staticmethod
    def _facts(medication: Medication) -> str:
        kind = dict(KINDS).get(medication.kind, medication.kind)
        return " · ".join(p for p in (kind, medication.dose) if p)

    def _fix_tab_order(self) -> None:
        """Reading order: banner links, list, Remove, detail links, then the add form.

        Links are rebuilt as answers change, and Qt puts new widgets at the end of the
        focus chain; this puts them back where they are seen.
        """
        detail = [*self.detail.visible_suggestions(), *self.detail.links]
        chain = [
            *self.banner.links,
            self.list,
            self.remove_button,
            *detail,
            self.name,
            self.kind,
            self.dose,
            self.add_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _say(self, text: str) -> None:
        """The add form's answer or error: shown in full, described and announced."""
        self.result.setText(text)
        describe(self.result, text)
        self.announcer.say(text)

    # -- changing ------------------------------------------------------------------
    def set_read_only(self, reason: str) -> None:
        """Show the list, add and remove nothing (``reason`` is the buttons' tooltip)."""
        self._read_only_reason = reason
        for button in (self.add_button, self.remove_button):
            button.setEnabled(False)
            button.setToolTip(reason)
        self._say(
            "Nothing can be added or removed just now: changes cannot be saved. "
            "The Check page still answers."
        )

    def check_and_add(self) -> None:
        """Check the name, say what it is, then save (undoable) and select the new row."""
        name = self.name.text().strip()
        if not name or self._checker is None or self._read_only_reason:
            return
        try:
            result = self._checker.check(name)
        except InputError as error:
            self._say(f"“{name}” was not added: {error}")
            return
        medication = Medication(
            name=name, kind=str(self.kind.currentData()), dose=self.dose.text().strip()
        )
        self._quiet = True  # one announcement, below, says it all
        try:
            if not self._ops.add_medication(self._repo, medication, initiator=self):
                return
        finally:
            self._quiet = False
        if self.rows:
            self._select_id(max(r.id for r in self.rows))  # the entry just added
        self.name.clear()
        self.dose.clear()
        row = self.current_row()
        flagged = f" {mark_text(row.flags)}: see above the list." if row and row.flags else ""
        # the row's answer is the one beside the plan: the taper drug under another name
        # ("Klonopin" with a clonazepam plan) is answered as the taper drug, not avoid
        if row is not None and row.result is not None and row.medication.name == name:
            result = row.result
        self._say(
            f"{badge(result.level.value)} — {name}: added. Its answer is shown beside the "
            f"list.{flagged}"
        )

    def remove_selected(self) -> None:
        row = self.current_row()
        if row is None or self._read_only_reason:
            return
        if not self._ops.remove_medication(self._repo, row.id, row.medication, initiator=self):
            return
        self._say(f"Removed {row.medication.name}. Undo brings it back.")

    def _on_failed(self, message: str, initiator: object) -> None:
        if initiator is self:
            self.result.setText(message)

    def on_changed(self, changes: Changes, _initiator: object) -> None:
        """The list or the plan in use changed (here, elsewhere, by undo, or an import):
        show the store, checked again beside the plan."""
        if changes.touches_medications() or changes.touches_plan():
            self.refresh()
