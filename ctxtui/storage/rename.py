"""Moving the copies of a conference to a new id, and changing what they hold.

The record itself changes through the meeting's editor (meeting/rename.py writes it under its
new id); this module carries every copy beside it (its backup, conflict and rescue copies, as
``copies()`` lists them) to the new id's names, each rewritten by one function, and takes the
old file away only once the new one is on disk. A crash between the two leaves both, never
neither; running the rename again finishes it. A copy that cannot be read as a record is left
where it is and named.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from ctxtui.storage.conffile import encode
from ctxtui.storage.copies import (
    BACKUP,
    CONFLICT,
    LEFT_BY_CRASH,
    RECORD,
    RESCUE,
    Copy,
    copies,
    remove_leftover,
)
from ctxtui.storage.files import atomic_create, atomic_write, fsync_dir, read_plain
from ctxtui.storage.rescue import copy_name
from ctxtui.storage.search import record_in

Change = Callable[[dict[str, Any]], None]


class Carried(NamedTuple):
    moved: int  # copies rewritten (and moved, for a new id)
    left: list[Path]  # copies that could not be read as a record: left as they were


def _rewritten(copy: Copy, change: Change) -> bytes | None:
    """The bytes of ``copy`` with ``change`` made to the record in it (None if it is not
    a record that can be read)."""
    try:
        data = orjson.loads(read_plain(copy.path))
    except (OSError, orjson.JSONDecodeError):
        return None
    record = record_in(data)
    if not isinstance(record, dict):
        return None
    change(record)
    return encode(data)


def target(root: Path, copy: Copy, new_id: str) -> Path:
    """Where ``copy`` of the conference goes under ``new_id``."""
    if copy.kind == BACKUP:
        return copy.path.with_name(f"{new_id}.json.bak")
    if copy.kind == CONFLICT:  # ID.conflict-TIME.json: the time stays
        return copy.path.with_name(new_id + copy.path.name[len(copy.conference_id) :])
    if copy.kind == RESCUE:
        return copy.path.with_name(copy_name(root, new_id))
    raise ValueError(f"a {copy.kind} is not carried to a new id")


def _put(path: Path, data: bytes, *, claim: bool) -> None:
    """Write ``data`` at ``path``. With ``claim`` (a conflict copy: never over another one),
    a file already there with other bytes keeps its place and this one takes ``-2``, ``-3``…"""
    if not claim:
        atomic_write(path, data)
        return
    stem = path.name[: -len(".json")]
    for n in range(1, 1000):
        here = path if n == 1 else path.with_name(f"{stem}-{n}.json")
        if atomic_create(here, data):
            return
        with contextlib.suppress(OSError):
            if read_plain(here) == data:  # a run that stopped half way had put it here
                return
    raise FileExistsError(f"too many copies set aside beside {path.name}")


def carry_copies(root: Path, conference_id: str, change: Change, new_id: str = "") -> Carried:
    """Rewrite every copy of ``conference_id`` beside its record with ``change``; with
    ``new_id``, under the new id's names, each old file removed once its new one is written."""
    moved, left = 0, []
    for copy in copies(root, conference_id):
        if copy.kind == RECORD:
            continue
        if copy.kind == LEFT_BY_CRASH:  # the caller holds the lock: no save is writing it
            remove_leftover(copy.path)
            continue
        data = _rewritten(copy, change)
        if data is None:
            left.append(copy.path)
            continue
        if not new_id or new_id == conference_id:
            atomic_write(copy.path, data)
        else:
            _put(target(root, copy, new_id), data, claim=copy.kind == CONFLICT)
            remove(copy.path)
        moved += 1
    return Carried(moved, left)


def remove(path: Path) -> None:
    """Take a file away for good (it is gone already: nothing to do)."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return
    fsync_dir(path.parent)


def renamed(new_id: str, name: str) -> Change:
    """The change that makes a copy of a renamed conference its copy under the new id."""

    def change(record: dict[str, Any]) -> None:
        record["id"] = new_id
        context = record.get("context")
        if isinstance(context, dict):
            context["name"] = name

    return change


def relinked(old_id: str, new_id: str) -> Change:
    """The change that points a review's copy at the new id of the conference it reviews."""

    def change(record: dict[str, Any]) -> None:
        if record.get("previous_id") == old_id:
            record["previous_id"] = new_id

    return change
