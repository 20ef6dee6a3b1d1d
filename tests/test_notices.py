"""Notices never cover data at 80×24: they take the key line's place, and the screen above gives
way for a long one (issue 41 case 9)."""

from __future__ import annotations

from textual.widgets import DataTable

from ctxtui.app import CtxApp
from ctxtui.screens.forms import FormScreen
from ctxtui.screens.plan import PlanScreen
from ctxtui.widgets.keyhints import KeyHints

from .conftest import burst, wait_for

SIZE = (80, 24)
LONG = (
    "A notice of an unusual length, naming a file in a deep folder such as "
    "/home/chair/Documents/minutes/2026/December/context-conference-review.docx, "
    "which must be read whole: nothing of it may be cut."
)


def key_line(app: CtxApp) -> KeyHints:
    return app.screen.query(KeyHints).last()


def floating(app: CtxApp) -> list[str]:
    """Textual's own floating notices on the screen (by name: their class is private)."""
    return [type(w).__name__ for w in app.screen.walk_children() if type(w).__name__ == "Toast"]


def covers(app: CtxApp, region_of_data) -> bool:
    return key_line(app).region.overlaps(region_of_data)


async def test_a_notice_takes_the_key_line_and_leaves_the_capture_line_clear(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a point", "enter", "ctrl+z", "ctrl+s", "down", "delete")
        await wait_for(lambda: key_line(app).notice != "")
        assert app.focused is app.screen.capture
        assert not covers(app, app.screen.capture.region)
        assert floating(app) == []
        assert key_line(app).notice == app.notices[-1].message  # one at a time: the newest


async def test_a_notice_leaves_the_field_being_typed_in_clear(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+e")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        for field in range(5):  # each field in turn, a long notice showing
            app.notify(LONG, severity="warning")
            await pilot.pause()
            assert app.focused is not None
            assert not covers(app, app.focused.region), f"field {field}"
            await burst(pilot, "", "tab")
        assert floating(app) == []


async def test_the_plan_cells_stay_visible_under_a_long_notice(demo, make_app):
    """The plan's notice once covered the Intervention, Agency and When cells of rows 1–4."""
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+f")
        await wait_for(lambda: isinstance(app.screen, PlanScreen))
        table = app.screen.query_one(DataTable)
        assert table.row_count >= 4
        app.notify(LONG, title="Not saved", severity="error")
        await wait_for(lambda: key_line(app).region.height > 1)  # wrapped, not cut
        line = key_line(app)
        assert not line.region.overlaps(table.region)
        assert line.region.bottom == SIZE[1]
        shown = " ".join(str(line.render()).split())
        assert " ".join(f"Not saved: {LONG}".split()) == shown
        assert floating(app) == []


async def test_the_keys_come_back_when_the_notice_has_been_read(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = str(key_line(app).render())
        assert "Save and quit" in keys
        app.notify("Saved.", timeout=0.2)
        await wait_for(lambda: "Saved." in str(key_line(app).render()))
        await wait_for(lambda: str(key_line(app).render()) == keys)
        assert key_line(app).region.height == 1


async def test_a_notice_stays_when_the_form_that_gave_it_closes(demo, make_app):
    """An empty form closes saying nothing was typed: the sentence stays on the screen below."""
    from ctxtui.screens.attendance import AttendanceScreen

    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+l", "a", "ctrl+s")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        await wait_for(lambda: "Nothing was typed" in key_line(app).notice)
