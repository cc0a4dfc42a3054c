"""The main window: a quiet side navigation, one page at a time, menus from the registry.

Everything here runs before the first paint, so it avoids Qt's ``Qt`` namespace (about
30 ms to load) and anything else not needed to draw the first frame.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from benzoapp import APP_NAME, __version__
from benzoapp.gui.actions import ActionRegistry
from benzoapp.gui.first_run import STATEMENT, FirstRunPage
from benzoapp.gui.preferences import KEEP_BACKUPS, Preferences
from benzoapp.gui.theme import TEXT_SIZE_LABELS, TextSize, ThemeName, apply_theme

NAV_MIN_WIDTH = 200
NAV_MAX_SHARE = 0.22  # of the window's width, at most, for the section list
PAGE_TITLES: tuple[str, ...] = ("Today", "Plan", "Medications & supplements", "Check", "Journal")

STATEMENT_TEXT = (
    f"{STATEMENT}\n\nBenzoApp shows what its source documents and published guidance say, "
    "with where each piece comes from. It cannot know your whole situation. Please take "
    "any plan or caution to your prescriber and decide together; do not stop or change a "
    "medicine on the strength of this app alone."
)


class MainWindow(QMainWindow):
    """Side navigation on the left, the chosen page on the right, a welcome page once."""

    theme_changed = Signal(str)

    def __init__(
        self,
        pages: dict[str, QWidget] | None = None,
        undo_stack: QUndoStack | None = None,
        prefs: Preferences | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.setObjectName("main_window")
        self.resize(1100, 720)
        self.prefs = prefs
        # Not parented to the window: a stack dying with it would signal a half-gone window.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack()
        self.registry = ActionRegistry(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Sections")
        self.navigation.setFixedWidth(250)
        self.navigation.setWordWrap(True)  # a long name wraps when the list is narrow
        self.stack = QStackedWidget(central)
        self.stack.setContentsMargins(16, 12, 16, 12)
        self.pages: dict[str, QWidget] = {}
        for title in PAGE_TITLES:
            self.navigation.addItem(title)
            page = (pages or {}).get(title) or self._empty_page(title)
            if not page.accessibleName():
                page.setAccessibleName(title)
            self.pages[title] = page
            self.stack.addWidget(page)
        self.welcome: FirstRunPage | None = None  # built when first needed
        self.navigation.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._connect_actions()
        for action_id in (
            "file.new_plan",
            "file.export_pdf",
            "file.print",
            "file.backup",
            "file.restore",
        ):
            self.registry[action_id].setEnabled(False)  # until the data is open
        start_row = int(str(prefs.get("app/last_page"))) if prefs else 0
        self.navigation.setCurrentRow(min(max(start_row, 0), len(PAGE_TITLES) - 1))
        if prefs is not None and not prefs.get("app/first_run_done"):
            self.show_welcome()
        self._restore_window()

    # -- pages ---------------------------------------------------------------------
    @staticmethod
    def _empty_page(title: str) -> QWidget:
        page = QWidget()
        page.setObjectName("placeholder")
        box = QVBoxLayout(page)
        label = QLabel("Opening your data…")
        label.setProperty("role", "muted")
        box.addWidget(label)
        box.addStretch(1)
        return page

    def finish_loading(self) -> None:
        """Say plainly which sections this build could not fill."""
        for title, page in self.pages.items():
            if page.objectName() == "placeholder":
                label = page.findChild(QLabel)
                if label is not None:
                    label.setText(f"{title} is not available in this build yet.")

    def show_read_only(self, reason: str) -> None:
        """Say once, calmly, that nothing can be saved and why; keep a short note in view.

        Backing up and restoring are disabled (both write to the data folder). The box
        does not block: the window stays usable for reading and printing behind it.
        """
        from PySide6.QtWidgets import QMessageBox

        for action_id in ("file.backup", "file.restore"):
            action = self.registry[action_id]
            action.setEnabled(False)
            action.setToolTip(reason)
        note = QLabel("Read-only: changes cannot be saved")
        note.setObjectName("read_only_note")
        note.setAccessibleName("Read-only: changes cannot be saved")
        note.setToolTip(reason)
        self.statusBar().addPermanentWidget(note)
        box = QMessageBox(
            QMessageBox.Icon.Information, "Changes cannot be saved", reason, parent=self
        )
        box.setObjectName("read_only_box")
        # No claim that all is shown: changes left over from a crash may be missing,
        # which the reason then says.
        box.setInformativeText("Nothing in your data folder has been changed.")
        box.open()

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            if self.prefs is not None:
                self.prefs.set("app/last_page", row)

    def set_page(self, title: str, page: QWidget) -> None:
        """Put a page in place of the one shown for ``title`` (placeholders, after loading)."""
        from benzoapp.gui.keyboard import apply_keyboard_rules

        row = PAGE_TITLES.index(title)
        apply_keyboard_rules(page)
        old = self.stack.widget(row)
        showing = self.stack.currentIndex() == row
        if not page.accessibleName():
            page.setAccessibleName(title)
        self.stack.insertWidget(row, page)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.pages[title] = page
        if showing:
            self.stack.setCurrentIndex(row)

    def show_page(self, title: str) -> None:
        """Bring a section forward by its title (used by the keyboard and other pages)."""
        self.navigation.setCurrentRow(PAGE_TITLES.index(title))
        self.stack.setCurrentIndex(PAGE_TITLES.index(title))

    def go_to(self, title: str) -> None:
        """A section shortcut: show the section and put the focus on its first field.

        The focus moves even when the section is already shown, so the shortcut always
        brings the person back to the top of the page.
        """
        from benzoapp.gui.keyboard import focus_first_field

        self.show_page(title)
        focus_first_field(self.pages[title])

    def show_welcome(self) -> None:
        if self.welcome is None:
            self.welcome = FirstRunPage()
            self.stack.addWidget(self.welcome)
            self.welcome.accepted.connect(self._welcome_done)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.continue_button.setFocus()

    def dismiss_welcome(self) -> None:
        """As if the person pressed "I understand, continue"."""
        if self.welcome is not None:
            self.welcome.accepted.emit()

    def _welcome_done(self) -> None:
        if self.prefs is not None:
            self.prefs.set("app/first_run_done", True)
        self.stack.setCurrentIndex(max(self.navigation.currentRow(), 0))
        self.navigation.setFocus()

    # -- menus ---------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.registry
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(a["file.new_plan"])
        file_menu.addSeparator()
        file_menu.addAction(a["file.export_pdf"])
        file_menu.addAction(a["file.print"])
        file_menu.addSeparator()
        file_menu.addAction(a["file.backup"])
        file_menu.addAction(a["file.restore"])
        file_menu.addSeparator()
        file_menu.addAction(a["file.quit"])
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(a["edit.undo"])
        edit_menu.addAction(a["edit.redo"])
        edit_menu.addSeparator()
        edit_menu.addAction(a["edit.preferences"])
        view_menu = bar.addMenu("&View")
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        current = str(self.prefs.get("view/theme")) if self.prefs else "dark"
        for name in ("dark", "light", "system"):
            action = a[f"view.theme.{name}"]
            action.setCheckable(True)
            action.setChecked(name == current)
            group.addAction(action)
            theme_menu.addAction(action)
        self._build_text_size_menu(view_menu)
        view_menu.addSeparator()
        for row, title in enumerate(PAGE_TITLES):
            go = QAction(f"Go to {title}", self)
            go.setObjectName(f"view.go.{row}")
            go.setShortcuts([QKeySequence(f"Ctrl+{row + 1}")])
            go.triggered.connect(lambda _=False, t=title: self.go_to(t))
            view_menu.addAction(go)
            self.registry.add(go)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["help.statement"])
        help_menu.addAction(a["help.welcome"])
        help_menu.addAction(a["help.about"])
        focus_nav = QShortcut(QKeySequence("F6"), self)
        focus_nav.activated.connect(self.navigation.setFocus)

    def _build_text_size_menu(self, view_menu: QMenu) -> None:
        """View > Text size (three sizes) and the Large text switch (Ctrl+Shift+L)."""
        a = self.registry
        size_menu = view_menu.addMenu("Text &size")
        sizes = QActionGroup(self)
        chosen = self.text_size()
        for size in TextSize:
            choice = QAction(TEXT_SIZE_LABELS[size], self)
            choice.setObjectName(f"view.text_size.{size.value}")
            choice.setCheckable(True)
            choice.setChecked(size is chosen)
            choice.triggered.connect(lambda _=False, s=size: self.set_text_size(s))
            sizes.addAction(choice)
            size_menu.addAction(choice)
            self.registry.add(choice)
        large = a["view.large_text"]
        large.setCheckable(True)
        large.setChecked(chosen is TextSize.LARGE)
        view_menu.addAction(large)

    def _connect_actions(self) -> None:
        a = self.registry
        a["file.quit"].triggered.connect(self.close)
        a["edit.undo"].triggered.connect(self.undo_stack.undo)
        a["edit.redo"].triggered.connect(self.undo_stack.redo)
        # Bound methods, not lambdas: Qt drops these connections when the window goes.
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.undo_stack.cleanChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        for name in ("dark", "light", "system"):
            a[f"view.theme.{name}"].triggered.connect(lambda _=False, n=name: self.set_theme(n))
        a["view.large_text"].toggled.connect(self.set_large_text)
        a["edit.preferences"].triggered.connect(self.show_preferences)
        a["help.about"].triggered.connect(self.show_about)
        a["help.statement"].triggered.connect(self.show_statement)
        a["help.welcome"].triggered.connect(self.show_welcome)

    def _update_undo_actions(self, *_: object) -> None:
        if not shiboken6.isValid(self.undo_stack):  # the stack clears itself as it dies
            return
        undo, redo = self.registry["edit.undo"], self.registry["edit.redo"]
        undo.setEnabled(self.undo_stack.canUndo())
        redo.setEnabled(self.undo_stack.canRedo())
        undo.setText(f"&Undo {self.undo_stack.undoText()}".rstrip())
        redo.setText(f"&Redo {self.undo_stack.redoText()}".rstrip())

    # -- view preferences ------------------------------------------------------------
    def _apply_view(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        theme = str(self.prefs.get("view/theme")) if self.prefs else "dark"
        apply_theme(app, ThemeName(theme), self.text_size())
        self.fit_navigation()
        self.theme_changed.emit(theme)

    def fit_navigation(self) -> None:
        """Wide enough for the longest section name, but never more than a fifth or so of
        the window: in a small window with large text a long name wraps onto two lines."""
        natural = self.navigation.sizeHintForColumn(0) + 36
        cap = max(NAV_MIN_WIDTH, int(self.width() * NAV_MAX_SHARE))
        width = min(max(natural, NAV_MIN_WIDTH), cap)
        if width != self.navigation.width():
            self.navigation.setFixedWidth(width)
            self.navigation.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_navigation()

    def set_theme(self, name: str) -> None:
        if self.prefs is not None:
            self.prefs.set("view/theme", name)
        self.registry[f"view.theme.{name}"].setChecked(True)
        self._apply_view()

    def text_size(self) -> TextSize:
        """The chosen text size (normal without preferences)."""
        return TextSize(str(self.prefs.get("view/text_size"))) if self.prefs else TextSize.NORMAL

    def set_large_text(self, on: bool) -> None:
        """Ctrl+Shift+L: large text on, or back to normal."""
        if on or self.text_size() is TextSize.LARGE:
            self.set_text_size(TextSize.LARGE if on else TextSize.NORMAL)

    def set_text_size(self, size: TextSize) -> None:
        """View > Text size: store the choice, tick it in the menu, redraw everything."""
        if self.prefs is not None:
            self.prefs.set("view/text_size", size.value)
            self.prefs.set("view/large_text", size is TextSize.LARGE)
        self.registry[f"view.text_size.{size.value}"].setChecked(True)
        large = self.registry["view.large_text"]
        if large.isChecked() != (size is TextSize.LARGE):
            large.blockSignals(True)
            large.setChecked(size is TextSize.LARGE)
            large.blockSignals(False)
        self._apply_view()

    def show_preferences(self) -> None:
        """Edit > Preferences (text size, backups to keep); OK stores them at once."""
        if self.prefs is None:
            return
        from benzoapp.gui.preferences_dialog import PreferencesDialog

        before = self.text_size()
        PreferencesDialog(self.prefs, self).exec()
        if self.text_size() is not before:
            self.set_text_size(self.text_size())

    def keep_backups(self) -> int:
        """How many backups to keep, as chosen in Preferences (the default without prefs)."""
        value = self.prefs.get(KEEP_BACKUPS.key) if self.prefs else KEEP_BACKUPS.default
        return int(str(value))

    # -- help ------------------------------------------------------------------------
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nHelps you and your prescriber plan and follow a "
            "benzodiazepine or Z-drug taper. Your data stays on this computer.\n\n" + STATEMENT,
        )

    def show_statement(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, STATEMENT, STATEMENT_TEXT, parent=self)
        box.exec()

    def _settle_unsaved(self) -> bool:
        """Before closing, offer to keep a plan that was changed but not put to use.

        Returns False when the person chose to stay.
        """
        from PySide6.QtWidgets import QMessageBox

        for title, page in self.pages.items():
            unsaved = getattr(page, "has_unsaved_changes", None)
            if not callable(unsaved) or not unsaved():
                continue
            box = QMessageBox(self)
            box.setWindowTitle("Keep the changed plan?")
            box.setText(f"The plan on the {title} page has changes that are not in use yet.")
            buttons = QMessageBox.StandardButton
            box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
            box.setDefaultButton(buttons.Save)
            box.button(buttons.Save).setText("Use this plan")
            answer = box.exec()
            if answer == buttons.Cancel:
                return False
            if answer == buttons.Save:
                page.save_plan()  # type: ignore[attr-defined]
        return True

    # -- window state ----------------------------------------------------------------
    def _restore_window(self) -> None:
        if self.prefs is None:
            return
        geometry, state = self.prefs.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def bring_forward(self) -> None:
        """Called when a second launch hands over: show, raise and focus this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if not self._settle_unsaved():
            event.ignore()
            return
        if self.prefs is not None:
            self.prefs.save_window_state(self.saveGeometry(), self.saveState())
            self.prefs.sync()
        super().closeEvent(event)
