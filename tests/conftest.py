"""Test-wide safety nets: no network, offscreen Qt, a fixed locale, GUI tests marked."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red build then always means a change broke
# something); a developer's runs keep exploring new ones and record what they find.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("BENZOAPP_HYPOTHESIS", "default"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")
os.environ["LC_ALL"] = "C.UTF-8"
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("BENZOAPP_DATA_DIR", None)


class NetworkAccessError(ConnectionRefusedError):
    """Raised when a test tries to open a network connection: health data stays local."""


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded(real: Any) -> Any:
    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX:  # local IPC (single-instance server) is fine
            return real(self, address)
        raise NetworkAccessError(f"test tried to open a network connection to {address!r}")

    return connect


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Fail any test that opens a network connection (AF_INET/AF_INET6)."""
    socket.socket.connect = _guarded(_real_connect)  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded(_real_connect_ex)  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything under tests/gui as a GUI test, so it can be selected or skipped."""
    for item in items:
        if "gui" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.gui)
