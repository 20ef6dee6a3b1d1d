"""The editor (no UI): every change bumps the version the autosaver watches; deletes undo."""

from __future__ import annotations

import datetime as dt

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.agenda import agenda_status
from ctxtui.core.catalogue import BY_TYPE, COMMON, interventions_for
from ctxtui.core.labels import next_target, previous_target
from ctxtui.core.record import CONTEXT_TYPES, MAX_TEXT, Action, Attendee
from ctxtui.core.rules import BadValue, ReadOnly, Refused, TooLong, clean_point
from ctxtui.meeting.editing import Editor


@pytest.fixture
def editor():
    return Editor(demo_conference(), now=lambda: dt.datetime(2026, 1, 20, 10, 0, 0))


def test_clean_point_makes_one_trimmed_paragraph():
    assert clean_point("  two\nlines\x1b[2J and\ttabs \x07") == "two lines and tabs"
    assert clean_point("\n \t") == ""


def test_every_change_bumps_the_version(editor):
    steps = [
        lambda: editor.points.add("concerns", "x"),
        lambda: editor.points.edit("concerns", 0, "edited"),
        lambda: editor.points.move("concerns", 0, 1),
        lambda: editor.points.move_to("concerns", 0, "strengths"),
        lambda: editor.points.delete("strengths", 0),
        lambda: editor.undo(),
        lambda: editor.rows.add("actions", Action(worry="w")),
        lambda: editor.rows.cycle_action_status(0),
        lambda: editor.scores.set_score("Priya Okafor", 9),
        lambda: editor.scores.set_reason("Priya Okafor", "why"),
        lambda: editor.next_agenda_item(),
    ]
    for step in steps:
        before = editor.version
        step()
        assert editor.version > before


def test_nothing_to_file_changes_nothing(editor):
    before = (editor.version, list(editor.points.of("concerns")))
    assert editor.points.add("concerns", "  \n ") is None
    assert (editor.version, editor.points.of("concerns")) == before


def test_too_long_is_refused_whole(editor):
    with pytest.raises(TooLong):
        editor.points.add("concerns", "x" * (MAX_TEXT + 1))
    assert editor.points.add("concerns", "y" * 50_000) is not None  # a big paste is fine


def test_undo_restores_in_reverse_order_and_place(editor):
    original = list(editor.points.of("concerns"))
    editor.points.delete("concerns", 1)
    editor.points.delete("concerns", 0)
    assert editor.undo() and editor.undo()
    assert editor.points.of("concerns") == original
    assert editor.undo() is None


def test_emptying_a_point_deletes_it_with_undo(editor):
    original = list(editor.points.of("safety_plan"))
    assert editor.points.edit("safety_plan", 2, "   ") is False
    assert editor.points.of("safety_plan") == original[:2]
    editor.undo()
    assert editor.points.of("safety_plan") == original


def test_targets_cycle_in_the_key_contract_order_both_ways():
    order = ["concerns"]
    for _ in range(5):
        order.append(next_target(order[-1]))
    assert order == [
        "concerns",
        "complicating",
        "strengths",
        "safety_plan",
        "safety_goals",
        "concerns",
    ]
    backwards = ["concerns"]
    for _ in range(5):
        backwards.append(previous_target(backwards[-1]))
    assert backwards == list(reversed(order))


def test_agenda_times(editor):
    conference = editor.conference
    editor.next_agenda_item()
    status = agenda_status(conference, dt.datetime(2026, 1, 20, 10, 4, 30))
    assert (status.current, status.item_elapsed, status.meeting_elapsed) == (0, 270, 270)
    assert status.meeting_planned == 2 * 3600  # 10:00 to 12:00 from the details


def test_catalogue_offers_the_context_type_first():
    assert set(BY_TYPE) == set(CONTEXT_TYPES)
    for context_type in CONTEXT_TYPES:
        offered = interventions_for(context_type)
        assert offered[: len(BY_TYPE[context_type])] == list(BY_TYPE[context_type])
        assert set(COMMON) <= set(offered)
        assert len(offered) == len(set(offered))


# Every kind of change, as (name, change); each must be undone exactly and redone exactly.
EVERY_CHANGE = [
    ("file a point", lambda e: e.points.add("strengths", "Youth club open late")),
    ("edit a point", lambda e: e.points.edit("concerns", 0, "Reworded")),
    ("delete a point", lambda e: e.points.delete("concerns", 1)),
    ("reorder points", lambda e: e.points.move("concerns", 0, 1)),
    ("move a point", lambda e: e.points.move_to("concerns", 0, "safety_plan")),
    ("add a plan row", lambda e: e.rows.add("actions", Action(worry="w", intervention="i"))),
    ("change a plan row", lambda e: e.rows.update("actions", 0, Action(worry="changed"))),
    ("delete a plan row", lambda e: e.rows.delete("actions", 0)),
    ("reorder plan rows", lambda e: e.rows.move("actions", 0, 1)),
    ("cycle a status", lambda e: e.rows.cycle_action_status(0)),
    (
        "add an attendee",
        lambda e: e.rows.add("attendees", Attendee("New Person", "Role", "Housing")),
    ),
    ("change an attendee", lambda e: e.rows.update("attendees", 0, Attendee("Renamed"))),
    ("cycle attendance", lambda e: e.rows.cycle_attendance(0)),
    ("remove an attendee", lambda e: e.rows.delete("attendees", 0)),
    ("reorder attendees", lambda e: e.rows.move("attendees", 0, 1)),
    ("score", lambda e: e.scores.set_score("Priya Okafor", 2)),
    ("reason", lambda e: e.scores.set_reason("Priya Okafor", "New reasoning")),
    ("danger statement", lambda e: e.set_field("danger_statement", "Changed statement")),
    ("a detail", lambda e: e.set_field("dates.review", "2026-04-01")),
    ("the scaling question", lambda e: e.set_field("scaling.question", "How safe?")),
    ("dismiss a flag", lambda e: e.dismiss_flags(["name:Someone"])),
    ("start the agenda", lambda e: e.next_agenda_item()),
    ("the priorities", lambda e: e.set_priorities(["Light the underpass", "", "Bus stop"])),
]


@pytest.mark.parametrize("name,change", EVERY_CHANGE, ids=[n for n, _ in EVERY_CHANGE])
def test_undo_and_redo_every_kind_of_change(editor, name, change):
    before = editor.conference.to_dict()
    change(editor)
    after = editor.conference.to_dict()
    assert after != before, f"{name} changed nothing"
    assert editor.undo()
    assert editor.conference.to_dict() == before
    assert editor.redo()
    assert editor.conference.to_dict() == after
    assert editor.redo() is None


def test_undo_goes_many_steps_deep_and_a_new_change_drops_the_redo(editor):
    original = editor.conference.to_dict()
    for n in range(30):
        editor.points.add("concerns", f"point {n}")
    for _ in range(30):
        assert editor.undo()
    assert editor.conference.to_dict() == original
    assert editor.undo() is None
    editor.points.add("strengths", "new")
    assert editor.redo() is None


def test_typing_into_one_field_is_one_undo_step(editor):
    original = editor.conference.danger_statement
    for n in range(1, 6):
        editor.set_field("danger_statement", original + "x" * n)
    assert editor.undo() == "Danger statement changed"
    assert editor.conference.danger_statement == original


def test_undo_on_final_or_read_only_minutes_is_refused_with_a_sentence(editor):
    editor.points.add("concerns", "x")
    editor.finalise()
    with pytest.raises(Refused, match="final"):
        editor.undo()
    read_only = Editor(demo_conference(), read_only=True)
    with pytest.raises(ReadOnly):
        read_only.points.add("concerns", "x")
    with pytest.raises(ReadOnly):
        read_only.undo()


def test_a_vanished_point_or_row_is_refused_not_a_crash(editor):
    with pytest.raises(Refused, match="no longer there"):
        editor.points.delete("concerns", 999)
    with pytest.raises(Refused):
        editor.points.edit("strengths", -5, "x")
    with pytest.raises(Refused):
        editor.rows.update("actions", 99, Action())
    with pytest.raises(BadValue):
        editor.scores.set_score("Priya Okafor", 11)


@pytest.mark.parametrize(
    "target,field",
    [
        ("concerns", "worry"),
        ("complicating", "worry"),
        ("strengths", "helping"),
        ("safety_plan", "intervention"),
        ("safety_goals", "goal"),
    ],
)
def test_a_plan_row_from_a_point_fills_the_matching_column_and_adds_nothing(editor, target, field):
    text = editor.points.of(target)[0]
    rows = len(editor.conference.actions)
    action = editor.points.as_action(target, 0)
    assert getattr(action, field) == text
    assert [name for name in vars(action) if getattr(action, name) == text] == [field]
    assert len(editor.conference.actions) == rows  # added only when the form is done


def test_the_amendment_log_uses_the_labels_users_see(editor):
    editor.finalise()
    editor.amend("Correct the date")
    editor.set_field("dates.conference", "2026-01-21")
    assert editor.conference.amendments[-1].changes == ["Conference date changed"]


def test_the_planned_length_counts_minutes_across_the_hour():
    from ctxtui.core.agenda import planned_seconds
    from ctxtui.core.record import Conference, Dates

    def planned(start: str, end: str) -> int:
        return planned_seconds(Conference(dates=Dates(start_time=start, end_time=end)))

    assert planned("10:45", "11:15") == 30 * 60
    assert planned("09:05", "17:50") == (8 * 60 + 45) * 60
    assert planned("11:00", "10:00") == planned("", "")  # backwards: the agenda's own sum
