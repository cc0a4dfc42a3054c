"""Write a file all at once: a temporary sibling first, then a rename into place.

A crash, a full disk or a second window never leaves a half-written plan behind, and a
plan already at that path stays intact until the new one is complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder; return the path."""
    from benzoapp.output_guard import check_output_path

    # Never the person's data, a backup, a folder or a device (every data folder opened
    # in this process is checked); raises an InputError with one plain line.
    target = check_output_path(path)
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return target
