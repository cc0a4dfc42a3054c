"""Edit > Preferences: the text size (also in the View menu), the country whose products
plans use, and how many backups to keep.

Each field's range comes from the preference's declaration in ``preferences.py``, so the
dialog can never store a value the app would then ignore.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from benzoapp.gui.keyboard import apply_keyboard_rules
from benzoapp.gui.preferences import COUNTRY, KEEP_BACKUPS, Preferences
from benzoapp.gui.theme import POINT_SIZES, TEXT_SIZE_LABELS, TextSize

# The names of the countries the drug data has products for (the codes are
# ``COUNTRY.choices``; a test checks every choice has a name).
COUNTRY_NAMES = {
    "": "None chosen (the drug data's common strengths)",
    "AU": "Australia",
    "CA": "Canada",
    "GB": "United Kingdom",
    "SE": "Sweden",
    "US": "United States",
}


class PreferencesDialog(QDialog):
    """OK stores the values (and writes the settings file at once); Cancel changes nothing."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences_dialog")
        self._prefs = prefs
        self.keep_backups = QSpinBox()
        self.keep_backups.setObjectName("keep_backups")
        self.keep_backups.setRange(KEEP_BACKUPS.minimum or 1, KEEP_BACKUPS.maximum or 999)
        self.keep_backups.setValue(int(str(prefs.get(KEEP_BACKUPS.key))))
        self.keep_backups.setSuffix(" backups")
        self.keep_backups.setAccessibleName("Backups to keep")
        label = QLabel("&Keep the newest:")
        label.setBuddy(self.keep_backups)
        note = QLabel(
            "A backup is made once a day and before every upgrade. Older ones beyond this "
            f"number are deleted ({KEEP_BACKUPS.minimum} to {KEEP_BACKUPS.maximum}; "
            f"{KEEP_BACKUPS.default} unless you change it)."
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.text_size = QComboBox()
        self.text_size.setObjectName("text_size")
        for size in TextSize:
            self.text_size.addItem(
                f"{TEXT_SIZE_LABELS[size].replace('&', '')} ({POINT_SIZES[size]} pt)", size.value
            )
        chosen = str(prefs.get("view/text_size"))
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(chosen)))
        self.text_size.setAccessibleName("Text size")
        size_label = QLabel("&Text size:")
        size_label.setBuddy(self.text_size)
        self.country = QComboBox()
        self.country.setObjectName("country")
        for code in COUNTRY.choices or ("",):
            self.country.addItem(COUNTRY_NAMES.get(code, code), code)
        chosen_country = str(prefs.get(COUNTRY.key))
        self.country.setCurrentIndex(max(0, self.country.findData(chosen_country)))
        self.country.setAccessibleName("Country of your medicines")
        self.country.setToolTip("Plans use the tablets and liquids sold in this country.")
        country_label = QLabel("Co&untry of your medicines:")
        country_label.setBuddy(self.country)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(size_label, self.text_size)
        form.addRow(country_label, self.country)
        form.addRow(label, self.keep_backups)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(buttons)
        apply_keyboard_rules(self)

    def accept(self) -> None:
        self.keep_backups.interpretText()  # a number still being typed counts
        self._prefs.set(KEEP_BACKUPS.key, self.keep_backups.value())
        size = TextSize(str(self.text_size.currentData()))
        self._prefs.set("view/text_size", size.value)
        self._prefs.set("view/large_text", size is TextSize.LARGE)
        self._prefs.set(COUNTRY.key, str(self.country.currentData() or ""))
        self._prefs.sync()
        super().accept()
