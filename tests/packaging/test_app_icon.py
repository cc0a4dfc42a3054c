"""The window icon is drawn from the bundled SVG, at the sizes a taskbar asks for."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from benzoapp.gui.app_icon import app_icon


def test_app_icon_renders_from_the_svg(qtbot: QtBot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(48, 48).toImage()
    assert image.width() == 48
    # the tile's corner is transparent, its middle is painted
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(24, 40).alpha() == 255
