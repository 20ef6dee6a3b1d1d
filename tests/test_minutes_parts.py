"""The parts of the record the guidance asks for beyond the four headings: kept in the record,
reachable by keyboard at 80×24, in the minutes, and carried by the interchange file."""

from __future__ import annotations

import json

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Action, Attendee, Recipient, Referral, ValidationError
from ctxtui.core.rules import BadValue
from ctxtui.core.validation import conference_from_dict
from ctxtui.meeting.editing import Editor
from ctxtui.screens.attendance import AttendanceScreen
from ctxtui.screens.discussion import DiscussionScreen
from ctxtui.screens.forms import FormScreen
from ctxtui.screens.records import DistributionScreen, ReferralsScreen

from .conftest import burst, wait_for
from .test_export_markdown import sections

SIZE = (80, 24)


async def test_discussion_is_kept_as_typed_and_undone(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "i")
        await wait_for(lambda: isinstance(app.screen, DiscussionScreen))
        await burst(pilot, "", "ctrl+a")
        await burst(pilot, "Street pastors on Fridays", "enter")
        await burst(pilot, "", "tab")
        await burst(pilot, "", "ctrl+u")
        await burst(pilot, "Wants the lights fixed first", "escape")
        await wait_for(lambda: not isinstance(app.screen, DiscussionScreen))
        await pilot.press("ctrl+s")
    saved = store.load(demo.id).discussion
    assert saved.involvement[0].startswith("Street pastors on Fridays")
    assert saved.location_lead_view == "Wants the lights fixed first"


async def test_referrals_distribution_and_core_group_by_keyboard(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "", "ctrl+o")
        await burst(pilot, "n")
        await wait_for(lambda: isinstance(app.screen, ReferralsScreen))
        await pilot.press("a")
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "Housing", "tab")
        await burst(pilot, "2026-01-21", "tab")
        await burst(pilot, "Repairs referral for the garages", "ctrl+s")
        await wait_for(lambda: isinstance(app.screen, ReferralsScreen))
        await pilot.press("escape", "ctrl+o")
        await pilot.press("c")
        await wait_for(lambda: isinstance(app.screen, DistributionScreen))
        await pilot.press("f", "escape", "ctrl+l")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        await pilot.press("c", "ctrl+s")
    saved = store.load(demo.id)
    assert saved.referrals[-1] == Referral(
        "Housing", "2026-01-21", "Repairs referral for the garages"
    )
    with_email = [a for a in demo.attendees if a.email]
    assert [r.email for r in saved.distribution] == [a.email for a in with_email]
    assert demo.attendees[0].name in saved.core_group


def test_bad_emails_and_due_dates_are_refused_with_a_sentence():
    editor = Editor(demo_conference())
    with pytest.raises(BadValue, match="email"):
        editor.rows.add("attendees", Attendee("Jo", email="not an address"))
    with pytest.raises(BadValue, match="date"):
        editor.rows.add("actions", Action(worry="w", due="next week"))
    editor.rows.add("distribution", Recipient("Jo", "Housing", "jo@council.example"))
    data = editor.conference.to_dict()
    data["attendees"][0]["email"] = "nobody"
    with pytest.raises(ValidationError, match=r"attendees\[0\].email"):
        conference_from_dict(data)


def test_a_file_without_the_new_keys_imports_and_one_with_them_round_trips(cli, tmp_path):
    full = demo_conference().to_dict()
    full["distribution"] = [
        {
            "name": "Jo",
            "agency": "Housing",
            "email": "jo@council.example",
            "agreement_signed": "",
            "agreement_reference": "",
        }
    ]
    full["circulated"] = [{"at": "2026-01-21T09:00:00", "to": ["jo@council.example"]}]
    full["actions"][0]["due"] = "2026-02-15"
    source = tmp_path / "full.json"
    source.write_text(json.dumps(full), encoding="utf-8")
    conference_id = cli.ok("import", str(source)).strip()
    again = cli.json("export", conference_id, "--format", "json")
    assert {**again, "id": full["id"]} == {**full, "id": full["id"]}
    old = {
        k: v
        for k, v in full.items()
        if k not in ("discussion", "referrals", "core_group", "distribution", "circulated")
    }
    for attendee in old["attendees"]:
        attendee.pop("email")
    for action in old["actions"]:
        action.pop("due")
    source.write_text(json.dumps({**old, "id": ""}), encoding="utf-8")
    older = cli.ok("import", str(source)).strip()
    assert cli.json("export", older, "--format", "json")["referrals"] == []


def test_the_minutes_hold_every_new_part():
    found = sections(
        __import__("ctxtui.export.markdown", fromlist=["x"]).to_markdown(demo_conference())
    )
    assert (
        "Detached youth work two evenings a week on the estate."
        in found["Current professional involvement"]
    )
    assert found["Core group"] == ["Tom Brennan", "Gwen Hollis", "Leon Marsh"]
    assert any("One referral made" in cell for cell in found["Referrals made outside the meeting"])
    assert "About 15, aged 11 to 16" in found["Details"]
    assert any("Introductions and purpose" in cell for cell in found["Agenda"])


def test_overdue_open_actions_show_on_the_list_and_in_the_review(store):
    import datetime as dt

    from ctxtui.core.due import overdue
    from ctxtui.export.markdown import to_markdown
    from ctxtui.meeting.meeting import create_review

    first = demo_conference()
    first.actions[1].due = "2026-02-10"  # open
    first.actions[0].due = "2026-02-01"
    first.actions[0].status = "done"  # done: never overdue
    stored = store.create(first)
    summaries = store.list().summaries
    assert (
        "actions overdue"
        in overdue(summaries, dt.date(2026, 2, 11), "england-and-wales")[stored.id]
    )
    assert "actions overdue" not in overdue(
        summaries, dt.date(2026, 2, 9), "england-and-wales"
    ).get(stored.id, [])
    review = create_review(store, stored.id, dt.date(2026, 4, 20))
    found = sections(to_markdown(review, previous=store.load(stored.id)))
    assert any("(overdue)" in cell for cell in found["Actions from the last conference"])
