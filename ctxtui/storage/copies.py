"""Every copy ctxtui keeps of a conference, beside the record itself: the backup of the last
save, copies set aside when a save found a stranger file, rescue copies written when the app
had to stop, the index of summaries and the audit log. Finding every mention of a name,
redacting it and deleting a conference for good all start from this one list.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from stat import S_ISREG
from typing import NamedTuple

from ctxtui.core.record import ID_PATTERN
from ctxtui.storage.rescue import copy_name, rescue_folders

# ``ID.conflict-YYYYMMDD-HHMMSS``: a stranger file kept aside by a save (see Store.save)
CONFLICT_COPY = re.compile(rf"(?P<id>{ID_PATTERN.pattern})\.conflict-\d{{8}}-\d{{6}}(-\d+)?")

# what each kind of copy is called when a person is told where a mention is
RECORD, BACKUP, CONFLICT, RESCUE, INDEX, AUDIT = (
    "record",
    "backup",
    "conflict copy",
    "rescue copy",
    "index",
    "audit log",
)


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
        if name.endswith(".json.bak"):
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
        for kind, path in ((INDEX, root / "index.json"), (AUDIT, root / "audit.log")):
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
            if not (name.startswith(prefix) and name.endswith(".json")):
                continue
            cid = name[len(prefix) : -len(".json")]
            if ID_PATTERN.fullmatch(cid) and conference_id in (None, cid) and _plain(folder / name):
                yield Copy(RESCUE, cid, folder / name)
