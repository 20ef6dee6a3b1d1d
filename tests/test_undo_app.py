"""Ctrl+Z undoes the last change, whatever it was, on every editing screen; Ctrl+R redoes it.
Each asserts on the record read back from disk."""

from __future__ import annotations

from ctxtui.screens.attendance import AttendanceScreen
from ctxtui.screens.conference import ConferenceScreen
from ctxtui.screens.details import DetailsScreen
from ctxtui.screens.plan import PlanScreen
from ctxtui.screens.scaling import ScalingScreen

from .conftest import burst, wait_for

SIZE = (80, 24)


async def test_points_filed_edited_and_moved_undo_in_turn_and_redo(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "new point", "enter")
        await burst(pilot, "", "down", "home", "enter", "ctrl+u")
        await burst(pilot, "reworded", "enter")
        await burst(pilot, "", "down", "home", "shift+down")
        assert store.load(demo.id).points.concerns == demo.points.concerns  # not saved yet
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+s")  # the reorder, then the edit
        assert store.load(demo.id).points.concerns == [*demo.points.concerns, "new point"]
        await pilot.press("ctrl+z", "ctrl+s")  # the filing
        assert store.load(demo.id).points.concerns == demo.points.concerns
        await pilot.press("ctrl+r", "ctrl+s")
        assert store.load(demo.id).points.concerns[-1] == "new point"


async def test_plan_and_attendance_changes_undo(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await wait_for(lambda: isinstance(app.screen, PlanScreen))
        await pilot.press("s", "down", "delete", "ctrl+z", "ctrl+z", "ctrl+s")
        assert store.load(demo.id).actions == demo.actions
        await pilot.press("escape", "ctrl+l")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        await pilot.press("p", "ctrl+s")
        assert store.load(demo.id).attendees[0].attendance == "apologies"
        await pilot.press("ctrl+z", "ctrl+s")
        assert store.load(demo.id).attendees == demo.attendees


async def test_scores_and_details_undo(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+y")
        await wait_for(lambda: isinstance(app.screen, ScalingScreen))
        await pilot.press("9", "ctrl+z", "ctrl+s")
        assert store.load(demo.id).scaling == demo.scaling
        await pilot.press("escape", "ctrl+o")
        await pilot.press("d")
        await wait_for(lambda: isinstance(app.screen, DetailsScreen))
        await burst(pilot, "", "ctrl+u")
        await burst(pilot, "Renamed", "ctrl+z")
        await wait_for(lambda: app.screen.query_one("#context-name").value == demo.context.name)
        await pilot.press("escape", "ctrl+s")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
    assert store.load(demo.id).context == demo.context
