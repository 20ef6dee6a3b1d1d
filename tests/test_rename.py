"""Renaming a context whose name must go: the new id, and every file, copy, lock, index entry
and chain link moved, so that nothing but the audit log's older lines still holds the old name;
refused while open elsewhere; a rename stopped half way loses nothing and runs again."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.ids import id_carries
from ctxtui.core.review import start_review
from ctxtui.core.rules import Refused
from ctxtui.meeting import rename as renaming
from ctxtui.meeting.meeting import Meeting
from ctxtui.meeting.rename import rename, rename_all
from ctxtui.storage.audit import id_digest, ids_of
from ctxtui.storage.conffile import StoreError, encode_document
from ctxtui.storage.copies import BACKUP, CONFLICT, RECORD, RESCUE, copies
from ctxtui.storage.rescue import write_rescue
from ctxtui.storage.store import Store

OLD = "Zoë Quillfeather's yard"  # invented; a context named after a person
SLUG = b"zoe-quillfeather"
NEW = "The underpass"
WHEN = dt.datetime(2026, 5, 1, 9, 30)


def _chain(store: Store, clock, tmp_path: Path) -> tuple[str, str]:
    """A first conference named OLD, final, with a backup, a conflict copy, a rescue copy
    and an export, and a review of it (carried forward, so named OLD too) with a backup."""
    first = demo_conference()
    first.context.name = OLD
    first = store.create(first)
    store.save(first)
    store.save(first)  # the backup holds the name and the id now
    conflict = store.path_for(first.id).with_name(f"{first.id}.conflict-20260121-101500.json")
    conflict.write_bytes(encode_document(first.to_dict()))
    second = store.create(start_review(first, dt.date(2026, 4, 20)))
    store.save(second)
    store.save(second)
    meeting = Meeting(store, first.id, clock)
    meeting.export(meeting.snapshot(), "md", tmp_path / f"{first.id}.md", replace=False)
    assert meeting.finalise()
    meeting.close()
    rescued = store.load(first.id)
    rescued.status = "draft"  # kept aside: a draft is never put back over final minutes
    rescued.points.strengths.append("A line the last run could not save")
    assert write_rescue(rescued, store.root) is not None
    store.list()
    return first.id, second.id


def _files(*folders: Path) -> dict[Path, bytes]:
    found = {}
    for folder in folders:
        for where, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(where) / name
                if not path.is_symlink():
                    found[path] = path.read_bytes()
    return found


def _unlogged(files: dict[Path, bytes]) -> dict[Path, bytes]:
    """Every file but the audit log and the lock files (a holder makes its own)."""
    return {p: d for p, d in files.items() if p.name != "audit.log" and "locks" not in p.parts}


def _holding(files: dict[Path, bytes], *needles: bytes) -> set[str]:
    return {
        path.name for path, data in files.items() if any(n in data.lower() for n in needles)
    } | {path.name for path in files if any(n.decode() in path.name for n in needles)}


def test_rename_of_a_chain_leaves_the_old_name_only_in_the_audit_log(store, cli, clock, tmp_path):
    first, second = _chain(store, clock, tmp_path)
    state = tmp_path / "state"
    assert SLUG in b"".join(_files(state).values())  # the rescue copy holds it before
    out = cli.ok("rename", first, "--context", NEW, "--reason", "it names a child", "--chain")
    new_first, new_second = "the-underpass-2026-01-20", "the-underpass-2026-04-20"
    assert f"{first} is now {new_first}." in out and f"{second} is now {new_second}." in out
    assert "recall" in out and f"{first}.md" in out  # the export made before is listed
    # grep: only the audit log holds the old slug or the old name, in the data and state folders
    files = _files(store.root, state)
    assert _holding(files, SLUG, b"quillfeather") == {"audit.log"}
    assert {m["copy"] for m in cli.json("search", "Quillfeather", "--json")} == {"audit log"}
    # every copy came along, under the new id
    kinds = {c.kind for c in copies(store.root, new_first)}
    assert kinds == {RECORD, BACKUP, CONFLICT, RESCUE}
    assert not list(copies(store.root, first)) and not list(copies(store.root, second))
    assert not (store.locks / f"{first}.lock").exists()
    renamed = store.load(new_first)
    assert renamed.context.name == NEW and renamed.status == "final"
    assert renamed.amendments[-1].reason == "Context renamed: it names a child"
    assert renamed.amendments[-1].finalised and renamed.amendments[-1].changes
    review = store.load(new_second)
    assert review.previous_id == new_first and review.context.name == NEW
    listed = cli.json("list", "--json")
    assert {c["id"] for c in listed} == {new_first, new_second}
    # the log: the rename line has a digest of the old id, and --id NEW shows the old lines
    lines = [e for e in store.audit.events() if e.action == "rename"]
    assert [e.detail for e in lines] == [f"from sha256:{id_digest(first)}"] + [
        f"from sha256:{id_digest(second)}"
    ]
    assert all(first not in e.detail and second not in e.detail for e in lines)
    history = cli.json("audit", "--id", new_first, "--json")
    assert {e["id"] for e in history} == {first, new_first}
    assert [e["action"] for e in history][:1] == ["create"]
    # the rescue copy moved with it: opening the new id finds it (kept: the minutes are final)
    meeting = Meeting(store, new_first, clock)
    assert meeting.restored_notice is None and meeting.conference.status == "final"
    meeting.close()


def test_a_rename_relinks_the_review_and_rewrites_its_backup(store, clock, tmp_path):
    first, second = _chain(store, clock, tmp_path)
    done = rename(store, first, NEW, "a person's name", now=WHEN)
    assert done.relinked == [second] and done.copies == 3 and not done.left
    assert store.load(second).previous_id == done.new_id
    backup = store.path_for(second).with_name(f"{second}.json.bak").read_bytes()
    assert first.encode() not in backup and done.new_id.encode() in backup
    assert not store.exists(first)
    assert first not in {s.id for s in store.list().summaries}
    assert first not in (store.root / "index.json").read_text()


def test_refused_while_open_elsewhere_and_nothing_moves(store, clock, tmp_path):
    first, second = _chain(store, clock, tmp_path)
    before = _files(store.root, tmp_path / "state")
    for held in (first, second):  # the conference itself, or the review that points at it
        holder = Meeting(store, held, clock)
        try:
            with pytest.raises(Refused, match="open for editing elsewhere"):
                rename(store, first, NEW, "a name", now=WHEN)
            with pytest.raises(Refused, match="open for editing elsewhere"):
                list(rename_all(store, [first, second], NEW, "a name", now=WHEN))
        finally:
            holder.close()
        after = _files(store.root, tmp_path / "state")
        assert _unlogged(after) == _unlogged(before)


def test_a_name_whose_id_is_taken_gets_the_next_free_one(store, clock):
    taken = demo_conference()
    taken.context.name = NEW
    taken = store.create(taken)
    assert taken.id == "the-underpass-2026-01-20"
    mine = demo_conference()
    mine.context.name = OLD
    mine = store.create(mine)
    done = rename(store, mine.id, NEW, "a name", now=WHEN)
    assert done.new_id == "the-underpass-2026-01-20-2"
    assert store.load(taken.id).to_dict() == taken.to_dict()  # the other one is untouched
    assert store.load(done.new_id).points == mine.points


def test_a_rename_stopped_half_way_loses_nothing_and_runs_again(
    store, clock, tmp_path, monkeypatch
):
    first, second = _chain(store, clock, tmp_path)
    record = store.load(first).to_dict()

    def fails(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(StoreError, match="run the same rename"):
        patch.setattr(renaming, "carry_copies", fails)  # the disk fills after the first step
        rename(store, first, NEW, "a name", now=WHEN)
    new_id = "the-underpass-2026-01-20"
    assert store.load(first).to_dict() == record  # the old record is whole
    half = store.load(new_id)  # and so is the new one
    assert half.context.name == NEW and half.points == store.load(first).points
    meeting = Meeting(store, new_id, clock)  # opening either works
    meeting.close()
    meeting = Meeting(store, first, clock)
    meeting.close()
    done = rename(store, first, NEW, "a name", now=WHEN + dt.timedelta(minutes=5))
    assert done.new_id == new_id  # not -2: its own half-written record was found
    assert store.load(new_id).to_dict() == half.to_dict()
    assert not store.exists(first) and not store.exists(f"{new_id}-2")
    assert {c.kind for c in copies(store.root, new_id)} == {RECORD, BACKUP, CONFLICT, RESCUE}
    assert store.load(second).previous_id == new_id


def _fails(*_args: object, **_kwargs: object) -> None:
    raise OSError()


def test_a_changed_half_renamed_record_is_never_written_over(store, clock, tmp_path, monkeypatch):
    first, _second = _chain(store, clock, tmp_path)
    with monkeypatch.context() as patch, pytest.raises(StoreError, match="could not be written"):
        patch.setattr(renaming, "carry_copies", _fails)
        rename(store, first, NEW, "a name", now=WHEN)
    edited = store.load("the-underpass-2026-01-20")
    edited.safety_goals.append("Typed into the new one meanwhile")
    store.save(edited)
    done = rename(store, first, NEW, "a name", now=WHEN)
    assert done.new_id == "the-underpass-2026-01-20-2"  # a free id: both are kept
    assert store.load(edited.id).safety_goals[-1] == "Typed into the new one meanwhile"


def test_a_name_that_makes_the_same_id_changes_in_place(store, clock):
    conference = demo_conference()
    conference.context.name = "the yard"
    conference = store.create(conference)
    store.save(conference)
    done = rename(store, conference.id, "The Yard", "capitals", now=WHEN)
    assert done.new_id == done.old_id == conference.id
    assert store.load(conference.id).context.name == "The Yard"
    backup = store.path_for(conference.id).with_name(f"{conference.id}.json.bak").read_text()
    assert '"the yard"' not in backup


def test_a_draft_rename_is_one_undoable_change(store, clock):
    conference = demo_conference()
    conference.context.name = OLD
    conference = store.create(conference)
    meeting = Meeting(store, conference.id, clock)
    meeting.editor.rename_context(NEW, "the-underpass-2026-01-20", f"{OLD} is a person")
    assert meeting.conference.context.name == NEW and not meeting.conference.amendments
    meeting.editor.undo()
    assert meeting.conference.context.name == OLD and meeting.conference.id == conference.id
    with pytest.raises(Refused):
        meeting.editor.rename_context("  ", "x", "why")
    meeting.close()


def test_the_audit_history_follows_every_rename():
    from ctxtui.storage.audit import Event

    def event(action: str, cid: str, detail: str = "") -> Event:
        return Event("2026-01-01T00:00:00", "u", "h", action, cid, detail, "")

    events = [
        event("create", "a"),
        event("rename", "b", f"from sha256:{id_digest('a')}"),
        event("create", "x"),
        event("rename", "c", f"from sha256:{id_digest('b')}"),
    ]
    assert ids_of(events, "c") == {"a", "b", "c"}
    assert ids_of(events, "b") == {"a", "b"}
    assert ids_of(events, "x") == {"x"}


def test_id_carries_whole_words_only():
    assert id_carries("zoe-quillfeather-s-yard-2026-01-20", "Zoë Quillfeather")
    assert not id_carries("zoey-park-2026-01-20", "Zoe")
    assert not id_carries("the-yard-2026-01-20", "   ")


def test_redact_says_to_rename_while_the_id_holds_the_name(store, cli, clock, tmp_path):
    first, _second = _chain(store, clock, tmp_path)
    told = cli("redact", first, "Quillfeather", "--reason", "a name")
    assert told.returncode == 1
    assert "ctxtui rename" in told.stderr and len(told.stderr.strip().splitlines()) == 1
    cli.ok("rename", first, "--context", NEW, "--reason", "a name", "--chain")
    after = cli("redact", "the-underpass-2026-01-20", "Quillfeather", "--reason", "a name")
    assert after.returncode == 0, after.stderr


def test_rename_command_errors_are_one_sentence(store, cli, clock):
    conference = store.create(demo_conference())
    missing = cli("rename", "no-such-conference", "--context", NEW, "--reason", "x")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    blank = cli("rename", conference.id, "--context", "  ", "--reason", "x")
    assert blank.returncode == 2 and blank.stderr.count("\n") == 1
    no_reason = cli("rename", conference.id, "--context", NEW, "--reason", " ")
    assert no_reason.returncode == 2 and "Say why" in no_reason.stderr
    assert store.exists(conference.id)
