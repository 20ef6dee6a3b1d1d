"""The privacy guard in the app: marked as soon as filed, reason shown, dismissal remembered,
and a list of open flags before export."""

from __future__ import annotations

from ctxtui.app import CtxApp
from ctxtui.screens.export import ExportScreen

from .conftest import burst, wait_for

SIZE = (80, 24)


async def test_flagged_point_is_marked_explained_and_dismissible(store, demo, clock):
    app = CtxApp(store, demo.id, now=clock, autosave_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await burst(pilot, "Jayden Smith was seen near the garages", "enter")
        new = len(demo.points.concerns)
        assert screen.pane("concerns").flagged == {new}
        flag_line = screen.query_one("#flag-line")
        assert flag_line.has_class("-shown")
        assert "a person's name" in str(flag_line.render())
        await pilot.press("ctrl+s")
        assert store.load(demo.id).points.concerns[new] == "Jayden Smith was seen near the garages"
        await pilot.press("down", "end")  # browse the list, onto the new point
        assert "Jayden Smith" in str(flag_line.render())
        await pilot.press("ctrl+k", "ctrl+s")
        assert screen.pane("concerns").flagged == set()
        assert not flag_line.has_class("-shown")
    assert store.load(demo.id).dismissed_flags == ["name:Jayden Smith"]


async def test_a_clean_point_is_not_marked(store, demo, clock):
    app = CtxApp(store, demo.id, now=clock, autosave_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "Victoria Road lights fixed on 3 February", "enter")
        assert app.screen.pane("concerns").flagged == set()
        assert not app.screen.query_one("#flag-line").has_class("-shown")


async def test_export_lists_open_flags_first(store, demo, clock):
    app = CtxApp(store, demo.id, now=clock, autosave_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "A 14-year-old was approached", "enter")
        await pilot.press("ctrl+o", "e")
        await wait_for(lambda: isinstance(app.screen, ExportScreen))
        assert app.screen.notes[1:] == ["concerns #5: a child's age: A 14-year-old"]
        await pilot.press("escape")
        await wait_for(lambda: not isinstance(app.screen, ExportScreen))
