"""A quiet reader for the source documents, opened at the section a citation names.

Every source the window shows ("muscular-effects, What to Avoid") can be opened here:
the document's own words, read-only, scrolled so the cited section starts at the top,
its heading in bold and the cited words marked with a calm background. Esc closes it; the
text takes the keyboard (arrows, Page Up/Down) and Tab moves on to the section list and
the Close button. The documents are read through ``benzoapp.core.source_texts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from benzoapp.core.source_texts import (
    OPENING,
    Citation,
    SourceDocument,
    SourceLibrary,
    load_source_library,
)
from benzoapp.gui.link_button import LinkButton


@cache
def bundled_library() -> SourceLibrary:
    """The shipped documents, read once when a source is first opened."""
    return load_source_library()


class SourceReader(QDialog):
    """One document, read-only, showing the cited section first."""

    def __init__(
        self, document: SourceDocument, section: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("source_reader")
        self.setWindowTitle(f"Source: {document.title}")
        self.setAccessibleName(f"Source document: {document.title}")
        self.resize(760, 560)
        box = QVBoxLayout(self)
        title = QLabel(document.title, self)
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.where = QLabel(self)
        self.where.setObjectName("source_where")
        self.where.setWordWrap(True)
        self.where.setProperty("role", "muted")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("source_text")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setCenterOnScroll(True)  # room to bring a late section to the top
        self.text.setPlainText(document.text)
        self.text.setAccessibleName(f"Text of {document.id}")
        self.sections = QComboBox(self)
        self.sections.setObjectName("source_sections")
        self.sections.addItem("Opening paragraph", OPENING)
        for heading in document.sections:
            self.sections.addItem(heading, heading)
        self.sections.setAccessibleName("Go to section")
        go_label = QLabel("&Go to section:", self)
        go_label.setBuddy(self.sections)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(go_label)
        row.addWidget(self.sections, 1)
        row.addWidget(buttons)
        box.addWidget(title)
        box.addWidget(self.where)
        box.addWidget(self.text, 1)
        box.addLayout(row)
        self.setTabOrder(self.text, self.sections)
        self.setTabOrder(self.sections, buttons.button(QDialogButtonBox.StandardButton.Close))
        self.focus = 0
        self._top_block = 0
        self.show_section(section)
        self.sections.activated.connect(
            lambda index: self.show_section(str(self.sections.itemData(index)))
        )
        self.text.setFocus()

    def show_section(self, section: str) -> None:
        """Scroll so the cited section starts at the top; mark it and the cited words."""
        passage = self.document.passage(section)
        self.focus = passage.focus
        shown = "the opening paragraph" if passage.heading == OPENING else passage.heading
        if passage.found:
            words = f"Showing {self.document.id}, {shown}."
        else:
            words = (
                f"The section “{section}” was not found in {self.document.id}; "
                "showing the start of the document."
            )
        self.where.setText(words)
        self.text.setAccessibleDescription(words)
        index = self.sections.findData(passage.heading)
        if index >= 0:
            self.sections.setCurrentIndex(index)
        self._mark(passage.start, passage.end, passage.focus)
        cursor = self.text.textCursor()
        cursor.setPosition(passage.focus)
        self.text.setTextCursor(cursor)
        self._top_block = self.text.document().findBlock(passage.start).blockNumber()
        self._scroll_to_section()

    def _scroll_to_section(self) -> None:
        self.text.verticalScrollBar().setValue(self._top_block)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        # Laying the text out for the first time scrolls it to the cursor; put the
        # section's heading back at the top once the dialog has its size.
        super().showEvent(event)
        self._scroll_to_section()

    def _mark(self, start: int, end: int, focus: int) -> None:
        """Bold heading, calm background behind the cited paragraph: shape, not colour only."""
        palette = self.text.palette()
        selections = []
        heading = QTextEdit.ExtraSelection()
        heading_cursor = QTextCursor(self.text.document())
        heading_cursor.setPosition(start)
        heading_cursor.movePosition(
            QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
        )
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        heading.cursor = heading_cursor
        heading.format = bold
        selections.append(heading)
        cited = QTextEdit.ExtraSelection()
        cited_cursor = QTextCursor(self.text.document())
        cited_cursor.setPosition(focus)
        cited_cursor.movePosition(
            QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
        )
        cited_format = QTextCharFormat()
        cited_format.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
        cited.cursor = cited_cursor
        cited.format = cited_format
        selections.append(cited)
        self.text.setExtraSelections(selections)


def open_citation(
    parent: QWidget, citation: Citation, library: SourceLibrary | None = None
) -> SourceReader:
    """Open the reader at ``citation`` (window-modal, deleted when closed)."""
    books = library or bundled_library()
    reader = SourceReader(books.get(citation.document), citation.section, parent)
    reader.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    reader.open()
    return reader


def citations_in(labels: Sequence[str]) -> list[Citation]:
    """The distinct document citations in ``labels``, in the order first cited.

    Outside references (a drug label, a guideline) give none: there is no passage of
    ours to open, and their citation is shown as text beside the advice.
    """
    library = bundled_library()
    citations: list[Citation] = []
    for text in labels:
        citations.extend(c for c in library.citations_in(text) if c not in citations)
    return citations


class SourceLink(LinkButton):
    """ "Read the source: muscular-effects, What to Avoid"; opens the reader there."""

    def __init__(self, citation: Citation, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("source_link")
        self.citation = citation
        self.set_citation(citation)
        self.clicked.connect(self.open_source)

    def set_citation(self, citation: Citation) -> None:
        """Point the link at another citation (links are reused as answers change)."""
        self.citation = citation
        text = f"Read the source: {citation.label}"
        self.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(f"Opens {citation.label} in the source reader")
        self.updateGeometry()

    def open_source(self) -> SourceReader:
        return open_citation(self.window(), self.citation)


def source_links(labels: Sequence[str], parent: QWidget) -> list[SourceLink]:
    """One "Read the source" link per distinct document citation in ``labels``."""
    return [SourceLink(citation, parent) for citation in citations_in(labels)]


def visible_blocks(text: QPlainTextEdit) -> list[str]:
    """The paragraphs of ``text`` in view now (for tests and screen-reader checks)."""
    shown = []
    block = text.firstVisibleBlock()
    height = text.viewport().height()
    while block.isValid():
        top = text.blockBoundingGeometry(block).translated(text.contentOffset()).top()
        if top >= height:
            break
        shown.append(block.text())
        block = block.next()
    return shown


class SourceLinks(QWidget):
    """A column of "Read the source" links that follows what a page shows.

    Pages whose text changes (Today's warnings, the Journal's summary) call
    :meth:`show_sources` with the source labels of what they now show; the links are
    rebuilt only when the citations differ, so keyboard focus on a link survives a
    redraw that cites the same sections. Hidden while nothing cites a document.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(2)
        self.links: list[SourceLink] = []
        self.setVisible(False)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """As high as the links need wrapped at the width they have now: a splitter or a
        column that knows no height-for-width then never squeezes a link's second line."""
        least = super().minimumSizeHint()
        if not self.links or self.width() <= 0:
            return least
        return QSize(least.width(), max(least.height(), self._box.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped height changed with the width

    def show_sources(self, labels: Sequence[str]) -> None:
        """Offer one link per distinct document citation in ``labels``."""
        wanted = citations_in(labels)
        if wanted == [link.citation for link in self.links]:
            return
        for link in self.links:
            self._box.removeWidget(link)
            link.hide()
            link.deleteLater()
        self.links = []
        for citation in wanted:
            link = SourceLink(citation, self)
            self._box.addWidget(link)
            link.show()
            self.links.append(link)
        self.setVisible(bool(self.links))
