"""Priorities: up to three issues the meeting keeps to, from the keyboard to the board, the
minutes and the review."""

from __future__ import annotations

import datetime as dt

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import MAX_PRIORITY_TEXT, Conference, ValidationError
from ctxtui.core.review import start_review
from ctxtui.core.rules import BadValue, Finalised
from ctxtui.core.validation import conference_from_dict
from ctxtui.export.markdown import to_markdown
from ctxtui.guard.privacy import scan
from ctxtui.meeting.editing import Editor
from ctxtui.meeting.meeting import Meeting

from .conftest import burst, idle, wait_for

SIZE = (80, 24)


def test_priorities_are_cleaned_kept_in_order_and_typing_is_one_undo_step():
    editor = Editor(Conference())
    editor.set_priorities(["  Light the\nunderpass ", "", "Bus stop"])
    assert editor.conference.priorities == ["Light the underpass", "Bus stop"]
    editor.set_priorities(["Light the underpass", "", "Bus stop at 3:30"])
    assert editor.undo() is not None
    assert editor.conference.priorities == []  # both keystrokes were one step
    with pytest.raises(BadValue, match="At most 3"):
        editor.set_priorities(["a", "b", "c", "d"])
    with pytest.raises(BadValue, match="one short line"):
        editor.set_priorities(["x" * (MAX_PRIORITY_TEXT + 1)])
    assert editor.conference.priorities == []


def test_final_minutes_refuse_new_priorities():
    conference = demo_conference()
    conference.status = "final"
    with pytest.raises(Finalised):
        Editor(conference).set_priorities(["Something else"])


def test_the_record_keeps_at_most_three_and_old_records_have_none():
    data = demo_conference().to_dict()
    assert conference_from_dict(data).priorities == data["priorities"]
    data["priorities"] = ["a", "b", "c", "d"]
    with pytest.raises(ValidationError, match="priorities"):
        conference_from_dict(data)
    del data["priorities"]  # a record written before priorities existed
    assert conference_from_dict(data).priorities == []


def test_the_minutes_list_them_after_the_danger_statement_and_a_review_carries_them():
    conference = demo_conference()
    minutes = to_markdown(conference)
    danger, priorities, view = (
        minutes.index("## Danger statement"),
        minutes.index("## Priorities"),
        minutes.index("## The location lead's view"),
    )
    assert danger < priorities < view
    assert "1. Light the underpass and make the walk home safe" in minutes
    review = start_review(conference, dt.date(2026, 4, 20))
    assert review.priorities == conference.priorities
    conference.priorities = []
    assert "## Priorities" not in to_markdown(conference)


def test_the_guard_reads_the_priorities():
    conference = demo_conference()
    conference.priorities.append("Keep Leon Makinde away from the garage block")
    found = [f for f in scan(conference) if f.section == "priorities"]
    assert [(f.index, f.category, f.text) for f in found] == [(2, "name", "Leon Makinde")]


async def test_priorities_typed_in_a_burst_show_under_the_agenda_and_survive(
    store, demo, clock, make_app
):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o", "y")
        await wait_for(lambda: type(app.screen).__name__ == "PrioritiesScreen")
        await idle(pilot)
        # the whole form in one burst: clear the first, type two, leave
        await burst(pilot, "", "ctrl+u")
        await burst(pilot, "Lights on by 4pm", "tab", "ctrl+u")
        await burst(pilot, "Walk home with a guardian", "tab")
        await burst(pilot, "Third one", "escape")
        await wait_for(lambda: type(app.screen).__name__ == "ConferenceScreen")
        await idle(pilot)
        expected = ["Lights on by 4pm", "Walk home with a guardian", "Third one"]
        assert app.screen.meeting.conference.priorities == expected
        bar = str(app.screen.query_one("#agenda-bar").render())
        assert "Priorities: 1. Lights on by 4pm · 2. Walk home" in bar
        await pilot.press("ctrl+z")  # the typing undone as one step
        await idle(pilot)
        assert app.screen.meeting.conference.priorities == demo.priorities
        await pilot.press("ctrl+r", "ctrl+q")
    saved = Meeting(store, demo.id, clock, read_only=True)
    assert saved.conference.priorities == expected
    saved.close()
