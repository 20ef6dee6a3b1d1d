from __future__ import annotations

from ctxtui.core.record import Conference, Context, Dates
from ctxtui.screens.conference import ConferenceScreen
from ctxtui.screens.home import HomeScreen

from .conftest import wait_for


def add(store, name, date, kind="initial"):
    return store.create(
        Conference(kind=kind, context=Context(name=name), dates=Dates(conference=date))
    )


def shown_ids(app):
    options = app.screen.query_one("#conferences")
    return [o.id for o in options.options if o.id]


async def test_grouped_by_context_newest_first_and_filtered(store, make_app):
    old = add(store, "Ashton Park", "2026-01-15")
    new = add(store, "Ashton Park", "2026-04-15", "review")
    school = add(store, "St Mary's School corridor", "2026-03-02")
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert shown_ids(app) == [new.id, old.id, school.id]
        options = app.screen.query_one("#conferences")
        headers = [str(o.prompt) for o in options.options if not o.id]
        assert headers[0].startswith("Ashton Park") and headers[1].startswith("St Mary")
        await pilot.press(*"mary")
        await wait_for(lambda: shown_ids(app) == [school.id])
        await pilot.press("escape")
        await wait_for(lambda: shown_ids(app) == [new.id, old.id, school.id])


async def test_a_filter_then_enter_in_one_burst_opens_what_matches(store, make_app):
    add(store, "Ashton Park", "2026-04-15")
    school = add(store, "St Mary's School corridor", "2026-03-02")
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in [*"mary", "enter"]:
            await pilot.press(key)
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        assert app.screen.meeting.conference.id == school.id


async def test_enter_opens_the_highlighted_conference(store, make_app):
    first = add(store, "Ashton Park", "2026-01-15")
    second = add(store, "Brook Lane garages", "2026-02-01")
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ConferenceScreen)
        assert app.screen.meeting.conference.id == first.id
        await pilot.press(*"x", "enter", "ctrl+s")
    assert store.load(first.id).points.concerns == ["x"]
    assert store.load(second.id).points.concerns == []


async def test_new_conference_from_the_home_screen(store, make_app):
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press(*"Canal", "space", *"towpath", "enter")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
    [summary] = store.list().summaries
    assert summary.context == "Canal towpath"
    assert summary.review  # three months on, filled in at creation


async def test_delete_asks_first(store, make_app):
    keep = add(store, "Ashton Park", "2026-01-15")
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+d")
        await pilot.press("n")
        assert store.exists(keep.id)
        await pilot.press("ctrl+d")
        await pilot.press("y")
        await wait_for(lambda: not store.exists(keep.id))
        assert shown_ids(app) == []


async def test_an_unreadable_file_is_named_and_the_rest_listed(store, make_app):
    good = add(store, "Ashton Park", "2026-01-15")
    (store.folder / "broken.json").write_text("{", encoding="utf-8")
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)):
        assert shown_ids(app) == [good.id]
        messages = [n.message for n in app.notices]
        assert any("broken.json cannot be read" in m for m in messages)


async def test_close_conference_saves_and_returns_to_the_list(store, make_app):
    place = add(store, "Ashton Park", "2026-01-15")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ConferenceScreen)
        await pilot.press(*"kept", "enter", "ctrl+p")
        await pilot.press(*"Close", "space", *"conference")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, HomeScreen))
        assert store.load(place.id).points.concerns == ["kept"]
        with store.open(place.id) as session:  # the lock went with the screen
            assert not session.read_only


async def test_an_empty_store_says_what_to_do_and_hides_keys_that_do_nothing(make_app):
    from ctxtui.screens.home import EMPTY_TEXT

    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#conferences")
        shown = EMPTY_TEXT.replace("{home.new}", "Ctrl+N")
        assert [str(o.prompt) for o in options.options] == [shown]
        keys = str(app.screen.query_one("KeyHints").render())
        assert "New" in keys
        assert "Delete" not in keys and "Review" not in keys and "Save now" not in keys
        await pilot.press("delete")  # does nothing, says nothing wrong
        assert isinstance(app.screen, HomeScreen)


async def test_a_big_store_shows_a_page_and_filters_without_reading_again(store, make_app):
    from ctxtui.screens.home import MOST_SHOWN
    from ctxtui.storage.conffile import encode_document

    template = Conference(context=Context(name="x"), dates=Dates(conference="2026-01-01"))
    for n in range(MOST_SHOWN + 50):
        data = template.to_dict()
        data["id"] = f"place-{n:04d}-2026-01-01"
        data["context"]["name"] = f"Place {n:04d}"
        store.path_for(data["id"]).write_bytes(encode_document(data))
    (store.folder / "broken.json").write_text("{", encoding="utf-8")
    reads = []
    original = store.list
    store.list = lambda: reads.append(1) or original()
    app = make_app(autosave=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#conferences")
        assert len(shown_ids(app)) == MOST_SHOWN
        assert str(options.options[-1].prompt) == "… and 50 more — type to narrow the list"
        told = []
        app.notify = lambda message, **kw: told.append(message)
        await pilot.press(*"place 010")  # Place 0100 to Place 0109
        await wait_for(lambda: len(shown_ids(app)) == 10)
        assert reads == [1]  # typing filters what was read once
        assert told == []  # the broken file was named once, when the list was read


async def test_two_conferences_of_one_place_on_one_day_are_told_apart(store, make_app):
    """Issue 41, case 10: the same place and date twice shows each id, not two equal rows."""
    first = add(store, "Ashton Park", "2026-01-15")
    second = add(store, "Ashton Park", "2026-01-15")
    other = add(store, "Ashton Park", "2026-03-15")
    app = make_app()
    async with app.run_test(size=(80, 24)):
        options = app.screen.query_one("#conferences")
        rows = {o.id: str(o.prompt) for o in options.options if o.id}
        assert rows[first.id] != rows[second.id]
        assert first.id in rows[first.id] and second.id in rows[second.id]
        assert other.id not in rows[other.id]  # alone on its day: as before
