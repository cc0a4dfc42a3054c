"""The Journal page: enter a day's symptoms, see the load over time with the doses behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.changes import Changes
from benzoapp.core.journal import Catalogue, analyse_journal, summary_lines, summary_sources
from benzoapp.core.journal.overwrite import unseen_replacements
from benzoapp.core.model import JournalDay, Plan, Profile
from benzoapp.gui.accessibility import announce, announce_change
from benzoapp.gui.journal_chart import JournalChart
from benzoapp.gui.journal_entry import JournalEntryWidget
from benzoapp.gui.operations import Operations
from benzoapp.gui.replace_prompt import Answer, ask_before_replacing, replaced_lines
from benzoapp.gui.services import JournalRepository, PlanRepository
from benzoapp.gui.source_reader import SourceLinks


class _FittingScrollArea(QScrollArea):
    """A scroll area never narrower than its content's own minimum (it scrolls only up and
    down), so a squeezed splitter cannot cut its labels off; it follows the text size."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(
            inner.minimumSizeHint().width() + bar + frame, super().minimumSizeHint().height()
        )


class JournalPage(QWidget):
    """Saving a day goes through the undo stack; the chart and summary follow the store."""

    def __init__(
        self,
        catalogue: Catalogue,
        journal: JournalRepository,
        plans: PlanRepository | None,
        undo_stack: QUndoStack,
        *,
        profile: Profile | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Journal")
        self._catalogue = catalogue
        self._ops = operations or Operations(undo_stack, self)
        self._ops.changed.connect(self.on_changed)
        self._journal = journal
        self._plans = plans
        self._undo = undo_stack
        self._profile = profile
        self._today = today
        self._read_only_reason = ""
        self.entry = self._build_entry(catalogue)
        # Ctrl+5 lands on the first symptom (the day is usually today); Tab still walks
        # the page top to bottom, the day's field included, so no proxy skips it.
        self.first_field: QWidget = self.entry.focusProxy() or self.entry.date_edit
        self.entry.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr
        self.chart = JournalChart()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Journal summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel("")
        self.message.setProperty("role", "muted")
        self.message.setAccessibleName("Journal message")
        entry_scroll = _FittingScrollArea()
        entry_scroll.setWidgetResizable(True)
        entry_scroll.setWidget(self.entry)
        # Hints wrap to the pane's width; a sideways scroll bar would hide their ends.
        entry_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a stop of its own: Tab goes to its fields, and it scrolls to show each one.
        entry_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right = self._build_right()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(entry_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)  # both panes grow: the hints need width too
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 520])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        # The page's minimum is its stacked arrangement (see minimumSizeHint), not the
        # side-by-side one the layout would otherwise impose.
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # One column that scrolls up and down when the entry and the chart are stacked.
        column = QScrollArea()
        column.setWidgetResizable(True)
        column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.setWidget(splitter)
        box.addWidget(column, 1)
        box.addWidget(self.message)
        self._box, self._splitter, self._column = box, splitter, column
        self._entry_scroll, self._right = entry_scroll, right
        self.show_day(today())

    def _build_entry(self, catalogue: Catalogue) -> JournalEntryWidget:
        entry = JournalEntryWidget(catalogue)
        entry.saved.connect(self.save_day)
        self._showing = False  # True while show_day fills the form (its Day field moves)
        entry.date_edit.dateChanged.connect(self._day_field_changed)
        return entry

    def _build_right(self) -> QWidget:
        """The chart, its two switches and the written summary."""
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.chart, 3)
        right_box.addLayout(self._chart_switches())
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A focus stop (arrow keys scroll a long summary), so it carries the summary's name.
        summary_scroll.setAccessibleName("Journal summary")
        right_box.addWidget(summary_scroll, 1)
        # Under the summary, a link to each section it cites (opened in the source reader).
        self.summary_sources = SourceLinks("Sources of the journal summary")
        right_box.addWidget(self.summary_sources)
        return right

    # -- arrangement: side by side when there is room, else the entry above the chart --

    def _side_by_side_width(self) -> int:
        margins = self._box.contentsMargins()
        return (
            self._entry_scroll.minimumSizeHint().width()
            + self._right.minimumSizeHint().width()
            + self._splitter.handleWidth()
            + margins.left()
            + margins.right()
        )

    def _arrange(self) -> None:
        """Side by side when both fit; else the whole entry, then the chart, in a column
        that scrolls up and down (never a squeezed entry, never sideways)."""
        wide = self.width() >= self._side_by_side_width()
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        frame = 2 * self._entry_scroll.frameWidth()
        inner = self._column.viewport().width() - frame
        entry_height = frame + max(
            self.entry.sizeHint().height(),
            self.entry.heightForWidth(inner) if self.entry.hasHeightForWidth() else 0,
        )
        self._entry_scroll.setMinimumHeight(0 if wide else entry_height)
        self._entry_scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if wide else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if self._splitter.orientation() != wanted:
            self._splitter.setOrientation(wanted)
            if wide:
                self._splitter.setSizes([self.width() * 45 // 100, self.width() * 55 // 100])
            else:
                self._splitter.setSizes([entry_height, self._right.sizeHint().height()])

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """The stacked arrangement's minimum: it fits where side by side would not (the
        column scrolls, so one screenful need hold only the chart and its switches)."""
        margins = self._box.contentsMargins()
        entry, right = self._entry_scroll.minimumSizeHint(), self._right.minimumSizeHint()
        bar = self._column.verticalScrollBar().sizeHint().width()
        width = max(entry.width(), right.width()) + bar + margins.left() + margins.right()
        # The source links under the summary are reached by scrolling the column.
        links = self.summary_sources.minimumSizeHint().height() if self.summary_sources.links else 0
        height = (
            right.height()
            - links
            + self.message.sizeHint().height()
            + margins.top()
            + margins.bottom()
        )
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._arrange()

    def _chart_switches(self) -> QHBoxLayout:
        """Calm by default (the weekly mean); the details and markers only when asked for."""
        self.show_details = QCheckBox("Show de&tails")
        self.show_details.setAccessibleName("Show each day's load on the chart")
        self.show_details.setToolTip("Draw each day's load under the weekly mean")
        self.show_details.toggled.connect(self.chart.set_show_daily)
        self.show_markers = QCheckBox("Show &markers")
        self.show_markers.setAccessibleName("Show markers of flares after exertion on the chart")
        self.show_markers.setToolTip("Mark each flare after exertion and each exertion")
        self.show_markers.toggled.connect(self.chart.set_show_markers)
        switches = QHBoxLayout()
        switches.addWidget(self.show_details)
        switches.addWidget(self.show_markers)
        switches.addStretch(1)
        return switches

    def _plan(self) -> Plan | None:
        found = self._plans.active() if self._plans is not None else None
        return found[1] if found else None

    def show_day(self, day: dt.date) -> None:
        """Put a day's saved values (if any) in the entry, and redraw the chart."""
        self._showing = True
        try:
            self.entry.show_stored(day, self._journal.get(day))
        finally:
            self._showing = False
        self.entry.set_previous(self._journal.get(day - dt.timedelta(days=1)))
        self.refresh()

    def _day_field_changed(self, _date: object) -> None:
        """Another day in the Day field shows that day as saved; values the person typed
        and has not saved stay in the form, and saving them asks before replacing
        anything saved for the new day."""
        if self._showing:
            return
        day = self.entry.current_day().day
        if day == self.entry.shown_date():
            return
        if self.entry.is_edited():
            self.entry.set_previous(self._journal.get(day - dt.timedelta(days=1)))
            announce(
                self.message,
                f"Your unsaved values are kept for {day.isoformat()}; saving asks before "
                "replacing anything already saved for that day.",
            )
            return
        self.show_day(day)
        saved = self._journal.get(day) is not None
        announce(
            self.message,
            f"Showing {day.isoformat()}" + (" as saved." if saved else ": nothing saved yet."),
        )

    def refresh(self, *_changed: object) -> None:
        days = self._journal.all()
        summary = analyse_journal(days, self._plan(), self._profile)
        self.chart.set_data(summary, self._plan())
        lines = summary_lines(summary)
        # Said aloud when it changes: the headline and any hold suggestion (a warning);
        # the label's description holds the whole summary.
        spoken = [lines[0], *(line for line in lines if line.startswith("Hold suggestion"))]
        announce_change(self.summary, "\n".join(lines), spoken=" ".join(spoken))
        self.summary_sources.show_sources(summary_sources(summary))

    def set_read_only(self, reason: str) -> None:
        """Show the journal, save nothing (``reason`` is the save button's tooltip)."""
        self._read_only_reason = reason
        self.entry.save_button.setEnabled(False)
        self.entry.save_button.setToolTip(reason)
        announce(self.message, "Days cannot be saved just now: changes cannot be saved.")

    def on_changed(self, changes: Changes, initiator: object) -> None:
        """Redraw after any journal or plan change; reload the form's day unless the
        person is typing in it (their save will ask before replacing anything)."""
        if not (changes.touches_journal() or changes.touches_plan()):
            return
        shown = self.entry.shown_date()
        if shown is not None and changes.touches_journal(shown) and not self.entry.is_edited():
            self.entry.show_stored(shown, self._journal.get(shown))
        self.refresh()

    def save_day(self, day: JournalDay) -> None:
        """Store the day (undoable), asking first if it would replace unseen values."""
        if self._read_only_reason:  # Ctrl+Return still reaches here
            announce(self.message, "Not saved: changes cannot be saved just now.")
            return
        stored = self._journal.get(day.day)
        seen = self.entry.seen if self.entry.shown_date() == day.day else None
        found = unseen_replacements(seen, stored, day)
        if found:
            lines = replaced_lines(found, self._catalogue.label)
            answer = ask_before_replacing(self, day.day, lines)
            if answer is Answer.SHOW_SAVED:
                self.show_day(day.day)
                announce(self.message, "Showing the saved day; nothing was changed.")
                return
            if answer is Answer.CANCEL:
                announce(self.message, "Not saved yet: your values are still in the form.")
                return
        failures: list[str] = []

        def failed(message: str, _initiator: object) -> None:
            failures.append(message)

        self._ops.failed.connect(failed)
        try:
            saved = self._ops.save_journal_day(
                self._journal,
                stored,
                day,
                f"Save journal for {day.day.isoformat()}",
                initiator=self,
            )
        finally:
            self._ops.failed.disconnect(failed)
        if saved:
            self.entry.mark_saved(day)
            announce(self.message, f"✓ Saved {day.day.isoformat()}.")
        else:
            announce(self.message, failures[0] if failures else "Not saved.")
