"""The audit log: every kind of event lands as one chained line, no minute text is ever in it,
and a line changed, removed or cut short is found."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import stat

from hypothesis import given
from hypothesis import strategies as st

from ctxtui.cli.demo import demo_conference
from ctxtui.meeting.meeting import Meeting
from ctxtui.storage.audit import AuditLog
from ctxtui.storage.files import sha256_hex
from ctxtui.storage.store import Store

SECRET = "Planted point text 7f3a"  # must never reach the log


def _actions(store: Store) -> list[str]:
    return [event.action for event in store.audit.events()]


def test_what_the_chair_does_is_logged_without_any_minute_text(store, demo, clock, tmp_path):
    meeting = Meeting(store, demo.id, clock)
    meeting.editor.points.add("concerns", SECRET)
    assert meeting.flush()
    meeting.export(meeting.snapshot(), "md", tmp_path / "minutes.md", replace=False)
    contribution = tmp_path / "school.txt"
    contribution.write_text(f"{SECRET} from the school.", encoding="utf-8")
    meeting.attach(contribution, "School")
    meeting.flush()
    assert meeting.finalise()
    assert meeting.amend(f"Correct {SECRET}")
    meeting.close()
    store.delete(demo.id)
    assert _actions(store) == [
        "create",
        "open",
        "save",
        "export",
        "attach",
        "save",
        "finalise",
        "save",
        "amend",
        "save",
        "delete",
    ]
    log = store.audit.path.read_text(encoding="utf-8")
    assert SECRET not in log
    events = list(store.audit.events())
    assert {e.id for e in events} == {demo.id} and all(e.user and e.host for e in events)
    assert events[3].detail == f"md {tmp_path / 'minutes.md'}"
    assert store.audit.verify() == []
    assert stat.S_IMODE(os.stat(store.audit.path).st_mode) == 0o600


def test_a_changed_or_removed_line_breaks_the_chain(cli, store, tmp_path):
    for _ in range(4):
        store.create(demo_conference())  # four events
    assert (
        cli.ok("audit", "--verify").strip() == "The audit log is whole, and the system log agrees."
    )
    lines = store.audit.path.read_bytes().splitlines(keepends=True)
    edited = json.loads(lines[1])
    edited["user"] = "somebody-else"
    store.audit.path.write_bytes(
        lines[0] + json.dumps(edited).encode() + b"\n" + lines[2] + lines[3]
    )
    result = cli("audit", "--verify")
    assert result.returncode == 1 and "Line 3 does not follow" in result.stderr
    store.audit.path.write_bytes(lines[0] + lines[2] + lines[3])  # the second line removed
    assert store.audit.verify() == [
        "Line 2 does not follow the line before it: a line was changed, removed or added there."
    ]


def test_a_line_cut_short_by_a_crash_is_said_and_the_chain_goes_on(store):
    log = store.audit
    log.record("open", "a-conference")
    with open(log.path, "ab") as handle:
        handle.write(b'{"at": "2026-12-02T10:00:00", "user": "x", "ho')  # the crash
    log.record("save", "a-conference")
    assert log.verify() == ["Line 2 is not an audit event (cut short or edited)."]
    assert [e.action for e in log.events()] == ["open", "save"]


def _append_many(root: str, count: int) -> None:
    log = Store(root).audit
    for n in range(count):
        assert log.record("save", f"conference-{os.getpid()}", str(n))


def test_two_processes_appending_at_once_keep_one_chain(store):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(str(store.root), 150)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert len(list(store.audit.events())) == 300
    assert store.audit.verify() == []


def test_the_command_line_reads_it_by_conference_and_day(cli, store, demo, tmp_path):
    other = store.create(demo_conference())
    cli.ok("export", demo.id, "--format", "json")
    shown = json.loads(cli.ok("audit", "--id", demo.id, "--json"))
    assert [e["action"] for e in shown] == ["create", "export"]
    assert shown[1]["detail"] == "json to standard output"
    assert cli.ok("audit", "--from", "2999-01-01") == ""
    lines = cli.ok("audit").splitlines()
    assert len(lines) == 3 and other.id in lines[1] and "export" in lines[2]


def test_a_log_that_cannot_be_written_never_stops_the_work(cli, store, demo, clock):
    store.audit.path.unlink()
    os.symlink("/dev/null", store.audit.path)  # planted: never followed
    meeting = Meeting(store, demo.id, clock)
    meeting.editor.points.add("concerns", "Still saved")
    assert meeting.flush()
    meeting.close()
    assert store.load(demo.id).points.concerns[-1] == "Still saved"
    assert "link" in (store.audit.problem or "")
    result = cli("export", demo.id, "--format", "json")
    assert result.returncode == 0 and "audit log" in result.stderr


def test_an_empty_or_missing_log_is_whole(tmp_path):
    log = AuditLog(tmp_path / "audit.log")
    assert list(log.events()) == [] and log.verify() == []


@given(st.binary(max_size=512))
def test_the_digest_is_sha256(data):
    """The audit chain and the rescue copies' names use the interpreter's own SHA-256 where
    it has one (cheaper to load than hashlib): it must be the very same digest."""
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
