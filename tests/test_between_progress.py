"""Progress asked for before the review, and the agencies' updates pulled in at it: ``remind``
asks the right agencies on the right day (working days by the nation's bank holidays), the
record keeps who was asked; two replies attached fill the review's carried-forward rows, set
by keys on the progress screen, undoably. Every name, place and address is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ctxtui.core import progress
from ctxtui.core.record import Action, Conference, Recipient
from ctxtui.meeting.meeting import Conferences

from .conftest import configure, wait_for
from .test_between_send import towpath

REVIEW = "2026-04-20"  # a Monday, two weeks after Easter
# ten working days before it: Easter Monday (6 April) and Good Friday (3 April) are bank
# holidays in England and Wales, so the day is Thursday 2 April; in Scotland Easter Monday
# is not one, so it is Monday 6 April
ASK_ON = {"england-and-wales": "2026-04-02", "scotland": "2026-04-06"}

HOUSING_REPLY = """Dear chair,

Our update on the two actions you listed.

1. Done: the towpath steps were relit on 30 March.
2. In progress – the footbridge CCTV survey is booked for 22 April.

Regards, Ines
"""
POLICE_REPLY = """# Police update

Row 1 - Not done: the patrols moved to Thursdays from May.

Row 2 - Dropped: the footbridge camera is now the council's.
"""


def reviewed(store) -> Conference:
    conference = towpath()
    conference.dates.review = REVIEW
    return store.create(conference)


def test_the_day_to_ask_counts_working_days_by_the_nation():
    review = dt.date.fromisoformat(REVIEW)
    for nation, day in ASK_ON.items():
        assert progress.ask_on(review, nation).isoformat() == day
    assert progress.reply_by(review, dt.date(2026, 4, 2), "england-and-wales") == dt.date(
        2026, 4, 15
    )
    # asked late: never wanted back sooner than the next working day, nor after the review
    assert progress.reply_by(review, dt.date(2026, 4, 17), "england-and-wales") == review


def test_a_reply_is_cut_into_its_rows():
    assert progress.split_reply(HOUSING_REPLY, 2) == {
        1: "Done: the towpath steps were relit on 30 March.",
        2: "In progress – the footbridge CCTV survey is booked for 22 April.\n\nRegards, Ines",
    }
    assert progress.split_reply("All four done by March.", 3) == {0: "All four done by March."}
    assert progress.split_reply("3. beyond the rows asked about", 2) == {
        0: "3. beyond the rows asked about"
    }
    assert progress.suggested_status("In progress – booked") == "in-progress"
    assert progress.suggested_status("Not done: moved") == "not-done"
    assert progress.suggested_status("Done: relit") == "done"
    assert progress.suggested_status("The steps") == ""


@pytest.mark.parametrize("nation", sorted(ASK_ON))
def test_remind_asks_the_right_agencies_on_the_right_day(cli, store, relays, nation):
    relay, port = relays["none"]
    configure("none", port, None)
    made = reviewed(store)
    env = {"CTXTUI_NATION": nation}
    day = dt.date.fromisoformat(ASK_ON[nation])
    before = (day - dt.timedelta(days=1)).isoformat()

    early = cli("remind", made.id, "--today", before, env=env)
    assert early.returncode == 1  # Licensing has rows and nobody to ask
    assert f"Not yet: progress is asked for on {day.isoformat()}" in early.stdout
    assert "nobody on the distribution list to ask for Licensing's rows" in early.stderr
    assert relay.messages == [] and store.load(made.id).progress_asked == []

    dry = cli("remind", made.id, "--dry-run", "--today", day.isoformat(), env=env)
    assert "updates asked for by 2026-04-15" in dry.stdout and "Nothing sent" in dry.stdout
    assert "Housing: rows 1, 5 -> ines@housing.example, tamsin@housing.example" in dry.stdout
    assert "Police: rows 2, 5 -> rob@police.example" in dry.stdout
    assert "School nursing" not in dry.stdout  # no rows: not asked
    assert relay.messages == []

    sent = cli("remind", made.id, "--today", day.isoformat(), env=env)
    assert sent.returncode == 1, sent.stderr  # asked; Licensing still has nobody
    asked_of = {tuple(to): mail for _sender, to, mail in relay.messages}
    assert sorted(asked_of) == [
        ("bea@school.example",),
        ("dev@youth.example",),
        ("ines@housing.example", "tamsin@housing.example"),
        ("rob@police.example",),
    ]
    police = asked_of[("rob@police.example",)]
    text = police.get_body(preferencelist=("plain",)).get_content()
    assert police["Subject"].startswith("OFFICIAL-SENSITIVE: Progress on your actions")
    assert "1. Two evening patrols a week at the lock" in text
    assert "2. Check the CCTV at the footbridge" in text and "towpath steps" not in text
    assert "Please reply by Wednesday 15 April 2026" in text
    record = store.load(made.id)
    by_agency = {a.agency: a for a in record.progress_asked}
    assert sorted(by_agency) == ["Education", "Housing", "Police", "Youth Service"]
    assert by_agency["Police"].rows == ["2", "5"] and by_agency["Police"].reply_by == "2026-04-15"
    assert by_agency["Housing"].to == ["ines@housing.example", "tamsin@housing.example"]
    assert by_agency["Housing"].at.startswith(day.isoformat())
    events = [e for e in Conferences(store).audit_events(made.id)[0] if e.action == "remind"]
    assert len(events) == 4

    again = cli("remind", made.id, "--today", day.isoformat(), env=env)
    assert "Police: asked already on" in again.stdout
    assert len(relay.messages) == 4  # nobody is asked twice


def test_remind_asks_nobody_while_someone_to_ask_has_no_sharing_basis(cli, store, relays):
    """The request lists an agency's plan rows: a local shop with rows and no agreement
    stops it (dry run too) in one sentence, and the audit log keeps the check."""
    relay, port = relays["none"]
    configure("none", port, None)
    conference = towpath()
    conference.dates.review = REVIEW
    conference.actions.append(Action(intervention="Staff spot the signs", agency="Local business"))
    conference.distribution.append(
        Recipient("Nell Brightwater", "Local business", "nell@lockshop.example")
    )
    made = store.create(conference)
    day = ASK_ON["england-and-wales"]
    for extra in (["--dry-run"], []):
        refused = cli("remind", made.id, "--today", day, *extra)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        [sentence] = refused.stderr.strip().splitlines()
        assert "Nell Brightwater (Local business) has no sharing basis" in sentence
        assert "the request for progress" in sentence
    assert relay.messages == [] and store.load(made.id).progress_asked == []
    checks = [e.detail for e in store.audit.events() if e.action == "sharing"]
    assert len(checks) == 2 and all("refused nell@lockshop.example" in c for c in checks)


def test_the_review_and_its_date_are_needed(cli, store):
    conference = towpath()
    conference.dates.review = ""
    made = store.create(conference)
    result = cli("remind", made.id, "--today", "2026-04-02")
    assert result.returncode == 2 and "has no review date" in result.stderr
    conference = store.load(made.id)
    conference.dates.review = "2026-04-02"  # the review is today: too late to ask
    store.save(conference)
    result = cli("remind", made.id, "--today", "2026-04-02")
    assert result.returncode == 2 and "is not after today" in result.stderr


def asked_and_reviewed(cli, store, relays, tmp_path: Path) -> tuple[Conference, str]:
    """The towpath conference asked for progress, two replies back, a review started: the
    Housing reply attached to the review, the Police one (Markdown) to the conference
    reviewed."""
    relay, port = relays["none"]
    configure("none", port, None)
    made = reviewed(store)
    assert cli("remind", made.id, "--today", ASK_ON["england-and-wales"]).returncode == 1
    review_id = cli.ok("review", made.id, "--date", REVIEW).strip()
    housing = tmp_path / "housing-update.txt"
    housing.write_text(HOUSING_REPLY, encoding="utf-8")
    police = tmp_path / "police-update.md"
    police.write_text(POLICE_REPLY, encoding="utf-8")
    said = cli.ok("attach", review_id, str(housing), "--progress", "--agency", "Housing")
    assert f"Kept the update from Housing on rows 1, 5 of {made.id}." in said
    said = cli.ok("attach", made.id, str(police), "--progress", "--agency", "Police")
    assert f"Kept the update from Police on rows 2, 5 of {made.id}." in said
    return made, review_id


def test_two_replies_fill_the_carried_rows(cli, store, relays, tmp_path):
    made, review_id = asked_and_reviewed(cli, store, relays, tmp_path)
    meeting = Conferences(store).meeting(review_id, read_only=True)
    try:
        walked = {row.action.intervention: row.said for row in meeting.progress_walk()}
    finally:
        meeting.close()
    assert [s.text for s in walked["Relight the towpath steps"]] == [
        "Done: the towpath steps were relit on 30 March."
    ]
    footbridge = walked["Check the CCTV at the footbridge"]  # one row, two agencies' words
    assert sorted((s.agency, s.suggested) for s in footbridge) == [
        ("Housing", "in-progress"),
        ("Police", "dropped"),
    ]
    assert walked["Two evening patrols a week at the lock"][0].suggested == "not-done"
    assert walked["Detached youth work on Fridays"] == []  # no update: the screen says so
    assert "Finished already" not in walked  # done rows are not carried
    record = store.load(made.id)
    assert [u.agency for u in record.progress_updates] == ["Police"]
    assert store.load(review_id).progress_updates[0].answers == made.id
    # the review's minutes say who was asked and who answered, never the updates' words
    minutes = cli.ok("export", review_id, "--format", "md")
    said = minutes.split("Progress from the agencies before this review: ", 1)[1].split("\n")[0]
    assert said.count("asked Thursday 2 April 2026") == 4
    for agency in ("Housing", "Police"):
        assert f"{agency} (asked Thursday 2 April 2026; update received " in said
    for agency in ("Education", "Youth Service"):
        assert f"{agency} (asked Thursday 2 April 2026; no update received)" in said
    assert "relit on 30 March" not in minutes


def test_an_update_needs_its_agency_and_a_readable_file(cli, store, tmp_path):
    made = reviewed(store)
    reply = tmp_path / "reply.txt"
    reply.write_text("1. Done.", encoding="utf-8")
    result = cli("attach", made.id, str(reply), "--progress")
    assert result.returncode == 2 and "--progress needs --agency" in result.stderr
    macro = tmp_path / "reply.docm"
    macro.write_bytes(b"PK")
    result = cli("attach", made.id, str(macro), "--progress", "--agency", "Housing")
    assert result.returncode == 2 and "can hold macros" in result.stderr
    assert store.load(made.id).progress_updates == []


def test_a_flagged_sentence_in_an_update_says_so(cli, store, tmp_path):
    made = reviewed(store)
    reply = tmp_path / "reply.txt"
    reply.write_text("1. Done: Jayden Smith no longer goes to the lock.", encoding="utf-8")
    result = cli("attach", made.id, str(reply), "--progress", "--agency", "Housing")
    assert result.returncode == 0
    assert "1 sentence(s) of it the privacy guard flags" in result.stderr
    meeting = Conferences(store).meeting(made.id, read_only=True)
    try:
        assert meeting.update_flag("Jayden Smith no longer goes to the lock.")
        assert meeting.update_flag("The steps were relit.") is None
    finally:
        meeting.close()


def test_rows_with_no_agency_and_odd_numbers_are_left_alone():
    conference = Conference(
        actions=[Action(intervention="A"), Action(intervention="B", agency="Housing")]
    )
    assert progress.agencies_with_rows(conference) == [progress.NO_AGENCY, "Housing"]
    assert progress.rows_of(conference, "") == []


async def test_the_review_sets_each_row_by_keys_with_the_update_beside_it(
    cli, store, relays, tmp_path, make_app
):
    from ctxtui.screens.progress import ProgressScreen

    _made, review_id = asked_and_reviewed(cli, store, relays, tmp_path)
    app = make_app(review_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f", "u")  # the plan, then the review's walk
        await wait_for(lambda: isinstance(app.screen, ProgressScreen))
        screen = app.screen
        first = screen.rows[0]
        assert first.action.intervention == "Relight the towpath steps"
        shown = str(screen.query_one("#carried-rows").get_option_at_index(2).prompt)
        assert "No update received." in shown  # the youth work row
        await pilot.press("d")  # Housing's row 1: done
        # its update's words into the progress line, then typed on at once: the words stay
        await pilot.press("u", *" (confirmed)", "enter")
        await pilot.press("down", "n", "down", "down", "down", "x")
        await pilot.press("ctrl+s")
        await pilot.pause()

        def saved() -> list[tuple[str, str]]:
            return [(a.status, a.progress) for a in store.load(review_id).actions]

        await wait_for(lambda: saved()[0][0] == "done")
        assert saved()[0] == ("done", "Done: the towpath steps were relit on 30 March. (confirmed)")
        assert saved()[1][0] == "not-done" and saved()[4][0] == "dropped"
        await pilot.press("ctrl+z")  # the last change, whatever it was
        await pilot.press("ctrl+s")
        await wait_for(lambda: saved()[4][0] == "open")
        assert saved()[1][0] == "not-done"
