"""The Meeting (no terminal): one open conference, its lock, edits, drafts, saving and export."""

from __future__ import annotations

import datetime as dt

import pytest

from ctxtui.core.record import Action
from ctxtui.core.rules import ReadOnly, Refused
from ctxtui.meeting.meeting import Meeting, create_review, describe_finding


@pytest.fixture
def meeting(store, demo, clock):
    opened = Meeting(store, demo.id, clock, nation="england-and-wales")
    yield opened
    opened.close()


def test_a_change_reaches_disk_on_flush(store, demo, meeting):
    meeting.editor.points.add("strengths", "Caretaker on site until 8pm")
    assert meeting.autosaver.dirty
    assert meeting.flush()
    assert store.load(demo.id).points.strengths[-1] == "Caretaker on site until 8pm"


def test_a_second_meeting_on_the_same_conference_is_read_only(store, demo, meeting, clock):
    second = Meeting(store, demo.id, clock)
    try:
        assert second.read_only and second.locked
        assert "elsewhere" in (second.read_only_notice() or "")
        with pytest.raises(ReadOnly):
            second.editor.points.add("concerns", "x")
    finally:
        second.close()


def test_drafts_of_open_forms_are_filed_before_the_last_save(store, demo, meeting):
    typed = {"worry": "half typed"}

    def plan_row_form() -> None:
        meeting.editor.rows.add("actions", Action(**typed))

    meeting.hold_draft("form", plan_row_form)
    meeting.hold_draft("capture", lambda: meeting.keep_unfiled("strengths", "  unfiled line "))
    meeting.file_drafts()
    assert meeting.flush()
    saved = store.load(demo.id)
    assert saved.actions[-1].worry == "half typed"
    assert "unfiled line" not in saved.points.strengths  # kept as a line, not filed
    assert (saved.unfiled.target, saved.unfiled.text) == ("strengths", "unfiled line")
    meeting.drop_draft("form")
    meeting.drop_draft("capture")
    meeting.file_drafts()
    assert len(meeting.conference.actions) == len(saved.actions)


def test_a_draft_that_is_refused_does_not_stop_the_others(store, demo, meeting):
    def refused() -> None:
        raise Refused("too long")

    meeting.hold_draft("bad", refused)
    meeting.hold_draft("good", lambda: meeting.keep_unfiled("concerns", "still kept"))
    meeting.file_drafts()
    assert meeting.conference.unfiled.text == "still kept"


def test_finalise_and_amend_save_at_once(store, demo, meeting):
    assert meeting.finalise()
    assert store.load(demo.id).status == "final"
    assert meeting.locked and "final" in (meeting.read_only_notice() or "")
    with pytest.raises(Refused):
        meeting.editor.undo()
    assert meeting.amend("Correct the review date")
    assert store.load(demo.id).status == "draft"


def test_privacy_hits_leave_out_dismissed_flags(meeting):
    text = "Jayden Smith was seen near the garages"
    assert [hit.category for hit in meeting.open_hits(text)] == ["name"]
    meeting.editor.dismiss_flags([hit.key for hit in meeting.open_hits(text)])
    assert meeting.open_hits(text) == []
    meeting.editor.points.add("concerns", "A 14-year-old was approached")
    lines = [describe_finding(f) for f in meeting.findings()]
    assert "concerns #5: a child's age: A 14-year-old" in lines


def test_the_previous_conference_of_a_review(store, demo, clock):
    review = create_review(store, demo.id, dt.date(2026, 4, 20))
    opened = Meeting(store, review.id, clock)
    try:
        previous, problem = opened.previous()
        assert previous is not None and previous.id == demo.id and problem is None
        assert "Reviews the conference of" in opened.markdown()
    finally:
        opened.close()


def test_export_writes_from_a_snapshot(meeting, tmp_path):
    snapshot = meeting.snapshot()
    meeting.editor.points.add("concerns", "added after the snapshot")
    written = meeting.export(snapshot, "md", tmp_path / "minutes.md", replace=False)
    text = written.path.read_text(encoding="utf-8")
    assert "OFFICIAL-SENSITIVE" in text and "added after the snapshot" not in text


def test_the_board_command_names_a_non_default_folder(store, meeting):
    assert meeting.board_command().startswith(f"ctxtui board {meeting.conference.id}")
    assert str(store.root) in meeting.board_command()
