"""The audit log's anchor in the host's own log: cutting lines off the log, deleting it,
rewriting it with every hash recomputed or forking it are all found by ``audit --verify``; a
host whose log cannot be read is said, never called whole. Tests use a file that stands for the
host's log (conftest sets ``CTXTUI_SYSTEM_LOG_FILE``); one goes through a real syslog daemon."""

from __future__ import annotations

import json
import os
import stat

import pytest

from ctxtui.storage.audit import AuditLog
from ctxtui.storage.files import sha256_hex
from ctxtui.storage.system_log import FileLog, Reading

WHOLE = "The audit log is whole, and the system log agrees."


def _events(store, count: int) -> list[bytes]:
    for n in range(count):
        assert store.audit.record("save", "a-conference", str(n))
    return store.audit.path.read_bytes().splitlines(keepends=True)


def _verify(cli) -> tuple[int, str, str]:
    result = cli("audit", "--verify")
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout.strip(), result.stderr


def test_each_event_reaches_the_system_log_by_number_and_hash_never_its_text(store, tmp_path):
    lines = _events(store, 3)
    logged = (tmp_path / "system.log").read_text(encoding="utf-8").splitlines()
    assert len(logged) == 3
    for number, (line, message) in enumerate(zip(lines, logged, strict=True), 1):
        assert f"event={number} line={sha256_hex(line.rstrip())}" in message
        assert f"folder={store.audit.folder}" in message and "action=save" in message
        assert str(store.root) not in message and '"detail"' not in message
    assert store.audit.check().confirmed


def test_lines_cut_off_the_end_are_found(store, cli):
    lines = _events(store, 5)
    assert _verify(cli) == (0, WHOLE, "")
    store.audit.path.write_bytes(b"".join(lines[:3]))
    code, said, errors = _verify(cli)
    assert code == 1 and "ends at event 3" in errors and "up to number 5" in errors
    assert "whole" not in said


def test_a_deleted_or_emptied_log_is_found(store, cli):
    _events(store, 3)
    store.audit.path.unlink()
    code, _said, errors = _verify(cli)
    assert code == 1 and "missing or empty" in errors and "up to number 3" in errors
    store.audit.path.write_bytes(b"")
    assert _verify(cli)[0] == 1


def test_a_log_rewritten_with_every_hash_recomputed_is_found(store, cli):
    lines = _events(store, 4)
    rewritten, prev = [], ""
    for n, line in enumerate(lines):
        event = json.loads(line)
        if n == 1:
            event["user"] = "somebody-else"
        event["prev"] = prev
        new = json.dumps(event, separators=(",", ":")).encode()
        prev = sha256_hex(new)
        rewritten.append(new + b"\n")
    store.audit.path.write_bytes(b"".join(rewritten))
    assert store.audit.verify() == []  # its own chain holds
    code, _said, errors = _verify(cli)
    assert code == 1 and "at event(s) 2, 3 and 4: it was rewritten" in errors


def test_a_log_cut_back_and_written_again_is_a_fork(store, cli):
    lines = _events(store, 4)
    store.audit.path.write_bytes(b"".join(lines[:2]))
    _events(store, 1)  # the app goes on: its event 3 is not the event 3 the host saw
    code, _said, errors = _verify(cli)
    assert code == 1 and "two different lines numbered 3" in errors and "forked" in errors


def test_lines_added_by_hand_were_never_seen(store, cli):
    lines = _events(store, 2)
    event = json.loads(lines[-1])
    event.update(prev=sha256_hex(lines[-1].rstrip()), seq=3, detail="by hand")
    with open(store.audit.path, "ab") as handle:
        handle.write(json.dumps(event).encode() + b"\n")
    code, _said, errors = _verify(cli)
    assert code == 1 and "never saw event(s) 3" in errors


def test_no_readable_system_log_is_said_and_never_called_whole(store, cli, tmp_path):
    _events(store, 2)
    (tmp_path / "system.log").unlink()
    os.mkdir(tmp_path / "system.log")  # there, but not a log anyone can read
    code, said, errors = _verify(cli)
    assert code == 1 and "whole" not in said and "could not be read" in errors
    assert "nothing outside this folder confirms" in said


def test_a_system_log_that_saw_nothing_confirms_nothing(store, cli, tmp_path):
    _events(store, 2)
    (tmp_path / "system.log").write_bytes(b"")
    code, said, errors = _verify(cli)
    assert code == 1 and "whole" not in said and "holds nothing of this audit log" in errors


def test_events_older_than_the_system_log_keeps_are_only_chained(store, cli, tmp_path):
    _events(store, 4)
    system = tmp_path / "system.log"
    system.write_bytes(b"".join(system.read_bytes().splitlines(keepends=True)[2:]))  # rotated
    code, said, errors = _verify(cli)
    assert (code, said) == (0, WHOLE) and "before number 3" in errors


def test_a_log_begun_before_events_were_numbered_goes_on_from_its_count(store):
    log = store.audit
    old = b""
    prev = ""
    for n in range(3):
        line = json.dumps(
            {
                "at": "2026-01-20T10:00:00",
                "user": "u",
                "host": "h",
                "action": "open",
                "id": "a",
                "detail": str(n),
                "prev": prev,
            }
        ).encode()
        prev, old = sha256_hex(line), old + line + b"\n"
    log.path.write_bytes(old)
    assert log.record("save", "a")
    assert json.loads(log.path.read_bytes().splitlines()[-1])["seq"] == 4
    assert log.check().confirmed and log.verify() == []


@pytest.mark.skipif(os.geteuid() != 0, reason="giving the file to another user needs root")
def test_a_log_someone_else_emptied_and_owns_is_said_on_every_write(store, cli, demo):
    _events(store, 2)
    store.audit.path.write_bytes(b"")
    os.chown(store.audit.path, 54321, 54321)  # a colleague's file now, read-only
    os.chmod(store.audit.path, stat.S_IRUSR | stat.S_IRGRP)
    result = cli("export", demo.id, "--format", "json")
    assert result.returncode == 0 and "audit log" in result.stderr and "warning" in result.stderr
    assert not store.audit.record("save", demo.id) and "someone" in (store.audit.problem or "")
    code, said, errors = _verify(cli)
    assert code == 1 and "whole" not in said


class _Unreadable:
    def send(self, text: str) -> None:
        pass

    def read(self, folder: str) -> Reading:
        return Reading([], "", "journalctl could not be run: No such file or directory")


def test_the_source_can_be_given(tmp_path):
    log = AuditLog(tmp_path / "audit.log", system=FileLog(tmp_path / "mine.log"))
    assert log.record("open", "a")
    assert "event=1" in (tmp_path / "mine.log").read_text()
    blind = AuditLog(tmp_path / "audit.log", system=_Unreadable())
    verdict = blind.check()
    assert not verdict.confirmed and verdict.problems == []
    assert "journalctl could not be run" in verdict.notes[0]


def _last_line_digest(store) -> str:
    return sha256_hex(store.audit.path.read_bytes().splitlines()[-1])


def test_each_record_carries_the_hash_of_its_last_save_line(store, demo):
    assert demo.audit_anchor == _last_line_digest(store)  # its creation
    with store.open(demo.id) as session:
        session.conference.danger_statement += " More."
        session.save()
    assert store.load(demo.id).audit_anchor == _last_line_digest(store)
    assert [e.action for e in store.audit.events()][-1] == "save"


def test_a_log_cut_short_shows_against_the_records_even_with_no_system_log(store, demo, cli):
    with store.open(demo.id) as session:
        session.save()
    lines = store.audit.path.read_bytes().splitlines(keepends=True)
    store.audit.path.write_bytes(b"".join(lines[:-2]))  # the open and the save cut off
    store.audit.system = _Unreadable()
    verdict = store.verify_audit()
    assert verdict.problems == [
        f"The last save of {demo.id} is not in the audit log: lines were removed from it or "
        "rewritten."
    ]
    code, _said, errors = _verify(cli)
    assert code == 1 and f"The last save of {demo.id}" in errors


def test_a_save_that_fails_is_not_logged(store, demo, monkeypatch):
    from ctxtui.storage.conffile import StoreError
    from ctxtui.storage.tinydb_file import AtomicJSONStorage

    def full_disk(self, data):
        raise OSError(28, "No space left on device")

    before = store.audit.path.read_bytes()
    monkeypatch.setattr(AtomicJSONStorage, "write", full_disk)
    with store.open(demo.id) as session, pytest.raises(StoreError):
        session.save()
    assert store.audit.path.read_bytes().startswith(before)
    assert "save" not in [e.action for e in store.audit.events()]


def test_an_imported_record_never_keeps_another_folders_anchor(store, demo, tmp_path):
    from ctxtui.storage.store import Store

    elsewhere = Store(tmp_path / "elsewhere")
    data = {**store.load(demo.id).to_dict(), "id": "copied-record"}
    copied, _note = elsewhere.import_dict(data)
    assert copied.audit_anchor == _last_line_digest(elsewhere) != demo.audit_anchor
    assert elsewhere.verify_audit().problems == []


async def test_the_app_says_on_its_top_line_when_a_save_is_not_logged(store, demo, make_app):
    from .conftest import wait_for

    app = make_app(demo.id)
    async with app.run_test(size=(100, 30)) as pilot:
        store.audit.path.unlink()
        os.symlink("/dev/null", store.audit.path)  # planted: the log cannot be written
        await pilot.press(*"A point", "enter", "ctrl+s")
        topbar = app.screen.query_one("#topbar")
        await wait_for(lambda: "NOT IN THE AUDIT LOG" in str(topbar.render()))
        assert "saved" in str(topbar.render()) and topbar.has_class("-error")
    assert store.load(demo.id).points.concerns[-1] == "A point"
