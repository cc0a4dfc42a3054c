"""Bundled files are found the same way from a checkout, a wheel and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benzoapp import paths


def test_source_checkout_finds_resources() -> None:
    assert paths.resource_path("styles", "base.qss").is_file()


def test_frozen_build_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "styles").mkdir(parents=True)
    (tmp_path / "resources" / "styles" / "base.qss").write_text("x", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.bundle_root() == tmp_path
    assert paths.resource_path("styles", "base.qss").read_text(encoding="utf-8") == "x"


def test_missing_resource_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(paths.MissingResourceError, match=r"resources/styles/nope\.qss"):
        paths.resource_path("styles", "nope.qss")
