"""The service's own words (issue 40): confirmed once as not a name, never asked again in any
conference; a word confirmed as a name is never learned as safe; the list is plain, kept with
the conferences, audited, and reachable from the app and the command line."""

from __future__ import annotations

import json

from ctxtui.cli.demo import demo_conference
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.names_check import NamesCheckScreen
from ctxtui.storage.copies import WORDS, copies
from ctxtui.storage.search import search
from ctxtui.storage.store import Store

from .conftest import burst, wait_for

PLACE = "The older group hang about by Quarrendon after school."
SLANG = "Staff heard talk of vorbing near the garages."


def _with(store: Store, *points: str) -> str:
    conference = demo_conference()
    conference.points.concerns.extend(points)
    return store.create(conference).id


def _asked(meeting: Meeting) -> list[str]:
    return [f.text for f in meeting.names_to_check()]


def test_a_service_word_is_never_asked_again_in_any_conference(store):
    first, second = _with(store, PLACE), _with(store, PLACE, SLANG)
    meeting = Meeting(store, first)
    try:
        assert "Quarrendon" in _asked(meeting)
        assert meeting.answer_names(["Quarrendon"], "service") == []
        assert "Quarrendon" not in _asked(meeting)
        assert meeting.conference.names_check.not_names == []  # the service's, not this record's
    finally:
        meeting.close()
    other = Meeting(store, second)
    try:
        assert _asked(other) == ["vorbing"]
        other.answer_names(["vorbing"], "here")
        assert _asked(other) == []
    finally:
        other.close()
    again = Meeting(store, first)
    try:
        assert "vorbing" not in _asked(again)  # answered here only: never known there
    finally:
        again.close()
    listed = (store.root / "service-words.tsv").read_text()
    assert "Quarrendon\t" in listed and "vorbing" not in listed
    assert [e.detail for e in store.audit.events() if e.action == "words"] == ["1 added"]


def test_a_word_confirmed_as_a_name_is_never_learned_as_safe(store, cli):
    cid = _with(store, "Youth workers often chat with tovrin by the shops.")
    meeting = Meeting(store, cid)
    try:
        meeting.answer_names(["tovrin"], "name")
        assert meeting.answer_names(["Tovrin"], "service") == ["Tovrin"]
    finally:
        meeting.close()
    refused = cli("words", "add", "tovrin", "Hollowmere")
    assert refused.returncode == 1 and "confirmed as a person's name" in refused.stderr
    listed = (store.root / "service-words.tsv").read_text()
    assert "tovrin" not in listed.lower() and "Hollowmere" in listed  # only a digest is kept


def test_the_words_command_lists_adds_removes_exports_and_imports(store, cli, tmp_path):
    assert "no words of its own" in cli.ok("words")
    assert "2 word(s) added." in cli.ok("words", "add", "Quarrendon", "Hollowmere")
    assert [line.split("\t")[0] for line in cli.ok("words", "list").splitlines()] == [
        "Hollowmere",
        "Quarrendon",
    ]
    exported = tmp_path / "words.tsv"
    cli.ok("words", "export", "--out", str(exported))
    assert "1 word(s) removed." in cli.ok("words", "remove", "hollowmere")
    other = Store(tmp_path / "other")
    from tests.conftest import Cli

    elsewhere = Cli(other.root)
    assert "2 word(s) added." in elsewhere.ok("words", "import", str(exported))
    plain = tmp_path / "plain.txt"
    plain.write_text("# our places\nBrindley Fields\n\nMarrowgate\n", encoding="utf-8")
    assert "3 word(s) added." in elsewhere.ok("words", "import", str(plain))
    assert cli("words", "add").returncode == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    assert cli("words", "import", str(bad)).returncode == 2
    cid = _with(store, PLACE)
    assert "Quarrendon" not in cli("check", cid, "--names").stdout


def test_the_list_is_a_copy_search_finds(store, cli):
    cli.ok("words", "add", "Zarvona")
    assert {c.kind for c in copies(store.root)} >= {WORDS}
    found = search(store.root, "zarvona").mentions
    assert [(m.copy.kind, m.place) for m in found] == [(WORDS, "The service's words, line 4")]


def test_the_conference_s_own_context_venue_and_agencies_are_never_asked(store):
    conference = demo_conference()
    conference.context.name = "Quarrendon Rise"
    conference.context.venue = "Hollowmere Hall"
    conference.attendees[0].agency = "Brackwater Trust"
    conference.points.concerns.append("Quarrendon, Hollowmere and Brackwater volunteers met.")
    cid = store.create(conference).id
    meeting = Meeting(store, cid)
    try:
        assert _asked(meeting) == []
    finally:
        meeting.close()


async def test_the_service_key_in_the_names_check(store, make_app):
    cid = _with(store, PLACE, SLANG)
    app = make_app(cid)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+o", "k")
        await wait_for(lambda: isinstance(app.screen, NamesCheckScreen))
        assert app.screen.words == ["Quarrendon", "vorbing"]
        await burst(pilot, "s", "n")  # for the service, then here only: in order
        await wait_for(lambda: not isinstance(app.screen, NamesCheckScreen))
        await pilot.press("ctrl+s")
        await wait_for(lambda: store.load(cid).names_check.not_names == ["vorbing"])
    record = store.load(cid)
    assert record.names_check.not_names == ["vorbing"]
    assert "Quarrendon" in (store.root / "service-words.tsv").read_text()
    assert json.dumps(record.to_dict()).count("Quarrendon") == 1  # only in the point itself
