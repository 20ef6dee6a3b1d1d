"""Writing files so that a crash at any moment leaves the old file or the new one, never half.

Used by the store (conferences, index) and by the exports. Temp file in the same folder, flush and
fsync, ``os.replace``, then fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

# The interpreter's own SHA-256 where it has one: importing hashlib loads OpenSSL and tries every
# algorithm it knows, a tenth of our share of opening a conference (the rescue check and the
# audit chain need a digest before the first frame). The digest is the same either way.
try:
    if sys.version_info >= (3, 12):
        from _sha2 import sha256 as _sha256
    else:
        from _sha256 import sha256 as _sha256
except ImportError:  # an interpreter built without them
    from hashlib import sha256 as _sha256

# What os.link raises where the filesystem has no hard links (FAT, some SMB shares).
NO_LINKS = {errno.EPERM, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


class FolderCannot(OSError):
    """The folder cannot do what saving needs, even without hard links; says what in words."""


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return str(_sha256(data).hexdigest())


def describe(error: BaseException) -> str:
    """A few plain words for what went wrong with a file."""
    if isinstance(error, FolderCannot):
        return str(error)
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return "the disk is full"
    if isinstance(error, OSError) and error.errno == errno.EDQUOT:
        return "your disk quota is used up"
    if isinstance(error, OSError) and error.errno == errno.EROFS:
        return "the folder is on a read-only disk"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


# A folder that belongs to a Unix group and has the set-group-ID bit is a team folder: what is
# made in it is shared with that group (files 0660, folders 2770). Elsewhere everything stays
# private (0600, 0700). Others never get any access.
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
TEAM_FILE, TEAM_FOLDER = 0o660, 0o2770


def is_team_folder(folder: Path) -> bool:
    try:
        return bool(os.stat(folder).st_mode & stat.S_ISGID)
    except OSError:
        return False


def file_mode(folder: Path) -> int:
    """The mode of a new file in ``folder``."""
    return TEAM_FILE if is_team_folder(folder) else PRIVATE_FILE


def make_folder(path: Path) -> None:
    """Make ``path`` (and its parents) if missing, shared like its parent or private.

    The mode is set after ``mkdir`` so that the umask cannot take the group's access away."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
            os.chmod(folder, TEAM_FOLDER if is_team_folder(folder.parent) else PRIVATE_FOLDER)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_temp(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new temp file in ``folder`` (0600, or 0660 in a team folder),
    flushed and fsynced."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        os.fchmod(fd, file_mode(folder))
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

    With ``keep_backup`` the old version stays as ``<name>.bak``: hard-linked (no copy), or
    copied where the filesystem has no hard links.
    """
    tmp = write_temp(path.parent, path.name, data)
    link = path.with_name(f".{path.name}.bak.tmp")
    try:
        if keep_backup and path.exists():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(link)
            _link_or_copy(path, link)
            os.replace(link, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, link):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    fsync_dir(path.parent)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as error:
        if error.errno not in NO_LINKS:
            raise
        shutil.copyfile(source, target)
        os.chmod(target, stat.S_IMODE(os.stat(source).st_mode))


def atomic_create(path: Path, data: bytes) -> bool:
    """Write a new file whole; False (and nothing written) if ``path`` already exists.

    A hard link claims the name and fills it in one step. Without hard links, an empty file made
    with ``O_EXCL`` claims the name and the full file then replaces it.
    """
    tmp = write_temp(path.parent, path.name, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in NO_LINKS:
            raise
        return _create_without_links(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    fsync_dir(path.parent)
    return True


def _create_without_links(tmp: Path, path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        return False
    except OSError as error:
        raise FolderCannot(
            error.errno or errno.EIO,
            f"the folder {path.parent} cannot hold new files, with or without hard links "
            f"({error.strerror or error})",
        ) from None
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return True


MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any conference (5,000 points of 100,000 characters)


class TooLarge(OSError):
    """A record that would be larger than ctxtui reads back: never written."""

    def __init__(self, size: int) -> None:
        mb = -(-size // (1024 * 1024))
        super().__init__(
            errno.EFBIG,
            f"it would be {mb} MB, more than the {MAX_FILE_BYTES // (1024 * 1024)} MB a record "
            "may be and still be read back",
        )


def fits(data: bytes) -> bytes:
    """``data`` if a file of it could be read back; TooLarge if not."""
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(len(data))
    return data


class NotPlainFile(OSError):
    """A file ctxtui will not read: a link, a FIFO, a device, a folder, someone else's, or too
    big. The message says which, in words."""


def open_plain(path: Path, flags: int = os.O_RDONLY, mode: int = PRIVATE_FILE) -> int:
    """Open ``path`` without following a link and without waiting on a FIFO, and only if it is
    a plain file owned as it should be (by you, or in a team folder by the folder's group);
    the open descriptor. Raises NotPlainFile (or the usual OSError) otherwise."""
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, mode)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotPlainFile(errno.ELOOP, "it is a link, and ctxtui never follows one") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotPlainFile(errno.EINVAL, "it is not a plain file")
        if not owned_as_expected(info, path.parent):
            raise NotPlainFile(errno.EPERM, "it belongs to someone outside this folder's team")
    except BaseException:
        os.close(fd)
        raise
    return fd


def owned_as_expected(info: os.stat_result, folder: Path) -> bool:
    if info.st_uid in (os.geteuid(), 0):
        return True
    try:
        folder_info = os.stat(folder)
    except OSError:
        return False
    return bool(folder_info.st_mode & stat.S_ISGID) and info.st_gid == folder_info.st_gid


def read_plain(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a plain file (see ``open_plain``) no bigger than ``limit``."""
    fd = open_plain(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise NotPlainFile(errno.EFBIG, f"it is larger than {limit // (1024 * 1024)} MB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # read(n) sets aside n bytes first: ask for what is there (and one more, to see a
            # file that grew past the limit since), not for the limit (64 MB each time)
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(limit + 1 - len(data))
        if len(data) > limit:
            raise NotPlainFile(errno.EFBIG, f"it is larger than {limit // (1024 * 1024)} MB")
        return data
    finally:
        os.close(fd)


def is_regular_or_absent(path: Path) -> bool:
    """True if ``path`` does not exist or is a plain file (not a FIFO, device or folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode) or os.path.islink(path)
    except FileNotFoundError:
        return True
