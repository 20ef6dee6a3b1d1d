"""``ctxtui agreement`` (issue 44): each person's sharing basis listed, a signed
information-sharing agreement recorded and taken off from the command line through the
Meeting, every mistake one sentence with nothing changed, and the minutes refused to a local
shop going once its agreement is recorded. All names invented."""

from __future__ import annotations

import datetime as dt

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Attendee, Recipient

from .conftest import SHOP, configure, write_config

REASON = "The corner shop's agreement came in"


def _agreements(store, conference_id: str) -> list[tuple[str, str]]:
    record = store.load(conference_id)
    return [(p.agreement_signed, p.agreement_reference) for p in record.distribution]


def _audited(store, action: str) -> list[str]:
    return [e.detail for e in store.audit.events() if e.action == action]


def test_an_agreement_is_recorded_listed_and_taken_off_on_final_minutes(
    cli, store, final_with_a_shop
):
    made = final_with_a_shop.id
    listed = cli.ok("agreement", made)
    assert "  3  Nell Brightwater (Local business) <nell@cornershop.example>: None" in listed
    assert "  1  Gwen Hollis (Police – community police) <gwen@police.example>: Statutory" in (
        listed
    )
    said = cli.ok(
        "agreement", made, "--recipient", "3", "--signed", "2026-01-19", "--reference", "ISA v3",
        "--reason", REASON,
    )  # fmt: skip
    assert said == (
        "Agreement recorded for Nell Brightwater (Local business): agreement signed 2026-01-19 "
        "(ISA v3).\n"
    )
    record = store.load(made)
    assert record.status == "final"  # amended for it, and finalised again
    assert record.amendments[-1].reason == f"Sharing agreement: {REASON}"
    assert record.amendments[-1].changes == ["Sharing agreement of Nell Brightwater recorded"]
    assert _agreements(store, made)[2] == ("2026-01-19", "ISA v3")
    shop = "  3  Nell Brightwater (Local business) <nell@cornershop.example>"
    assert f"{shop}: Agreement signed 2026-01-19 (ISA v3)" in cli.ok("agreement", made)
    as_json = cli.json("agreement", made, "--json")
    assert as_json["id"] == made and as_json["attendees"][0]["basis"] == "statutory"
    assert as_json["distribution"][2] == {
        "number": 3,
        "name": "Nell Brightwater",
        "agency": "Local business",
        "email": "nell@cornershop.example",
        "basis": "agreement",
        "signed": "2026-01-19",
        "reference": "ISA v3",
    }
    assert [d["basis"] for d in as_json["distribution"]] == ["statutory", "statutory", "agreement"]
    taken = cli.ok(
        "agreement", made, "--email", "NELL@cornershop.example", "--remove", "--reason", "x"
    )
    assert taken == "Agreement taken off for Nell Brightwater (Local business).\n"
    assert _agreements(store, made)[2] == ("", "")
    assert store.load(made).status == "final"
    assert _audited(store, "agreement") == [
        "recipient 3 <nell@cornershop.example>: recorded (1 row(s))",
        "recipient 3 <nell@cornershop.example>: taken off (1 row(s))",
    ]
    assert "ISA v3" not in "".join(_audited(store, "agreement"))  # never the agreement's text


def test_by_address_on_a_draft_both_lists_with_the_service_s_usual_reference(cli, store):
    write_config('[sharing]\nagreement_reference = "Eastbrook context ISA v3 (2025)"\n')
    conference = demo_conference()
    leon = next(a for a in conference.attendees if a.name == "Leon Marsh")
    conference.distribution = [Recipient(leon.name, leon.agency, leon.email)]
    made = store.create(conference)
    said = cli.ok("agreement", made.id, "--email", leon.email, "--signed", "2026-01-02")
    assert said.startswith("Agreement recorded for Leon Marsh (Local youth provision) (on both")
    record = store.load(made.id)
    signed = ("2026-01-02", "Eastbrook context ISA v3 (2025)")
    [attendee] = [a for a in record.attendees if a.name == "Leon Marsh"]
    assert (attendee.agreement_signed, attendee.agreement_reference) == signed
    assert _agreements(store, made.id) == [signed]
    assert record.status == "draft" and record.amendments == []
    listing = cli.ok("agreement", made.id)
    assert listing.count("Leon Marsh (Local youth provision)") == 2
    assert listing.count("Agreement signed 2026-01-02 (Eastbrook context ISA v3 (2025))") == 2


TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
SIGNED = ("--signed", "2026-01-19", "--reference", "ISA v3", "--reason", REASON)
BAD = {
    "unknown id": (["no-such-conference-2026-01-20", "--recipient", "3", *SIGNED], "There is no"),
    "past the list": (["--recipient", "4", *SIGNED], "distribution list has 3 people"),
    "row nought": (["--recipient", "0", *SIGNED], "--recipient takes 1 to 3"),
    "not a number": (["--attendee", "three", *SIGNED], "--attendee takes 1 to 10"),
    "nobody there": (["--attendee", "1", *SIGNED], None),  # replaced below: no attendees
    "unknown address": (["--email", "nobody@x.example", *SIGNED], "has the address"),
    "not a day": (["--recipient", "3", "--signed", "2026-02-30", "--reason", REASON], "--signed"),
    "after today": (
        ["--recipient", "3", "--signed", TOMORROW, "--reference", "v3", "--reason", REASON],
        "signed after today",
    ),
    "control characters": (
        ["--recipient", "3", "--signed", "2026-01-19", "--reason", REASON,
         "--reference", "ISA\x1b[2J v3"],
        "control character",
    ),
    "final, no reason": (
        ["--recipient", "3", "--signed", "2026-01-19", "--reference", "v3"],
        "--reason WHY",
    ),
    "no day": (["--recipient", "3", "--reference", "v3", "--reason", REASON], "--signed YYYY"),
    "nothing to take off": (["--recipient", "3", "--remove", "--reason", REASON], "no agreement"),
    "whose": (["--signed", "2026-01-19"], "say whose agreement"),
    "no reference": (
        ["--recipient", "3", "--signed", "2026-01-19", "--reason", REASON],
        "--reference REF",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_mistake_is_one_sentence_and_the_record_stays_as_it_was(
    cli, store, final_with_a_shop, case
):
    arguments, expected = BAD[case]
    made = final_with_a_shop.id
    if case == "nobody there":  # no attendees at all
        record = store.load(made)
        record.attendees = []
        store.save(record)
        expected = "attendance list has nobody on it"
    before = store.load(made).to_dict()
    given = arguments if case == "unknown id" else [made, *arguments]
    result = cli("agreement", *given)
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr and result.stdout == ""
    [sentence] = result.stderr.splitlines()
    assert sentence.startswith("ctxtui: ") and expected in sentence, sentence
    assert "\x1b" not in sentence
    assert store.load(made).to_dict() == before
    assert _audited(store, "agreement") == [] and _audited(store, "amend") == []


def test_the_refused_send_goes_once_the_command_line_records_the_agreement(
    cli, store, final_with_a_shop, relays
):
    relay, port = relays["none"]
    configure("none", port, None)
    made = final_with_a_shop.id
    refused = cli("send", made)
    assert refused.returncode == 2 and "Nell Brightwater (Local business) has no sharing basis" in (
        refused.stderr
    )
    assert relay.messages == []
    cli.ok("agreement", made, "--recipient", "3", *SIGNED)
    sent = cli("send", made)
    assert sent.returncode == 0, sent.stderr
    assert sorted(a for _s, to, _m in relay.messages for a in to) == sorted(
        r.email for r in final_with_a_shop.distribution
    )
    assert [m for _s, to, m in relay.messages if to == [SHOP.email]]
    checks = [d.rsplit(": ", 1)[-1][:7] for d in _audited(store, "sharing")]
    assert checks == ["refused", "passed"]
    assert store.load(made).circulated[0].to == [r.email for r in final_with_a_shop.distribution]


def test_an_attendee_without_an_address_is_found_by_number(cli, store):
    conference = demo_conference()
    conference.attendees = [Attendee(name="Dev Raman", agency="Local business")]
    made = store.create(conference)
    cli.ok("agreement", made.id, "--attendee", "1", "--signed", "2026-01-05", "--reference", "v1")
    [dev] = store.load(made.id).attendees
    assert (dev.agreement_signed, dev.agreement_reference) == ("2026-01-05", "v1")
    assert "   1  Dev Raman (Local business): Agreement signed 2026-01-05 (v1)" in cli.ok(
        "agreement", made.id
    )
