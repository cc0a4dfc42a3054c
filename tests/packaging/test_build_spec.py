"""build.spec carries resources/ and db/, the app's version, and leaves out unused Qt."""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import pytest

from benzoapp import __version__
from tools import freeze

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


def _analysis_datas(spec_source: str) -> list[tuple[str, str]]:
    """The ``datas=`` list of the spec's Analysis call, as (source, destination) text."""
    tree = ast.parse(spec_source, filename=str(SPEC))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Analysis":
            for keyword in node.keywords:
                if keyword.arg == "datas":
                    assert isinstance(keyword.value, ast.List)
                    pairs = []
                    for element in keyword.value.elts:
                        assert isinstance(element, ast.Tuple)
                        src, dest = element.elts
                        pairs.append((ast.unparse(src), ast.literal_eval(dest)))
                    return pairs
    raise AssertionError("build.spec has no Analysis(datas=...)")


@pytest.mark.slow
def test_spec_parses_and_bundles_resources_and_db_at_the_root() -> None:
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    datas = {dest: src for src, dest in _analysis_datas(source)}
    assert set(datas) == {"resources", "db"}
    assert "'resources'" in datas["resources"]
    assert "'db'" in datas["db"]
    assert "upx=False" in source
    assert "bundle_identifier=" in source


@pytest.mark.slow
def test_spec_hidden_imports_cover_alembic_and_sqlite() -> None:
    hidden = freeze.migration_hidden_imports(ROOT / "db")
    for needed in (
        "logging.config",
        "sqlalchemy.dialects.sqlite",
        "alembic.runtime.migration",
        "alembic.op",
    ):
        assert needed in hidden


def test_migration_imports_are_read_from_the_source(tmp_path: Path) -> None:
    (tmp_path / "versions").mkdir()
    (tmp_path / "env.py").write_text("import logging.config\nfrom alembic import context\n")
    (tmp_path / "versions" / "0001_x.py").write_text(
        "import sqlalchemy as sa\nfrom sqlalchemy.dialects import sqlite\nfrom . import y\n"
    )
    hidden = freeze.migration_hidden_imports(tmp_path)
    assert {"logging.config", "alembic.context", "sqlalchemy", "sqlalchemy.dialects"} <= set(hidden)
    assert "sqlalchemy.dialects.sqlite" in hidden


def test_version_comes_from_the_package() -> None:
    assert freeze.app_version(ROOT) == __version__
    assert freeze.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert freeze.version_tuple("0.4rc1") == (0, 4, 1, 0)


def test_the_app_imports_no_excluded_qt_module() -> None:
    freeze.check_qt_imports(ROOT / "benzoapp", freeze.UNUSED_QT_MODULES)  # raises if so
    assert "PySide6.QtWidgets" in freeze.qt_modules_imported(ROOT / "benzoapp")


def test_a_clash_between_imports_and_excludes_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "view.py").write_text("from PySide6.QtQuick import QQuickView\n")
    with pytest.raises(SystemExit, match=r"PySide6\.QtQuick"):
        freeze.check_qt_imports(tmp_path, freeze.UNUSED_QT_MODULES)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (os.path.join("PySide6", "Qt", "plugins", "platforms", "libqxcb.so"), True),
        (os.path.join("PySide6", "Qt", "plugins", "platforms", "libqoffscreen.so"), True),
        (os.path.join("PySide6", "Qt", "plugins", "platforms", "qwindows.dll"), True),
        (os.path.join("PySide6", "Qt", "plugins", "iconengines", "libqsvgicon.so"), True),
        (os.path.join("PySide6", "Qt", "plugins", "platforms", "libqeglfs.so"), False),
        (os.path.join("PySide6", "Qt", "plugins", "platforms", "libqvnc.so"), False),
        (os.path.join("PySide6", "Qt", "plugins", "platformthemes", "libqgtk3.so"), False),
        (os.path.join("PySide6", "Qt", "plugins", "imageformats", "libqpdf.so"), False),
        (os.path.join("PySide6", "Qt", "translations", "qtbase_de.qm"), False),
        (os.path.join("PySide6", "Qt", "lib", "libQt6Widgets.so.6"), True),
        (os.path.join("resources", "icons", "benzoapp.svg"), True),
        (os.path.join("db", "env.py"), True),
    ],
)
def test_trim_keeps_what_the_app_loads(dest: str, kept: bool) -> None:
    assert freeze.keep_entry(dest) is kept


def test_icons_exist_for_every_platform() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "benzoapp.svg").read_text(encoding="utf-8").startswith("<svg")
    assert (icons / "benzoapp.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ico = (icons / "benzoapp.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"
    assert int.from_bytes(ico[4:6], "little") >= 4  # several sizes for Windows to pick


def test_strip_only_on_linux() -> None:
    assert freeze.strip_binaries() is sys.platform.startswith("linux")


def test_symlinks_to_left_out_libraries_are_left_out_too() -> None:
    lib = os.path.join("PySide6", "Qt", "lib")
    entries = [
        (os.path.join(lib, "libQt6Gui.so.6"), "/x/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", os.path.join(lib, "libQt6Gui.so.6"), "SYMLINK"),
        ("libQt6EglFsKmsSupport.so.6", os.path.join(lib, "libQt6EglFsKmsSupport.so.6"), "SYMLINK"),
    ]
    assert [e[0] for e in freeze.drop_dangling_symlinks(entries)] == [
        os.path.join(lib, "libQt6Gui.so.6"),
        "libQt6Gui.so.6",
    ]


def test_unneeded_runtime_hooks_are_dropped_and_the_rest_kept() -> None:
    scripts = [
        ("pyi_rth_inspect", "/hooks/pyi_rth_inspect.py", "PYSOURCE"),
        ("pyi_rth_pkgutil", "/hooks/pyi_rth_pkgutil.py", "PYSOURCE"),
        ("pyi_rth_multiprocessing", "/hooks/pyi_rth_multiprocessing.py", "PYSOURCE"),
        ("pyi_rth_pyside6", "/hooks/pyi_rth_pyside6.py", "PYSOURCE"),
        ("__main__", "/app/benzoapp/__main__.py", "PYSOURCE"),
    ]
    kept = [name for name, _, _ in freeze.drop_runtime_hooks(scripts)]
    assert kept == ["pyi_rth_inspect", "pyi_rth_pyside6", "__main__"]


@pytest.mark.parametrize(
    "source",
    [
        "import multiprocessing\n",
        "from concurrent.futures import ProcessPoolExecutor\n",
        "import pkgutil\n",
    ],
)
def test_code_that_needs_a_dropped_hook_stops_the_build(tmp_path: Path, source: str) -> None:
    (tmp_path / "work.py").write_text(source)
    with pytest.raises(SystemExit, match="UNNEEDED_RUNTIME_HOOKS"):
        freeze.check_runtime_hook_needs(tmp_path)


def test_the_app_needs_none_of_the_dropped_hooks() -> None:
    freeze.check_runtime_hook_needs(ROOT / "benzoapp", ROOT / "db")  # raises if it does
    assert "pkgutil" not in freeze.imports_of(ROOT / "benzoapp")
