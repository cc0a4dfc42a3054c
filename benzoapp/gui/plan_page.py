"""The Plan page: type the regimen, choose how to taper, see the steps and the chart live."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.errors import BenzoAppError, DoseConfirmationError
from benzoapp.core.model import Plan, PlanSettings, Regimen
from benzoapp.core.taper.equivalents import lacks_equivalent
from benzoapp.core.taper.release import settings_for_regimen
from benzoapp.gui.alternatives_panel import AlternativesPanel
from benzoapp.gui.commands import PlanEditCommand, PlanState, SetValueCommand
from benzoapp.gui.dose_chart import DoseChart
from benzoapp.gui.first_plan_guide import FirstPlanGuide
from benzoapp.gui.formatting import badge, mg
from benzoapp.gui.operations import Operations
from benzoapp.gui.pace_offers import PaceOffers
from benzoapp.gui.plan_dialogs import EditStepDialog
from benzoapp.gui.plan_form import PlanForm
from benzoapp.gui.plan_model import StepTableModel, sorting_proxy
from benzoapp.gui.plan_options import PlanOptions
from benzoapp.gui.plan_panes import (
    AlternativesSlot,
    StepDetailsPane,
    StrongBanner,
    strong_warnings,
)
from benzoapp.gui.plan_table import EQUIVALENT, TOTAL, StepTable
from benzoapp.gui.regimen_editor import DoseRowsDialog
from benzoapp.gui.services import PlanGuidance, Planner, PlanRepository
from benzoapp.report.text import several_drugs

MERGE_REGIMEN, MERGE_SETTINGS = 101, 102
LEFT_MIN, LEFT_MAX = 280, 400  # the settings pane beside the plan
QWIDGETSIZE_MAX = 16_777_215


class PlanPage(QWidget):
    """Every change goes through the undo stack and rebuilds the plan through the core."""

    plan_saved = Signal(object)

    def __init__(
        self,
        planner: Planner,
        plans: PlanRepository | None,
        undo_stack: QUndoStack,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        *,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Plan")
        self._ops = operations or Operations(undo_stack, self)
        self._planner = planner
        self._plans = plans
        self._undo = undo_stack
        self._today = today
        self._applying = False
        self._needs_sizing = False
        self._read_only_reason = ""
        self._country: str | None = None  # Preferences > Country ("" there: None)
        # Regimen texts whose doses the person confirmed ("This is what I take").
        self._confirmed: set[str] = set()
        found = plans.active() if plans is not None else None
        self._plan_id: int | None = found[0] if found else None
        active = found[1] if found else None
        self._kept_plan = active
        settings = active.settings if active else PlanSettings(start=today())
        self._state = PlanState(
            self._regimen_text(active.regimen) if active else "", settings, active
        )
        if active is not None:  # a plan kept earlier: its doses were confirmed then
            self._confirmed.add(self._state.regimen_text)
        self._build()
        self._apply_state(self._state)

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.form = PlanForm(self._planner.crossover_drugs())
        f = self.form
        self.regimen, self.regimen_message = f.regimen, f.regimen_message
        self.method, self.rate, self.every = f.method, f.rate, f.every
        self.form_box, self.crossover, self.start = f.form_box, f.crossover, f.start
        self.table_note, self.plan_warnings = f.table_note, f.plan_warnings
        left = QWidget()
        left.setMaximumWidth(400)
        left_box = QVBoxLayout(left)
        left_box.addWidget(self.form)
        self.options = PlanOptions()
        left_box.addWidget(self.options)
        self.paces = PaceOffers()
        left_box.addWidget(self.paces)
        # The gentler options in the settings pane beside the steps: it scrolls, so the
        # steps, the selected step and the chart keep their height at any text size.
        self.alternatives_slot = AlternativesSlot()
        left_box.addWidget(self.alternatives_slot)
        left_box.addStretch(1)
        self._build_right(left)
        self._connect()

    def _build_right(self, left: QWidget) -> None:
        self.model = StepTableModel()
        self.proxy = sorting_proxy(self.model)
        self.table = StepTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Steps")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        buttons = self._build_buttons()
        self.chart = DoseChart()
        self.chart.setMinimumHeight(110)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        self.banner = StrongBanner()
        self.banner_text, self.banner_button = self.banner.text, self.banner.button
        self.banner_button.clicked.connect(self.go_to_first_strong)
        top_box.addWidget(self.banner)
        top_box.addWidget(self.table, 1)
        top_box.addLayout(buttons)
        # A vertical splitter: the person can give the table, the step or the chart more
        # room; none of them is ever squeezed to nothing.
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setChildrenCollapsible(False)
        self.right_splitter.addWidget(top)
        self.details_pane = StepDetailsPane()
        self.step_details = self.details_pane.label
        self.right_splitter.addWidget(self.details_pane)
        self.right_splitter.addWidget(self.chart)
        # The steps get most of the height, then the selected step; the chart least.
        self.right_splitter.setStretchFactor(0, 4)
        self.right_splitter.setStretchFactor(1, 2)
        self.right_splitter.setStretchFactor(2, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.left_scroll = QScrollArea()  # long warnings scroll rather than being cut off
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setWidget(left)
        self.left_scroll.setMinimumWidth(LEFT_MIN)
        self.left_scroll.setMaximumWidth(LEFT_MAX)
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.alternatives = AlternativesPanel()
        self.set_alternatives_panel(self.alternatives)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.splitter)

    def _build_buttons(self) -> QHBoxLayout:
        """The step and plan actions under the table."""
        buttons = QHBoxLayout()
        self.hold_button = QPushButton("Insert ho&ld…")
        self.edit_button = QPushButton("E&dit step…")
        self.replan_button = QPushButton("Re-&plan…")
        self.replan_button.setToolTip("Start again from what you take today")
        self.save_button = QPushButton("&Use this plan")
        self.save_button.setToolTip("Today then shows this plan's doses day by day")
        for button in (self.hold_button, self.edit_button, self.replan_button, self.save_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        self.replan_button.setAccessibleName("Re-plan from today")
        buttons.addStretch(1)
        return buttons

    def _fit_orientation(self, *_needed: object) -> None:
        """Settings beside the plan when the steps table still fits beside them; else
        the settings above the plan, so the table never needs to scroll sideways."""
        # The plan's side needs the table's width and its buttons' (whichever is more).
        beside = max(self.table.needed_width(), self._right_min_width())
        left = self._left_min_width()
        needed = left + beside + 24
        orientation = (
            Qt.Orientation.Vertical if self.width() < needed else Qt.Orientation.Horizontal
        )
        if orientation == Qt.Orientation.Horizontal:
            self.left_scroll.setMinimumWidth(left)  # larger text: a wider pane, no cut
        if self.splitter.orientation() == orientation:
            return
        self.splitter.setOrientation(orientation)
        if orientation == Qt.Orientation.Vertical:
            self.left_scroll.setMinimumWidth(0)
            self.left_scroll.setMaximumWidth(QWIDGETSIZE_MAX)
            self.splitter.setSizes([self.height() * 3 // 10, self.height() * 7 // 10])
        else:
            self.left_scroll.setMinimumWidth(left)
            self.left_scroll.setMaximumWidth(LEFT_MAX)
            self.splitter.setSizes([300, max(self.width() - 300, 1)])
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the new arrangement now, so the table fits its new width

    def _left_min_width(self) -> int:
        """The settings pane's width beside the plan: what its widest field needs (with
        the scroll bar), at least ``LEFT_MIN`` and at most ``LEFT_MAX``."""
        content = self.left_scroll.widget()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * self.left_scroll.frameWidth()
        need = content.minimumSizeHint().width() + scroll_bar + frame if content else 0
        return min(max(LEFT_MIN, need), LEFT_MAX)

    def _right_min_width(self) -> int:
        """The least width of the steps' side without the table (its buttons, banner)."""
        steps_side = self.right_splitter.widget(0)
        box = steps_side.layout() if steps_side is not None else None
        return max(box.minimumSize().width(), 0) if box is not None else 0

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """As narrow as the plan's side or the settings, whichever is wider: narrower
        than settings and plan side by side, the page puts the settings above."""
        hint = super().minimumSizeHint()
        if self.splitter.orientation() == Qt.Orientation.Horizontal:
            margins = self.contentsMargins()
            box = self.layout()
            inner = box.contentsMargins() if box is not None else margins
            stacked = max(
                self.left_scroll.minimumSizeHint().width(),
                self.right_splitter.minimumSizeHint().width(),
            )
            hint.setWidth(min(hint.width(), stacked + inner.left() + inner.right()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_orientation()

    def set_alternatives_panel(self, panel: QWidget) -> None:
        """Place the list of alternative plans beside the steps (under the settings);
        applying one of its settings is :meth:`apply_settings` (undoable)."""
        self.alternatives_slot.place(panel)

    def _connect(self) -> None:
        self.regimen.textEdited.connect(self._regimen_edited)
        self.proxy.layoutChanged.connect(self._size_rows)  # sorting moves the rows
        self.table.needed_width_changed.connect(self._fit_orientation)
        self.table.selectionModel().currentRowChanged.connect(self._show_step_details)
        self.method.currentIndexChanged.connect(self._settings_edited)
        self.rate.valueChanged.connect(self._settings_edited)
        self.every.valueChanged.connect(self._settings_edited)
        self.form_box.currentIndexChanged.connect(self._settings_edited)
        self.crossover.currentIndexChanged.connect(self._settings_edited)
        self.start.dateChanged.connect(self._settings_edited)
        self.hold_button.clicked.connect(self.insert_hold)
        self.edit_button.clicked.connect(self.edit_step)
        self.replan_button.clicked.connect(self.replan_from_today)
        self.save_button.clicked.connect(self.save_plan)
        self.form.rows_button.clicked.connect(self.enter_dose_by_dose)
        self.form.guide_button.clicked.connect(self.start_guide)
        self.form.confirm_button.clicked.connect(self.confirm_doses)
        self.options.changed.connect(self._settings_edited)
        self.alternatives.apply_requested.connect(self.apply_settings)
        self.paces.apply_requested.connect(self._apply_pace)
        order: tuple[QWidget, ...] = (
            self.regimen,
            self.form.confirm_button,
            self.form.understood,
            self.form.rows_button,
            self.form.guide_button,
            self.method,
            self.rate,
            self.every,
            self.form_box,
            self.crossover,
            self.start,
            *self.options.focus_order(),
            self.paces.button,
            self.banner_button,
            self.table,
            self.hold_button,
            self.edit_button,
            self.replan_button,
            self.save_button,
            self.step_details,
            self.alternatives.options,
            self.alternatives.apply_button,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- state -------------------------------------------------------------------------
    @property
    def state(self) -> PlanState:
        return self._state

    @staticmethod
    def _regimen_text(regimen: Regimen) -> str:
        # A modified-release product is written as its id ("alprazolam-xr"), which
        # reads back as the same product.
        return "; ".join(
            f"{d.release or d.drug} {format(d.mg.normalize(), 'f')}mg {d.time}"
            for d in regimen.doses
        )

    def _settings_from_fields(self) -> PlanSettings:
        settings = self.options.settings(self.form.settings(self._state.settings))
        return replace(settings, country=self._country)

    def _apply_state(self, state: PlanState) -> None:
        """Show a state in every field, the table and the chart, without echoing edits."""
        self._applying = True
        try:
            self._state = state
            if self.regimen.text() != state.regimen_text:
                self.regimen.setText(state.regimen_text)
            self.form.show_settings(state.settings)
            self.options.show_settings(state.settings)
            self._show_plan(state.plan)
            regimen = self._check_regimen_text(state.regimen_text)
            if regimen is not None and state.plan is None:
                self._say_why_no_plan(regimen, state.settings)
        finally:
            self._applying = False

    def _show_plan(self, plan: Plan | None) -> None:
        self.model.set_plan(plan)
        self.table.show_total_as(EQUIVALENT if plan is not None and several_drugs(plan) else TOTAL)
        self.banner.show_for(plan)
        self._needs_sizing = True
        if self.isVisible():
            self._size_table()
        self.details_pane.show_text("")
        self.chart.set_plan(plan, self._today())
        has_plan = plan is not None and bool(plan.steps)
        for button in (self.hold_button, self.edit_button, self.replan_button, self.save_button):
            button.setEnabled(has_plan)
        if self._read_only_reason:
            self.save_button.setEnabled(False)
        table = self._planner.table_label(self._state.settings.table)
        if plan is not None and lacks_equivalent(plan):
            self.table_note.setText(
                f"The {table} table has no diazepam equivalent for this drug: the plan "
                "counts its own mg."
            )
        else:
            self.table_note.setText(f"Equivalents from the {table} (approximate: people differ).")
        self._show_guidance(plan)
        general = [w for w in (plan.warnings if plan else ()) if w.step_index is None]
        self.plan_warnings.setText(
            "\n\n".join(f"{badge(w.level.value)}: {w.message}\nSource: {w.source}" for w in general)
        )

    def _guidance(self, plan: Plan | None) -> PlanGuidance:
        """What the core offers beside ``plan`` (nothing from a planner that cannot say)."""
        ask = getattr(self._planner, "guidance", None)
        if plan is None or not plan.steps or not callable(ask):
            return PlanGuidance()
        try:
            found = ask(plan)
        except BenzoAppError:
            return PlanGuidance()
        return found if isinstance(found, PlanGuidance) else PlanGuidance()

    def _show_guidance(self, plan: Plan | None) -> None:
        """The gentler options beside the steps, slower paces and the caps in force."""
        guidance = self._guidance(plan)
        self.alternatives.set_alternatives(guidance.alternatives, guidance.figures)
        self.paces.show_suggestions(guidance.paces)
        settings = self._state.settings
        caps = guidance.caps
        if caps is None and settings.crossover_to is not None:
            ask = getattr(self._planner, "crossover_caps", None)
            caps = ask(settings) if callable(ask) else None
        self.options.show_caps(
            settings.crossover_to,
            caps.per_dose_mg if caps is not None else None,
            caps.daily_mg if caps is not None else None,
        )

    def _apply_pace(self, suggestion: object) -> None:
        """A slower pace the person chose from those offered (undoable)."""
        rate = getattr(suggestion, "rate_percent", None)
        every = getattr(suggestion, "every_days", None)
        if not isinstance(rate, Decimal) or not isinstance(every, int):
            return
        settings = replace(self._state.settings, rate_percent=rate, every_days=every)
        self.apply_settings(settings, "Use a slower pace")

    def set_country(self, code: str, *, replan: bool = False) -> None:
        """The country whose products plans use (Preferences; "" for the common
        strengths). New plans use it; with ``replan`` the plan on screen is made again
        with it (undoable)."""
        country = code or None
        if country == self._country:
            return
        self._country = country
        if replan and self._state.regimen_text.strip():
            settings = replace(self._state.settings, country=country)
            self.apply_settings(settings, "Change country")
        elif not self._state.regimen_text.strip():
            self._state = replace(
                self._state, settings=replace(self._state.settings, country=country)
            )

    def country(self) -> str | None:
        return self._country

    def _show_step_details(self) -> None:
        row = self.selected_step()
        self.details_pane.show_text(self.model.details(row) if row is not None else "")

    def go_to_first_strong(self) -> None:
        """Select the first step with a strong caution and put focus there (its words
        are in the pane beneath); a plan-wide one is shown beside the form."""
        plan = self._state.plan
        if plan is None:
            return
        strong = strong_warnings(plan)
        if not strong:
            return
        first = strong[0]
        if first.step_index is None:
            self.plan_warnings.setFocus()
            return
        row = next((i for i, step in enumerate(plan.steps) if step.index == first.step_index), None)
        if row is None:
            return
        index = self.table.from_steps(self.proxy.mapFromSource(self.model.index(row, 0)))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self.table.setFocus()
        self._show_step_details()

    def _size_table(self) -> None:
        """Fit columns and rows to the plan once (deferred while the page is hidden)."""
        self._needs_sizing = False
        self.table.fit()
        self._fit_orientation()

    def _size_rows(self, *_changed: object) -> None:
        self.table.fit_rows()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """Text size or theme changed: fit the columns again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._needs_sizing = True
            if self.isVisible():
                self._size_table()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._needs_sizing:
            self._size_table()

    def _check_regimen_text(self, text: str) -> Regimen | None:
        """Parse as typed; say beside the field what was understood or what is wrong."""
        self.form.understood.show_regimen(None)
        self.form.confirm_button.setVisible(False)
        if not text.strip():
            self.regimen_message.setText("Type what you take now.")
            return None
        try:
            regimen = self._parse(text)
        except DoseConfirmationError as error:
            # Not refused: asked. The button beside the words confirms it once.
            self.regimen_message.setText(f"Not yet: {error}")
            self.form.confirm_button.setVisible(True)
            return None
        except BenzoAppError as error:
            self.regimen_message.setText(f"Not yet: {error}")
            return None
        per_drug = ", ".join(
            f"{drug} {mg(sum((d.mg for d in regimen.doses if d.drug == drug), Decimal(0)))}"
            + (
                " modified-release (whole tablets only)"
                if any(d.release for d in regimen.doses if d.drug == drug)
                else ""
            )
            for drug in regimen.drugs
        )
        self.regimen_message.setText(f"✓ Understood: {per_drug} a day.")
        self.form.understood.show_regimen(regimen)
        return regimen

    def _parse(self, text: str) -> Regimen:
        """The core's reading of ``text``; doses the person confirmed are not asked again."""
        if text in self._confirmed:
            return self._planner.parse_regimen(text, confirmed=True)
        return self._planner.parse_regimen(text)

    def confirm_doses(self) -> None:
        """ "Yes, this is what I take": read the regimen again with its doses confirmed
        and plan it (undoable like any edit of the regimen); focus back on the field."""
        text = self.regimen.text()
        self._confirmed.add(text)
        self._regimen_edited(text)
        self.regimen.setFocus()

    def _say_why_no_plan(self, regimen: Regimen, settings: PlanSettings) -> None:
        """A regimen that reads but cannot be planned: keep the engine's reason in view
        (showing the state would otherwise replace it with "Understood")."""
        try:
            self._planner.build(regimen, settings)
        except BenzoAppError as error:
            self.regimen_message.setText(f"Cannot plan this: {error}")

    def _build_plan(self, text: str, settings: PlanSettings) -> Plan | None:
        return self._plan_for(self._check_regimen_text(text), settings)

    def _plan_for(self, regimen: Regimen | None, settings: PlanSettings) -> Plan | None:
        if regimen is None:
            return None
        try:
            return self._planner.build(regimen, settings)
        except BenzoAppError as error:
            self.regimen_message.setText(f"Cannot plan this: {error}")
            return None

    # -- edits (all through the undo stack) --------------------------------------------
    def _push_state(self, text: str, new: PlanState, merge: int) -> None:
        self._undo.push(SetValueCommand(text, self._apply_state, self._state, new, merge))

    def _regimen_edited(self, text: str) -> None:
        regimen = self._check_regimen_text(text)
        settings = self._state.settings
        if regimen is not None:
            # The text decides: a modified-release product it no longer names is dropped
            # (settings carried over from a saved XR plan would otherwise keep it).
            settings = settings_for_regimen(regimen, settings)
        plan = self._plan_for(regimen, settings)
        self._push_state("Change regimen", PlanState(text, settings, plan), MERGE_REGIMEN)

    def _settings_edited(self) -> None:
        if self._applying:
            return
        settings = self._settings_from_fields()
        plan = self._build_plan(self._state.regimen_text, settings)
        self._push_state(
            "Change plan settings",
            PlanState(self._state.regimen_text, settings, plan),
            MERGE_SETTINGS,
        )

    def apply_settings(self, settings: PlanSettings, text: str = "Apply an alternative") -> None:
        """Re-plan the same regimen with ``settings`` (undoable): what the alternatives
        panel asks for when the person applies one."""
        plan = self._build_plan(self._state.regimen_text, settings)
        self._push_state(text, PlanState(self._state.regimen_text, settings, plan), -1)

    def _drug_names(self) -> tuple[str, ...]:
        names = getattr(self._planner, "drug_names", None)
        return tuple(names()) if callable(names) else ()

    def _regimen_message_for(self, text: str) -> str:
        """What the core says of ``text`` (for the dose-by-dose dialog)."""
        try:
            self._planner.parse_regimen(text)
        except BenzoAppError as error:
            return f"Not yet: {error}"
        return "✓ Understood."

    def enter_dose_by_dose(self) -> None:
        """Rows of drug, amount and time; OK puts them in the regimen field as text."""
        dialog = DoseRowsDialog(self._drug_names(), self._regimen_message_for, self)
        if dialog.exec() == DoseRowsDialog.DialogCode.Accepted and dialog.text():
            self.regimen.setText(dialog.text())
            self._regimen_edited(dialog.text())
            self.regimen.setFocus()

    def start_guide(self) -> None:
        """The first-run guide; Finish shows its plan here (undoable) and puts focus on
        "Use this plan", which makes Today follow it."""
        guide = FirstPlanGuide(
            self._planner.parse_regimen,
            self._drug_names(),
            replace(self._state.settings, start=self._today()),
            self,
        )
        if guide.exec() != FirstPlanGuide.DialogCode.Accepted:
            return
        self.apply_guide(guide.regimen_text(), guide.settings())

    def apply_guide(self, text: str, settings: PlanSettings) -> None:
        regimen = self._check_regimen_text(text)
        if regimen is not None:
            settings = settings_for_regimen(regimen, settings)
        plan = self._plan_for(regimen, settings)
        self._push_state("Plan from the guide", PlanState(text, settings, plan), -1)
        if plan is not None:
            self.regimen_message.setText(
                '✓ Your plan is below. Press "Use this plan" to make Today follow it.'
            )
            self.save_button.setFocus()

    def _push_edit(self, text: str, operation: Callable[[Plan], Plan]) -> bool:
        command = PlanEditCommand(text, self._apply_state, self._state, operation)
        try:
            command.prepare()
        except BenzoAppError as error:
            self.plan_warnings.setText(f"Could not change the plan: {error}")
            return False
        self._undo.push(command)
        return True

    def selected_step(self) -> int | None:
        """The index of the step selected in the table (whatever the sort order)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            current = self.table.currentIndex()
            if not current.isValid():
                return None
            rows = [current]
        return self.proxy.mapToSource(self.table.to_steps(rows[0])).row()

    def insert_hold(self) -> None:
        index = self.selected_step()
        if index is None or self._state.plan is None:
            return
        days, ok = QInputDialog.getInt(
            self,
            "Insert a hold",
            "Stay on this step's doses for how many more days?",
            7,
            1,
            180,
        )
        if ok:
            self._push_edit(
                f"Insert {days}-day hold",
                lambda plan: self._planner.insert_hold(plan, index, days),
            )

    def edit_step(self) -> None:
        index = self.selected_step()
        if index is None or self._state.plan is None:
            return
        dialog = EditStepDialog(self._state.plan.steps[index], self)
        if dialog.exec() != EditStepDialog.DialogCode.Accepted:
            return
        doses, days = dialog.changed_doses(), dialog.days.value()
        self._push_edit(
            f"Edit step {index + 1}",
            lambda plan: self._planner.edit_step(plan, index, doses, days),
        )

    def replan_from_today(self) -> None:
        """Ask what is taken now (suggesting today's step) and re-plan from it."""
        plan = self._state.plan
        if plan is None:
            return
        today = self._today()
        running = plan.step_on(today)  # the core's step in force, as Today shows it
        suggested = self._state.regimen_text
        if running is not None and running.doses:
            # A drug still taken as its modified-release product is written as that
            # product, so the suggestion reads back as what is taken.
            products = {d.drug: d.release for d in plan.regimen.doses if d.release}
            suggested = "; ".join(
                f"{products.get(d.drug, d.drug)} {format(d.mg.normalize(), 'f')}mg {d.time}"
                for d in running.doses
            )
        text, ok = QInputDialog.getText(
            self,
            "Re-plan from today",
            "What do you take now?",
            QLineEdit.EchoMode.Normal,
            suggested,
        )
        if not ok:
            return
        try:
            taking = self._planner.parse_regimen(text)
        except BenzoAppError as error:
            self.plan_warnings.setText(f"Could not re-plan: {error}")
            return
        self._push_edit("Re-plan from today", lambda p: self._planner.replan(p, today, taking))

    def set_read_only(self, reason: str) -> None:
        """Plans can still be drawn up, shown and printed, but none can be put to use.

        "Use this plan" stays disabled, with ``reason`` as its tooltip, and closing the
        window does not offer to keep a plan that could not be saved.
        """
        self._read_only_reason = reason
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(reason)

    def save_plan(self) -> None:
        """Keep this plan as the one Today follows (the store keeps earlier ones)."""
        if self._state.plan is None or self._plans is None or self._read_only_reason:
            return
        plan = self._state.plan
        failures: list[str] = []

        def failed(message: str, _initiator: object) -> None:
            failures.append(message)

        self._ops.failed.connect(failed)
        try:
            plan_id = self._ops.use_plan(self._plans, self._plan_id, plan, initiator=self)
        finally:
            self._ops.failed.disconnect(failed)
        if plan_id is None:
            self.regimen_message.setText(failures[0] if failures else "Not saved.")
            return
        self._plan_id = plan_id
        self._kept_plan = plan
        self.plan_saved.emit(self._state.plan)
        self.regimen_message.setText("✓ Saved as your plan. Today now follows it.")

    def has_unsaved_changes(self) -> bool:
        """A plan is on screen that differs from the one kept (asked about on quit)."""
        return (
            self._plans is not None
            and not self._read_only_reason
            and self._state.plan is not None
            and self._state.plan != self._kept_plan
        )

    def new_plan(self) -> None:
        """File > New plan: clear the regimen (undoable) and put the cursor there.

        The plan in use stays in force until the new one is saved with "Use this plan".
        """
        self._plan_id = None
        fresh = PlanSettings(start=self._today(), country=self._country)
        self._push_state("New plan", PlanState("", fresh, None), -1)
        self.regimen.setFocus()
