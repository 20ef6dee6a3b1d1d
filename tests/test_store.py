from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ctxtui.core.record import Conference, Context, Dates
from ctxtui.storage import files as files_module
from ctxtui.storage import listing
from ctxtui.storage import store as store_module
from ctxtui.storage.conffile import StoreError, UnreadableFile
from ctxtui.storage.store import LockedError, Store
from ctxtui.storage.tinydb_file import AtomicJSONStorage


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_create_load_and_save(store: Store, demo: Conference):
    assert demo.id == "kestrel-fields-estate-and-millbrook-2026-01-20"
    with store.open(demo.id) as session:
        session.conference.points.concerns.append("New point")
        session.save()
        anchor = session.conference.audit_anchor  # the hash of this save's audit line
    assert store.load(demo.id).points.concerns[-1] == "New point"
    assert anchor != demo.audit_anchor
    assert store.load(demo.id).to_dict() == {
        **demo.to_dict(),
        "points": {**demo.to_dict()["points"], "concerns": demo.points.concerns + ["New point"]},
        "audit_anchor": anchor,
    }


def test_file_is_a_tinydb_file_with_a_storage_version(store: Store, demo: Conference):
    from tinydb import TinyDB

    with TinyDB(store.path_for(demo.id), storage=AtomicJSONStorage) as db:
        assert db.table("meta").get(doc_id=1) == {"storage_version": store_module.STORAGE_VERSION}
        assert db.table("conference").get(doc_id=1)["id"] == demo.id


def test_previous_version_is_kept_as_backup(store: Store, demo: Conference):
    path = store.path_for(demo.id)
    first = path.read_bytes()
    with store.open(demo.id) as session:
        session.conference.danger_statement = "changed"
        session.save()
    backup = path.with_name(path.name + ".bak")
    assert backup.read_bytes() == first
    assert b"changed" in path.read_bytes()
    assert mode(backup) == 0o600


def test_permissions(store: Store, demo: Conference):
    for folder in (store.root, store.folder, store.locks):
        assert mode(folder) == 0o700
    with store.open(demo.id) as session:
        session.save()
    store.list()
    for file in [*store.folder.iterdir(), store.index_path, *store.locks.iterdir()]:
        assert mode(file) == 0o600, file


def test_second_writer_is_refused_and_gets_a_read_only_view(store: Store, demo: Conference):
    first = store.open(demo.id)
    second = store.open(demo.id)
    assert not first.read_only
    assert second.read_only
    assert str(os.getpid()) in second.read_only_reason
    with pytest.raises(LockedError, match="read-only"):
        second.save()
    with pytest.raises(LockedError, match="open for editing elsewhere"):
        store.delete(demo.id)
    first.close()
    third = store.open(demo.id)
    assert not third.read_only
    third.close()


def test_a_corrupted_file_is_reported_untouched_and_the_rest_still_work(store: Store):
    good = [
        store.create(
            Conference(
                context=Context(name=f"Place {n}"), dates=Dates(conference="2026-02-0" + str(n))
            )
        )
        for n in range(1, 4)
    ]
    broken = store.path_for(good[1].id)
    broken.write_bytes(b'{"meta": {"1": {"storage_version": 1}}, "conference": {"1": {"id": ')
    before = broken.read_bytes()
    listing = store.list()
    assert [s.id for s in listing.summaries] == [good[2].id, good[0].id]
    assert [p.path for p in listing.problems] == [broken]
    assert "broken JSON" in listing.problems[0].message()
    with pytest.raises(UnreadableFile, match=str(broken)):
        store.load(good[1].id)
    with store.open(good[0].id) as session:
        session.conference.safety_goals.append("still works")
        session.save()
    assert store.load(good[0].id).safety_goals == ["still works"]
    store.list()
    assert broken.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not utf-8",
        b"[]",
        b'{"meta": {}, "conference": {}}',
        b'{"meta": {"1": {"storage_version": 99}}, "conference": {"1": {}}}',
        b'{"meta": {"1": {"storage_version": 1}}, "conference": {"1": {"schema": "x"}}}',
    ],
)
def test_unreadable_contents_are_named(store: Store, content: bytes):
    path = store.folder / "odd.json"
    path.write_bytes(content)
    listing = store.list()
    assert listing.summaries == []
    assert [p.path for p in listing.problems] == [path]
    assert path.read_bytes() == content


def _fail_at(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make one step of a save raise as a crash or a full disk would."""

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if name == "write":
        real = os.fdopen

        def fdopen(*args, **kwargs):
            handle = real(*args, **kwargs)

            class Broken:
                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    handle.close()

                def write(self, data):
                    handle.write(data[: len(data) // 2])  # half the bytes, then the disk fills
                    handle.flush()
                    raise OSError(28, "No space left on device")

                def __getattr__(self, attr):
                    return getattr(handle, attr)

            return Broken()

        monkeypatch.setattr(store_module.os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(store_module.os, name, boom)


@pytest.mark.parametrize("step", ["write", "fsync", "link", "replace"])
def test_a_failed_save_leaves_the_old_file_whole(
    store: Store, demo: Conference, step: str, monkeypatch: pytest.MonkeyPatch
):
    path = store.path_for(demo.id)
    before = path.read_bytes()
    session = store.open(demo.id)
    session.conference.points.concerns.append("typed during the outage")
    with monkeypatch.context() as patch:
        _fail_at(patch, step)
        with pytest.raises(StoreError, match="disk is full"):
            session.save()
    assert path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")] == []
    # saving resumes once the disk has room again, with nothing lost
    session.save()
    assert store.load(demo.id).points.concerns[-1] == "typed during the outage"
    session.close()


def test_a_crash_after_the_replace_leaves_the_new_file(
    store: Store, demo: Conference, monkeypatch: pytest.MonkeyPatch
):
    session = store.open(demo.id)
    session.conference.points.strengths.append("saved just before the crash")
    with monkeypatch.context() as patch:
        patch.setattr(
            files_module, "fsync_dir", lambda folder: (_ for _ in ()).throw(OSError(5, "I/O"))
        )
        with pytest.raises(StoreError):
            session.save()
    assert store.load(demo.id).points.strengths[-1] == "saved just before the crash"
    session.close()


def test_create_never_overwrites_and_import_keeps_a_free_id(store: Store, demo: Conference):
    data = demo.to_dict()
    stored, note = store.import_dict(data)
    assert stored.id == demo.id + "-2"
    assert note and demo.id in note
    assert store.load(demo.id).to_dict() == demo.to_dict()
    data["id"] = "my-own-id"
    stored, note = store.import_dict(data)
    assert (stored.id, note) == ("my-own-id", None)


def test_the_index_follows_changes_made_behind_its_back(store: Store, demo: Conference):
    assert [s.context for s in store.list().summaries] == [demo.context.name]
    with store.open(demo.id) as session:
        session.conference.context.name = "Renamed place"
        session.save()
    assert [s.context for s in store.list().summaries] == ["Renamed place"]
    store.index_path.write_text("not json", encoding="utf-8")
    assert [s.context for s in store.list().summaries] == ["Renamed place"]
    store.delete(demo.id)
    assert store.list().summaries == []
    assert json.loads(store.index_path.read_text())["entries"] == {}


def settle(store: Store) -> None:
    """Date the folder's last change two minutes back, as if nobody had saved since: the next
    listing writes an index it may trust, and the one after trusts it."""
    old = time.time_ns() - 120 * 10**9
    os.utime(store.folder, ns=(old, old))


def three_places(store: Store) -> None:
    from ctxtui.core.record import Attendee

    for name, held, agencies in (
        ("Alder Park", "2026-03-01", ["Police", "Health – school nurse"]),
        ("Birch Lane", "2026-05-01", []),
        ("Cedar Walk", "2026-04-01", ["Housing", "Police"]),
    ):
        attendees = [Attendee(name=f"Someone from {a}", agency=a) for a in agencies]
        store.create(
            Conference(
                context=Context(name=name), dates=Dates(conference=held), attendees=attendees
            )
        )


def test_a_settled_folder_is_listed_from_the_index_alone(store: Store, monkeypatch):
    """The same summaries, newest first, without opening a file."""
    three_places(store)
    settle(store)
    from_files = store.list()
    assert [s.context for s in from_files.summaries] == ["Birch Lane", "Cedar Walk", "Alder Park"]
    assert from_files.summaries[1].agencies == ("Housing", "Police")

    def never(*_args):
        raise AssertionError("a file was read")

    monkeypatch.setattr(listing, "_summary_of_file", never)
    assert store.list() == from_files
    assert store.known_agencies() == ["Health – school nurse", "Housing", "Police"]


def test_a_planted_index_is_shown_safely_or_read_again(store: Store):
    three_places(store)
    settle(store)
    store.list()
    index = json.loads(store.index_path.read_text())
    index["agencies"][0] = "Health\x1b]0;owned\x07"  # an escape sequence planted in a name
    cedar = next(i for i, e in index["entries"].items() if "Cedar Walk" in e)
    index["entries"][cedar] = index["entries"][cedar].rsplit("\n", 1)[0] + "\n99"  # no such
    store.index_path.write_text(json.dumps(index))
    shown = {s.context: s.agencies for s in store.list().summaries}
    assert shown["Alder Park"] == ("Health\\x1b]0;owned\\x07", "Police")  # seen, not run
    assert shown["Cedar Walk"] == ("Housing", "Police")  # read again from its file


def test_ids_cannot_escape_the_folder(store: Store):
    for bad in ("../x", "a/b", "", "UPPER", "x" * 81):
        with pytest.raises(StoreError):
            store.path_for(bad)


def test_a_save_is_one_write_of_the_whole_record(store: Store, demo: Conference, monkeypatch):
    calls = []
    storage = AtomicJSONStorage
    monkeypatch.setattr(
        storage, "read", lambda self, real=storage.read: calls.append("r") or real(self)
    )
    monkeypatch.setattr(
        storage, "write", lambda self, d, real=storage.write: calls.append("w") or real(self, d)
    )
    with store.open(demo.id) as session:
        calls.clear()
        session.save()
    assert calls == ["w"]  # the whole record the app holds: nothing on disk is read back


@given(st.text() | st.text(st.characters(max_codepoint=0x7F)), st.booleans())
def test_text_said_to_need_no_escape_holds_nothing_printable_would_change(text: str, lines: bool):
    """The quick look (which ``printable`` and the index trust) against the rule itself: no
    control or text-direction character, and no newline unless lines are kept."""
    from ctxtui.storage import terminal_text

    if terminal_text.needs_no_escape(text, lines=lines):
        assert terminal_text._UNSAFE.search(text) is None
        assert lines or "\n" not in text
