"""Every copy ctxtui keeps of a conference, beside the record itself: the backup of the last
save, copies set aside when a save found a stranger file, rescue copies written when the app
had to stop, temp files a crash left half way through a save, the index of summaries and the
audit log. Finding every mention of a name, redacting it and deleting a conference for good
all start from this one list.

A temp file a crash left is a whole copy of the record nobody sees: it is listed here (so
search, redaction and retention treat it as a copy) until it is removed, which happens when
its conference is next opened, listed or searched and nobody holds its lock.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from stat import S_ISREG
from typing import NamedTuple

from ctxtui.core.record import ID_PATTERN
from ctxtui.storage.files import owned_as_expected
from ctxtui.storage.rescue import copy_name, rescue_folders

# ``ID.conflict-YYYYMMDD-HHMMSS``: a stranger file kept aside by a save (see Store.save)
CONFLICT_COPY = re.compile(rf"(?P<id>{ID_PATTERN.pattern})\.conflict-\d{{8}}-\d{{6}}(-\d+)?")

# ``.NAME.XXXXXXXX.tmp`` (files.write_temp) and ``.NAME.bak.tmp`` (the backup's link), where
# NAME is a record, its backup or a conflict copy: what a crash during a save leaves behind
LEFTOVER = re.compile(
    rf"\.(?P<id>{ID_PATTERN.pattern})\.(?:json|json\.bak|conflict-[0-9-]+\.json)"
    r"\.(?:[a-z0-9_]{8}|bak)\.tmp"
)

# what each kind of copy is called when a person is told where a mention is
RECORD, BACKUP, CONFLICT, RESCUE, INDEX, AUDIT, LEFT_BY_CRASH, WORDS = (
    "record",
    "backup",
    "conflict copy",
    "rescue copy",
    "index",
    "audit log",
    "temp file left by a crash",
    "service words",
)
PLAN_INDEX = "index of plan rows"  # actions.json: the rows still to do (plan_index.py)


class Copy(NamedTuple):
    kind: str
    conference_id: str  # "" for the index and the audit log, which cover every conference
    path: Path


def _plain(path: Path) -> bool:
    """A plain file (a link is never followed, whatever it points at)."""
    try:
        return S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def copies(root: Path, conference_id: str | None = None) -> Iterator[Copy]:
    """Every copy under the data folder ``root`` (of one conference, or of all), and the
    shared files (the index and the audit log) when all are asked for."""
    folder = root / "conferences"
    try:
        # a link or a folder is never one of ours: is_file without following costs no call
        names = sorted(e.name for e in os.scandir(folder) if e.is_file(follow_symlinks=False))
    except OSError:
        names = []
    for name in names:
        path = folder / name
        if leftover := LEFTOVER.fullmatch(name):
            kind, cid = LEFT_BY_CRASH, leftover["id"]
        elif name.endswith(".json.bak"):
            kind, cid = BACKUP, name[: -len(".json.bak")]
        elif name.endswith(".json") and (match := CONFLICT_COPY.fullmatch(name[: -len(".json")])):
            kind, cid = CONFLICT, match["id"]
        elif name.endswith(".json"):
            kind, cid = RECORD, name[: -len(".json")]
        else:
            continue
        if ID_PATTERN.fullmatch(cid) and conference_id in (None, cid):
            yield Copy(kind, cid, path)
    yield from _rescue_copies(root, conference_id)
    if conference_id is None:
        shared = (
            (INDEX, root / "index.json"),
            (PLAN_INDEX, root / "actions.json"),
            (AUDIT, root / "audit.log"),
        )
        for kind, path in (*shared, (WORDS, root / "service-words.tsv")):
            if _plain(path):
                yield Copy(kind, "", path)


def _rescue_copies(root: Path, conference_id: str | None) -> Iterator[Copy]:
    """Rescue copies of this data folder's conferences (named by the folder's digest)."""
    prefix = copy_name(root, "x")[: -len("x.json")]
    for folder in rescue_folders():
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            kind = RESCUE
            if name.startswith(f".{prefix}") and (end := name.find(".json.")) > 0:
                kind, name_of_copy = LEFT_BY_CRASH, name[1 : end + len(".json")]
            else:
                name_of_copy = name
            if not (name_of_copy.startswith(prefix) and name_of_copy.endswith(".json")):
                continue
            cid = name_of_copy[len(prefix) : -len(".json")]
            if ID_PATTERN.fullmatch(cid) and conference_id in (None, cid) and _plain(folder / name):
                yield Copy(kind, cid, folder / name)


def remove_leftover(path: Path) -> bool:
    """Remove a temp file a crash left (the caller holds its conference's lock, so no save is
    writing it now), if it is a plain file of this user or of the folder's team."""
    try:
        info = os.lstat(path)
        if not S_ISREG(info.st_mode) or not owned_as_expected(info, path.parent):
            return False
        path.unlink()
    except OSError:
        return False
    return True


def remove_leftovers(root: Path, conference_id: str | None = None) -> None:
    """Remove the temp files crashes left of one conference (whose lock the caller holds) or,
    with no id, of every conference whose lock is free now."""
    from ctxtui.storage.locks import Lock

    for copy in copies(root, conference_id):
        if copy.kind != LEFT_BY_CRASH:
            continue
        if conference_id is not None:
            remove_leftover(copy.path)
            continue
        lock = Lock.take(root / "locks" / f"{copy.conference_id}.lock")
        try:
            if lock.fd is not None:
                remove_leftover(copy.path)
        finally:
            lock.release()
