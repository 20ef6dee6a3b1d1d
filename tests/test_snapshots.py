"""Snapshots of what a person sees, at 80×24 and 160×48. Review the report before updating."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_minute_taking_screen(snap_compare, demo_app, size):
    assert snap_compare(demo_app, terminal_size=size, press=[*"Bus stop", "enter"])


def test_minute_taking_agenda_running(snap_compare, demo_app, clock):
    async def start(pilot):
        await pilot.press("ctrl+n", "ctrl+t")
        clock.advance(minutes=7, seconds=5)
        pilot.app.screen.query_one("#agenda-bar").refresh_status()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=start)


def test_point_list_focused(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["down", "down"])


def test_details(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["ctrl+o", "d"])


def test_attendance(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["ctrl+l"])


def test_help(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["f1"])


def test_home(snap_compare, demo, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_plan(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["ctrl+f", "down"])


def test_plan_wide(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(160, 48), press=["ctrl+f"])


def test_plan_row_form(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["ctrl+f", "enter"])


def test_scaling(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["ctrl+y", "down", "8"])


BOARD_SIZES = [(80, 24), (100, 30), (120, 36), (160, 48)]


@pytest.mark.parametrize("size", BOARD_SIZES)
def test_board_holding_back_a_name(snap_compare, store, demo, size, make_app):
    demo.points.concerns.append("Kai Thompson was threatened with a knife at the taxi rank")
    store.save(demo)
    board = make_app(demo.id, board=True)
    assert snap_compare(board, terminal_size=size, press=["right"])


@pytest.mark.parametrize("size", BOARD_SIZES)
def test_board_of_the_big_conference(snap_compare, store, size, make_app):
    from bench.export_bench import big_conference

    conference = store.create(big_conference())
    board = make_app(conference.id, board=True)
    assert snap_compare(board, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_story(snap_compare, store, clock, make_app, size):
    from tests.test_story_and_report import _chain_of_three

    ids = _chain_of_three(store, clock)
    assert snap_compare(make_app(ids[-1]), terminal_size=size, press=["ctrl+o", "z"])


def test_agreement_form(snap_compare, demo_app):
    """``s`` on the attendance list: Leon Marsh (local youth provision) has no basis yet."""
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["ctrl+l", *["down"] * 5, "s"])


def test_board_confidentiality_reminder(snap_compare, store, clock, make_app):
    """Before the first point the board shows the reminder, here read to the room at 10:00."""
    from ctxtui.cli.demo import demo_conference
    from ctxtui.core.record import Conference

    conference = Conference(context=demo_conference().context)
    conference.dates.conference = "2026-01-20"
    conference.confidentiality_reminder = "2026-01-20T10:00:00"
    made = store.create(conference)
    assert snap_compare(make_app(made.id, board=True), terminal_size=(80, 24))
