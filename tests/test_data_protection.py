"""Data protection: finding a name in every copy ctxtui keeps, taking it out of each, retention
on a fake clock, and the keyboard paths (search and redact from the home screen)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ctxtui.cli.demo import demo_conference
from ctxtui.core.mentions import Finder, fold, place_of
from ctxtui.core.retention import Retention, past_retention
from ctxtui.core.review import start_review
from ctxtui.meeting.meeting import Meeting
from ctxtui.meeting.service import chain_of, find_mentions, redact
from ctxtui.storage.conffile import encode_document
from ctxtui.storage.copies import AUDIT, BACKUP, CONFLICT, INDEX, RECORD, RESCUE, copies
from ctxtui.storage.rescue import write_rescue
from ctxtui.storage.search import search
from ctxtui.storage.store import Store

PLANTED = "Zoë Quillfeather"  # invented; "zoe quillfeather" must find it


def _folder_with_every_copy(store: Store, clock) -> list[str]:
    """A chain of two conferences with the name planted in a record, a backup, a conflict
    copy, a rescue copy, the index and the audit log; their ids."""
    first = store.create(demo_conference())
    first.points.concerns.append(f"{PLANTED} was named by a neighbour")
    store.save(first)  # the record has the name
    store.save(first)  # and now the backup has it too
    second = store.create(start_review(first, dt.date(2026, 4, 20)))
    conflict = store.path_for(second.id).with_name(f"{second.id}.conflict-20260421-101500.json")
    stranger = second.to_dict()
    stranger["safety_goals"] = [f"Keep {PLANTED.upper()} away from the underpass"]
    conflict.write_bytes(encode_document(stranger))
    renamed = store.load(second.id)
    renamed.context.name = f"The yard ({PLANTED})"
    store.save(renamed)
    rescued = store.load(second.id)
    rescued.discussion.voice = "zoe quillfeather's mother spoke"
    assert write_rescue(rescued, store.root) is not None
    store.list()  # the index now summarises it
    store.audit.record("send", first.id, "zoe.quillfeather@example.org")
    return [first.id, second.id]


def test_every_kind_of_copy_is_listed_and_searched(store, clock):
    ids = _folder_with_every_copy(store, clock)
    kinds = {c.kind for c in copies(store.root)}
    assert kinds == {RECORD, BACKUP, CONFLICT, RESCUE, INDEX, AUDIT}
    found = search(store.root, "quillfeather").mentions
    assert {m.copy.kind for m in found} == kinds
    concern = [m for m in found if m.copy.kind == RECORD and m.conference_id == ids[0]]
    assert [m.place for m in concern] == ["Current concerns / risks / vulnerabilities, point 5"]
    assert {m.conference_id for m in found if m.copy.kind == RESCUE} == {ids[1]}
    assert search(store.root, "Quillfeathers").mentions == []  # whole words only


def test_folding_finds_every_spelling_and_only_whole_words():
    finder = Finder.of("zoe")
    for text in ("Zoë", "ZOE", "Zoe\u0308", "zoë's", "(Zoé)"):
        assert finder.count(text) == 1, text
    for text in ("Zoey", "ozone", "zoes"):
        assert finder.count(text) == 0, text
    assert Finder.of("bjorn").count("Bjørn Ås") == 1
    assert fold("Straße") == "strasse"
    assert Finder.of("zoe").replace("Zoë and zoe\u0308.", "X") == ("X and X.", 2)
    assert place_of("actions[1].worry") == "Intervention plan, row 2, Worry"
    with pytest.raises(ValueError):
        Finder.of("   ")


def test_redaction_takes_the_name_out_of_every_copy_but_the_audit_log(store, clock, tmp_path):
    ids = _folder_with_every_copy(store, clock)
    meeting = Meeting(store, ids[0], clock)
    meeting.export(meeting.snapshot(), "md", tmp_path / "before.md", replace=False)
    assert meeting.finalise()
    meeting.close()
    done = redact(store, chain_of(store, ids[1]), "zoe quillfeather", "[name]", "a child's name")
    assert not done.refused
    assert done.replaced[ids[0]] >= 2 and done.replaced[ids[1]] >= 3
    left = search(store.root, "quillfeather").mentions
    assert {m.copy.kind for m in left} == {AUDIT}  # the log is never rewritten
    assert [(e.action, e.detail) for e in done.handed_out] == [
        ("send", "zoe.quillfeather@example.org"),
        ("export", f"md {tmp_path / 'before.md'}"),
    ]
    first = store.load(ids[0])
    assert first.status == "final"  # final minutes stay final, amended
    assert first.amendments[-1].reason == "Redaction: a child's name"
    assert first.amendments[-1].finalised
    assert "[name] was named by a neighbour" in first.points.concerns
    second = store.load(ids[1])
    assert second.context.name == "The yard ([name])"
    assert second.kind == "review" and second.previous_id == ids[0]
    redactions = [e for e in store.audit.events() if e.action == "redact"]
    assert {e.id for e in redactions} == set(ids)
    assert all(
        "quillfeather" not in e.detail.lower() for e in store.audit.events() if e.action != "send"
    )


def test_redaction_of_one_field_leaves_the_rest(store, clock):
    ids = _folder_with_every_copy(store, clock)
    first = store.load(ids[0])
    first.danger_statement = f"{PLANTED} is at risk"
    store.save(first)
    done = redact(store, [ids[0]], PLANTED, "[name]", "one place only", only="danger_statement")
    assert done.replaced[ids[0]] >= 1
    after = store.load(ids[0])
    assert after.danger_statement == "[name] is at risk"
    assert f"{PLANTED} was named by a neighbour" in after.points.concerns


def test_redaction_of_a_draft_is_undoable_and_refused_while_open_elsewhere(store, clock):
    conference = store.create(demo_conference())
    conference.points.strengths.append(f"{PLANTED} helps")
    store.save(conference)
    holder = Meeting(store, conference.id, clock)
    try:
        done = redact(store, [conference.id], PLANTED, "[name]", "a name")
        assert conference.id in done.refused and not done.replaced
    finally:
        holder.close()
    meeting = Meeting(store, conference.id, clock)
    assert meeting.editor.redact(Finder.of(PLANTED), "[name]", "a name") == 1
    assert meeting.conference.points.strengths[-1] == "[name] helps"
    meeting.editor.undo()
    assert meeting.conference.points.strengths[-1] == f"{PLANTED} helps"
    meeting.close()


def test_the_id_and_dates_are_never_redacted(store, clock):
    conference = store.create(demo_conference())
    dates_before = conference.to_dict()["dates"]
    assert "2026" in conference.id
    meeting = Meeting(store, conference.id, clock)
    # "review" stands in four free texts of the demo (a score's reason, two timescales, an
    # agenda item), and as a date's name; "2026" in two timescales, and in every date and the id
    assert meeting.editor.redact(Finder.of("review"), "X", "test") == 4
    assert meeting.editor.redact(Finder.of("2026"), "X", "test") == 2
    assert meeting.conference.actions[2].timescale == "March X"
    assert meeting.conference.kind == "initial"
    assert meeting.conference.to_dict()["dates"] == dates_before
    assert meeting.conference.id == conference.id
    meeting.close()


def test_deleting_removes_every_copy_of_the_conference(store, clock):
    ids = _folder_with_every_copy(store, clock)
    for cid in ids:
        store.delete(cid)
    left = {c.kind for c in copies(store.root)}
    assert left <= {INDEX, AUDIT}
    assert {m.copy.kind for m in search(store.root, "quillfeather").mentions} == {AUDIT}
    index = json.loads((store.root / "index.json").read_text())
    assert index["entries"] == {}


class _Member:
    def __init__(self, cid, previous, held, closed="", kind_of="school", context="Place"):
        self.id, self.previous_id, self.conference, self.closed = cid, previous, held, closed
        self.type, self.context = kind_of, context


def test_retention_counts_from_closure_or_the_last_conference():
    members = [
        _Member("a1", None, "2015-01-10"),
        _Member("a2", "a1", "2015-04-10", closed="2015-04-10"),
        _Member("b1", None, "2018-03-01", kind_of="online"),
        _Member("b2", "b1", "2019-06-01", kind_of="online"),
        _Member("c1", None, "2024-01-01"),
    ]
    rules = Retention(default=7, by_type={"school": 10})
    assert past_retention(members, rules, dt.date(2025, 4, 9)) == []
    due = past_retention(members, rules, dt.date(2026, 5, 31))
    assert [(p.ids, p.closed, p.expired) for p in due] == [
        (("a1", "a2"), True, dt.date(2025, 4, 10))  # closed: ten years for a school
    ]
    due = past_retention(members, rules, dt.date(2026, 6, 1))
    assert [(p.ids, p.closed) for p in due] == [(("a1", "a2"), True), (("b1", "b2"), False)]
    assert past_retention(members, rules, dt.date(2033, 12, 31))[-1].ids == ("b1", "b2")
    assert [p.ids for p in past_retention(members, rules, dt.date(2034, 1, 1))][-1] == ("c1",)
    assert past_retention(members, Retention(None, {}), dt.date(2100, 1, 1)) == []


def _config(text: str) -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "ctxtui"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def test_retention_command_lists_then_deletes_every_copy(store, cli, clock):
    ids = _folder_with_every_copy(store, clock)
    assert cli("retention").returncode == 2  # no period set: one sentence
    _config("retention_years = { default = 7, neighbourhood = 3 }\n")
    assert "Nothing is past retention" in cli.ok("retention", "--today", "2029-04-19")
    listed = cli.ok("retention", "--today", "2029-04-20")
    assert all(cid in listed for cid in ids)
    refused = cli("retention", "--delete", "--today", "2029-04-20", input="")
    assert refused.returncode == 2 and store.exists(ids[0])
    cli.ok("retention", "--delete", "--yes", "--today", "2029-04-20")
    assert not any(store.exists(cid) for cid in ids)
    assert {c.kind for c in copies(store.root)} <= {INDEX, AUDIT}
    actions = [e.action for e in store.audit.events()]
    assert actions.count("retention") == 3 and actions.count("delete") == 2
    _config("retention_years = { schools = 3 }\n")
    bad = cli("retention")
    assert bad.returncode == 2 and "not a context type" in bad.stderr


def test_search_and_redact_commands(store, cli, clock):
    ids = _folder_with_every_copy(store, clock)
    found = cli.json("search", "QUILLFEATHER", "--json")
    assert {m["copy"] for m in found} == {
        "record",
        "backup",
        "conflict copy",
        "rescue copy",
        "index",
        "audit log",
    }
    assert cli("search", "nobody-at-all").returncode == 1
    out = cli.ok("redact", ids[1], "ZOE quillfeather", "--reason", "a name", "--chain")
    assert "replaced" in out
    found = cli.json("search", "quillfeather", "--json")
    assert {m["copy"] for m in found} == {"audit log"}
    assert cli("redact", ids[0], "   ", "--reason", "x").returncode == 2
    assert "quillfeather" not in (store.root / "audit.log").read_text().lower().replace(
        "zoe.quillfeather@example.org", ""
    )


def test_search_at_a_rescue_copy_of_another_folder_is_not_ours(store, tmp_path, clock):
    other = Store(tmp_path / "other")
    conference = other.create(demo_conference())
    conference.danger_statement = PLANTED
    write_rescue(conference, other.root)
    assert search(store.root, PLANTED).mentions == []
    assert [m.copy.kind for m in search(other.root, PLANTED).mentions] == [RESCUE]


async def test_search_and_redact_from_the_keyboard(make_app, store, clock):
    from ctxtui.screens.search import SearchScreen

    ids = _folder_with_every_copy(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"zoe quillfeather", "enter")
        await pilot.wait_for_scheduled_animations()
        summary = str(app.screen.query_one("#search-summary").render())
        assert "mention(s)" in summary
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("tab", *"a child's name", "tab", "right", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert "Found nowhere" not in str(app.screen.query_one("#search-summary").render())
    left = {m.copy.kind for m in find_mentions(store, "quillfeather").mentions}
    assert left == {AUDIT}
    assert store.load(ids[0]).points.concerns[-1] == "[redacted] was named by a neighbour"


_LETTERS_AND_MARKS = st.sampled_from(list("abzoeBJORN ZOË-–.,²①ﬁøØßé\u0308\u00a0x1"))


@given(st.text(_LETTERS_AND_MARKS, max_size=40), st.sampled_from(["zoe", "bjorn", "2", "fi", "é"]))
def test_the_quick_pass_over_a_text_never_misses_a_mention(text, words):
    """Skipping a text that cannot hold the words is only a shortcut: the mentions found are
    the ones the character-by-character comparison finds."""
    finder = Finder.of(words)
    slow = Finder.of(words)
    object.__setattr__(slow, "_might_be_in", lambda _text: True)
    assert finder.spans(text) == slow.spans(text)
