"""The cases a chair found garbled by keys sent in bursts (issue 22), in a real terminal: tmux
at 80×24, each group of keys one ``send-keys`` call with no pause between calls, the record
read back from disk."""

from __future__ import annotations

import os
import signal

import pytest

from .terminal import Terminal
from .test_live_safety import open_app, record


@pytest.fixture
def term(tmp_path):
    terminal = Terminal(tmp_path)
    yield terminal
    terminal.close()


def quit_app(terminal) -> None:
    terminal.keys("C-q")
    terminal.wait_exit()


def test_attendance_a_then_the_name_at_once(term, cli, demo):
    open_app(term, cli, demo)
    term.keys("C-l", "a", "Marcus Bell")
    term.keys("Enter", "Youth worker", "C-s", "Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    added = record(cli, demo.id)["attendees"][-1]
    assert (added["name"], added["role"]) == ("Marcus Bell", "Youth worker")


def test_attendance_through_the_drop_down_and_on_to_the_next_attendee(term, cli, demo):
    open_app(term, cli, demo)
    # Enter moves past the drop-down like any field; "a" picks "apologies" there
    term.keys("C-l", "a", "Marcus Bell", "Enter", "Tenancy Sustainment Officer", "Enter")
    term.keys("Housing", "Enter", "a", "Enter", "marcus@council.example", "Enter")
    term.keys("a", "Sofia Romano", "Enter", "Detached Youth Worker", "C-s")
    term.keys("Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    people = {a["name"]: a for a in record(cli, demo.id)["attendees"]}
    marcus, sofia = people["Marcus Bell"], people["Sofia Romano"]
    assert (marcus["role"], marcus["agency"], marcus["attendance"], marcus["email"]) == (
        "Tenancy Sustainment Officer",
        "Housing",
        "apologies",
        "marcus@council.example",
    )
    assert (sofia["role"], sofia["attendance"]) == ("Detached Youth Worker", "present")


def test_scaling_score_reason_down_and_the_next_score(term, cli, demo):
    open_app(term, cli, demo)
    term.keys("C-y", "5", "Enter", "C-u", "The youth club is full.", "Enter", "Down", "6")
    term.keys("Enter", " Better lighting.", "Enter", "Down", "3", "Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    scores = {s["attendee"]: s for s in record(cli, demo.id)["scaling"]["scores"]}
    first, second, third = (scores[name] for name in ("Priya Okafor", "Tom Brennan", "Gwen Hollis"))
    assert (first["score"], first["reason"]) == (5, "The youth club is full.")
    # the reason box opens with the cursor at the end of that person's own reasoning
    before = next(s.reason for s in demo.scaling.scores if s.attendee == "Tom Brennan")
    assert (second["score"], second["reason"]) == (6, before + " Better lighting.")
    assert third["score"] == 3


def test_details_enter_goes_past_the_drop_down(term, cli, demo):
    open_app(term, cli, demo)
    term.keys("C-o", "d", "C-u", "Riverside Skatepark", "Enter", "Enter", "C-u", "By the river")
    term.keys("Enter", "C-u", "Riverside Pavilion", "Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    context = record(cli, demo.id)["context"]
    assert (context["name"], context["type"]) == ("Riverside Skatepark", demo.context.type)
    assert (context["description"], context["venue"]) == ("By the river", "Riverside Pavilion")


def test_tab_goes_round_the_fields_and_escape_always_cancels(term, cli, demo):
    open_app(term, cli, demo)
    term.keys("C-l", "a", *["Tab"] * 5, "Jo Bell", "Escape")  # five Tabs: back on Name
    term.wait_for_text("It is not saved")  # leaving with typing asks
    term.keys("d")
    term.wait_for_text("Attendance —")
    term.keys("a", *["Tab"] * 7, "Escape", "a", "C-s")  # an empty form adds nothing
    term.wait_for_text("Nothing was typed")
    term.keys("a", *["Tab"] * 5, "Jo Bell", "C-s", "Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    names = [a["name"] for a in record(cli, demo.id)["attendees"]]
    assert names == [a.name for a in demo.attendees] + ["Jo Bell"]


def test_editing_the_point_just_filed_edits_that_point(term, cli, demo):
    open_app(term, cli, demo)
    for n in range(8):
        term.keys(f"point {n}x", "Enter", "Up", "Enter", "BSpace", f"{n}!", "Enter")
    term.wait_for_text("point 77!")
    quit_app(term)
    concerns = record(cli, demo.id)["points"]["concerns"]
    assert concerns[: len(demo.points.concerns)] == demo.points.concerns
    assert concerns[len(demo.points.concerns) :] == [f"point {n}{n}!" for n in range(8)]


def test_finalising_before_the_conference_day_is_a_sentence(term, cli):
    conference_id = cli.ok("new", "--context", "Ashton Park", "--date", "2099-01-20").strip()
    term.start("open", conference_id, env={**_env(cli)})
    term.wait_for_text("Type a point")
    term.keys("C-o", "f", "y")  # the y of the burst is not the question's answer
    term.wait_for_text("not taken as its")  # said once, in a notice
    term.keys("y")
    term.wait_for_text("can be finalised from then")
    term.keys("still here", "Enter")
    term.wait_for_text("still here")
    assert term.alive()
    quit_app(term)
    saved = record(cli, conference_id)
    assert saved["status"] == "draft" and saved["points"]["concerns"] == ["still here"]


def test_a_hang_up_keeps_a_half_typed_line_as_a_line(term, cli, demo):
    open_app(term, cli, demo)
    term.keys("C-t", "C-t", "half typed under strengths")
    term.wait_for_text("half typed under strengths")
    os.kill(term.pid, signal.SIGHUP)
    term.wait_exit()
    saved = record(cli, demo.id)
    assert saved["points"] == demo.to_dict()["points"]  # not filed as a point
    assert saved["unfiled"] == {"target": "strengths", "text": "half typed under strengths"}
    term.close()
    term.start("open", demo.id, env=_env(cli))
    term.wait_for_text("unfiled")
    term.wait_for_text("Strengths ▸")
    term.wait_for_text("half typed under strengths")
    term.keys(" and filed", "Enter")
    term.wait_for_text("and filed")
    quit_app(term)
    saved = record(cli, demo.id)
    assert saved["points"]["strengths"][-1] == "half typed under strengths and filed"
    assert saved["unfiled"]["text"] == ""


def _env(cli) -> dict[str, str]:
    return {"TERM": "xterm", "CTXTUI_DATA_DIR": str(cli.data_dir), "HOME": os.environ["HOME"]}


class Typed(str):
    """Text the chair types (not counted as a key)."""


def keys_beyond_text(*steps: str) -> int:
    return sum(1 for step in steps if not isinstance(step, Typed))


def test_the_common_moves_take_few_keys(term, cli, demo):
    """The key counts in the README's key table, each sent as one burst from the capture line
    (scaling: from the scaling screen, which stays open while the room is asked)."""
    open_app(term, cli, demo)
    edit_newest = [Typed("dealing seen at the bus stop"), "Enter", "Up", "Enter", Typed(" daily")]
    edit_newest += ["Enter"]
    attendee = ["C-e", Typed("Marcus Bell"), "Enter", Typed("Youth worker"), "Enter"]
    attendee += [Typed("Youth service"), "C-s"]
    plan_row = ["Up", "C-w", Typed("Police"), "Enter", Typed("By March"), "C-s"]
    score = ["5", "Enter", Typed(" Patrols help."), "Enter"]
    counts = {
        "edit the point just filed": keys_beyond_text(*edit_newest) - 1,  # its own filing Enter
        "add an attendee": keys_beyond_text(*attendee),
        "a plan row from a point": keys_beyond_text(*plan_row),
        "a scaling score with its reason": keys_beyond_text(*score),
    }
    assert counts == {
        "edit the point just filed": 3,
        "add an attendee": 4,
        "a plan row from a point": 4,
        "a scaling score with its reason": 3,
    }
    for steps in (edit_newest, attendee, plan_row):
        term.keys(*steps)
    term.wait_for_text("Plan row added")
    term.keys("C-y", *score, "Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    saved = record(cli, demo.id)
    assert saved["points"]["concerns"][-1] == "dealing seen at the bus stop daily"
    assert saved["attendees"][-1] == {
        "name": "Marcus Bell",
        "role": "Youth worker",
        "agency": "Youth service",
        "attendance": "present",
        "email": "",
        "agreement_signed": "",
        "agreement_reference": "",
    }
    row = saved["actions"][-1]
    assert (row["worry"], row["agency"], row["timescale"]) == (
        "dealing seen at the bus stop daily",
        "Police",
        "By March",
    )
    first = saved["scaling"]["scores"][0]
    assert first["score"] == 5 and first["reason"].endswith(" Patrols help.")


def test_escape_twice_then_a_ctrl_key_in_one_burst(term, cli, demo):
    """A terminal reads Escape before a Ctrl key as Alt+Ctrl and dropped the Escape: two
    levels back, then the go-to menu, must still be two Escapes, Ctrl+O and d."""
    open_app(term, cli, demo)
    term.keys("C-y", "Enter", " Noted.", "Escape", "Escape", "C-o", "d")
    term.wait_for_text("Conference date")
    term.keys("Escape", "C-l", "Escape", "Enter", "Escape")  # Escape before Enter too
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    first = record(cli, demo.id)["scaling"]["scores"][0]
    assert first["reason"].endswith(" Noted.")


def test_escape_then_a_long_run_of_typing_in_one_burst(term, cli, demo):
    """Textual's parser gave an Escape followed at once by many characters back as "^": the
    attendance screen stayed open and the typing went into a new attendee."""
    open_app(term, cli, demo)
    term.keys("C-l", "a", "Ana Lima", "Tab", "Nurse", "Tab", "Health", "Enter", "a", "Enter")
    term.keys("C-s", "Escape", "after the attendee was added", "Enter", "C-y", "6", "Enter")
    term.keys("C-u", "Lights fixed", "Enter", "Escape")
    term.wait_for_text("Concerns ▸")
    quit_app(term)
    saved = record(cli, demo.id)
    assert saved["points"]["concerns"][-1] == "after the attendee was added"
    assert [a["name"] for a in saved["attendees"]][-1] == "Ana Lima"
    assert (saved["scaling"]["scores"][0]["score"], saved["scaling"]["scores"][0]["reason"]) == (
        6,
        "Lights fixed",
    )
