"""A frozen-style bundle root (sys._MEIPASS) finds resources and the migrations."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from benzoapp import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ and db/ laid out as build.spec lays them out, as _MEIPASS."""
    bundle = tmp_path / "_internal"
    shutil.copytree(ROOT / "resources", bundle / "resources")
    shutil.copytree(ROOT / "db", bundle / "db")
    if not (bundle / "db" / "env.py").exists():  # before the store lands its env.py
        (bundle / "db" / "env.py").write_text("# placeholder\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def test_frozen_lookup_finds_resources(frozen_root: Path) -> None:
    assert paths.bundle_root() == frozen_root
    icon = paths.resource_path("icons", "benzoapp.svg")
    assert icon == frozen_root / "resources" / "icons" / "benzoapp.svg"
    assert paths.resource_path("fonts", "DejaVuSans.ttf").stat().st_size > 100_000


def test_frozen_lookup_finds_migrations(frozen_root: Path) -> None:
    assert paths.migrations_path() == frozen_root / "db"
    assert (paths.migrations_path() / "env.py").is_file()


def test_frozen_lookup_never_falls_back_to_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(paths.MissingResourceError):
        paths.resource_path("icons", "benzoapp.svg")
    with pytest.raises(paths.MissingResourceError):
        paths.migrations_path()
