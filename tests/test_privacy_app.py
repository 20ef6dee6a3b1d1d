"""The privacy guard in the app: marked as soon as filed, reason shown, dismissal remembered,
and a list of open flags before export."""

from __future__ import annotations

from ctxtui.meeting.editing import Editor
from ctxtui.screens.export import ExportScreen

from .conftest import burst, wait_for

SIZE = (80, 24)


async def test_flagged_point_is_marked_explained_and_dismissible(store, demo, make_app):
    app = make_app(demo.id)
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


async def test_a_clean_point_is_not_marked(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "Victoria Road lights fixed on 3 February", "enter")
        assert app.screen.pane("concerns").flagged == set()
        assert not app.screen.query("#flag-line.-shown")


async def test_export_lists_open_flags_first(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "A 14-year-old was approached", "enter")
        await pilot.press("ctrl+o", "e")
        await wait_for(lambda: isinstance(app.screen, ExportScreen))
        assert app.screen.notes[1:] == ["concerns #5: a child's age: A 14-year-old"]
        await pilot.press("escape")
        await wait_for(lambda: not isinstance(app.screen, ExportScreen))


async def test_the_danger_statement_shows_its_flag_and_f9_dismisses_it(store, demo, make_app):
    from ctxtui.screens.danger import DangerScreen

    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "g")
        await wait_for(lambda: isinstance(app.screen, DangerScreen))
        line = app.screen.query_one("#flag-line")
        assert not line.has_class("-shown")
        await burst(pilot, " Kai Thompson was threatened at the rank.")
        await wait_for(lambda: line.has_class("-shown"))
        assert "Kai Thompson" in str(line.render()) and "F9" in str(line.render())
        await pilot.press("f9")
        await wait_for(lambda: not line.has_class("-shown"))
        await pilot.press("escape", "ctrl+s")
    saved = store.load(demo.id)
    assert saved.danger_statement.endswith("Kai Thompson was threatened at the rank.")
    assert "name:Kai Thompson" in saved.dismissed_flags


async def test_a_plan_row_shows_its_flag_as_typed_and_in_the_table(store, demo, make_app):
    from ctxtui.screens.forms import FormScreen
    from ctxtui.screens.plan import PlanScreen

    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "p")
        await wait_for(lambda: isinstance(app.screen, PlanScreen))
        plan = app.screen
        await pilot.press("a")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        await burst(pilot, "Boys use @estate.vibes to film fights")
        note = form.query_one(f"#{form.fields[0].name}-note")
        await wait_for(lambda: note.has_class("-shown"))
        assert "social media handle" in str(note.render())
        await pilot.press("ctrl+s")
        await wait_for(lambda: app.screen is plan)
        line = plan.query_one("#flag-line")
        await wait_for(lambda: line.has_class("-shown"))
        assert "@estate.vibes" in str(line.render())
        await pilot.press("ctrl+k")
        await wait_for(lambda: not line.has_class("-shown"))
        await pilot.press("escape", "ctrl+s")
    assert "handle:@estate.vibes" in store.load(demo.id).dismissed_flags


def test_export_from_the_command_line_names_open_flags_on_stderr(cli, store, demo, tmp_path):
    demo.points.concerns.append("Jayden aged 14 was seen at the garages")
    store.save(demo)
    out = tmp_path / "minutes.md"
    result = cli("export", demo.id, "--format", "md", "--out", str(out))
    assert result.returncode == 0 and out.exists()
    assert "2 possible child-identifying detail(s)" in result.stderr
    assert "concerns #5: a person's name: Jayden" in result.stderr
    Editor(demo).dismiss_flags(["name:Jayden", "age:aged 14"])
    store.save(demo)
    cleared = cli("export", demo.id, "--format", "md", "--out", str(tmp_path / "b.md"))
    assert cleared.returncode == 0 and "child-identifying" not in cleared.stderr


async def test_the_newest_point_stays_in_view_when_the_flag_line_appears(store, demo, make_app):
    """Issue 41 case 9: the flag line takes a row above the capture line; the list gives way
    at its top, never by hiding the point just filed."""
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for n in range(25):
            await burst(pilot, f"Lighting fault number {n} reported at the underpass", "enter")
        await burst(pilot, "Jayden Smith was seen near the garages", "enter")
        await wait_for(lambda: bool(screen.query("#flag-line.-shown")))
        points = screen.pane("concerns")
        flag_line = screen.query_one("#flag-line")

        def newest_shown() -> bool:
            last = points.get_option_at_index(points.option_count - 1)
            return (
                "Jayden Smith" in str(last.prompt)
                and points.scroll_y >= points.max_scroll_y
                and points.region.bottom <= flag_line.region.y
            )

        await wait_for(newest_shown)
