"""Every form keeps a burst of keys in order: Tab, Shift+Tab, Enter and Done act between the
text typed before and after them (Pilot, every key queued before the app handles any)."""

from __future__ import annotations

from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.attendance import AttendanceScreen
from ctxtui.screens.conference import ConferenceScreen
from ctxtui.screens.details import DetailsScreen
from ctxtui.screens.export import ExportScreen
from ctxtui.screens.forms import FormScreen

from .conftest import burst, wait_for

SIZE = (80, 24)


async def test_details_in_one_burst(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "d")
        await wait_for(lambda: isinstance(app.screen, DetailsScreen))
        await burst(pilot, "", "ctrl+u")
        await burst(pilot, "Riverside Skatepark", "tab", "tab", "ctrl+u")
        await burst(pilot, "A skatepark by the river", "tab", "ctrl+u")
        await burst(pilot, "Riverside Pavilion", "shift+tab", "end")
        await burst(pilot, " and its paths", "escape")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        await pilot.press("ctrl+s")
    context = store.load(demo.id).context
    assert context.name == "Riverside Skatepark"
    assert context.description == "A skatepark by the river and its paths"
    assert context.venue == "Riverside Pavilion"


async def test_an_attendee_in_one_burst_with_a_backspace_before_tab(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        await pilot.press("a")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Jo Whitfieldx", "backspace", "tab")
        await burst(pilot, "Park ranger", "enter")
        await burst(pilot, "Environmental health", "ctrl+s")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        await pilot.press("escape", "ctrl+s")
    added = store.load(demo.id).attendees[-1]
    assert (added.name, added.role, added.agency) == (
        "Jo Whitfield",
        "Park ranger",
        "Environmental health",
    )


async def test_export_in_one_burst(demo, tmp_path, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "e")
        await wait_for(lambda: isinstance(app.screen, ExportScreen))
        await burst(pilot, "", "tab", "ctrl+u")  # from the format to the folder
        await burst(pilot, str(tmp_path), "tab", "ctrl+u")
        await burst(pilot, "burst-minutes.docx", "enter")
        target = tmp_path / "burst-minutes.docx"
        await wait_for(lambda: target.exists(), timeout=20)


async def test_new_conference_in_one_burst(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Riverside Skatepark", "enter")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        assert app.screen.meeting.conference.context.name == "Riverside Skatepark"


async def test_amend_in_one_burst(store, demo, clock, make_app):
    finalised = Meeting(store, demo.id, clock)
    finalised.finalise()
    finalised.close()
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "m")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Correct the date", "enter", *"Late point", "enter")
        await wait_for(lambda: store.load(demo.id).status == "draft")
        await wait_for(lambda: app.screen.meeting.conference.points.concerns[-1] == "Late point")
    assert store.load(demo.id).amendments[-1].reason == "Correct the date"


async def test_letters_typed_after_a_menu_choice_never_choose_again(store, demo, make_app):
    """Ctrl+O, i and a line of text in one burst: the menu acts once, the app keeps running."""
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "ideas about the canal path", "escape")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        await burst(pilot, "still typing", "enter", "ctrl+s")
        await wait_for(lambda: store.load(demo.id).points.concerns[-1] == "still typing")
        assert [type(s) for s in app.screen_stack] == [ConferenceScreen]  # nothing left open


async def test_a_field_left_behind_reads_from_its_start(demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+e")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Somebody with a very long name indeed " * 3)
        name = app.screen.query_one("#name")
        assert name.scroll_x > 0  # typing: the end, where the cursor is
        await burst(pilot, "", "tab")
        assert app.focused.id == "role" and name.scroll_x == 0


async def test_a_drop_down_moves_on_with_enter_and_a_letter_picks(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+e")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Jo Bell", "enter", "enter", "enter")  # name, role, agency
        assert app.focused.id == "attendance"
        await burst(pilot, "ab", "enter")  # a: apologies, b: nothing starts with it
        assert (
            app.focused.id == "email" and app.screen.query_one("#attendance").value == "apologies"
        )
        await burst(pilot, "", "shift+tab", "right", "ctrl+s")
    assert store.load(demo.id).attendees[-1].attendance == "absent"


async def test_an_invalid_value_stays_visible_and_leaving_asks(store, demo, make_app):
    """Issue 41, case 5: a date typed wrong shows as typed with its reason; Escape asks, and
    what the field held before can be put back: nothing is lost in silence."""
    from ctxtui.screens.dialogs import ChoiceDialog

    held = demo.dates.conference
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "d")
        await wait_for(lambda: isinstance(app.screen, DetailsScreen))
        field = app.screen.query_one("#dates-conference")
        field.focus()
        await burst(pilot, "", "ctrl+u")
        await burst(pilot, "32/13/2026")
        await wait_for(lambda: field.has_class("-invalid"))
        assert field.value == "32/13/2026"  # the typed text stays in the box
        note = str(app.screen.query_one("#dates-conference-note").render())
        assert note  # the reason is said under it
        await pilot.press("escape")
        await wait_for(lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("r")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        await pilot.press("ctrl+s")
    assert store.load(demo.id).dates.conference == held


async def test_leaving_a_form_with_what_was_typed_asks(store, demo, make_app):
    from ctxtui.screens.dialogs import ChoiceDialog

    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        for answer, kept in (("d", False), ("s", True)):
            await pilot.press("a")
            await wait_for(lambda: isinstance(app.screen, FormScreen))
            await burst(pilot, "Jo Whitfield", "escape")
            await wait_for(lambda: isinstance(app.screen, ChoiceDialog))
            await pilot.press(answer)
            await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
            names = [a.name for a in app.screen.meeting.conference.attendees]
            assert ("Jo Whitfield" in names) is kept
        await pilot.press("escape", "ctrl+s")
