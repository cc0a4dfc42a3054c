"""Visibility (WCAG 2.2): text 4.5:1, edges and focus rings 3:1, in both themes.

Contrast is computed from the theme's colours (the palette and the style sheet are
filled from them), then checked on real widgets: a focused control is drawn with the
focus colour and an unfocused one with the edge colour, so the figures are the ones on
screen. The printed plan's text is dark on white whatever the theme.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from benzoapp.gui.theme import (
    DARK,
    LIGHT,
    NORMAL_POINT_SIZE,
    POINT_SIZES,
    Colours,
    TextSize,
    ThemeName,
    apply_theme,
    point_size,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")

THEMES = {"dark": (ThemeName.DARK, DARK), "light": (ThemeName.LIGHT, LIGHT)}


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.2 definition, sRGB)."""
    rgb = QColor(colour)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(rgb.red()) + 0.7152 * channel(rgb.green()) + 0.0722 * channel(rgb.blue())
    )


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def backgrounds(c: Colours) -> dict[str, str]:
    """Every surface a control, a ring or a word can sit on."""
    return {"window": c.window, "base": c.base, "alt_base": c.alt_base, "button": c.button}


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", THEMES)
def test_all_text_reaches_4_5_to_1(name: str) -> None:
    c = THEMES[name][1]
    for fg in (c.text, c.muted_text):
        for where, bg in backgrounds(c).items():
            assert contrast(fg, bg) >= 4.5, (name, fg, where)
    assert contrast(c.highlight_text, c.highlight) >= 4.5  # a selected row or section
    assert contrast(c.accent, c.base) >= 4.5  # links are text too


@pytest.mark.parametrize("name", THEMES)
def test_edges_focus_rings_and_ticks_reach_3_to_1(name: str) -> None:
    c = THEMES[name][1]
    for where, bg in backgrounds(c).items():
        assert contrast(c.edge, bg) >= 3, (name, "edge", where)
        assert contrast(c.focus, bg) >= 3, (name, "focus", where)
        assert contrast(c.accent, bg) >= 3, (name, "ticked box", where)
    assert contrast(c.focus, c.highlight) >= 3, name  # a focused, selected section
    assert contrast(c.check, c.accent) >= 3, name  # the tick on a ticked box


def _count(image: QImage, colour: str) -> int:
    want = QColor(colour).rgb()
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == want
    )


@pytest.fixture
def themed(qtbot: QtBot, request: pytest.FixtureRequest):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme, colours = THEMES[request.param]
    apply_theme(app, theme, TextSize.NORMAL)
    host = QWidget()
    qtbot.addWidget(host)
    box = QVBoxLayout(host)
    controls = {
        "button": QPushButton("Press"),
        "field": QLineEdit("text"),
        "combo": QComboBox(),
        "spin": QSpinBox(),
        "check": QCheckBox("Tick"),
    }
    controls["combo"].addItems(["one", "two"])
    for control in controls.values():
        box.addWidget(control)
    other = QPushButton("Other")
    other.setObjectName("other")
    box.addWidget(other)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    yield colours, controls
    apply_theme(app, ThemeName.DARK, TextSize.NORMAL)


@pytest.mark.parametrize("themed", list(THEMES), indirect=True)
def test_controls_are_drawn_with_the_edge_colour_and_the_focus_ring(qtbot: QtBot, themed) -> None:
    colours, controls = themed
    other = controls["button"].parentWidget().findChild(QPushButton, "other")
    for name, control in controls.items():
        target = control
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
        unfocused = target.grab().toImage()
        # An edge all round in the edge colour: at least the widget's two sides' worth.
        edge_pixels = _count(unfocused, colours.edge)
        assert edge_pixels >= (14 if name == "check" else target.height()), (name, edge_pixels)
        assert _count(unfocused, colours.focus) == 0, name
        target.setFocus()
        qtbot.waitUntil(target.hasFocus)
        focused = target.grab().toImage()
        ring = _count(focused, colours.focus)
        # A ring two pixels wide round the control (round the box for a checkbox).
        assert ring >= (2 * 12 * 2 if name == "check" else 2 * target.height()), (name, ring)
        assert focused != unfocused, name


@pytest.mark.parametrize("themed", list(THEMES), indirect=True)
def test_a_ticked_box_shows_the_tick_and_not_colour_alone(qtbot: QtBot, themed) -> None:
    colours, controls = themed
    box = controls["check"]
    box.setChecked(True)
    image = box.grab().toImage()
    assert _count(image, colours.accent) > 0
    assert _count(image, colours.check) > 0  # the tick itself, drawn on the accent
    # Focused, the ring goes round the box and its words on the window's background
    # (round the filled box alone it would sit against the accent: about 1.1:1 in light).
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    ring = _count(box.grab().toImage(), colours.focus)
    assert ring >= 0.9 * 2 * (2 * box.width() + 2 * box.height())  # corners are rounded


def test_large_text_is_a_real_step_chosen_from_a_few_sizes() -> None:
    assert len(POINT_SIZES) >= 3
    assert POINT_SIZES[TextSize.LARGE] >= 1.5 * NORMAL_POINT_SIZE
    assert sorted(POINT_SIZES.values()) == list(POINT_SIZES.values())  # listed small to large
    assert point_size(True) == POINT_SIZES[TextSize.LARGE]
    assert point_size(False) == NORMAL_POINT_SIZE


def test_the_printed_plan_is_dark_on_white_title_included(planner) -> None:
    import datetime as dt
    from decimal import Decimal

    from benzoapp.core.model import PlanSettings
    from benzoapp.gui.file_actions import plan_document

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, ThemeName.DARK, TextSize.NORMAL)  # the theme must not reach the paper
    regimen = planner.parse_regimen("clonazepam 0.5 mg 08:00")
    plan = planner.build(regimen, PlanSettings(start=dt.date(2026, 1, 5), rate_percent=Decimal(25)))
    document: QTextDocument = plan_document(plan, "Ashton table")
    cursor = QTextCursor(document)
    seen = 0
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.text().strip():
                brush = fragment.charFormat().foreground()
                colour = brush.color().name() if brush.style().value else None
                assert colour is not None, fragment.text()  # never the window's colour
                assert contrast(colour, "#ffffff") >= 4.5, (fragment.text(), colour)
                seen += 1
            it += 1
        block = block.next()
    assert seen > 5
    assert document.toPlainText().startswith("Taper plan")
    del cursor
    palette_text = app.palette().color(QPalette.ColorRole.Text).name()
    assert contrast(palette_text, "#ffffff") < 4.5  # the dark theme's text would fail on paper


@pytest.mark.parametrize("themed", list(THEMES), indirect=True)
def test_the_welcome_button_and_the_journal_chart_show_their_focus(qtbot: QtBot, themed) -> None:
    """The issue's first case: a focused welcome button looked exactly like an unfocused one."""
    from benzoapp.gui.first_run import FirstRunPage
    from benzoapp.gui.journal_chart import JournalChart

    colours, controls = themed
    host = controls["button"].parentWidget()
    welcome = FirstRunPage()
    chart = JournalChart()
    host.layout().addWidget(welcome)
    host.layout().addWidget(chart)
    QApplication.processEvents()
    for target in (welcome.continue_button, chart):
        qtbot.waitUntil(target.isVisible)
        controls["button"].setFocus()
        qtbot.waitUntil(controls["button"].hasFocus)
        before = target.grab().toImage()
        target.setFocus()
        qtbot.waitUntil(target.hasFocus)
        after = target.grab().toImage()
        assert _count(before, colours.focus) == 0
        assert _count(after, colours.focus) >= 2 * target.height()
