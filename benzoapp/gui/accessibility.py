"""Names for screen readers that hold on every page, applied once where pages are shown.

A field is announced by its label: a combo box or date field with no name of its own would
otherwise be read out by its value alone ("Tablets", "2026-02-05"), which says nothing
about what it is for. The name is taken from the label that points at the field (its
buddy), without the "&" of the mnemonic and without a trailing colon. (On Linux Qt reads
a combo box's name as its value whatever it is given, and screen readers there announce
its label through the "labelled by" relation that the buddy creates; both are checked.)

A scroll area is a focus stop of its own only when there is nothing inside it to stop on
(a long summary to scroll with the arrow keys), and then it carries its content's name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QWidget


def label_name(text: str) -> str:
    """A label's text as a name: no mnemonic "&" (a doubled "&&" stays one), no colon."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.strip().rstrip(":").strip()


def name_fields_from_labels(root: QWidget) -> None:
    """Give every labelled field under ``root`` without a name its label's text."""
    for label in root.findChildren(QLabel):
        field = label.buddy()
        if field is not None and not field.accessibleName():
            name = label_name(label.text())
            if name:
                field.setAccessibleName(name)
        if isinstance(field, QComboBox) and not field.view().accessibleName():
            # The open list of choices is a stop of its own for a screen reader.
            field.view().setAccessibleName(field.accessibleName() or label_name(label.text()))


def scroll_areas_named_or_skipped(root: QWidget) -> None:
    """No unnamed pane in the Tab order (see the module docstring)."""
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if content is None:
            continue
        inside = [
            w
            for w in content.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.isWindow()
        ]
        if inside:
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        elif not area.accessibleName() and content.accessibleName():
            area.setAccessibleName(content.accessibleName())


def labelled_by(widget: QWidget) -> list[str]:
    """The names of the labels a screen reader is told label ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return [
        other.text(QAccessible.Text.Name)
        for other, _ in interface.relations(QAccessible.RelationFlag.Label)
    ]


def announce(widget: QWidget, message: str, *, spoken: str | None = None) -> None:
    """Show ``message`` on ``widget`` (a label's text) and have screen readers say it.

    The text is also kept as the widget's accessible description, so a reader that comes
    to it later finds the same words; the announcement is polite (it waits for the
    reader to finish what it is saying) and goes out only when a reader is listening.
    ``spoken`` is a shorter text to say aloud where the whole message is long (a
    summary): the description still holds all of it.
    """
    if isinstance(widget, QLabel):
        widget.setText(message)
    widget.setAccessibleDescription(message)
    said = message if spoken is None else spoken
    if said and QAccessible.isActive():
        event = QAccessibleAnnouncementEvent(widget, said)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)


def announce_change(widget: QLabel, message: str, *, spoken: str | None = None) -> bool:
    """:func:`announce` ``message`` on a label only if it differs from what it shows, so a
    page that redraws after every change says only what is new; True if it was said.

    A label on a page not on screen (another section is shown) takes the text quietly:
    it is read when the person goes there, not called out over the page they are on."""
    if widget.text() == message and widget.accessibleDescription() == message:
        return False
    if not widget.isVisible():
        widget.setText(message)
        widget.setAccessibleDescription(message)
        return False
    announce(widget, message, spoken=spoken)
    return True


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces as the widget's name (Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""
