"""The suite itself refuses network connections, so no code path can leak data unnoticed."""

from __future__ import annotations

import socket

import pytest

REFUSED = "test tried to open a network connection"


def test_tcp_connection_is_refused_by_the_suite() -> None:
    refused = pytest.raises(OSError, match=REFUSED)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, refused:
        s.connect(("127.0.0.1", 9))


def test_create_connection_is_refused_by_the_suite() -> None:
    with pytest.raises(OSError, match=REFUSED):
        socket.create_connection(("localhost", 80), timeout=1)


def test_unix_sockets_stay_allowed(tmp_path: object) -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        a.sendall(b"ok")
        assert b.recv(2) == b"ok"
