"""Writing files so that a crash at any moment leaves the old file or the new one, never half.

Used by the store (conferences, index) and by the exports. Temp file in the same folder, flush and
fsync, ``os.replace``, then fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def describe(error: BaseException) -> str:
    """A few plain words for what went wrong with a file."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return "the disk is full"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_temp(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new 0600 temp file in ``folder``, flushed and fsynced."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash at any moment leaves the old or the new file.

    With ``keep_backup`` the old version stays as ``<name>.bak`` (hard-linked, no copy).
    """
    tmp = write_temp(path.parent, path.name, data)
    link = path.with_name(f".{path.name}.bak.tmp")
    try:
        if keep_backup and path.exists():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(link)
            os.link(path, link)
            os.replace(link, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, link):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    fsync_dir(path.parent)


def atomic_create(path: Path, data: bytes) -> bool:
    """Write a new file whole; False (and nothing written) if ``path`` already exists."""
    tmp = write_temp(path.parent, path.name, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    fsync_dir(path.parent)
    return True
