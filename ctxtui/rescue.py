"""Rescue copies: when the record cannot be written where it belongs and the app must end
(hang-up, SIGTERM, quit), the whole record goes to a private folder instead; the next open of
that conference restores it and says so.

The folder is the user's state folder (platformdirs), else a 0700 folder of this user's in the
temp folder. Files are 0600, written atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path

import platformdirs

from .config import APP_NAME
from .files import atomic_write
from .model import Conference, ValidationError, conference_from_dict


def rescue_folders() -> list[Path]:
    """Where rescue copies may be, in the order they are tried."""
    return [
        Path(platformdirs.user_state_dir(APP_NAME)) / "rescue",
        Path(tempfile.gettempdir()) / f"{APP_NAME}-rescue-{os.getuid()}",
    ]


def _private(folder: Path) -> bool:
    """Make ``folder`` (0700) if needed; True only if it is ours, a real folder, private."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def write_rescue(conference: Conference) -> Path | None:
    """Keep the whole record in the first rescue folder that takes it; its path, or None."""
    data = json.dumps(conference.to_dict(), ensure_ascii=False).encode("utf-8")
    for folder in rescue_folders():
        if not _private(folder):
            continue
        path = folder / f"{conference.id}.json"
        try:
            atomic_write(path, data)
        except OSError:
            continue
        return path
    return None


def find_rescue(conference_id: str) -> tuple[Path, Conference] | None:
    """A readable rescue copy of this conference, if there is one."""
    for folder in rescue_folders():
        path = folder / f"{conference_id}.json"
        if not path.is_file() or not _private(folder):
            continue
        try:
            rescued = conference_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError, RecursionError):
            continue  # left where it is for a person to look at
        if rescued.id == conference_id:
            return path, rescued
    return None


def clear_rescue(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
