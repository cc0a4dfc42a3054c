"""build.spec read as PyInstaller would on each system, with PyInstaller's builders recorded.

Only Linux builds run here; this shows the Windows and macOS branches of the spec at least
make the programs they promise (names, console or windowed, icon, version, bundle).
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from tools import freeze

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


class _Recorded:
    """Stands in for one of PyInstaller's spec builders and remembers how it was called."""

    calls: list[_Recorded]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.pure: list[tuple[str, str, str]] = []
        self.scripts = [
            ("pyi_rth_inspect", "hooks/pyi_rth_inspect.py", "PYSOURCE"),
            ("pyi_rth_multiprocessing", "hooks/pyi_rth_multiprocessing.py", "PYSOURCE"),
            ("benzoapp", "benzoapp/__main__.py", "PYSOURCE"),
        ]
        self.calls.append(self)


def _run_spec(
    monkeypatch: pytest.MonkeyPatch, platform: str, onefile: bool = False
) -> dict[str, list[_Recorded]]:
    pytest.importorskip("PyInstaller")
    from PyInstaller.utils import hooks, win32

    calls: list[_Recorded] = []
    builders = {
        name: type(name, (_Recorded,), {"calls": calls})
        for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    }
    version_info = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"):
        setattr(version_info, name, lambda *a, **k: (a, k))
    for name in ("StringStruct", "VarFileInfo", "VarStruct"):
        setattr(version_info, name, lambda *a, **k: (a, k))
    monkeypatch.setitem(sys.modules, version_info.__name__, version_info)
    monkeypatch.setattr(win32, "versioninfo", version_info, raising=False)
    # Importing the app's modules as another system would fail; their names do not matter here.
    monkeypatch.setattr(hooks, "collect_submodules", lambda name: [name])
    monkeypatch.setattr(freeze, "migration_hidden_imports", lambda folder: [])
    monkeypatch.setattr(sys, "argv", ["build.spec"])
    monkeypatch.setenv("BENZOAPP_ONEFILE", "1" if onefile else "0")
    monkeypatch.setattr(sys, "platform", platform)
    namespace: dict[str, Any] = {**builders, "SPECPATH": str(ROOT), "__name__": "__main__"}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    recorded: dict[str, list[_Recorded]] = {}
    for call in calls:
        recorded.setdefault(type(call).__name__, []).append(call)
    return recorded


def test_linux_makes_one_console_program_in_a_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _run_spec(monkeypatch, "linux")
    (exe,) = built["EXE"]
    assert exe.kwargs["name"] == "benzoapp"
    assert exe.kwargs["console"] is True
    assert exe.kwargs["exclude_binaries"] is True
    (collect,) = built["COLLECT"]
    assert collect.kwargs["name"] == "BenzoApp"
    assert "BUNDLE" not in built
    (analysis,) = built["Analysis"]
    assert [s[0] for s in analysis.scripts] == ["pyi_rth_inspect", "benzoapp"]


def test_windows_makes_a_windowed_app_and_a_console_twin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _run_spec(monkeypatch, "win32")
    programs = {exe.kwargs["name"]: exe.kwargs for exe in built["EXE"]}
    assert programs["BenzoApp"]["console"] is False
    assert programs["BenzoApp-cli"]["console"] is True
    for options in programs.values():
        assert str(options["icon"]).endswith("benzoapp.ico")
        assert options["version"] is not None
    (collect,) = built["COLLECT"]
    assert sum(isinstance(arg, _Recorded) for arg in collect.args) == 2  # both programs


def test_macos_makes_an_app_bundle_with_id_version_and_icon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _run_spec(monkeypatch, "darwin")
    (exe,) = built["EXE"]
    assert exe.kwargs["console"] is False
    (bundle,) = built["BUNDLE"]
    assert bundle.kwargs["name"] == "BenzoApp.app"
    assert bundle.kwargs["bundle_identifier"] == "org.benzoapp.BenzoApp"
    assert bundle.kwargs["version"] == freeze.app_version(ROOT)
    assert str(bundle.kwargs["icon"]).endswith("benzoapp.png")


def test_one_file_switch_puts_everything_in_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _run_spec(monkeypatch, "linux", onefile=True)
    (exe,) = built["EXE"]
    assert "exclude_binaries" not in exe.kwargs
    assert "COLLECT" not in built
