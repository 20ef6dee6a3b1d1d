"""A refusal is a sentence, never a traceback: every key of every editing screen, pressed on
minutes the core must refuse to change (final, or open read-only elsewhere), leaves the app
running and the stored record as it was."""

from __future__ import annotations

import pytest
from textual import events

from ctxtui.app import CtxApp
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.conference import ConferenceScreen

from .conftest import burst, idle, wait_for

SIZE = (80, 24)
OPENERS = {
    "minute-taking": [],
    "attendance": ["ctrl+l"],
    "plan": ["ctrl+f"],
    "scaling": ["ctrl+y"],
    "danger statement": ["ctrl+g"],
    "agenda": ["f4"],
    "details": ["ctrl+o", "d"],
    "discussion": ["ctrl+o", "i"],
    "referrals": ["ctrl+o", "n"],
    "distribution": ["ctrl+o", "c"],
}
NOT_PRESSED = {"ctrl+q", "ctrl+c", "f6", "ctrl+p"}  # quitting, export and the palette


async def press(pilot, *keys: str) -> None:
    for key in keys:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
        await idle(pilot)


async def _every_key(app: CtxApp, pilot, opener: list[str]) -> int:
    """Press each key the screen binds, coming back to it after each; the number pressed."""
    await press(pilot, *opener)
    screen = app.screen
    keys = sorted({key for key in screen.active_bindings if key not in NOT_PRESSED})
    for key in keys:
        await press(pilot, key)
        assert app.is_running and app.return_code is None, f"{key} on {type(screen).__name__}"
        for _ in range(4):  # a menu, a form or a question it opened: close it
            if app.screen is screen:
                break
            await press(pilot, "escape")
    while not isinstance(app.screen, ConferenceScreen):
        await press(pilot, "escape")
    return len(keys)


@pytest.mark.parametrize("why", ["final", "read-only"])
async def test_every_key_on_minutes_that_refuse_changes(store, demo, clock, why, make_app):
    holder = None
    if why == "final":
        meeting = Meeting(store, demo.id, clock)
        meeting.finalise()
        meeting.close()
    else:
        holder = store.open(demo.id)  # another window is writing it
    before = store.path_for(demo.id).read_bytes()
    app = make_app(demo.id, autosave=0.05)
    pressed = 0
    async with app.run_test(size=SIZE) as pilot:
        for opener in OPENERS.values():
            pressed += await _every_key(app, pilot, opener)
        await burst(pilot, "some typing", "enter", "ctrl+s")
        assert app.is_running
    app.close_all()
    if holder is not None:
        holder.close()
    assert pressed > 60
    assert store.path_for(demo.id).read_bytes() == before


async def test_finalising_before_the_conference_day_is_a_sentence(demo, clock, make_app):
    clock.time = clock.time.replace(year=2025)  # the conference (2026-01-20) is still to come
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "f")
        await burst(pilot, "y")
        await wait_for(lambda: isinstance(app.screen, ConferenceScreen))
        assert app.is_running and app.screen.meeting.conference.status == "draft"
        assert any("finalised from then" in n.message for n in app.notices)
