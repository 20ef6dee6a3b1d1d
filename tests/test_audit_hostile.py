"""Every reader of the audit log survives any file in its place (a line of any length or depth,
a huge or sparse file, a link, bytes that are not UTF-8) with one sentence; and a long event
line never makes the next one chain to half a line."""

from __future__ import annotations

import json
import os

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.storage.audit import MAX_DETAIL, MAX_LINE_BYTES, MAX_LOG_BYTES, AuditLog
from ctxtui.storage.files import sha256_hex

BRACKETS = b"[" * 100_000


def _chained(log: AuditLog, count: int) -> None:
    for n in range(count):
        assert log.record("save", "a-conference", str(n))


def test_a_line_of_100000_brackets_is_not_an_event_and_nothing_breaks(store, cli):
    _chained(store.audit, 2)
    with open(store.audit.path, "ab") as handle:
        handle.write(BRACKETS + b"\n")
    assert store.audit.record("save", "a-conference")
    assert [e.detail for e in store.audit.events()] == ["0", "1", ""]
    assert store.audit.verify() == ["Line 3 is not an audit event (cut short or edited)."]
    listed = cli("audit")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    assert len(listed.stdout.splitlines()) == 3
    checked = cli("audit", "--verify")
    assert checked.returncode == 1 and "Line 3 is not an audit event" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_a_line_too_long_to_be_an_event_is_never_parsed(store):
    _chained(store.audit, 1)
    with open(store.audit.path, "ab") as handle:
        handle.write(b'{"at": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n')
    assert store.audit.record("save", "a-conference", "after")
    assert [e.detail for e in store.audit.events()] == ["0", "after"]
    assert store.audit.verify() == [
        "Line 2 is not an audit event (it is longer than 256 KB, so it was not read)."
    ]


def test_a_huge_sparse_log_is_read_up_to_the_limit_and_says_so(store, cli):
    _chained(store.audit, 1)
    os.truncate(store.audit.path, 600 * 1024 * 1024)  # 600 MB of holes after the event
    assert store.audit.record("save", "a-conference", "after")
    assert [e.detail for e in store.audit.events()] == ["0"]
    assert "larger than 512 MB" in (store.audit.read_problem or "")
    problems = store.audit.verify()
    assert problems[-1].startswith(f"The audit log {store.audit.path} is larger than 512 MB")
    checked = cli("audit", "--verify")
    assert checked.returncode == 1 and "larger than 512 MB" in checked.stderr
    listed = cli("audit")
    assert listed.returncode == 0 and "warning" in listed.stderr
    assert "Traceback" not in listed.stderr
    assert os.path.getsize(store.audit.path) > MAX_LOG_BYTES


def test_a_link_in_its_place_is_named_and_never_followed(store, cli, tmp_path):
    elsewhere = tmp_path / "elsewhere.log"
    elsewhere.write_bytes(b'{"not": "ours"}\n')
    store.audit.path.unlink(missing_ok=True)
    os.symlink(elsewhere, store.audit.path)
    assert list(store.audit.events()) == []
    assert "link" in (store.audit.read_problem or "")
    assert "link" in store.audit.verify()[0]
    checked = cli("audit", "--verify")
    assert checked.returncode == 1 and "link" in checked.stderr and "whole" not in checked.stdout
    assert elsewhere.read_bytes() == b'{"not": "ours"}\n'


def test_bytes_that_are_not_utf8_or_not_objects_are_not_events(store):
    _chained(store.audit, 1)
    with open(store.audit.path, "ab") as handle:
        handle.write(b'{"at": "\xff\xfe"}\n[1, 2]\n"text"\n\x00\x00\n')
    assert store.audit.record("save", "a-conference", "after")
    assert [e.detail for e in store.audit.events()] == ["0", "after"]
    assert len(store.audit.verify()) == 4  # each planted line named, the chain itself holds


def test_redact_still_lists_what_to_recall_and_warns(store, cli):
    conference = store.create(demo_conference())
    cli.ok("export", conference.id, "--format", "json")
    with open(store.audit.path, "ab") as handle:
        handle.write(BRACKETS + b"\n")
    os.truncate(store.audit.path, MAX_LOG_BYTES + 1)
    result = cli("redact", conference.id, "Nobody Here", "--reason", "a test")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "recall them" in result.stdout and "json to standard output" in result.stdout
    assert "may be missing from what to recall" in result.stderr


def test_a_line_over_8_kb_is_followed_whole_and_the_log_stays_whole(store):
    log = store.audit
    addresses = ", ".join(f"practitioner{n}@safeguarding{n % 7}.example.gov.uk" for n in range(200))
    assert len(addresses) > 8192
    assert log.record("invite", "a-conference", addresses)
    for n in range(3):
        assert log.record("save", "a-conference", str(n))
    assert log.verify() == []
    assert [e.detail for e in log.events()][0] == addresses


def test_a_long_line_an_older_version_wrote_is_chained_to_whole(store):
    """Before details were cut a line could be any length: the next line must still chain to
    all of it."""
    log = store.audit
    assert log.record("open", "a-conference")
    first = log.path.read_bytes().rstrip(b"\n")
    old = {
        "at": "2026-01-20T10:00:00",
        "user": "chair",
        "host": "here",
        "action": "send",
        "id": "a-conference",
        "detail": "x" * 100_000,
        "prev": sha256_hex(first),
    }
    with open(log.path, "ab") as handle:
        handle.write(json.dumps(old).encode() + b"\n")
    assert log.record("save", "a-conference")
    assert log.verify() == []


def test_a_very_long_detail_is_cut_with_a_marker_and_still_logged(store):
    assert store.audit.record("send", "a-conference", "y" * (MAX_DETAIL + 500))
    (event,) = store.audit.events()
    assert event.detail == "y" * MAX_DETAIL + " [cut: 500 more characters]"
    assert store.audit.verify() == []


@pytest.mark.parametrize("tail", [b"", b"\n\n\n", b'{"partial'])
def test_the_chain_goes_on_after_blank_lines_or_a_cut_line(store, tail):
    _chained(store.audit, 1)
    with open(store.audit.path, "ab") as handle:
        handle.write(tail)
    _chained(store.audit, 1)
    expected = ["Line 2 is not an audit event (cut short or edited)."] if tail.strip() else []
    assert store.audit.verify() == expected
