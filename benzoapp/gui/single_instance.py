"""One window per data folder: a second launch hands over to the first and exits.

The first instance listens on a ``QLocalServer`` named after the data folder. A later
launch connects, sends "show", and the running window comes forward. Unlike shared
memory, a server left behind by a crash is simply removed and recreated.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

MESSAGE = b"show\n"
TIMEOUT_MS = 1000
log = logging.getLogger("benzoapp")


def server_name(data_dir: Path) -> str:
    """A short, stable name for the data folder (socket paths have a length limit).

    Two 32-bit checksums from zlib, which is loaded anyway, rather than ``hashlib``:
    importing hashlib loads OpenSSL, a measurable part of a frozen cold start, and this
    name only has to tell one person's data folders apart, not resist an attacker.
    """
    path = str(data_dir.resolve()).encode()
    return f"benzoapp-{zlib.crc32(path):08x}{zlib.adler32(path):08x}"


def maybe_running(data_dir: Path) -> bool:
    """Cheap first look, before QtNetwork is loaded: could an instance be listening?

    On Unix-like systems Qt's local server is a socket file in the temporary folder;
    with no such file, nothing is listening. Elsewhere (Windows pipes) assume it may be.
    """
    if sys.platform == "win32":
        return True
    folder = os.environ.get("TMPDIR") or tempfile.gettempdir()
    return (Path(folder) / server_name(data_dir)).exists()


def hand_over(data_dir: Path) -> bool:
    """Ask a running instance to come forward; True if one answered."""
    if not maybe_running(data_dir):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; emits ``activate`` when one asks to be shown."""

    activate = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening, clearing a stale socket left by a crashed instance."""
        if self._server.listen(self.name):
            return True
        self._server.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def error_text(self) -> str:
        """Why listening failed, as Qt reports it."""
        return str(self._server.errorString())

    def _on_connection(self) -> None:
        """Read the short message at once; a launch that sends nothing is ignored."""
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(TIMEOUT_MS):
                message = bytes(socket.readAll().data())
                if message.startswith(MESSAGE.strip()):
                    self.activate.emit()
            socket.abort()
            socket.deleteLater()


def start_instance_server(
    data_dir: Path, parent: QObject, on_activate: Callable[[], None]
) -> InstanceServer | None:
    """Listen for later launches if possible; never stop the app starting if not.

    A temporary folder that cannot be written (or any other failure to listen) only
    means a second launch opens a second window, so it is logged and start-up goes on.
    """
    try:
        server = InstanceServer(data_dir, parent)
        listening = server.listen()
    except (OSError, RuntimeError) as error:
        log.info("a second launch will not be handed over: %s", error)
        return None
    if not listening:
        log.info("a second launch will not be handed over: %s", server.error_text())
        server.close()
        server.deleteLater()
        return None
    server.activate.connect(on_activate)
    return server
