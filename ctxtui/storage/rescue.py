"""Rescue copies: when the record cannot be written where it belongs and the app must end
(hang-up, SIGTERM, quit), the whole record goes to a private folder instead; the next open of
that conference, from the same data folder, restores it, saves it and removes the copy.

The folder is the user's state folder (platformdirs). Only when that cannot be used does a
copy go to a new folder made by ``mkdtemp`` in the temp folder (``ctxtui-rescue-UID-…``,
0700): never a predictable path another user could make first. A folder is used only if it
is a real folder, this user's and private. Copies are named by the data folder and the id, so
a copy from one data folder never lands in another folder's conference of the same id.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from ctxtui.core.record import Conference, ValidationError
from ctxtui.core.validation import conference_from_dict
from ctxtui.storage.config import APP_NAME
from ctxtui.storage.files import atomic_write, read_plain, sha256_hex


def _state_folder() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME)) / "rescue"


def _temp_prefix() -> str:
    return f"{APP_NAME}-rescue-{os.getuid()}-"


def _private(folder: Path, make: bool = False) -> bool:
    """True only if ``folder`` is a real folder (not a link), this user's and private;
    with ``make``, made (0700) first if missing."""
    try:
        if make:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def rescue_folders() -> list[Path]:
    """Where rescue copies may be: the state folder, then this user's private temp ones."""
    found = [_state_folder()]
    prefix = _temp_prefix()
    with contextlib.suppress(OSError), os.scandir(tempfile.gettempdir()) as entries:
        # not a glob: a shared temp folder can hold thousands of entries
        found += sorted(Path(entry.path) for entry in entries if entry.name.startswith(prefix))
    return [folder for folder in found if _private(folder)]


def copy_name(data_folder: Path, conference_id: str) -> str:
    """The rescue copy's file name: the data folder (as a short digest) and the id."""
    where = os.fsencode(str(Path(data_folder).expanduser().resolve()))
    return f"{sha256_hex(where)[:16]}-{conference_id}.json"


def write_rescue(
    conference: Conference, data_folder: Path, base: dict[str, Any] | None = None
) -> Path | None:
    """Keep the whole record in a private folder, with ``base``: the record as it was last
    read or saved (so that only what was changed since is put back over a record saved by
    someone else meanwhile); its path, or None if nowhere would take it. Shaped like a
    stored file (the record under ``conference``), so search and redaction read it alike."""
    rescue = {"base": base, "conference": {"1": conference.to_dict()}}
    data = json.dumps(rescue, ensure_ascii=False).encode("utf-8")
    name = copy_name(data_folder, conference.id)
    state = _state_folder()
    folders = [state] if _private(state, make=True) else []
    folders += [f for f in rescue_folders() if f != state]
    for folder in folders:
        with contextlib.suppress(OSError):
            atomic_write(folder / name, data)
            return folder / name
    try:  # nowhere yet: a new private folder no one else can have made
        folder = Path(tempfile.mkdtemp(prefix=_temp_prefix()))
        atomic_write(folder / name, data)
    except OSError:
        return None
    return folder / name


class Rescued(NamedTuple):
    path: Path
    conference: Conference
    base: dict[str, Any] | None  # the record as last read or saved; None: not known


def find_rescue(conference_id: str, data_folder: Path) -> Rescued | None:
    """A readable rescue copy of this conference of this data folder, if there is one."""
    name = copy_name(data_folder, conference_id)
    for folder in rescue_folders():
        path = folder / name
        try:
            data = json.loads(read_plain(path))
            base = None
            if isinstance(data, dict) and isinstance(data.get("conference"), dict):
                base = data.get("base") if isinstance(data.get("base"), dict) else None
                data = data["conference"].get("1")
            rescued = conference_from_dict(data)
        except FileNotFoundError:
            continue
        except (OSError, ValueError, ValidationError, RecursionError):
            continue  # left where it is for a person to look at
        if rescued.id == conference_id:
            return Rescued(path, rescued, base)
    return None


def clear_rescue(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
