"""Across conferences: ``ctxtui actions`` lists the rows still to do of each chain's last
conference from the plan rows' index, ``--overdue`` exactly the late ones; the index follows
every save, is a copy search and redaction know, and forgets a deleted conference. Every name
and place is invented."""

from __future__ import annotations

import datetime as dt
import json
import os

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Action, Closure, Conference
from ctxtui.core.review import start_review
from ctxtui.meeting.meeting import Conferences
from ctxtui.meeting.service import find_mentions, redact
from ctxtui.storage.conffile import encode_document
from ctxtui.storage.copies import PLAN_INDEX, copies

TODAY = "2026-05-11"


def place(name: str, held: str, rows: list[Action]) -> Conference:
    conference = demo_conference()
    conference.context.name = name
    conference.dates.conference = held
    conference.actions = rows
    return conference


def folder(store) -> dict[str, str]:
    """Four chains: a plain one, one with a review (the first's rows handed on), a closed
    one, and one with no rows still to do; their last conferences' ids by name."""
    ferry = store.create(
        place(
            "Ferry Lane skate park",
            "2026-02-03",
            [
                Action(intervention="Fix the floodlight timer", agency="Council", due="2026-05-10"),
                Action(intervention="Outreach on Saturdays", agency="Youth service", due=TODAY),
                Action(intervention="Ask the bus company", agency="Transport", status="done"),
                Action(intervention="Café staff briefing", agency="Community safety"),
                Action(
                    intervention="Report on drop-off times",
                    agency="Transport",
                    due="2026-04-30",
                    status="not-done",
                ),
            ],
        )
    )
    first = store.create(
        place(
            "Orchard Row garages",
            "2026-01-12",
            [
                Action(intervention="Lock the garage block", agency="Housing", due="2026-02-01"),
                Action(intervention="Mentoring offer", agency="Youth service", due="2026-03-01"),
            ],
        )
    )
    review = start_review(first, dt.date(2026, 4, 13))
    review.actions[1].status = "in-progress"
    review.actions[1].progress = "Two mentors matched"
    review.actions[1].due = "2026-06-01"
    review = store.create(review)
    closed = place(
        "Mill Street underpass",
        "2026-01-05",
        [Action(intervention="Mural project", agency="Youth service", due="2026-02-02")],
    )
    closed.closure = Closure("risk-reduced", "", ["Chair"], "2026-04-01")
    closed = store.create(closed)
    quiet = store.create(
        place("Quay Road", "2026-03-09", [Action(intervention="Done", status="dropped")])
    )
    return {"ferry": ferry.id, "orchard": review.id, "mill": closed.id, "quay": quiet.id}


def test_actions_lists_each_chains_rows_still_to_do(cli, store):
    ids = folder(store)
    listed = cli.json("actions", "--json", "--today", TODAY)
    assert [(r["context"], r["row"], r["due"], r["overdue"]) for r in listed] == [
        ("Orchard Row garages", 1, "2026-02-01", True),
        ("Ferry Lane skate park", 5, "2026-04-30", False),  # not done: carried, not "late"
        ("Ferry Lane skate park", 1, "2026-05-10", True),
        ("Ferry Lane skate park", 2, TODAY, False),  # due today is not late yet
        ("Orchard Row garages", 2, "2026-06-01", False),
        ("Ferry Lane skate park", 4, "", False),
    ]
    mentoring = listed[4]
    assert mentoring == {
        "conference": ids["orchard"],
        "context": "Orchard Row garages",
        "row": 2,
        "intervention": "Mentoring offer",
        "agency": "Youth service",
        "due": "2026-06-01",
        "status": "in-progress",
        "progress": "Two mentors matched",
        "timescale": "",
        "overdue": False,
    }
    text = cli.ok("actions", "--today", TODAY)
    assert "2026-02-01  open         Housing: Lock the garage block" in text
    assert "OVERDUE" in text and "Mural project" not in text


def test_actions_overdue_lists_exactly_the_late_rows(cli, store):
    ids = folder(store)
    late = cli.json("actions", "--overdue", "--json", "--today", TODAY)
    assert [(r["conference"], r["row"]) for r in late] == [(ids["orchard"], 1), (ids["ferry"], 1)]
    youth = cli.json("actions", "--agency", "youth", "--json", "--today", TODAY)
    assert [r["intervention"] for r in youth] == ["Outreach on Saturdays", "Mentoring offer"]
    none = cli("actions", "--overdue", "--agency", "transport", "--today", TODAY)
    assert none.returncode == 0 and none.stdout == ""
    assert "No rows still to do past their due date." in none.stderr


def test_the_index_follows_saves_and_is_trusted_only_while_nothing_changed(store, clock):
    ids = folder(store)
    conferences = Conferences(store, clock)
    today = dt.date.fromisoformat(TODAY)
    rows, problems = conferences.open_actions(today, overdue_only=True)
    assert len(rows) == 2 and problems == []
    index = store.root / "actions.json"
    assert index.exists() and oct(index.stat().st_mode & 0o777) == "0o600"
    ferry = store.load(ids["ferry"])
    ferry.actions[0].status = "done"
    store.save(ferry)
    rows, _ = conferences.open_actions(today, overdue_only=True)
    assert [r.intervention for r in rows] == ["Lock the garage block"]
    # a colleague's hand-made index that says otherwise is not believed once files change
    data = json.loads(index.read_text())
    entry = data["entries"][ids["ferry"]].split("\n")
    entry[0] = "0.0.0"  # the stamp of no file
    entry[5:] = ["1", "Planted row", "Police", "", "open", "", ""]
    data["entries"][ids["ferry"]] = "\n".join(entry)
    index.write_text(json.dumps(data))
    os.utime(store.folder)  # the folder changed: each entry is checked against its file
    rows, _ = conferences.open_actions(today)
    shown = [r.intervention for r in rows]
    assert "Planted row" not in shown and "Fix the floodlight timer" not in shown
    assert "Outreach on Saturdays" in shown


def test_a_broken_file_is_named_and_stored_text_is_made_safe(cli, store):
    ids = folder(store)
    (store.folder / "broken-2026-01-01.json").write_text("{not json", encoding="utf-8")
    planted = store.load(ids["ferry"]).to_dict()  # a file a colleague wrote by hand
    planted["actions"][3]["agency"] = "Community\x1b]0;owned\x07 safety"
    store.path_for(ids["ferry"]).write_bytes(encode_document(planted))
    result = cli("actions", "--today", TODAY)
    assert result.returncode == 0
    assert "broken-2026-01-01.json cannot be read" in result.stderr
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout
    again = cli("actions", "--today", TODAY)  # from the index, just as safe
    assert "\x1b" not in again.stdout and "\\x1b" in again.stdout


def test_the_index_is_a_copy_search_redaction_and_deletion_know(store, clock):
    ids = folder(store)
    Conferences(store, clock).open_actions(dt.date.fromisoformat(TODAY))
    assert PLAN_INDEX in {c.kind for c in copies(store.root)}
    found = find_mentions(store, "floodlight")
    assert {m.copy.kind for m in found.mentions} >= {"record", PLAN_INDEX}
    done = redact(store, [ids["ferry"]], "floodlight", "[lamp]", "test")
    assert not done.refused
    assert PLAN_INDEX not in {m.copy.kind for m in find_mentions(store, "floodlight").mentions}
    store.delete(ids["ferry"])
    assert find_mentions(store, "Saturdays").mentions == []  # gone from the index too


def plant(data: dict, conference_id: str, cell: int, text: str) -> None:
    """``text`` in one cell of every row of a conference that the index keeps for a query."""
    for agency, rows in data["shown"].items():
        cells = rows.split("\n")
        for i in range(0, len(cells), 9):  # conference, context, number, intervention, …
            if cells[i] == conference_id:
                cells[i + cell] = text
        data["shown"][agency] = "\n".join(cells)


def test_a_hand_made_index_is_made_safe_before_it_is_shown(cli, store, clock):
    from ctxtui.storage.listing import folder_stamp

    ids = folder(store)
    cli.ok("actions", "--today", TODAY)  # the index made
    index = store.root / "actions.json"
    made = json.loads(index.read_text())
    # a control character (JSON writes it as an escape) and a text-direction one (as it is),
    # read from an index trusted whole (the folder as it was) and checked file by file
    for planted in ("Ferry\x1b]0;owned\x07 Lane", "Ferry \u202eLane"):
        for trusted in (folder_stamp(store.folder), None):
            data = json.loads(json.dumps(made))
            plant(data, ids["ferry"], 1, planted)  # the context's name (its entry's, read
            plant(data, ids["ferry"], 3, planted)  # file by file) and the intervention
            data["folder"] = trusted
            index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            visible = {"Ferry\\x1b]0;owned\\x07 Lane", "Ferry \\u202eLane"}  # escapes shown
            text = cli.ok("actions", "--today", TODAY)
            as_json = cli.ok("actions", "--json", "--today", TODAY)
            for shown in (text, as_json):
                assert "\x1b" not in shown and "\u202e" not in shown
            assert any(name in text for name in visible)
            said = [(row["context"], row["intervention"]) for row in json.loads(as_json)]
            assert {cell for both in said for cell in both} & visible


def test_a_hand_made_index_shows_no_row_of_another_agency(cli, store):
    from ctxtui.storage.listing import folder_stamp

    ids = folder(store)
    cli.ok("actions", "--today", TODAY)  # the index made
    index = store.root / "actions.json"
    data = json.loads(index.read_text())
    assert set(data["shown"]) >= {"council", "youth service", "transport", "housing"}
    data["shown"]["housing"] += "\n" + data["shown"].pop("council")  # a Council row filed wrong
    data["folder"] = folder_stamp(store.folder)  # trusted whole
    index.write_text(json.dumps(data), encoding="utf-8")
    housing = cli.json("actions", "--agency", "housing", "--json", "--today", TODAY)
    assert [(r["conference"], r["agency"]) for r in housing] == [(ids["orchard"], "Housing")]
    # a group of the wrong shape: the index is not believed, and is made again from the files
    data["shown"]["housing"] += "\nstray"
    index.write_text(json.dumps(data), encoding="utf-8")
    council = cli.json("actions", "--agency", "council", "--json", "--today", TODAY)
    assert [r["intervention"] for r in council] == ["Fix the floodlight timer"]
    assert "stray" not in index.read_text()


def test_a_conference_reviewed_is_shown_again_when_its_review_is_deleted(store, clock):
    ids = folder(store)
    conferences = Conferences(store, clock)
    today = dt.date.fromisoformat(TODAY)
    first = store.load(ids["orchard"]).previous_id
    rows, _ = conferences.open_actions(today, "youth")
    assert [(r.conference, r.due) for r in rows if "Orchard" in r.context] == [
        (ids["orchard"], "2026-06-01")
    ]
    store.delete(ids["orchard"])  # the first conference's rows, kept aside, are its own again
    rows, _ = conferences.open_actions(today, "youth")
    assert [(r.conference, r.due) for r in rows if "Orchard" in r.context] == [
        (first, "2026-03-01")
    ]


def test_actions_json_is_one_row_a_line_whatever_the_rows_say(cli, store):
    folder(store)
    tricky = 'Gate the slipway"},{"conference":"x", and {"conference": too'
    store.create(place("Slipway", "2026-03-02", [Action(intervention=tricky, agency="Police")]))
    out = cli.ok("actions", "--json", "--today", TODAY)
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and out.endswith("]\n")
    rows = [json.loads(line.removesuffix(",")) for line in lines[1:-1]]
    assert len(rows) == 7 and all(line.endswith(",") for line in lines[1:-2])
    assert tricky in {row["intervention"] for row in rows}
    assert rows == json.loads(out)
