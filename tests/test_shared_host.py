"""A shared host where no colleague, file or terminal can harm a record (issue 23).

The attacks come from a member of the team (real Unix users, as in test_team_folder.py) or from
files nobody imported: links planted where ctxtui keeps its files, FIFOs, copies under another
name, escape sequences in stored text, a rescue folder made first by someone else, a terminal
that goes away without a hang-up."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import stat
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.dates import DEFAULT_NATION
from ctxtui.core.record import Recipient
from ctxtui.mail.circulate import SendError, SmtpSettings, message, ready_to_send, send
from ctxtui.meeting.meeting import Meeting
from ctxtui.storage import rescue
from ctxtui.storage.conffile import StoreError
from ctxtui.storage.store import Store, _set_aside

from .test_team_folder import ALICE, BOB, as_user, folder, team  # noqa: F401 (fixtures)

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="real users need root (CI runs as root)")
# on the worker that makes and removes the Unix accounts (test_team_folder.py): on another, its
# teardown removed a user while a test here was running as that user
pytestmark = pytest.mark.xdist_group("unix-accounts")
ESC = "\x1b]0;pwned\x07\x1b[2J"


def stored_file(store: Store, conference_id: str) -> dict:
    return json.loads(store.path_for(conference_id).read_text())


def write_raw(store: Store, name: str, record: dict) -> Path:
    """A conference file that never came through import (planted, or edited by hand)."""
    path = store.folder / name
    payload = {"meta": {"1": {"storage_version": 1}}, "conference": {"1": record}}
    path.write_text(json.dumps(payload))
    return path


# ---------------------------------------------------------------- links and file kinds


@ROOT_ONLY
def test_a_lock_link_planted_by_a_colleague_never_writes_through(folder):  # noqa: F811
    victim_file = Path(f"{folder}-alice-notes.txt")
    victim_file.write_text("precious")
    os.chown(victim_file, _uid(ALICE), -1)
    setup = as_user(ALICE, lambda: Store(folder).create(demo_conference()).id)
    conference_id = setup["ok"]

    def plant() -> None:
        os.symlink(victim_file, folder / "locks" / f"{conference_id}.lock")

    assert as_user(BOB, plant) == {"ok": None}

    def open_it() -> list[object]:
        meeting = Meeting(Store(folder), conference_id, nation=DEFAULT_NATION)
        try:
            return [meeting.read_only, meeting.read_only_notice()]
        finally:
            meeting.close()

    outcome = as_user(ALICE, open_it)
    assert "ok" in outcome, outcome
    read_only, notice = outcome["ok"]
    assert victim_file.read_text() == "precious"
    assert stat.S_IMODE(victim_file.stat().st_mode) == 0o644  # mode untouched too
    assert read_only and "link" in notice
    victim_file.unlink()


@ROOT_ONLY
def test_a_record_link_planted_by_a_colleague_is_never_read_or_copied(folder, tmp_path):  # noqa: F811
    private = Path(f"{folder}-alice-private")
    private.mkdir(mode=0o700)
    os.chown(private, _uid(ALICE), -1)

    def alice_private_record() -> str:
        conference = demo_conference()
        conference.context.name = "Alice's private context"
        stored = Store(private).create(conference)
        return str(Store(private).path_for(stored.id))

    target = as_user(ALICE, alice_private_record)["ok"]
    as_user(ALICE, lambda: Store(folder).create(demo_conference()).id)
    planted = folder / "conferences" / "planted-2026-01-01.json"
    assert as_user(BOB, lambda: os.symlink(target, planted)) == {"ok": None}

    def list_and_open() -> list[object]:
        store = Store(folder)
        listing = store.list()
        try:
            Meeting(store, "planted-2026-01-01", nation=DEFAULT_NATION)
            opened = "opened"
        except StoreError as error:
            opened = str(error)
        return [
            [s.context for s in listing.summaries],
            [p.reason for p in listing.problems],
            opened,
        ]

    contexts, problems, opened = as_user(ALICE, list_and_open)["ok"]
    assert "Alice's private context" not in contexts
    assert any("link" in p for p in problems)
    assert "link" in opened
    assert "Alice's private context" not in (folder / "index.json").read_text()
    subprocess.run(["rm", "-rf", str(private)], check=True)


def test_fifos_devices_and_dangling_links_are_named_not_opened(store, cli, demo):
    os.mkfifo(store.folder / "fifo-2026-01-01.json")
    os.symlink("/dev/zero", store.folder / "zero-2026-01-01.json")
    os.symlink(store.root / "gone.json", store.folder / "dangling-2026-01-01.json")
    store.index_path.unlink(missing_ok=True)
    os.mkfifo(store.index_path)
    started = time.monotonic()
    result = cli("list")
    assert time.monotonic() - started < 20
    assert result.returncode == 0, result.stderr
    assert demo.context.name in result.stdout
    for name in ("fifo", "zero", "dangling"):
        assert f"{name}-2026-01-01.json cannot be read" in result.stderr
    opened = cli("export", "zero-2026-01-01", "--format", "json")
    assert opened.returncode == 2 and "link" in opened.stderr and "Traceback" not in opened.stderr


def test_an_unreadable_folder_and_a_bad_data_dir_are_one_sentence(tmp_path, cli, store, demo):
    config = tmp_path / "config" / "ctxtui"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('data_dir = "/tmp/a\\u0000b"\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-m", "ctxtui", "list"],
        capture_output=True,
        text=True,
        env={k: v for k, v in {**os.environ, **env}.items() if k != "CTXTUI_DATA_DIR"},
        timeout=60,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_copy_under_another_name_opens_read_only_and_never_saves_over(store, demo, clock):
    copy = store.folder / "copy-2026-01-20.json"
    copy.write_bytes(store.path_for(demo.id).read_bytes())
    before = store.path_for(demo.id).read_bytes()
    meeting = Meeting(store, "copy-2026-01-20", clock)
    assert meeting.read_only and "holds conference" in (meeting.read_only_notice() or "")
    assert meeting.editor.refusal() and "elsewhere" not in meeting.editor.refusal()
    meeting.close()
    assert store.path_for(demo.id).read_bytes() == before


def test_two_copies_set_aside_in_one_second_keep_both(store, demo):
    path = store.path_for(demo.id)
    first = _set_aside(path, "x.conflict-20260101-120000")
    path.write_bytes(b"second")
    second = _set_aside(path, "x.conflict-20260101-120000")
    assert first != second and first.exists() and second.read_bytes() == b"second"


# ---------------------------------------------------------------- nothing raw to a terminal


def test_escape_sequences_in_stored_files_never_reach_the_terminal(store, cli, demo):
    record = demo_conference().to_dict()
    record["id"] = "hostile-2026-01-20"
    record["context"]["name"] = f"Park{ESC}"
    record["dates"]["conference"] = "2026-01-20"
    write_raw(store, "hostile-2026-01-20.json", record)
    (store.folder / f"name{ESC}.json").write_text("{}")
    for args in (("list",), ("list", "--json")):
        result = cli(*args)
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
        assert "\\x1b" in result.stdout + result.stderr
    index = json.loads(store.index_path.read_text())
    entry = index["entries"]["hostile-2026-01-20"]
    index["entries"]["hostile-2026-01-20"] = entry.replace("Park", f"Planted{ESC}")  # a colleague
    store.index_path.write_text(json.dumps(index))
    result = cli("list")
    assert "\x1b" not in result.stdout + result.stderr


def test_a_lock_holder_text_is_shown_not_run(store, demo):
    import fcntl

    from ctxtui.storage.locks import Lock

    path = store.locks / f"{demo.id}.lock"
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(f"pid 1 on {ESC}")
        handle.flush()
        lock = Lock.take(path)
        assert lock.fd is None and "\x1b" not in lock.holder and "\\x1b" in lock.holder


# ---------------------------------------------------------------- rescue copies


@ROOT_ONLY
def test_a_rescue_folder_made_first_by_someone_else_stops_nothing(team, tmp_path):  # noqa: F811
    alice = _uid(ALICE)
    planted = Path(f"/tmp/ctxtui-rescue-{alice}")
    subprocess.run(["rm", "-rf", str(planted)], check=True)
    planted.mkdir(mode=0o700)
    os.chown(planted, _uid(BOB), -1)
    data = tmp_path / "alice-data"
    data.mkdir()
    os.chown(data, alice, -1)

    def rescue_and_find() -> list[object]:
        os.environ["XDG_STATE_HOME"] = "/proc/no-state-here"  # the state folder cannot be made
        conference = demo_conference()
        conference.id = "kestrel-2026-01-20"
        path = rescue.write_rescue(conference, data)
        found = rescue.find_rescue("kestrel-2026-01-20", data)
        mode = stat.S_IMODE(os.stat(path.parent).st_mode) if path else None
        return [str(path), found is not None, mode]

    path, found, mode = as_user(ALICE, rescue_and_find)["ok"]
    assert found and mode == 0o700
    assert not path.startswith(f"{planted}/")
    subprocess.run(["rm", "-rf", str(planted), str(Path(path).parent)], check=True)


def test_a_rescue_copy_is_restored_once_and_only_into_its_own_folder(tmp_path, clock):
    first, other = Store(tmp_path / "one"), Store(tmp_path / "two")
    conference = first.create(demo_conference())
    other.create(demo_conference())  # the same id in another data folder
    rescued = first.load(conference.id)
    rescued.points.concerns.append("only in the rescue copy")
    assert rescue.write_rescue(rescued, first.root) is not None
    elsewhere = Meeting(other, conference.id, clock)
    assert "only in the rescue copy" not in elsewhere.conference.points.concerns
    elsewhere.close()
    meeting = Meeting(first, conference.id, clock)
    assert meeting.conference.points.concerns[-1] == "only in the rescue copy"
    meeting.editor.points.add("concerns", "typed after the restore")
    assert meeting.flush()
    meeting.session.close()  # as after kill -9: no clean close, no further save
    again = Meeting(first, conference.id, clock)
    assert again.conference.points.concerns[-1] == "typed after the restore"
    assert again.restored_notice is None
    again.close()


# ---------------------------------------------------------------- refused saves


def test_a_save_the_record_refuses_is_a_sentence_and_the_edit_stays(store, demo, clock):
    meeting = Meeting(store, demo.id, clock)
    meeting.conference.dates.review = "3000-01-01"  # as a bad derived date once did
    meeting.editor.changed("review date")
    assert meeting.flush() is False
    assert "Could not save" in (meeting.autosaver.error or "")
    assert meeting.rescue() is not None  # and the edit goes to a rescue copy at the end
    meeting.close()


def test_new_on_the_last_day_a_record_may_hold(cli):
    result = cli("new", "--context", "Far Future Park", "--date", "2999-12-31")
    assert result.returncode == 0, result.stderr
    record = cli.json("export", result.stdout.strip(), "--format", "json")
    assert record["dates"]["review"] == ""  # no derived date past 2999


# ---------------------------------------------------------------- mail


def test_mail_headers_and_addresses_are_checked(demo, tmp_path):
    demo.context.name = "Park\r\nBcc: evil@example.org"
    mail = message(demo, "minutes@council.example", ["a@council.example"], b"docx")
    assert "\n" not in mail["Subject"] and "Bcc" not in mail
    demo.status = "final"
    demo.distribution = [Recipient("Evil", "", "evil,one@council.example")]
    with pytest.raises(SendError, match="not one plain email address"):
        ready_to_send(demo, 0)
    bad_ca = tmp_path / "not-a-cert.pem"
    bad_ca.write_text("not a certificate")
    settings = SmtpSettings(
        host="127.0.0.1",
        port=2525,
        security="starttls",
        sender="minutes@council.example",
        ca_file=str(bad_ca),
    )
    with pytest.raises(SendError, match="ca_file"):
        send(settings, mail, ["a@council.example"])
    missing = SmtpSettings(
        host="127.0.0.1",
        port=2525,
        security="starttls",
        sender="m@council.example",
        ca_file=str(tmp_path / "no"),
    )
    with pytest.raises(SendError, match="ca_file"):
        send(missing, mail, ["a@council.example"])


# ---------------------------------------------------------------- the terminal goes away


def test_the_app_ends_when_its_terminal_goes_without_a_hang_up(cli, demo):
    """As under su: the terminal is not the app's controlling terminal, so closing it sends
    no SIGHUP. The app must still save, let go of the lock and end."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "CTXTUI_DATA_DIR": str(cli.data_dir), "TERM": "xterm"}
    child = subprocess.Popen(
        [sys.executable, "-m", "ctxtui", "open", demo.id],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,  # no controlling terminal: no SIGHUP when it closes
    )
    os.close(slave)
    try:
        _read_until(master, b"Current concerns")
        os.write(master, b"typed before the terminal went\r")
        deadline = time.monotonic() + 20
        while "typed before the terminal went" not in cli.ok("export", demo.id, "--format", "md"):
            assert time.monotonic() < deadline, "the point was never saved"
            _drain(master)  # keep the terminal's output flowing
        os.close(master)
        child.wait(timeout=20)
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait()
    record = cli.json("export", demo.id, "--format", "json")
    assert record["points"]["concerns"][-1] == "typed before the terminal went"
    assert "READ-ONLY" not in cli.ok("list")  # the lock went with it


def _drain(fd: int) -> None:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        os.read(fd, 65536)


def _read_until(fd: int, wanted: bytes, timeout: float = 20) -> None:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"{wanted!r} never appeared")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            seen += os.read(fd, 65536)


def _uid(user: str) -> int:
    import pwd

    return pwd.getpwnam(user).pw_uid


def test_links_planted_as_backup_index_and_config_are_never_followed(store, demo, clock, cli):
    victim = store.root.parent / "victim.txt"
    victim.write_text("precious")
    backup = store.path_for(demo.id).with_name(f"{demo.id}.json.bak")
    backup.unlink(missing_ok=True)
    backup.symlink_to(victim)
    store.index_path.unlink(missing_ok=True)
    store.index_path.symlink_to(victim)
    meeting = Meeting(store, demo.id, clock)
    meeting.editor.points.add("concerns", "saved past the planted links")
    assert meeting.flush()
    meeting.close()
    assert cli("list").returncode == 0
    assert victim.read_text() == "precious"
    assert not store.index_path.is_symlink()  # replaced by a real index, the link not followed
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "ctxtui"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").symlink_to(victim)
    result = cli("list")
    assert result.returncode == 2 and "link" in result.stderr and "Traceback" not in result.stderr


def test_the_lock_is_taken_before_the_file_is_read(store, demo, monkeypatch):
    """Read first, lock second, and a writer that saved and left in between is overwritten by
    the stale copy: the lock must come first."""
    from ctxtui.storage import store as store_module

    order: list[str] = []
    real_take, real_load = store_module.Lock.take, Store.load

    def take(path):
        order.append("lock")
        return real_take(path)

    def load(self, conference_id):
        order.append("read")
        return real_load(self, conference_id)

    monkeypatch.setattr(store_module.Lock, "take", staticmethod(take))
    monkeypatch.setattr(Store, "load", load)
    store.open(demo.id).close()
    assert order == ["lock", "read"]
