"""The meeting's own safeguards (issue 44), without a terminal: each person's sharing basis and
the check before anything is sent, the confidentiality reminder, the recording and the offsets
that follow each point, the minutes and the recording index. Every name here is invented."""

from __future__ import annotations

import json

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.catalogue import NOT_STATUTORY_PARTNERS, STATUTORY_PARTNERS
from ctxtui.core.labels import AGENCIES
from ctxtui.core.record import Action, Attendee, Recipient, ValidationError
from ctxtui.core.recording import index_rows
from ctxtui.core.review import start_review
from ctxtui.core.rules import BadValue, Refused
from ctxtui.core.sharing import basis_of, is_statutory
from ctxtui.core.validation import conference_from_dict
from ctxtui.export import render
from ctxtui.export.markdown import to_markdown
from ctxtui.mail.circulate import SendError
from ctxtui.meeting.meeting import Conferences, Meeting

from .conftest import SHOP, write_config


@pytest.fixture
def meeting(store, demo, clock):
    opened = Meeting(store, demo.id, clock, nation="england-and-wales")
    yield opened
    opened.close()


# -- the sharing basis


def test_every_agency_the_app_suggests_is_either_a_statutory_partner_or_not():
    for agency in AGENCIES:
        assert (agency in STATUTORY_PARTNERS or is_statutory(agency)) != (
            agency in NOT_STATUTORY_PARTNERS
        ), agency
    assert is_statutory("Police – safer schools officer") and is_statutory("POLICE - CID")
    assert is_statutory("Health (school nursing)") and is_statutory("children’s social care")
    for agency in ("Local business", "Police Scotland", "Housing association", "", "Healthy Eats"):
        assert not is_statutory(agency), agency


def test_a_basis_is_statutory_first_then_an_agreement_else_none():
    assert basis_of(Recipient("A", "Licensing", "a@x.example")).describe() == "Statutory partner"
    assert basis_of(SHOP).describe() == "None"
    signed = Recipient("B", "Local business", "b@x.example", "2026-01-12", "ISA v2")
    assert basis_of(signed).describe() == "Agreement signed 2026-01-12 (ISA v2)"


def test_the_service_list_in_config_replaces_the_catalogue(meeting):
    assert meeting.basis(SHOP).kind == "none"
    write_config('[sharing]\nstatutory_partners = ["Local business", "Police"]\n')
    assert meeting.basis(SHOP).kind == "statutory"
    assert meeting.basis(Recipient("C", "Housing", "c@x.example")).kind == "none"
    write_config('[sharing]\nstatutory_partners = "Police"\n')
    with pytest.raises(SendError, match="statutory_partners must be a list"):
        meeting.check_sharing([SHOP], "the minutes")
    write_config('[sharing]\nstatutory = ["Police"]\n')
    with pytest.raises(SendError, match="does not know: statutory"):
        meeting.check_sharing([SHOP], "the minutes")


def test_nothing_goes_to_someone_without_a_basis_and_each_check_is_logged(
    store, final_with_a_shop, clock
):
    meeting = Meeting(store, final_with_a_shop.id, clock)
    try:
        with pytest.raises(SendError) as refused:
            meeting.recipients(0, 0)
        sentence = str(refused.value)
        assert "Nell Brightwater (Local business) has no sharing basis for the minutes" in sentence
        assert "Gwen Hollis" not in sentence and "information-sharing agreement" in sentence
        assert "amend the final minutes first" in sentence and "\n" not in sentence
        # final minutes: amend, record the agreement on the distribution list, finalise
        meeting.amend("The corner shop signed the agreement")
        assert meeting.record_agreement("distribution", 2, "2026-01-19", "Eastbrook ISA v3") == 1
        meeting.finalise()
        people = meeting.recipients(0, 0)
        assert [p.email for p in people] == [r.email for r in final_with_a_shop.distribution]
    finally:
        meeting.close()
    checks = [e.detail for e in store.audit.events() if e.action == "sharing"]
    assert checks == [
        "the minutes: 2 statutory, 0 agreement, 1 none: refused nell@cornershop.example",
        "the minutes: 2 statutory, 1 agreement, 0 none: passed",
    ]
    assert "Eastbrook" not in store.audit.path.read_text(encoding="utf-8")


def test_the_invitation_is_refused_too(store, clock):
    conference = demo_conference()
    conference.dates.conference, conference.dates.start_time = "2026-02-10", "10:00"
    made = store.create(conference)
    meeting = Meeting(store, made.id, clock)
    try:
        # no distribution list: every attendee with an address, the youth worker among them
        with pytest.raises(SendError, match=r"Leon Marsh \(Local youth provision\) has no"):
            meeting.invitation_preview()
        leon = next(i for i, a in enumerate(meeting.conference.attendees) if a.name == "Leon Marsh")
        meeting.record_agreement("attendees", leon, "2025-11-03", "Eastbrook ISA v3")
        people, _subject, _text = meeting.invitation_preview()
        assert "leon.marsh@council.example" in [p.email for p in people]
    finally:
        meeting.close()


def test_an_agreement_is_checked_undoable_kept_on_edit_and_follows_the_person(meeting, clock):
    editor = meeting.editor
    leon = next(i for i, a in enumerate(editor.conference.attendees) if a.name == "Leon Marsh")
    for signed, reference, words in [
        ("2026-13-01", "ISA v3", "like 2026-01-20"),
        ("2026-01-21", "ISA v3", "after today"),  # the clock says 2026-01-20
        ("2026-01-12", " ", "version or reference"),
    ]:
        with pytest.raises(BadValue, match=words):
            meeting.record_agreement("attendees", leon, signed, reference)
    editor.rows.add(
        "distribution",
        Recipient("Leon Marsh", "Local youth provision", "leon.marsh@council.example"),
    )
    assert meeting.record_agreement("attendees", leon, "2026-01-12", "ISA v3") == 2
    recipient = editor.conference.distribution[-1]
    assert (recipient.agreement_signed, recipient.agreement_reference) == ("2026-01-12", "ISA v3")
    # the attendee's form knows nothing of the agreement: an edit through it keeps it
    attendee = editor.conference.attendees[leon]
    editor.rows.update(
        "attendees", leon, Attendee(attendee.name, "Youth worker", attendee.agency, "present")
    )
    assert editor.conference.attendees[leon].agreement_signed == "2026-01-12"
    assert meeting.agreement_values("attendees", leon) == ("2026-01-12", "ISA v3")
    editor.undo()  # the edit
    assert editor.undo() == "Sharing agreement of Leon Marsh recorded"
    assert editor.conference.attendees[leon].agreement_signed == ""
    assert editor.conference.distribution[-1].agreement_signed == ""
    # the form offers the reference last used here, or the service's usual one
    assert meeting.agreement_values("attendees", leon) == ("", "")
    write_config('[sharing]\nagreement_reference = "Eastbrook ISA v3"\n')
    assert meeting.agreement_values("attendees", leon) == ("", "Eastbrook ISA v3")
    # both emptied: taken off again
    meeting.record_agreement("attendees", leon, "2026-01-12", "ISA v3")
    meeting.record_agreement("attendees", leon, "", "")
    assert editor.conference.attendees[leon].agreement_reference == ""


def test_the_distribution_list_from_attendees_carries_their_agreements():
    conference = demo_conference()
    conference.attendees[5].agreement_signed = "2026-01-02"
    conference.attendees[5].agreement_reference = "ISA v3"
    [leon] = [r for r in conference.attendees_with_email() if r.name == "Leon Marsh"]
    assert (leon.agreement_signed, leon.agreement_reference) == ("2026-01-02", "ISA v3")


# -- the confidentiality reminder


def test_the_reminder_is_recorded_once_with_its_time_and_said_in_the_minutes(store, clock):
    unreminded = demo_conference()
    unreminded.confidentiality_reminder = ""
    meeting = Meeting(store, store.create(unreminded).id, clock)
    assert "Confidentiality reminder" not in meeting.markdown()  # older minutes: no section
    clock.advance(minutes=4)
    assert meeting.give_reminder() == "2026-01-20T10:04:00"
    with pytest.raises(Refused, match="recorded already, at 10:04"):
        meeting.give_reminder()
    minutes = meeting.markdown()
    assert "confidentiality reminder given at 10:04" in minutes
    assert "audio recorded" not in minutes  # said only of a meeting that was recorded
    assert meeting.editor.undo() == "Confidentiality reminder given"
    assert meeting.conference.confidentiality_reminder == ""
    meeting.close()


def test_a_point_filed_before_the_reminder_is_said_once(store, clock):
    made = store.create(demo_conference().__class__(context=demo_conference().context))
    meeting = Meeting(store, made.id, clock)
    try:
        assert meeting.reminder_late() is False
        meeting.editor.points.add("concerns", "Groups gather by the lock-ups after dark")
        assert meeting.reminder_late() is True
        meeting.editor.points.add("concerns", "Broken lights on the footpath")
        assert meeting.reminder_late() is False  # once
    finally:
        meeting.close()
    # minutes tidied on another day than the conference's: nothing to tell
    unreminded = demo_conference()
    unreminded.confidentiality_reminder = ""
    held = store.create(unreminded)
    clock.advance(days=1)
    meeting = Meeting(store, held.id, clock)
    try:
        meeting.editor.points.add("concerns", "Added the day after")
        assert meeting.reminder_late() is False
    finally:
        meeting.close()


# -- the recording


def test_points_rows_and_scores_filed_while_recording_keep_their_offsets(meeting, clock):
    editor = meeting.editor
    editor.points.add("concerns", "Filed before the recording")
    assert meeting.start_or_stop_recording() == "started"
    clock.advance(minutes=2, seconds=5)
    editor.points.add("concerns", "Cars parked on the verge at school time")
    clock.advance(minutes=10)
    editor.points.add("strengths", "Shop staff know the young people by name")
    clock.advance(seconds=30)
    editor.rows.add("actions", Action(intervention="Guardian training for the parade"))
    clock.advance(minutes=1)
    editor.scores.set_score("Gwen Hollis", 6)
    concerns = editor.conference.points.concerns
    assert meeting.point_offset("concerns", len(concerns) - 1) == "0:02:05"
    assert meeting.point_offset("concerns", len(concerns) - 2) == ""
    assert editor.conference.actions[-1].recording_offset == "0:12:35"
    assert editor.scores.of("Gwen Hollis").recording_offset == "0:13:35"
    # a mark follows its point: reworded, moved, deleted, undone
    last = len(concerns) - 1
    editor.points.edit("concerns", last, "Cars parked on the verge at home time")
    assert meeting.point_offset("concerns", last) == "0:02:05"
    moved = editor.points.move_to("concerns", last, "complicating")
    assert meeting.point_offset("complicating", moved) == "0:02:05"
    editor.points.delete("complicating", moved)
    assert [m.text for m in editor.conference.recording.points] == [
        "Shop staff know the young people by name"
    ]
    editor.undo()
    assert meeting.point_offset("complicating", moved) == "0:02:05"
    # a plan row's form knows nothing of the offset: an edit keeps it
    row = editor.conference.actions[-1]
    editor.rows.update("actions", len(editor.conference.actions) - 1, Action(intervention="x"))
    assert editor.conference.actions[-1].recording_offset == row.recording_offset
    clock.advance(minutes=1)
    assert meeting.start_or_stop_recording() == "stopped"
    editor.points.add("concerns", "Filed after the recording stopped")
    assert meeting.point_offset("concerns", len(concerns) - 1) == ""
    with pytest.raises(Refused, match="stopped at 10:14: a meeting has one recording"):
        meeting.start_or_stop_recording()
    meeting.set_recording_reference("Recordings share, 2026-01-20 Kestrel Fields.m4a")
    assert [(r.offset, r.where) for r in index_rows(editor.conference)] == [
        ("0:02:05", "Complicating factors, point 4"),
        ("0:12:05", "Strengths, point 5"),
        ("0:12:35", "Intervention plan, row 6"),
        ("0:13:35", "Scaling, Gwen Hollis"),
    ]
    assert editor.undo() == "Recording's reference changed"
    editor.undo()  # the point filed after
    assert editor.undo() == "Recording stopped"
    assert editor.conference.recording.stopped == ""


def test_the_minutes_say_the_meeting_was_recorded_and_the_index_lists_the_offsets(meeting, clock):
    meeting.start_or_stop_recording()
    clock.advance(minutes=7, seconds=9)
    meeting.editor.points.add("concerns", "Younger pupils wait alone at the bus stop")
    clock.advance(hours=1)
    meeting.start_or_stop_recording()
    meeting.set_recording_reference("RECSTORE/2026/0117")
    minutes = meeting.markdown()
    assert "confidentiality reminder given at 10:02" in minutes  # the demo's
    assert "The meeting was audio recorded (from 10:00 to 11:07)." in minutes
    assert "it is not circulated" in minutes
    assert "RECSTORE" not in minutes and "0:07:09" not in minutes  # the index never goes out
    index = render(meeting.conference, "recording-index", nation="england-and-wales").decode()
    assert "RECSTORE/2026/0117" in index and "never circulated" in index
    assert "| 0:07:09 | Current concerns / risks / vulnerabilities, point 5 | Younger pupils" in (
        index
    )
    assert "1:07:09 long" in index


def test_a_review_keeps_agreements_and_leaves_old_offsets_behind():
    conference = demo_conference()
    conference.id = "kestrel-2026-01-20"
    conference.attendees[5].agreement_signed = "2026-01-02"
    conference.attendees[5].agreement_reference = "ISA v3"
    conference.actions[0].recording_offset = "0:10:00"
    review = start_review(conference, conference.conference_date())
    assert review.attendees[5].agreement_reference == "ISA v3"
    assert all(not a.recording_offset for a in review.actions)


# -- the record


def test_older_records_read_unchanged_and_new_keys_are_checked():
    older = demo_conference().to_dict()
    for key in ("confidentiality_reminder", "recording"):
        del older[key]
    for row in [*older["attendees"], *older["distribution"]]:
        del row["agreement_signed"], row["agreement_reference"]
    for row in older["actions"]:
        del row["recording_offset"]
    for row in older["scaling"]["scores"]:
        del row["recording_offset"]
    as_before = demo_conference()
    as_before.confidentiality_reminder = ""
    assert conference_from_dict(older) == as_before
    kept = demo_conference()
    kept.recording.started = "2026-01-20T10:00:00"
    kept.attendees[0].agreement_signed, kept.attendees[0].agreement_reference = "2026-01-01", "v1"
    assert conference_from_dict(json.loads(json.dumps(kept.to_dict()))) == kept
    for change, where in [
        (
            lambda d: d["attendees"][0].update(agreement_signed="2026-01-01"),
            "attendees[0].agreement_reference",
        ),
        (
            lambda d: d["distribution"].append({**SHOP.__dict__, "agreement_reference": "v"}),
            "distribution[0].agreement_signed",
        ),
        (lambda d: d.update(confidentiality_reminder="10:04"), "confidentiality_reminder"),
        (lambda d: d["recording"].update(stopped="2026-01-20T09:00:00"), "recording.started"),
        (
            lambda d: d["recording"].update(
                started="2026-01-20T10:00:00", stopped="2026-01-20T09:00:00"
            ),
            "recording.stopped",
        ),
        (
            lambda d: d["recording"]["points"].append(
                {"heading": "x", "text": "", "offset": "0:00:01"}
            ),
            "recording.points[0].heading",
        ),
        (
            lambda d: d["actions"][0].update(recording_offset="12 minutes"),
            "actions[0].recording_offset",
        ),
        (lambda d: d["recording"].update(colour="red"), "recording"),
    ]:
        data = demo_conference().to_dict()
        change(data)
        with pytest.raises(ValidationError) as error:
            conference_from_dict(data)
        assert error.value.field.startswith(where), (where, error.value)


def test_the_distribution_table_shows_each_basis():
    conference = demo_conference()
    conference.distribution = [
        Recipient("Gwen Hollis", "Police", "gwen@police.example"),
        Recipient(
            "Nell Brightwater", "Local business", "nell@cornershop.example", "2026-01-12", "ISA v3"
        ),
        Recipient("Ivo Stannard", "Residents' association", "ivo@residents.example"),
    ]
    minutes = to_markdown(conference)
    assert "| Name | Agency | Email | Sharing basis |" in minutes
    for basis in ("Statutory partner", "Agreement signed 2026-01-12 (ISA v3)", "None"):
        assert f"| {basis} |" in minutes
    # the service's own list decides
    assert "| Statutory partner |" not in to_markdown(conference, statutory=("Housing",))


def test_retention_lists_the_recording_to_delete_with_its_chain(store, clock):
    conference = demo_conference()
    conference.recording.started = "2026-01-20T10:00:00"
    conference.recording.reference = "RECSTORE/2026/0117"
    made = store.create(conference)
    write_config("retention_years = 1\n")
    due = Conferences(store, clock).retention_due(clock().date().replace(year=2028))
    assert due.recordings == {made.id: "RECSTORE/2026/0117"}
