"""The store never says "saved" when it isn't: replaced and removed files, a full disk with a
hang-up, filesystems without hard links, folders that cannot hold a lock, files of the wrong
shape. Real filesystems where this machine allows mounting them (as root, as in CI)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from tinydb import TinyDB

from ctxtui.cli.demo import demo_conference
from ctxtui.meeting.meeting import Meeting
from ctxtui.storage import files as files_module
from ctxtui.storage import rescue
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.store import Store, file_stamp
from ctxtui.storage.tinydb_file import AtomicJSONStorage

ROOT = os.geteuid() == 0


@contextlib.contextmanager
def mounted(kind: str, folder: Path, *options: str):
    """A real filesystem at ``folder`` for the length of a test (root only)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", *options, "-t", kind, kind, str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


# ---------------------------------------------------------------- 1. replaced or removed file


@pytest.mark.parametrize("stranger", ["removed", "emptied", "replaced"])
def test_a_save_over_a_replaced_or_removed_file_keeps_both(store, demo, clock, stranger):
    meeting = Meeting(store, demo.id, clock)
    path = store.path_for(demo.id)
    backup = path.with_name(path.name + ".bak")
    meeting.editor.points.add("concerns", "typed before the file went")
    assert meeting.flush()
    good_backup = backup.read_bytes()
    if stranger == "removed":
        path.unlink()
    elif stranger == "emptied":
        path.write_text("{}", encoding="utf-8")
    else:
        path.write_text(json.dumps({"meta": {}, "conference": {}}), encoding="utf-8")
    meeting.editor.points.add("concerns", "typed after")
    assert meeting.flush()
    [notice] = meeting.autosaver.take_notices()
    assert ("removed" in notice) if stranger == "removed" else ("conflict" in notice)
    saved = store.load(demo.id)
    assert saved.points.concerns[-2:] == ["typed before the file went", "typed after"]
    assert len(saved.points.concerns) == len(demo.points.concerns) + 2
    assert backup.read_bytes() == good_backup  # the stranger never replaces the good backup
    aside = list(store.folder.glob(f"{demo.id}.conflict-*.json"))
    assert len(aside) == (0 if stranger == "removed" else 1)
    assert store.list().problems == []  # a copy set aside is not reported as broken
    meeting.close()


def test_tinydb_reads_our_files_and_still_skips_missing_documents(store, demo):
    """Pins the TinyDB behaviour the store relies on (and the one it no longer trusts)."""
    path = store.path_for(demo.id)
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        assert db.table("conference").get(doc_id=1)["id"] == demo.id
        assert db.table("meta").get(doc_id=1) == {"storage_version": 1}
        db.table("conference").remove(doc_ids=[1])
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        # TinyDB 4 skips an update of a missing document without a word: a save that patched
        # the file would have "succeeded" and written nothing, so saves write the whole record
        assert db.table("conference").update({"id": "x"}, doc_ids=[1]) == []


# ---------------------------------------------------------------- 2. full disk, then a hang-up


def test_a_record_that_cannot_be_saved_is_rescued_and_restored(store, demo, clock, monkeypatch):
    meeting = Meeting(store, demo.id, clock)
    meeting.editor.points.add("concerns", "typed while the disk is full")

    real_write_temp = files_module.write_temp

    def disk_full(folder, *args, **kwargs):  # the data folder's disk is full, not the home's
        if Path(folder).is_relative_to(store.root):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write_temp(folder, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(files_module, "write_temp", disk_full)
        assert not meeting.flush()
        assert "disk is full" in (meeting.autosaver.error or "")
        kept = meeting.rescue()
    assert kept is not None and (kept.stat().st_mode & 0o777) == 0o600
    meeting.close()
    assert store.load(demo.id).points.concerns == demo.points.concerns
    again = Meeting(store, demo.id, clock)
    assert again.conference.points.concerns[-1] == "typed while the disk is full"
    assert again.restored_notice and "Restored" in again.restored_notice
    assert not kept.exists()  # saved where it belongs at once: the rescue copy is gone
    assert again.flush()
    assert store.load(demo.id).points.concerns[-1] == "typed while the disk is full"
    again.editor.undo()  # restoring is one change like any other
    assert again.conference.points.concerns == demo.points.concerns
    again.close()


@pytest.mark.skipif(not ROOT, reason="mounting a tmpfs needs root (CI runs as root)")
def test_a_hang_up_on_a_real_full_disk_loses_nothing(tmp_path, cli_for):
    """A data folder on a small tmpfs that fills up while the chair types, then SIGHUP."""
    from .terminal import Terminal

    with mounted("tmpfs", tmp_path / "small", "-o", "size=96k,mode=0700") as folder:
        store = Store(folder / "data")
        conference = store.create(demo_conference())
        filler = folder / "filler"
        with contextlib.suppress(OSError), open(filler, "wb") as handle:
            handle.write(b"x" * 200_000)  # the disk is now full
        cli = cli_for(store.root)
        term = Terminal(tmp_path)
        try:
            term.start("open", conference.id, env=cli.env())
            term.wait_for_text("Type a point")
            term.keys("first point on a full disk", "Enter", "half typed")
            term.wait_for_text("NOT SAVED")
            term.wait_for_text("half typed")  # every key in before the hang-up
            os.kill(term.pid, 1)
            term.wait_exit()
        finally:
            term.close()
        filler.unlink()  # room again
        term = Terminal(tmp_path)
        try:
            term.start("open", conference.id, env=cli.env())
            term.wait_for_text("Restored the changes")
            term.wait_for_text("unfiled")  # "half typed" was never Entered
            term.keys("C-q")
            term.wait_exit()
        finally:
            term.close()
        saved = store.load(conference.id)
    assert saved.points.concerns[-1] == "first point on a full disk"
    assert (saved.unfiled.target, saved.unfiled.text) == ("concerns", "half typed")


# ---------------------------------------------------------------- 3. no hard links

# A real FAT image needs the kernel's vfat driver, which this machine lacks: os.link is made to
# fail the way it does there (ENOSYS / EPERM).


def test_without_hard_links_new_and_save_still_work(store, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(os, "link", no_links)
    made = store.create(demo_conference())
    again = store.create(demo_conference())  # O_EXCL claims the name: no overwrite
    assert made.id != again.id
    with store.open(made.id) as session:
        session.conference.points.concerns.append("saved without links")
        session.save()
        session.save()
    path = store.path_for(made.id)
    assert store.load(made.id).points.concerns[-1] == "saved without links"
    assert path.with_name(path.name + ".bak").exists()  # the backup is a copy instead
    assert (path.stat().st_mode & 0o777) == 0o600


# ---------------------------------------------------------------- 4. folders that cannot lock


@pytest.mark.parametrize("how", ["folder in place", "read-only mount"])
def test_a_folder_that_cannot_hold_a_lock_opens_read_only(store, demo, clock, tmp_path, how):
    if how == "folder in place":
        (store.locks / f"{demo.id}.lock").mkdir()
        meeting = Meeting(store, demo.id, clock)
        assert meeting.read_only and "lock" in (meeting.read_only_notice() or "")
        meeting.close()
        return
    if not ROOT:
        pytest.skip("a read-only bind mount needs root (CI runs as root)")
    target = tmp_path / "ro"
    target.mkdir()
    subprocess.run(["mount", "--bind", str(store.root), str(target)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True)
        read_only_store = Store(target)
        meeting = Meeting(read_only_store, demo.id, clock)
        assert meeting.read_only and "read-only disk" in (meeting.read_only_notice() or "")
        assert [s.id for s in read_only_store.list().summaries] == [demo.id]
        meeting.close()
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


# ---------------------------------------------------------------- 5. files of the wrong shape

WRONG_SHAPES = [
    {"meta": 5},
    {"meta": {"1": {"storage_version": 1}}, "conference": {"1": 5}},
    {"meta": {"1": {"storage_version": True}}, "conference": {"1": {}}},
    {"meta": {"1": {"storage_version": 1}}, "conference": []},
    {"meta": [], "conference": {"1": {"schema": "ctxtui.conference/1"}}},
]


@pytest.mark.parametrize("shape", WRONG_SHAPES, ids=range(len(WRONG_SHAPES)))
def test_a_file_of_the_wrong_shape_is_named_and_the_rest_listed(store, demo, cli, shape):
    bad = store.folder / "odd-one-2026-01-01.json"
    bad.write_text(json.dumps(shape), encoding="utf-8")
    before = bad.read_bytes()
    listing = store.list()
    assert [s.id for s in listing.summaries] == [demo.id]
    assert [p.path for p in listing.problems] == [bad]
    with pytest.raises(StoreError, match="odd-one"):
        store.load("odd-one-2026-01-01")
    result = cli("list")
    assert result.returncode == 0 and "odd-one" in result.stderr and demo.id in result.stdout
    result = cli("export", "odd-one-2026-01-01", "--format", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert bad.read_bytes() == before


def test_a_broken_index_is_rebuilt(store, demo):
    store.list()
    store.index_path.write_text(
        json.dumps({"version": 1, "entries": {demo.id: {"stamp": 5, "summary": []}}}),
        encoding="utf-8",
    )
    assert [s.id for s in store.list().summaries] == [demo.id]


def test_file_stamps_change_when_a_file_is_replaced(store, demo):
    path = store.path_for(demo.id)
    before = file_stamp(path)
    with store.open(demo.id) as session:
        session.save()
    assert file_stamp(path) != before


@pytest.fixture
def cli_for():
    from .conftest import Cli

    class EnvCli(Cli):
        def env(self) -> dict[str, str]:
            return {
                "TERM": "xterm",
                "CTXTUI_DATA_DIR": str(self.data_dir),
                "HOME": os.environ["HOME"],
                "XDG_STATE_HOME": os.environ["XDG_STATE_HOME"],
                "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"],
            }

    return EnvCli


def test_rescue_folders_are_private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = rescue.write_rescue(demo_conference_with_id(), tmp_path / "data")
    assert path is not None
    assert (path.parent.stat().st_mode & 0o777) == 0o700


def test_a_rescue_copy_in_the_temp_folder_is_found_there(tmp_path, monkeypatch):
    """No state folder to be had: the copy goes to a new private folder in the temp folder,
    and the next open finds it there among the temp folder's other entries."""
    (tmp_path / "state").write_text("a file where the state folder would be")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    (temp / "someone-elses-folder").mkdir()
    (temp / f"ctxtui-rescue-{os.getuid()}-not-a-folder").write_text("")
    conference = demo_conference_with_id()
    path = rescue.write_rescue(conference, tmp_path / "data")
    assert path is not None and path.parent.parent == temp
    assert path.parent.name.startswith(f"ctxtui-rescue-{os.getuid()}-")
    found = rescue.find_rescue(conference.id, tmp_path / "data")
    assert found is not None and found[0] == path and found[1].id == conference.id


def demo_conference_with_id():
    conference = demo_conference()
    conference.id = "kestrel-2026-01-20"
    return conference


# ---------------------------------------------------------------- 10. a read-only window


def test_a_read_only_window_follows_the_writer_and_takes_over(store, demo, clock):
    writer = Meeting(store, demo.id, clock)
    reader = Meeting(store, demo.id, clock)
    assert reader.read_only and not reader.take_over()  # the writer still holds it
    writer.editor.points.add("strengths", "saved by the writer")
    assert writer.flush()
    assert reader.follow()
    assert reader.conference.points.strengths[-1] == "saved by the writer"
    assert not reader.follow()  # nothing new
    writer.editor.points.add("strengths", "the writer's last point")
    writer.flush()
    writer.close()
    assert reader.take_over()
    assert not reader.read_only
    assert reader.conference.points.strengths[-1] == "the writer's last point"
    reader.editor.points.add("strengths", "typed after taking over")
    assert reader.flush()
    assert store.load(demo.id).points.strengths[-1] == "typed after taking over"
    reader.close()


async def test_the_app_offers_to_take_over_when_the_writer_leaves(store, demo, clock, make_app):
    from ctxtui.screens.dialogs import ConfirmDialog

    from .conftest import wait_for

    writer = Meeting(store, demo.id, clock)
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.meeting.read_only
        writer.editor.points.add("concerns", "from the other window")
        writer.flush()
        await wait_for(lambda: "from the other window" in screen.meeting.points_of("concerns"))
        writer.close()
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(lambda: app.screen is screen)
        await pilot.press(*"mine", "enter", "ctrl+s")
        await wait_for(lambda: store.load(demo.id).points.concerns[-1] == "mine")


@pytest.mark.skipif(not ROOT, reason="mounting a tmpfs needs root (CI runs as root)")
def test_no_inodes_left_for_the_lock_opens_read_only(tmp_path, clock):
    with mounted("tmpfs", tmp_path / "tiny", "-o", "size=1m,nr_inodes=12,mode=0700") as folder:
        store = Store(folder / "data")
        made = store.create(demo_conference())
        n = 0
        with contextlib.suppress(OSError):
            while True:  # use up every inode left
                (folder / f"f{n}").touch()
                n += 1
        meeting = Meeting(store, made.id, clock)
        assert meeting.read_only and "full" in (meeting.read_only_notice() or "")
        assert [s.id for s in store.list().summaries] == [made.id]
        meeting.close()
