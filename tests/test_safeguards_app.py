"""The meeting's own safeguards (issue 44) end to end: nothing goes to a local business on the
distribution list until its signed agreement is recorded, from the app (Pilot) and from the
command line, against a mail relay on 127.0.0.1 (aiosmtpd); the reminder, the recording keys
and the board; the recording index and retention from the command line. All names invented."""

from __future__ import annotations

import io

from rich.console import Console

from ctxtui.cli.demo import demo_conference
from ctxtui.meeting.meeting import Meeting
from ctxtui.widgets.textual_internals import screen_lines

from .conftest import SHOP, configure, wait_for, write_config


def _sharing_checks(store) -> list[str]:
    return [e.detail.rsplit(": ", 1)[-1][:7] for e in store.audit.events() if e.action == "sharing"]


def test_the_command_line_refuses_the_shop_until_its_agreement_is_recorded(
    cli, store, final_with_a_shop, relays, clock
):
    relay, port = relays["none"]
    configure("none", port, None)
    refused = cli("send", final_with_a_shop.id, "--markdown")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    [sentence] = refused.stderr.strip().splitlines()
    assert sentence.startswith("ctxtui: nothing was sent: Nell Brightwater (Local business) has")
    assert "signed information-sharing agreement" in sentence and "statutory_partners" in sentence
    assert relay.messages == [] and store.load(final_with_a_shop.id).circulated == []
    # recorded (here through the application API, as the app's form does)
    meeting = Meeting(store, final_with_a_shop.id, clock)
    meeting.amend("The corner shop's agreement came in")
    meeting.record_agreement("distribution", 2, "2026-01-19", "Eastbrook ISA v3")
    meeting.finalise()
    meeting.close()
    sent = cli("send", final_with_a_shop.id, "--markdown")
    assert sent.returncode == 0, sent.stderr
    # one message an agency (issue 45), everyone on the list reached once
    assert sorted(a for _s, to, _m in relay.messages for a in to) == sorted(
        r.email for r in final_with_a_shop.distribution
    )
    [mail] = [m for _s, to, m in relay.messages if to == [SHOP.email]]
    markdown = next(p for p in mail.iter_attachments() if p.get_filename().endswith(".md"))
    minutes = markdown.get_content()
    if isinstance(minutes, bytes):
        minutes = minutes.decode("utf-8")
    assert "| Agreement signed 2026-01-19 (Eastbrook ISA v3) |" in minutes
    assert minutes.count("| Statutory partner |") == 2
    assert _sharing_checks(store) == ["refused", "passed"]


def test_the_invitation_from_the_command_line_is_refused_the_same_way(cli, store, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    conference = demo_conference()
    conference.dates.conference, conference.dates.start_time = "2099-02-10", "10:00"
    conference.distribution = [SHOP]
    made = store.create(conference)
    for args in (("invite", made.id), ("invite", made.id, "--dry-run")):
        refused = cli(*args)
        assert refused.returncode == 2, refused.stdout
        assert "Nell Brightwater (Local business) has no sharing basis for the invitation" in (
            refused.stderr
        )
    assert relay.messages == []


async def test_the_app_refuses_the_shop_then_sends_once_the_agreement_is_recorded(
    store, final_with_a_shop, relays, make_app
):
    from ctxtui.screens.dialogs import ConfirmDialog
    from ctxtui.screens.forms import FormScreen

    relay, port = relays["none"]
    configure("none", port, None)
    told: list[str] = []
    app = make_app(final_with_a_shop.id)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = app.notify
        app.notify = lambda message, **kw: (told.append(message), shown(message, **kw))
        await pilot.press("ctrl+o", "o")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        refusal = next(m for m in told if "sharing basis" in m)
        assert "Nell Brightwater (Local business) has no sharing basis for the minutes" in refusal
        # amend, record the shop's agreement on the distribution list, finalise, send
        await pilot.press("ctrl+o", "m")
        await pilot.press(*"agreement", "ctrl+s")
        await pilot.press("ctrl+o", "c", "end", "s")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"2026-01-19", "tab", "ctrl+u", *"ISA", "space", "v", "3", "ctrl+s")
        detail = str(app.screen.query_one("#row-detail").render())
        assert "sharing: agreement signed 2026-01-19 (ISA v3)" in detail
        await pilot.press("escape", "ctrl+o", "f")
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await pilot.press("ctrl+o", "o")
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        assert "Nell Brightwater — Local business <nell@cornershop.example>" in app.screen.details
        await pilot.press("y")
        # one message an agency (issue 45): the police, housing and the shop
        await wait_for(lambda: len(relay.messages) == 3, timeout=30)
        await wait_for(lambda: bool(store.load(final_with_a_shop.id).circulated), timeout=10)
    record = store.load(final_with_a_shop.id)
    assert record.status == "final"
    assert (
        record.distribution[2].agreement_signed,
        record.distribution[2].agreement_reference,
    ) == (
        "2026-01-19",
        "ISA v3",
    )
    assert record.circulated[0].to == [r.email for r in final_with_a_shop.distribution]
    assert _sharing_checks(store) == ["refused", "passed"]


async def test_an_agreement_from_the_attendance_list_is_one_undo_step(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)) as pilot:
        (meeting,) = app.meetings.values()
        leon = next(i for i, a in enumerate(meeting.conference.attendees) if a.name == "Leon Marsh")
        await pilot.press("ctrl+l", *["down"] * leon)
        detail = str(app.screen.query_one("#row-detail").render())
        assert "no sharing basis: s records a signed agreement" in detail
        await pilot.press("s", *"2026-01-02", "tab", *"v2", "ctrl+s")
        assert meeting.conference.attendees[leon].agreement_signed == "2026-01-02"
        await pilot.press("ctrl+z")
        assert meeting.conference.attendees[leon].agreement_signed == ""
        await pilot.press("s", *"2026-02-30", "ctrl+s")  # not a day: the form says so, stays
        assert "Use a date like" in "\n".join(screen_lines(app.screen))
        assert meeting.conference.attendees[leon].agreement_signed == ""


async def test_the_reminder_and_the_recording_from_their_keys(store, clock, make_app):
    made = store.create(demo_conference().__class__(context=demo_conference().context))
    told: list[str] = []
    app = make_app(made.id)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = app.notify
        app.notify = lambda message, **kw: (told.append(message), shown(message, **kw))
        (meeting,) = app.meetings.values()
        await pilot.press("f12")  # the recording starts at 10:00
        assert "Recording started at 10:00" in told[-1]
        clock.advance(minutes=1, seconds=40)
        await pilot.press(*"Lights out on the path", "enter")
        assert (
            "filed before the confidentiality reminder" in told[-1]
            and "F11 (or Ctrl+P, Reminder)" in told[-1]
        )
        await pilot.press(*"Gate left open", "enter")
        assert sum("before the confidentiality reminder" in m for m in told) == 1  # once
        await pilot.press("f11")
        assert meeting.conference.confidentiality_reminder == "2026-01-20T10:01:40"
        await pilot.press("up", "up")  # browsing: the point's offset shows beside its heading
        assert app.screen.pane("concerns").border_subtitle == "0:01:40 into the recording · 2"
        await pilot.press("escape")
        clock.advance(minutes=50)
        await pilot.press("f12")  # stopped: where is it kept?
        await pilot.press(*"REC-0117", "ctrl+s")
        recording = meeting.conference.recording
        assert (recording.stopped, recording.reference) == ("2026-01-20T10:51:40", "REC-0117")
        for undone in ("Recording's reference changed", "Recording stopped"):
            await pilot.press("ctrl+z")
            assert told[-1] == f"Undone: {undone}."
        assert meeting.conference.recording.stopped == ""


async def test_the_board_shows_the_reminder_until_the_first_point(store, clock, make_app):
    made = store.create(demo_conference().__class__(context=demo_conference().context))
    app = make_app(made.id, board=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen

        def shown() -> str:
            return "\n".join(screen_lines(screen))

        await wait_for(lambda: "This conference is about a place or a group" in shown())
        meeting = Meeting(store, made.id, clock)
        meeting.give_reminder()
        meeting.flush()
        await wait_for(lambda: "Read to the room at 10:00." in shown())
        meeting.editor.points.add("concerns", "Lights out on the path")
        meeting.flush()
        await wait_for(lambda: "This conference is about a place" not in shown())
        meeting.close()
        await pilot.press("q")


def test_the_recording_index_and_retention_from_the_command_line(cli, store, recorded_id):
    index = cli.ok("export", recorded_id, "--format", "recording-index")
    assert "| 0:12:03 | Strengths, point 5 | The caretaker walks the path at 4pm |" in index
    assert "RECSTORE/2026/0117" in index
    minutes = cli.ok("export", recorded_id, "--format", "md")
    assert "The meeting was audio recorded (from 10:00 to 10:52)" in minutes
    assert "RECSTORE" not in minutes and "0:12:03" not in minutes
    write_config("retention_years = 1\n")
    listed = cli.ok("retention", "--today", "2029-01-01")
    assert "recording to delete with it: RECSTORE/2026/0117" in listed


async def test_browsing_a_plan_row_or_a_score_shows_its_offset(store, make_app):
    conference = demo_conference()
    conference.actions[0].recording_offset = "0:41:07"
    conference.scaling.scores[0].recording_offset = "1:02:13"  # the first present attendee's
    made = store.create(conference)
    app = make_app(made.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")

        def row_shown() -> str:  # the whole row beneath the table, as drawn (it may scroll)
            console = Console(width=80, record=True, file=io.StringIO())
            screen = app.screen
            console.print(screen.detail(screen.rows()[screen.selected()], 1))
            return console.export_text()

        assert "Recording      0:41:07 into the recording" in row_shown()
        await pilot.press("down")
        assert "into the recording" not in row_shown()
        await pilot.press("escape", "ctrl+y")
        detail = str(app.screen.query_one("#score-detail").render())
        assert "1:02:13 into the recording" in detail
