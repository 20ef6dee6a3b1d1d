"""The editor (no UI): every change bumps the version the autosaver watches; deletes undo."""

from __future__ import annotations

import datetime as dt

import pytest

from ctxtui.catalogue import BY_TYPE, COMMON, interventions_for
from ctxtui.demo import demo_conference
from ctxtui.editing import Editor, TooLong, agenda_status, clean_point, next_target
from ctxtui.model import CONTEXT_TYPES, MAX_TEXT, Action


@pytest.fixture
def editor():
    return Editor(demo_conference(), now=lambda: dt.datetime(2026, 1, 20, 10, 0, 0))


def test_clean_point_makes_one_trimmed_paragraph():
    assert clean_point("  two\nlines\x1b[2J and\ttabs \x07") == "two lines and tabs"
    assert clean_point("\n \t") == ""


def test_every_change_bumps_the_version(editor):
    steps = [
        lambda: editor.add_point("concerns", "x"),
        lambda: editor.edit_point("concerns", 0, "edited"),
        lambda: editor.move_point("concerns", 0, 1),
        lambda: editor.move_to("concerns", 0, "strengths"),
        lambda: editor.delete_point("strengths", 0),
        lambda: editor.undo(),
        lambda: editor.add_action(Action(worry="w")),
        lambda: editor.cycle_action_status(0),
        lambda: editor.set_score("Priya Okafor", 9),
        lambda: editor.set_reason("Priya Okafor", "why"),
        lambda: editor.next_agenda_item(),
    ]
    for step in steps:
        before = editor.version
        step()
        assert editor.version > before


def test_nothing_to_file_changes_nothing(editor):
    before = (editor.version, list(editor.points("concerns")))
    assert editor.add_point("concerns", "  \n ") is None
    assert (editor.version, editor.points("concerns")) == before


def test_too_long_is_refused_whole(editor):
    with pytest.raises(TooLong):
        editor.add_point("concerns", "x" * (MAX_TEXT + 1))
    assert editor.add_point("concerns", "y" * 50_000) is not None  # a big paste is fine


def test_undo_restores_in_reverse_order_and_place(editor):
    original = list(editor.points("concerns"))
    editor.delete_point("concerns", 1)
    editor.delete_point("concerns", 0)
    assert editor.undo() and editor.undo()
    assert editor.points("concerns") == original
    assert editor.undo() is None


def test_emptying_a_point_deletes_it_with_undo(editor):
    original = list(editor.points("safety_plan"))
    assert editor.edit_point("safety_plan", 2, "   ") is False
    assert editor.points("safety_plan") == original[:2]
    editor.undo()
    assert editor.points("safety_plan") == original


def test_targets_cycle_in_the_key_contract_order():
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


def test_agenda_times(editor):
    conference = editor.conference
    editor.next_agenda_item()
    status = agenda_status(conference, dt.datetime(2026, 1, 20, 10, 4, 30))
    assert (status.index, status.item_elapsed, status.meeting_elapsed) == (0, 270, 270)
    assert status.meeting_planned == 2 * 3600  # 10:00 to 12:00 from the details


def test_catalogue_offers_the_context_type_first():
    assert set(BY_TYPE) == set(CONTEXT_TYPES)
    for context_type in CONTEXT_TYPES:
        offered = interventions_for(context_type)
        assert offered[: len(BY_TYPE[context_type])] == list(BY_TYPE[context_type])
        assert set(COMMON) <= set(offered)
        assert len(offered) == len(set(offered))
