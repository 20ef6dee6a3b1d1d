"""Reviews, carried-forward actions, finalising and amending, and what is overdue."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.due import overdue
from ctxtui.core.review import carried_actions, match_carried, start_review
from ctxtui.core.rules import Finalised, Refused
from ctxtui.export.markdown import to_markdown
from ctxtui.meeting.editing import Editor
from ctxtui.meeting.meeting import create_review
from ctxtui.screens.conference import ConferenceScreen
from ctxtui.screens.dialogs import ConfirmDialog
from ctxtui.screens.forms import FormScreen

from .conftest import burst, wait_for
from .test_export_markdown import sections

HELD = dt.date(2026, 4, 20)


def initial():
    conference = demo_conference()
    conference.id = "kestrel-2026-01-20"
    statuses = ["in-progress", "done", "open", "dropped", "not-done"]
    for action, status in zip(conference.actions, statuses, strict=True):
        action.status = status
    return conference


def test_done_and_dropped_actions_are_left_behind():
    previous = initial()
    review = start_review(previous, HELD)
    assert [a.status for a in review.actions] == ["in-progress", "open", "not-done"]
    assert review.actions[0].progress == previous.actions[0].progress
    assert (review.kind, review.previous_id) == ("review", previous.id)
    assert review.context == previous.context
    assert review.safety_goals == previous.safety_goals
    assert review.danger_statement == previous.danger_statement
    assert [a.name for a in review.attendees] == [a.name for a in previous.attendees]
    assert {a.attendance for a in review.attendees} == {"present"}
    assert review.points.concerns == [] and review.scaling.scores == []
    assert (review.dates.conference, review.dates.review) == ("2026-04-20", "2026-07-20")
    review.actions[0].intervention = "changed"  # a copy: the earlier record is untouched
    assert previous.actions[0].intervention != "changed"


def test_a_chain_of_three_conferences(store):
    first = store.create(initial())
    second = create_review(store, first.id, HELD)
    with store.open(second.id) as session:
        session.conference.actions[0].status = "done"
        session.conference.actions[1].progress = "Sessions running twice a week."
        session.conference.scaling.scores = [
            type(first.scaling.scores[0])("Priya Okafor", 6, "Better")
        ]
        session.save()
    third = create_review(store, second.id, dt.date(2026, 7, 20))
    assert store.load(third.id).previous_id == second.id
    assert [a.intervention for a in store.load(third.id).actions] == [
        first.actions[2].intervention,
        first.actions[4].intervention,
    ]
    # the second's minutes report progress on what the first left open
    found = sections(to_markdown(store.load(second.id), previous=store.load(first.id)))
    carried = found["Actions from the last conference"]
    headings = ["Intervention", "Agency / team", "Due", "Status then", "Status now", "Progress"]
    assert carried[:6] == headings
    assert carried[6:12] == [
        first.actions[0].intervention,
        "Housing",
        "",  # no due date
        "in-progress",
        "done",
        first.actions[0].progress,
    ]
    assert carried[12:18] == [
        first.actions[2].intervention,
        "Community safety",
        "",
        "open",
        "open",
        "Sessions running twice a week.",
    ]
    assert len(carried) == 6 * 4  # the header and the three rows first left open
    # the third's report on what the second left open, and the scaling change
    found = sections(to_markdown(store.load(third.id), previous=store.load(second.id)))
    assert len(found["Actions from the last conference"]) == 6 * 3
    assert "Previous conference median 6 → today –" in " ".join(found["Scaling"])


def test_match_carried_follows_edits_to_the_row():
    previous = initial()
    review = start_review(previous, HELD)
    review.actions[1].worry = "reworded worry"  # still found by its intervention
    del review.actions[2]
    pairs = match_carried(previous, review)
    assert [now is not None for _, now in pairs] == [True, True, False]


def test_review_command_and_listing(cli, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(initial().to_dict()), encoding="utf-8")
    first = cli.ok("import", str(source)).strip()
    second = cli.ok("review", first, "--date", "2026-04-20").strip()
    rows = {r["id"]: r for r in cli.json("list", "--json")}
    assert rows[second]["kind"] == "review" and rows[second]["previous_id"] == first
    assert rows[second]["review_due"] == "2026-07-20"
    exported = cli.json("export", second, "--format", "json")
    assert len(exported["actions"]) == len(carried_actions(initial()))
    bad = cli("review", "no-such-conference")
    assert bad.returncode == 2 and "no conference" in bad.stderr


def test_final_minutes_change_only_through_an_amendment():
    times = iter(dt.datetime(2026, 1, 20, 12, m) for m in range(0, 60, 5))
    editor = Editor(demo_conference(), now=lambda: next(times))
    editor.finalise()
    assert editor.conference.status == "final" and editor.conference.finalised_at
    for change in (
        lambda: editor.points.add("concerns", "late"),
        lambda: editor.points.delete("concerns", 0),
        lambda: editor.scores.set_score("Priya Okafor", 9),
        lambda: editor.next_agenda_item(),
    ):
        with pytest.raises(Finalised):
            change()
    with pytest.raises(Refused):
        editor.amend("  ")
    editor.amend("Housing asked for the lighting date to be corrected")
    editor.rows.update(
        "actions",
        0,
        type(editor.conference.actions[0])(
            **{**editor.conference.actions[0].__dict__, "timescale": "By 1 March 2026"}
        ),
    )
    editor.points.add("concerns", "added in the amendment")
    editor.finalise()
    [amendment] = editor.conference.amendments
    assert amendment.reason == "Housing asked for the lighting date to be corrected"
    assert amendment.changes == [
        "Plan row 1 changed",
        "Point added under Current concerns / risks / vulnerabilities",
    ]
    assert amendment.started < amendment.finalised == editor.conference.finalised_at
    found = sections(to_markdown(editor.conference))
    assert "Housing asked for the lighting date to be corrected" in found["Amendments"]


async def test_finalise_and_amend_in_the_app(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("ctrl+o", "f")
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(lambda: app.screen is screen)
        assert store.load(demo.id).status == "final"
        assert "final" in screen.capture.placeholder
        # browse, delete, start the agenda, undo: each refused with a notice, none raises
        await pilot.press("tab", "delete", "ctrl+n", "ctrl+z", "ctrl+r")
        await burst(pilot, "typed on final minutes", "enter")
        assert screen.capture.value == "typed on final minutes"  # kept, not filed, not lost
        assert store.load(demo.id).points.concerns == demo.points.concerns
        notices = [str(n.message) for n in app.notices]
        assert any("final" in notice for notice in notices)
        screen.capture.value = ""
        await pilot.press("ctrl+o", "m")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Add the missed concern", "enter")
        await wait_for(lambda: store.load(demo.id).status == "draft")
        await burst(pilot, "Missed concern", "enter")
        await pilot.press("ctrl+o", "f")
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(lambda: store.load(demo.id).status == "final")
    record = store.load(demo.id)
    assert record.points.concerns[-1] == "Missed concern"
    assert record.amendments[0].reason == "Add the missed concern"
    assert record.amendments[0].changes == [
        "Point added under Current concerns / risks / vulnerabilities"
    ]


def test_overdue_minutes_and_reviews(store):
    first = store.create(initial())  # held 2026-01-20, review 2026-04-20, still a draft
    summaries = store.list().summaries
    today = dt.date(2026, 5, 1)
    assert overdue(summaries, today, "england-and-wales") == {
        first.id: ["minutes overdue", "review overdue"]
    }
    with store.open(first.id) as session:
        session.conference.status = "final"
        session.save()
    second = create_review(store, first.id, dt.date(2026, 4, 28))
    late = overdue(store.list().summaries, today, "england-and-wales")
    assert first.id not in late  # finalised, and its review has happened
    assert late == {second.id: ["minutes overdue"]}


async def test_home_shows_overdue_and_starts_a_review(store, clock, make_app):
    first = store.create(initial())
    clock.advance(days=101)  # 1 May 2026: past both the minutes and the review dates
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.screen.query_one("#conferences")
        line = str(options.get_option(first.id).prompt)
        assert "MINUTES OVERDUE" in line and "REVIEW OVERDUE" in line
        await pilot.press("ctrl+r")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        review = app.screen.meeting.conference
        assert (review.kind, review.previous_id) == ("review", first.id)
