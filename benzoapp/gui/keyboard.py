"""Keyboard rules that hold on every page: Tab leaves tables, a section opens on its first field.

Kept in one place so a page rebuilt elsewhere follows them without knowing about them:
the main window applies them to every page it shows, and the keyboard tests check them
on every page and dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QWidget,
)


def tables_leave_on_tab(root: QWidget) -> None:
    """Tables and lists move with the arrow keys inside; Tab and Shift+Tab leave them.

    With Qt's default, Tab walks cell by cell and a long table traps the keyboard.
    """
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


class _TabLeavesDateFields(QObject):
    """Tab and Shift+Tab leave a date field instead of stepping through its day, month
    and year (the arrow keys and Left/Right still do that inside it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QDateTimeEdit):
            return False
        assert isinstance(event, QKeyEvent)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if event.key() == Qt.Key.Key_Tab:
            return move_focus(watched, forward=True)
        if event.key() == Qt.Key.Key_Backtab:
            return move_focus(watched, forward=False)
        return False


def date_fields_leave_on_tab(root: QWidget) -> None:
    """Make Tab leave every date field under ``root`` (see ``_TabLeavesDateFields``)."""
    keeper = root.findChild(_TabLeavesDateFields, "tab_leaves_date_fields")
    if keeper is None:
        keeper = _TabLeavesDateFields(root)
        keeper.setObjectName("tab_leaves_date_fields")
    for field in root.findChildren(QDateTimeEdit):
        field.removeEventFilter(keeper)
        field.installEventFilter(keeper)


def apply_keyboard_rules(root: QWidget) -> None:
    """Every rule of this module, on one page or dialog, and the fields' spoken names."""
    from benzoapp.gui.accessibility import name_fields_from_labels, scroll_areas_named_or_skipped

    tables_leave_on_tab(root)
    date_fields_leave_on_tab(root)
    name_fields_from_labels(root)
    scroll_areas_named_or_skipped(root)


def move_focus(widget: QWidget, *, forward: bool) -> bool:
    """Give the focus to the next (or previous) focus stop in ``widget``'s window."""
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    while candidate is not None and candidate is not widget:
        if is_focus_stop(candidate) and candidate.window() is widget.window():
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            candidate.setFocus(reason)
            return True
        candidate = step(candidate)
    return False


def is_focus_stop(widget: QWidget) -> bool:
    """Whether Tab can stop on ``widget`` now (visible, enabled, takes Tab focus).

    The line edit inside a spin box or combo box is part of its owner, not a stop of its own.
    """
    if not (widget.isVisible() and widget.isEnabled()):
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    return not (
        isinstance(widget, QLineEdit)
        and isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
    )


def focus_stops(root: QWidget) -> list[QWidget]:
    """The focus stops inside ``root``, in focus-chain (Tab) order."""
    stops: list[QWidget] = []
    widget = root.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if root.isAncestorOf(widget) and is_focus_stop(widget):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def first_field(page: QWidget) -> QWidget | None:
    """The page's first field: what the page names, or its first focus stop."""
    named = getattr(page, "first_field", None)
    if isinstance(named, QWidget) and is_focus_stop(named):
        return named
    stops = focus_stops(page)
    return stops[0] if stops else None


def focus_first_field(page: QWidget) -> None:
    """Put the keyboard focus on the page's first field (used by the section shortcuts)."""
    field = first_field(page)
    if field is not None:
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
