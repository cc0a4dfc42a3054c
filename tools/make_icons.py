"""Render the app icon (``resources/icons/benzoapp.svg``) to the PNG and ICO files.

PyInstaller embeds an ICO in the Windows executable and turns the PNG into the macOS
``.icns`` (with Pillow). Both are derived here with Qt's SVG renderer, so the SVG is the
one source: run ``python -m tools.make_icons`` after changing it and commit the results.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SVG = ICON_DIR / "benzoapp.svg"
PNG = ICON_DIR / "benzoapp.png"
ICO = ICON_DIR / "benzoapp.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 512


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A multi-size ICO whose images are PNG-compressed (read by Windows Vista and later).

    Qt writes one image per ICO file; Windows picks the best of several sizes, so the
    container is assembled here: a 6-byte header, a 16-byte entry per image, the images.
    """
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    images = b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> int:
    """Write benzoapp.png and benzoapp.ico beside the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    PNG.write_bytes(render_png(SVG, PNG_SIZE))
    ICO.write_bytes(ico_bytes({size: render_png(SVG, size) for size in ICO_SIZES}))
    del app
    print(f"wrote {PNG.relative_to(ROOT)} and {ICO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
