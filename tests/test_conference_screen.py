"""Pilot tests for the minute-taking screen. Each asserts on the stored record, not the screen."""

from __future__ import annotations

import time

import pytest
from textual import events

from ctxtui.cli.demo import demo_conference
from ctxtui.core.labels import TARGET_KEYS
from ctxtui.screens.attendance import AttendanceScreen
from ctxtui.screens.conference import ConferenceScreen
from ctxtui.screens.details import DetailsScreen
from ctxtui.screens.help import HelpScreen
from ctxtui.widgets.points import PointList
from ctxtui.widgets.textual_internals import LAYOUT_STEP, count_frames

from .conftest import idle, wait_for

SIZE = (80, 24)


def stored(store, demo):
    return store.load(demo.id)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


async def test_a_point_typed_and_entered_reaches_disk_unasked(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ConferenceScreen)
        assert app.focused is app.screen.capture
        await type_text(pilot, "Lights out")
        await pilot.press("enter")
        started = time.monotonic()
        await wait_for(lambda: stored(store, demo).points.concerns[-1] == "Lights out", 1.5)
        assert time.monotonic() - started < 1.0
        assert app.screen.capture.value == ""


async def test_ctrl_t_cycles_the_target_and_points_land_under_it(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    expected = ["concerns", "complicating", "strengths", "safety_plan", "safety_goals", "concerns"]
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for n, target in enumerate(expected):
            assert screen.capture.target == target
            assert screen.pane(target).has_class("-current")
            await type_text(pilot, f"p{n}")
            await pilot.press("enter", "ctrl+t")
        await pilot.press("ctrl+s")
    record = stored(store, demo)
    assert record.points.concerns[-2:] == ["p0", "p5"]
    assert record.points.complicating[-1] == "p1"
    assert record.points.strengths[-1] == "p2"
    assert record.points.safety_plan[-1] == "p3"
    assert record.safety_goals[-1] == "p4"


async def test_a_burst_of_keys_acts_in_the_order_typed(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        # all at once, as a slow SSH link delivers them: no awaiting between keys
        keys = [*"one", "enter", "ctrl+t", *"two", "enter", "ctrl+t", *"three", "enter"]
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.press("ctrl+s")
    record = stored(store, demo)
    assert record.points.concerns[-1] == "one"
    assert record.points.complicating[-1] == "two"
    assert record.points.strengths[-1] == "three"


async def test_edit_a_point_in_the_capture_line(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "home")  # browse the concerns, first point highlighted
        assert app.screen.capture.browsing.position == 0
        await pilot.press("down", "enter")
        assert app.screen.capture.value == demo.points.concerns[1]
        assert app.screen.capture.cursor_position == len(demo.points.concerns[1])
        assert app.screen.capture.selection.is_empty  # typing adds, never replaces
        await type_text(pilot, " (confirmed)")
        await pilot.press("enter", "ctrl+s")
        assert app.focused is app.screen.capture and app.screen.capture.browsing is None
    assert stored(store, demo).points.concerns[1] == demo.points.concerns[1] + " (confirmed)"
    assert len(stored(store, demo).points.concerns) == len(demo.points.concerns)


async def test_escape_cancels_an_edit(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "home", "enter", "ctrl+u", "x", "escape", "ctrl+s")
        assert app.screen.capture.value == ""
        assert app.screen.capture.editing is None
    assert stored(store, demo).points.concerns == demo.points.concerns


async def test_delete_and_undo(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "home", "down", "delete", "ctrl+s")
        assert stored(store, demo).points.concerns == [
            p for i, p in enumerate(demo.points.concerns) if i != 1
        ]
        assert app.screen.capture.browsing is None  # back to typing after a delete
        await pilot.press("ctrl+z", "ctrl+s")
        assert stored(store, demo).points.concerns == demo.points.concerns


async def test_reorder_points(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    first, second, *rest = demo.points.concerns
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "home", "shift+down", "ctrl+s")
        assert stored(store, demo).points.concerns == [second, first, *rest]
        assert app.screen.pane("concerns").highlighted == 1
        await pilot.press("shift+up", "ctrl+s")
        assert stored(store, demo).points.concerns == [first, second, *rest]


async def test_move_a_point_to_another_heading(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "home", "ctrl+x")
        await pilot.pause()
        await pilot.press("2")  # choices skip the current heading: 2 is strengths
        await pilot.press("ctrl+s")
    record = stored(store, demo)
    assert record.points.concerns == demo.points.concerns[1:]
    assert record.points.strengths == [*demo.points.strengths, demo.points.concerns[0]]


async def test_looking_at_other_headings_never_changes_where_you_type(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "right")
        assert app.screen.capture.browsing.target == "complicating"
        await pilot.press("right", "escape")
        assert app.screen.capture.target == "concerns"
        await pilot.press("down", "left", "left")
        assert app.screen.capture.browsing.target == "safety_plan"
        await type_text(pilot, "typed while browsing")  # a letter goes back to typing
        await pilot.press("enter", "shift+tab", "shift+tab")
        assert app.screen.capture.target == "safety_plan"  # two headings back, one key each
        await type_text(pilot, "goal")
        await pilot.press("enter", "ctrl+s")
    record = stored(store, demo)
    assert record.points.concerns[-1] == "typed while browsing"
    assert record.points.safety_plan[-1] == "goal"


async def test_agenda_next_item_records_start_times(store, demo, clock, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        clock.advance(minutes=12)
        await pilot.press("ctrl+n", "ctrl+s")
    agenda = stored(store, demo).agenda
    assert agenda.current == 1
    assert [i.started for i in agenda.items[:3]] == [
        "2026-01-20T10:00:00",
        "2026-01-20T10:12:00",
        "",
    ]


async def test_agenda_warns_when_time_is_short_and_no_plan(store, demo, clock, make_app):
    with store.open(demo.id) as session:
        session.conference.actions.clear()
        session.save()
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one("#agenda-bar")
        await pilot.press("ctrl+n")
        assert not bar.has_class("-warning")
        clock.advance(minutes=89)  # 10:00-12:00 planned: 31 minutes left, over a quarter
        bar.refresh_status()
        assert not bar.has_class("-warning")
        clock.advance(minutes=2)
        bar.refresh_status()
        assert bar.has_class("-warning")
        assert "no intervention plan" in str(bar.render())


async def test_attendance_add_cycle_and_delete(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("a")
        await type_text(pilot, "Jo Whitfield")
        await pilot.press("enter")
        await type_text(pilot, "Park ranger")
        await pilot.press("enter")
        await type_text(pilot, "Environ")
        await pilot.press("right")  # take the suggestion
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("p")  # present -> apologies
        await pilot.press("escape")
        await pilot.press("ctrl+s")
    added = stored(store, demo).attendees[-1]
    assert (added.name, added.role, added.agency, added.attendance) == (
        "Jo Whitfield",
        "Park ranger",
        "Environmental health",
        "apologies",
    )


async def test_attendance_delete_and_undo(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", "delete")
        await pilot.press("escape", "ctrl+s")
        assert [a.name for a in stored(store, demo).attendees] == [
            a.name for a in demo.attendees[1:]
        ]
        await pilot.press("ctrl+l", "ctrl+z", "escape", "ctrl+s")
        assert stored(store, demo).attendees == demo.attendees


async def test_details_edit_applies_valid_values_only(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "d")
        assert isinstance(app.screen, DetailsScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "Riverside Skatepark")
        date_input = app.screen.query_one("#dates-conference")
        date_input.focus()
        await pilot.press("ctrl+u", *"2026-02-3")  # incomplete: not applied
        assert date_input.has_class("-invalid")
        await pilot.press("0")  # 2026-02-30 is not a date either
        assert date_input.has_class("-invalid")
        await pilot.press("backspace", "backspace", *"27")
        assert not date_input.has_class("-invalid")
        await pilot.press("escape", "ctrl+s")
    record = stored(store, demo)
    assert record.context.name == "Riverside Skatepark"
    assert record.dates.conference == "2026-02-27"


async def test_danger_statement(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await type_text(pilot, " Added.")
        await pilot.press("escape", "ctrl+s")
    assert stored(store, demo).danger_statement.endswith("seriously hurt. Added.")


async def test_quit_keeps_a_line_not_entered_as_a_line_and_gives_it_back(store, demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")  # typed under complicating factors
        await type_text(pilot, "typed but not entered")
        await pilot.press("ctrl+q")
    app.close_all()  # as run_app does when the app ends
    record = stored(store, demo)
    assert record.points == demo.points  # not filed as a point
    assert (record.unfiled.target, record.unfiled.text) == ("complicating", "typed but not entered")
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(lambda: app.screen.capture.value == "typed but not entered")
        assert app.screen.capture.target == "complicating"
        await type_text(pilot, ", now entered")
        await pilot.press("enter", "ctrl+s")
    record = stored(store, demo)
    assert record.points.complicating[-1] == "typed but not entered, now entered"
    assert record.unfiled.text == ""


async def test_a_second_window_is_read_only(store, demo, make_app):
    holder = store.open(demo.id)
    before = store.path_for(demo.id).read_bytes()
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.meeting.read_only
        assert "Read-only" in app.screen.capture.placeholder
        await pilot.press("ctrl+n", "ctrl+s")
        assert "READ-ONLY" in str(app.screen.query_one("#topbar").render())
    assert store.path_for(demo.id).read_bytes() == before
    holder.close()


async def test_help_lists_the_keys_of_the_screen(demo, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        described = {d for _group, rows in app.screen.sections for _keys, d in rows}
        for expected in (
            "Next heading",
            "Save now",
            "Save and quit",
            "Previous heading",
            "Delete the point",
            "Undo",
            "Redo",
            "Move the point up",
            "Move it to another heading",
            "Back to typing (so does any letter)",
            "Go to…",
            "Attendance",
            "Next item",
        ):
            assert expected in described


async def test_palette_lists_every_action_and_runs_them(demo, make_app):
    from ctxtui.screens.commands import CONFERENCE_DESTINATIONS

    names = " ".join(d.name for d in CONFERENCE_DESTINATIONS)
    for word in (
        "Details",
        "Attendance",
        "Danger statement",
        "Intervention plan",
        "Scaling",
        "Agenda",
        "Preview",
        "Export",
        "Help",
        "Finalise",
        "Board",
    ):
        assert word in names
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for destination in CONFERENCE_DESTINATIONS:
            owner = app if destination.action.startswith("app.") else screen
            name = destination.action.removeprefix("app.").split("(")[0]
            assert hasattr(owner, f"action_{name}")
        await pilot.press("ctrl+p")
        await type_text(pilot, "Attendance")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Quit" in titles


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_every_heading_is_reachable(demo, size, make_app):
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=size) as pilot:
        for _ in range(5):
            pane = app.screen.pane(app.screen.capture.target)
            assert pane.display and pane.region.height >= 5
            await pilot.press("ctrl+t")
        if size[0] >= 120:
            visible = [p for p in app.screen.query(".pane") if p.display]
            assert len(visible) == 5


async def test_a_heading_list_is_made_as_it_first_shows_and_all_show_once_wide(demo, make_app):
    """At 80 columns one heading shows: the others are mounted when first shown (or when the
    window widens), each with its points, in the headings' order."""
    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert [p.target for p in screen.query(".pane")] == ["concerns"]
        await pilot.press("ctrl+t", "ctrl+t", *"a strength", "enter")
        shown = ["concerns", "complicating", "strengths"]  # passed through on the way
        assert [p.target for p in screen.query(".pane")] == shown
        strengths = screen.pane("strengths")

        def last_strength() -> str:
            return str(strengths.get_option_at_index(strengths.option_count - 1).prompt)

        await wait_for(lambda: last_strength().endswith("a strength"))
        await pilot.resize_terminal(130, 36)
        await wait_for(lambda: len(screen.query(".pane")) == 5)
        assert [p.target for p in screen.query(".pane")] == list(TARGET_KEYS)
        await pilot.pause()
        for pane in screen.query(PointList):
            assert pane.display and pane.option_count == len(demo.target_list(pane.target)) + (
                pane.target == "strengths"
            )


async def test_a_newcomer_sees_how_to_quit_and_ctrl_c_says_it(demo, make_app):
    from ctxtui.widgets.keyhints import KeyHints

    app = make_app(demo.id, autosave=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        bar = str(app.screen.query_one(KeyHints).render())
        assert "Save and quit" in bar and "Help" in bar  # before the line is cut at 80 columns
        await pilot.press(*"half typed", "ctrl+c")

        def told() -> bool:
            return any("Ctrl+Q saves and quits" in n.message for n in app.notices)

        await wait_for(told)
        assert app.is_running and app.screen.capture.value == "half typed"


async def test_opened_directly_the_minutes_are_the_only_screen_and_closing_quits(
    store, demo, make_app
):
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)) as pilot:
        assert [type(s) for s in app.screen_stack] == [ConferenceScreen]
        await pilot.press(*"last words", "enter")
        app.screen.action_close()
        await wait_for(lambda: not app.is_running)
    assert store.load(demo.id).points.concerns[-1] == "last words"


async def test_minutes_that_cannot_be_opened_leave_the_list_saying_why(store, demo, make_app):
    from ctxtui.screens.home import HomeScreen

    store.path_for(demo.id).write_text("{ not a record", encoding="utf-8")
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24), notifications=True):
        assert isinstance(app.screen, HomeScreen) and not app.meetings

        def told() -> bool:
            return any(demo.id in n.message for n in app.notices)

        await wait_for(told)


async def test_help_lists_the_keys_of_the_contributions_panel_before_it_is_made(demo, make_app):
    from ctxtui.screens.help import help_sections

    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)):
        assert not app.screen.query("#contributions")  # made at the first F10
        assert ("Enter", "Into the line") in dict(help_sections(app.screen))[
            "Written contributions"
        ]


async def test_first_frame_waits_for_two_style_sheets_and_no_screen_reparses(
    demo, make_app, monkeypatch
):
    """The first frame needs the app's sheet and the minute-taking screen's; the others are
    read once it is shown, so no screen opened later makes Textual parse every sheet again."""
    from textual.css.stylesheet import Stylesheet

    from ctxtui.app import CtxApp
    from ctxtui.resources import STYLE_SHEETS, style

    reparses: list[int] = []
    original_reparse = Stylesheet.reparse

    def counted_reparse(self):
        reparses.append(1)
        original_reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted_reparse)
    at_later_sheets: list[tuple[list[str], int]] = []
    original_later = CtxApp._read_later_style_sheets

    def later(self):
        read = [n for n in STYLE_SHEETS if self.stylesheet.has_source(str(style(n)), "")]
        at_later_sheets.append((read, len(frames)))
        original_later(self)

    monkeypatch.setattr(CtxApp, "_read_later_style_sheets", later)
    app = make_app(demo.id)
    frames: list[object] = []
    count_frames(app, frames)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(lambda: at_later_sheets)
        assert at_later_sheets == [(["app", "conference"], at_later_sheets[0][1])]
        assert at_later_sheets[0][1] >= 1  # after the first frame
        await pilot.press("ctrl+o")
        dialog = app.screen.query_one(".dialog")
        assert dialog.styles.width is not None and dialog.styles.width.value == 70
        await pilot.press("d")
        assert isinstance(app.screen, DetailsScreen)
        assert app.screen.query(".field-row")  # the form's own sheet applies
        await pilot.press("escape", "ctrl+l")
        assert isinstance(app.screen, AttendanceScreen)
        assert app.screen.query_one("#rows").styles.min_height is not None
        await pilot.press("escape")
    assert reparses == []


async def test_the_collector_waits_for_the_first_frame_and_start_up_is_set_aside(
    demo, make_app, monkeypatch
):
    """Python's cycle collector is paused while the first screen is built, comes back once it
    shows with what start-up made frozen (never walked while typing), and the app leaves the
    collector as it found it."""
    import gc

    from ctxtui.screens.conference import ConferenceScreen

    assert gc.isenabled() and gc.get_freeze_count() == 0
    while_built: list[bool] = []
    original_compose = ConferenceScreen.compose

    def compose(self):
        while_built.append(gc.isenabled())
        yield from original_compose(self)

    monkeypatch.setattr(ConferenceScreen, "compose", compose)
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(lambda: gc.isenabled())
        assert while_built == [False]
        assert gc.get_freeze_count() > 0
        await pilot.press("ctrl+q")
    assert gc.isenabled() and gc.get_freeze_count() == 0


async def test_typing_repaints_the_line_without_laying_out_the_screen(demo, make_app, monkeypatch):
    """Each key repaints the capture line; the screen is not laid out again (Textual's Input
    asked for that at every key, redrawing every widget twice), and a line longer than the
    screen still scrolls to keep the cursor in view."""
    screen_class, step = LAYOUT_STEP
    layouts: list[int] = []
    original = getattr(screen_class, step)

    def counted(self, *args, **kwargs):
        layouts.append(1)
        return original(self, *args, **kwargs)

    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(screen_class, step, counted)
        await type_text(pilot, "x" * 99 + "END")
        line = app.screen.capture
        assert line.value == "x" * 99 + "END"
        assert line.scroll_offset.x > 0  # the end of the line is in view
        assert len(layouts) < 10, len(layouts)  # one per key before


async def test_holding_up_stops_at_the_oldest_point_and_delete_takes_it(store, demo, make_app):
    """Issue 41, case 4: 50 × ↑ then Delete removes point 1, not the one the list came round
    to; ↓ held on the newest stays there."""
    app = make_app(demo.id)
    first, count = demo.points.concerns[0], len(demo.points.concerns)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["up"] * 50, "delete")
        await idle(pilot)
        await pilot.press(*["down"] * 50, "escape", "ctrl+s")
        await idle(pilot)
    saved = store.load(demo.id).points.concerns
    assert len(saved) == count - 1 and first not in saved


async def test_no_list_goes_round_its_ends(store, demo, make_app):
    from ctxtui.screens.home import HomeScreen
    from ctxtui.widgets.lists import Options

    store.create(demo_conference())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(lambda: isinstance(app.screen, HomeScreen))
        options = app.screen.query_one(Options)
        enabled = [
            i for i in range(options.option_count) if not options.get_option_at_index(i).disabled
        ]
        await pilot.press(*["up"] * 5)
        assert options.highlighted == enabled[0]  # group headings are not entries
        await pilot.press(*["down"] * 10)
        assert options.highlighted == enabled[-1]


async def test_at_80_by_24_the_menu_fits_the_priorities_show_and_tables_go_home(
    store, demo, make_app
):
    """Issue 41, case 9: every go-to entry shows at 80×24; each priority stays on its line
    (cut with … rather than dropped), whatever the agenda line holds; Home and End on a table."""
    from ctxtui.screens.attendance import AttendanceScreen
    from ctxtui.screens.dialogs import ChoiceDialog
    from ctxtui.widgets.lists import Options

    demo.priorities = [
        "Light the underpass and make the walk home from school safe for every pupil",
        "Stop older groups recruiting pupils at the bus stop by the parade of shops",
        "Keep the youth club open on Friday nights through the winter months",
    ]
    store.save(demo)
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        bar = str(app.screen.query_one("#agenda-bar").render())
        line = next(part for part in bar.splitlines() if part.startswith("Priorities"))
        assert all(f"{n}. " in line for n in (1, 2, 3)) and "…" in line
        await pilot.press("ctrl+o")
        await wait_for(lambda: isinstance(app.screen, ChoiceDialog))
        menu = app.screen.query_one(Options)
        assert menu.outer_size.height >= menu.option_count  # no entry below the fold
        await pilot.press("escape", "ctrl+l")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        table = app.screen.query_one("#rows")
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_the_newest_point_stays_in_view_after_a_resize(store, demo, make_app):
    """Issue 41, case 9: after a resize the list keeps the newest point in view."""
    demo.points.concerns += [f"Concern number {n} near the parade" for n in range(40)]
    store.save(demo)
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        points = app.screen.query_one(PointList)
        await wait_for(lambda: points.max_scroll_y > 0 and points.scroll_y == points.max_scroll_y)
        for size in ((120, 36), (80, 24), (60, 16), (80, 24)):
            await pilot.resize_terminal(*size)
            await wait_for(lambda: points.scroll_y == points.max_scroll_y)
