"""Between meetings on the screens: the list of conferences says when progress is due and
when it was asked for, and opens the overdue actions of every conference; the board names the
rows whose agency was asked. Every name and place is invented."""

from __future__ import annotations

import datetime as dt

from ctxtui.core.record import Action, ProgressAsked
from ctxtui.guard.board_text import board_sections

from .conftest import wait_for
from .test_between_send import towpath

REVIEW = "2026-04-20"  # progress is asked for from 2 April (Easter, England and Wales)


def stored(store):
    conference = towpath()
    conference.dates.review = REVIEW
    return store.create(conference)


def home_line(app, conference_id: str) -> str:
    options = app.screen.query_one("#conferences")
    for index in range(options.option_count):
        option = options.get_option_at_index(index)
        if option.id == conference_id:
            return str(option.prompt)
    raise AssertionError(f"{conference_id} is not listed")


async def test_the_list_says_when_progress_is_due_and_when_it_was_asked(store, clock, make_app):
    made = stored(store)
    clock.time = dt.datetime(2026, 4, 1, 9, 0)
    app = make_app()
    async with app.run_test(size=(100, 24)):
        assert "PROGRESS" not in home_line(app, made.id)
    clock.time = dt.datetime(2026, 4, 2, 9, 0)
    app = make_app()
    async with app.run_test(size=(100, 24)):
        assert "PROGRESS DUE" in home_line(app, made.id)
    record = store.load(made.id)
    record.progress_asked.append(
        ProgressAsked("2026-04-02T09:30:00", "Housing", ["ines@housing.example"], ["1", "5"])
    )
    store.save(record)
    app = make_app()
    async with app.run_test(size=(100, 24)):
        assert "PROGRESS ASKED 2026-04-02" in home_line(app, made.id)
    sections = {s.key: s for s in board_sections(store.load(made.id))}
    plan = sections["plan"].lines
    assert plan[0].endswith("— progress asked 2026-04-02")  # row 1: Housing's
    assert "progress asked" not in plan[1]  # row 2: the police, not asked yet
    assert plan[4].endswith("— progress asked 2026-04-02")


async def test_the_list_opens_the_overdue_actions_of_every_conference(store, clock, make_app):
    from ctxtui.screens.actions import ActionsScreen
    from ctxtui.screens.conference import ConferenceScreen

    made = stored(store)
    other = towpath()
    other.context.name = "Lock keeper's cottage"
    other.actions = [Action(intervention="Gate the slipway", agency="Waterways", due="2026-06-01")]
    store.create(other)
    clock.time = dt.datetime(2026, 4, 10, 9, 0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await wait_for(lambda: isinstance(app.screen, ActionsScreen))
        screen = app.screen
        assert [(r.context, r.row) for r in screen.rows] == [
            ("Canal towpath by Wharf Row", 1),  # due 2 March
            ("Canal towpath by Wharf Row", 4),  # due 1 April
        ]
        assert "Overdue actions" in str(screen.query_one("#title").render())
        await pilot.press("o")
        assert len(screen.rows) == 7  # every row still to do, of both
        assert "Gate the slipway" in [r.intervention for r in screen.rows]
        await pilot.press("o", "enter")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        assert app.screen.meeting.conference.id == made.id
