"""Builds that repeat: every dependency is locked, and set-up installs from the lock.

The PySide6 cap is kept only where its bug applies (Python 3.11): from Python 3.12
``None`` is immortal (PEP 683; see e.g. bigcat88/pillow_heif pull request 257, "Since
Python 3.12, Py_None is now immortal"), so a Qt call that loses a reference to it cannot
free it. ``tests/gui/test_check_page.py::test_typing_for_long_does_not_wear_down_none``
is the test that shows the bug under 3.11.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv") or str(ROOT / ".venv" / "bin" / "uv")


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        found += [Requirement(r) for r in extra]
    return found


def locked() -> dict[str, list[str]]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    versions: dict[str, list[str]] = {}
    for package in lock["package"]:
        versions.setdefault(package["name"], []).append(package.get("version", ""))
    return versions


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_dependency_is_in_the_lock_with_a_version_in_range() -> None:
    versions = locked()
    for requirement in requirements():
        name = norm(requirement.name)
        assert name in versions, f"{name} is not in uv.lock: run 'uv lock'"
        assert any(requirement.specifier.contains(v) for v in versions[name]), (
            f"uv.lock has {name} {versions[name]}, outside {requirement.specifier}"
        )


def test_the_lock_matches_pyproject() -> None:
    if not Path(UV).exists():
        pytest.skip("uv is not installed")
    check = subprocess.run(
        [UV, "lock", "--check", "--offline"], cwd=ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


def test_the_pyside6_cap_applies_to_python_3_11_only() -> None:
    pyside = [r for r in requirements() if norm(r.name) == "pyside6-essentials"]
    capped = [r for r in pyside if any(s.operator == "<" for s in r.specifier)]
    assert capped, "the cap for Python 3.11 is gone"
    for requirement in capped:
        assert requirement.marker is not None
        assert requirement.marker.evaluate({"python_version": "3.11"})
        assert not requirement.marker.evaluate({"python_version": "3.12"})
    assert any(
        r.marker is not None and r.marker.evaluate({"python_version": "3.12"}) for r in pyside
    )


def test_set_up_installs_from_the_lock() -> None:
    script = (ROOT / "dev.sh").read_text(encoding="utf-8")
    assert 'uv" export -q --frozen' in script
    assert "--require-hashes" in script
    assert 'pip install -q --python "$PY" --compile-bytecode -e ".[' not in script
