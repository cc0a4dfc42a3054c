"""What the PyInstaller specs share: the app's version, Qt trimming and hidden imports.

``build.spec`` and the benchmark's bare-window spec both load this module, so the app and
its baseline are frozen with the same options and the size ratio measures only what the
app adds. It must import nothing beyond the standard library: PyInstaller runs the spec
with its own interpreter state.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent

# (destination name, source path, type code), as in PyInstaller's TOC lists
TocEntry = tuple[str, str, str]

# Other Qt bindings and GUI toolkits: never used, and a second Qt would double the size.
FOREIGN_TOOLKITS: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "shiboken2",
)

# PySide6 modules the app must never need. Excluding them keeps a stray import (a test
# helper, a plugin) from dragging tens of megabytes into the bundle; ``check_qt_imports``
# makes the spec fail loudly if the app starts importing one of them. Exact names, as
# ``excludes=`` needs (PyInstaller matches whole names and their submodules, not prefixes).
UNUSED_QT_MODULES: tuple[str, ...] = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSerialPort",
    "PySide6.QtSensors",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtTextToSpeech",
    "PySide6.QtHttpServer",
)

# Test and developer-only packages that may sit in the build venv.
DEV_ONLY: tuple[str, ...] = (
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "pypdf",
    "IPython",
    "numpy",
    "sqlalchemy.testing",
    "pydoc_data",
    "idlelib",
    "turtledemo",
    # Packaging tools pulled in by optional imports: bundling setuptools adds a runtime
    # hook that imports it before main() on every start (about a tenth of a second).
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
)

# Pillow codecs ReportLab never needs for the plan PDF (it embeds PNG/JPEG at most). Pillow
# imports each of them inside try/except, so leaving them out only turns the format off;
# AVIF alone carries 5 MB of codec libraries.
UNUSED_PILLOW: tuple[str, ...] = (
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
)

# rapidfuzz ships every matcher twice, generic (SSE2) and AVX2, and picks at import time,
# falling back to the generic one when the AVX2 module is absent. Matching a typed name
# against a few hundred known names takes microseconds either way; the AVX2 copies are
# 5 MB.
UNUSED_RAPIDFUZZ: tuple[str, ...] = (
    "rapidfuzz.fuzz_cpp_avx2",
    "rapidfuzz.process_cpp_impl_avx2",
    "rapidfuzz.utils_cpp_avx2",
    "rapidfuzz.distance.metrics_cpp_avx2",
    "rapidfuzz.distance._initialize_cpp_avx2",
)

# Libraries every Linux desktop that can print already has, loaded from the system rather
# than bundled: libcups must match the machine's print service anyway, and bundling it
# drags in GnuTLS, Kerberos, Avahi and p11-kit (about 7 MB). Without it Qt's print dialog
# still opens and prints to PDF; it just lists no printers.
SYSTEM_PROVIDED_LIBS: frozenset[str] = frozenset({"libcups.so.2"})

# Qt plugins the app loads. Everything else under ``Qt/plugins`` is left out: no other
# platforms (eglfs, linuxfb, vnc, minimal*), no GTK3 theme (it drags in GTK, cairo and
# pango), no input devices for kiosks, no PDF/TIFF/WebP image readers.
KEPT_QT_PLUGINS: frozenset[str] = frozenset(
    {
        # platforms: X11, Wayland, offscreen (the self-test), Windows, macOS
        "platforms/qxcb",
        "platforms/qwayland",
        "platforms/qoffscreen",
        "platforms/qwindows",
        "platforms/qcocoa",
        "platforms/qdirect2d",
        "platformthemes/qxdgdesktopportal",
        "platforminputcontexts/composeplatforminputcontextplugin",
        "platforminputcontexts/ibusplatforminputcontextplugin",
        "xcbglintegrations/qxcb-glx-integration",
        "xcbglintegrations/qxcb-egl-integration",
        "wayland-shell-integration/xdg-shell",
        "wayland-decoration-client/bradient",
        "wayland-graphics-integration-client/wayland-egl",
        "wayland-graphics-integration-client/shm-emulation-server",
        "styles/qmodernwindowsstyle",
        "styles/qwindowsvistastyle",
        "styles/qmacstyle",
        # the app's icons are SVG; PNG/JPEG/GIF/ICO read without plugins or are tiny
        "iconengines/qsvgicon",
        "imageformats/qsvg",
        "imageformats/qico",
        "imageformats/qjpeg",
        "imageformats/qgif",
        # printing the plan
        "printsupport/cupsprintersupport",
        "printsupport/windowsprintersupport",
    }
)

# PyInstaller runtime hooks that run before ``main()`` on every start but serve nothing
# the app does. pyi_rth_multiprocessing (about 25 ms frozen) makes child processes of a
# frozen app work; it is added because ``concurrent.futures`` appears in the import graph,
# yet the app never starts a process. pyi_rth_pkgutil (about 10 ms) teaches
# ``pkgutil.iter_modules`` to list frozen packages; the app finds its commands and
# migrations by name and by path, never by listing. ``check_runtime_hook_needs`` fails the
# build if the app's own code starts using either.
UNNEEDED_RUNTIME_HOOKS: dict[str, tuple[str, ...]] = {
    "pyi_rth_multiprocessing": ("multiprocessing", "concurrent.futures"),
    "pyi_rth_pkgutil": ("pkgutil",),
}


_VERSION_RE = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)


def app_version(root: Path = ROOT) -> str:
    """``benzoapp.__version__``, read without importing the package."""
    match = _VERSION_RE.search((root / "benzoapp" / "__init__.py").read_text(encoding="utf-8"))
    if match is None:
        raise RuntimeError("benzoapp/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for a Windows version resource (``0.1.0rc1`` -> ``(0, 1, 0, 0)``)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:3]]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def imports_of(folder: Path) -> set[str]:
    """Every absolute module name imported by the Python files under ``folder``.

    The migrations in ``db/`` are bundled as data (Alembic loads them by path), so
    PyInstaller never sees their imports; they become hidden imports instead.
    """
    names: set[str] = set()
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                # ``from alembic import op`` imports the submodule alembic.op
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.split(".", 1)[0] != "__future__"}


def _is_module(name: str) -> bool:
    """Whether ``name`` is an importable module (not a class or function in one)."""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def migration_hidden_imports(db_dir: Path) -> list[str]:
    """Hidden imports that Alembic's ``env.py`` and the migrations need when frozen."""
    fixed = {
        "logging.config",
        "sqlite3",
        "sqlalchemy.dialects.sqlite",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "alembic",
        "alembic.context",
        "alembic.op",
        "alembic.command",
        "alembic.config",
        "alembic.script",
        "alembic.runtime.environment",
        "alembic.runtime.migration",
        "alembic.ddl.sqlite",
        "alembic.operations.toimpl",
        "alembic.autogenerate",
    }
    found = imports_of(db_dir) if db_dir.is_dir() else set()
    # ``from sqlalchemy import Column`` yields "sqlalchemy.Column": keep only real modules.
    modules = {n for n in found if _is_module(n)}
    return sorted(fixed | modules)


def qt_modules_imported(package_dir: Path) -> set[str]:
    """The ``PySide6.X`` modules the app's own code imports (read from its source)."""
    return {
        name
        for name in imports_of(package_dir)
        if name.startswith("PySide6.") and name.count(".") == 1
    }


def check_qt_imports(package_dir: Path, excluded: Iterable[str]) -> None:
    """Fail the build if the app imports a Qt module the spec leaves out."""
    clash = sorted(qt_modules_imported(package_dir) & set(excluded))
    if clash:
        raise SystemExit(
            f"build.spec excludes Qt modules the app imports: {', '.join(clash)}. "
            "Remove them from tools/freeze.py UNUSED_QT_MODULES."
        )


def _qt_relative(dest: str) -> PurePath | None:
    """``dest`` relative to the bundled ``Qt`` folder, or None if it is not Qt's."""
    parts = PurePath(dest).parts
    for i in range(len(parts) - 1):
        if parts[i] == "PySide6" and parts[i + 1] == "Qt":
            return PurePath(*parts[i + 2 :])
    return None


def _plugin_key(rel: PurePath) -> str:
    """``plugins/platforms/libqxcb.so`` -> ``platforms/qxcb``."""
    stem = rel.name.split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return f"{rel.parts[1]}/{stem}"


def keep_entry(dest: str) -> bool:
    """Whether a bundled file (by destination path) belongs in the app."""
    rel = _qt_relative(dest)
    if rel is None or not rel.parts:
        return True
    if rel.parts[0] == "translations":
        return False  # the app's text is English; Qt's own dialogs read fine without
    if rel.parts[0] == "plugins" and len(rel.parts) >= 3:
        return _plugin_key(rel) in KEPT_QT_PLUGINS
    return True


def trim(entries: Iterable[TocEntry]) -> Iterator[TocEntry]:
    """Drop unused Qt plugins and translations from an Analysis TOC (binaries or datas)."""
    for entry in entries:
        if keep_entry(entry[0]):
            yield entry


def _elf_needed(src: str) -> set[tuple[str, str | None]] | None:
    """Direct ``NEEDED`` entries of an ELF file (ldd would list the whole closure)."""
    import subprocess

    try:
        out = subprocess.run(
            ["objdump", "-p", src], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return {
        (line.split()[1], None) for line in out.splitlines() if line.strip().startswith("NEEDED")
    }


def _linked_libraries(src: str) -> set[tuple[str, str | None]]:
    """Direct link-time imports of one binary (objdump on Linux; pefile, macho elsewhere)."""
    if sys.platform.startswith("linux"):
        needed = _elf_needed(src)
        if needed is not None:
            return needed
    from PyInstaller.depend import bindepend  # type: ignore[import-untyped]

    try:
        found: set[tuple[str, str | None]] = set(bindepend.get_imports(src))
    except Exception:  # an unreadable binary: treat it as importing nothing more
        return set()
    return found


def _bundled(entry: TocEntry) -> bool:
    """Whether a binary stays: a kept Qt file and not a library the system provides."""
    if sys.platform.startswith("linux") and PurePath(entry[0]).name in SYSTEM_PROVIDED_LIBS:
        return False
    return keep_entry(entry[0])


def trim_binaries(binaries: Iterable[TocEntry]) -> list[TocEntry]:
    """Drop unused Qt plugins, then the libraries only they needed.

    PyInstaller resolves the libraries each Qt plugin links before the spec can drop the
    plugin, so leaving out the GTK theme would still ship GTK's cairo, pango and
    gdk-pixbuf. A library is left out here only when a dropped plugin needed it and no
    kept binary reaches it through its link-time imports.
    """
    entries = list(binaries)
    kept = [e for e in entries if _bundled(e)]
    dropped = [e for e in entries if not _bundled(e)]
    by_path = {os.path.realpath(e[1]): e for e in kept}
    by_name: dict[str, TocEntry] = {}
    for entry in kept:
        by_name.setdefault(PurePath(entry[0]).name, entry)

    def deps(entry: TocEntry) -> list[TocEntry]:
        out = []
        for name, full in _linked_libraries(entry[1]):
            hit = by_path.get(os.path.realpath(full)) if full else None
            hit = hit or by_name.get(PurePath(name).name)
            if hit is not None:
                out.append(hit)
        return out

    def closure(start: Iterable[TocEntry]) -> set[TocEntry]:
        seen: set[TocEntry] = set()
        todo = list(start)
        while todo:
            entry = todo.pop()
            if entry in seen:
                continue
            seen.add(entry)
            todo.extend(deps(entry))
        return seen

    only_for_dropped = closure(dep for e in dropped for dep in deps(e))
    roots = [e for e in kept if e not in only_for_dropped]
    needed = closure(roots)
    return [e for e in kept if e not in only_for_dropped or e in needed]


def drop_dangling_symlinks(
    entries: Iterable[TocEntry], bundled_elsewhere: Iterable[TocEntry] = ()
) -> list[TocEntry]:
    """Leave out SYMLINK entries whose target is no longer bundled.

    PyInstaller lists the top-level symlinks to Qt's libraries with the data files, so
    the targets are looked up among ``bundled_elsewhere`` (the binaries) as well.
    """
    entries = list(entries)
    everything = [*entries, *bundled_elsewhere]
    dests = {os.path.normpath(e[0]) for e in everything if e[2] != "SYMLINK"}
    return [
        e
        for e in entries
        if e[2] != "SYMLINK" or os.path.normpath(os.path.join(os.path.dirname(e[0]), e[1])) in dests
    ]


def excludes() -> list[str]:
    """Every module the frozen app and its baseline leave out."""
    return [*FOREIGN_TOOLKITS, *UNUSED_QT_MODULES, *UNUSED_PILLOW, *UNUSED_RAPIDFUZZ, *DEV_ONLY]


def strip_binaries() -> bool:
    """Strip symbols on Linux only: Windows DLLs have none, macOS would lose signatures."""
    return sys.platform.startswith("linux")


def check_runtime_hook_needs(*folders: Path) -> None:
    """Stop the build if code under ``folders`` imports what a dropped runtime hook serves."""
    imported = set().union(*(imports_of(folder) for folder in folders))
    for hook, modules in UNNEEDED_RUNTIME_HOOKS.items():
        used = sorted(
            name for name in imported if any(name == m or name.startswith(m + ".") for m in modules)
        )
        if used:
            raise SystemExit(
                f"{hook} is left out of the build, but the app imports {', '.join(used)}; "
                "remove it from tools/freeze.py UNNEEDED_RUNTIME_HOOKS"
            )


def drop_runtime_hooks(scripts: Iterable[TocEntry]) -> list[TocEntry]:
    """The Analysis scripts without the runtime hooks the app does not need."""
    return [entry for entry in scripts if entry[0] not in UNNEEDED_RUNTIME_HOOKS]
