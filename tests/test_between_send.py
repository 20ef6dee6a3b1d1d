"""Each agency gets its own actions with the minutes: one message to each agency's recipients,
listing that agency's plan rows (or saying there are none), through a real SMTP server on
127.0.0.1; agencies with rows and nobody to send to are named before anything goes. Every
name, place and address here is invented."""

from __future__ import annotations

from ctxtui.cli.demo import demo_conference
from ctxtui.core import progress
from ctxtui.core.record import Action, Conference, Recipient

from .conftest import configure

ROWS = [
    Action(intervention="Relight the towpath steps", agency="Housing", due="2026-03-02"),
    Action(intervention="Two evening patrols a week at the lock", agency="Police – Safer Schools"),
    Action(
        intervention="Detached youth work on Fridays", agency="Youth service", timescale="Spring"
    ),
    Action(
        intervention="Route mapping with the school council", agency="Education", due="2026-04-01"
    ),
    Action(intervention="Check the CCTV at the footbridge", agency="Housing / Police"),
    Action(intervention="Audit the late licence on Wharf Row", agency="Licensing"),
    Action(intervention="Finished already", agency="Housing", status="done"),
]
PEOPLE = [
    Recipient("Ines Fairclough", "Housing", "ines@housing.example"),
    Recipient("Rob Tallis", "Police", "rob@police.example"),
    Recipient("Tamsin Orme", "housing", "tamsin@housing.example"),
    Recipient("Dev Achterberg", "Youth Service", "dev@youth.example"),
    Recipient("Bea Lindqvist", "Education", "bea@school.example"),
    Recipient("Colm Ruddock", "School nursing", "colm@health.example"),
]


def towpath() -> Conference:
    conference = demo_conference()
    conference.context.name = "Canal towpath by Wharf Row"
    conference.status = "final"
    conference.actions = [Action(**row.__dict__) for row in ROWS]
    conference.distribution = list(PEOPLE)
    return conference


def test_rows_belong_to_each_agency_they_name():
    conference = towpath()
    assert progress.rows_of(conference, "Housing") == [0, 4]  # not the done row
    assert progress.rows_of(conference, "police") == [1, 4]
    assert progress.rows_of(conference, "School nursing") == []
    assert progress.same_agency("Youth Service", "Youth service")
    assert not progress.same_agency("Health", "Healthwatch")
    assert progress.unreached(conference, PEOPLE) == ["Licensing"]


def test_a_plan_for_four_agencies_reaches_each_with_its_own_rows(cli, store, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    made = store.create(towpath())
    result = cli("send", made.id)
    assert result.returncode == 0, result.stderr
    assert "nobody the minutes go to is from Licensing" in result.stderr
    assert "Sent to 6" in result.stdout
    by_first = {to[0]: (to, mail) for _sender, to, mail in relay.messages}
    assert len(relay.messages) == 5  # one a group: the two from Housing share theirs

    def body(address: str) -> str:
        return by_first[address][1].get_body(preferencelist=("plain",)).get_content()

    housing = body("ines@housing.example")
    assert by_first["ines@housing.example"][0] == ["ines@housing.example", "tamsin@housing.example"]
    assert "Actions for Housing in the intervention plan (2):" in housing
    assert "1. Relight the towpath steps" in housing and "Due: Monday 2 March 2026." in housing
    assert "2. Check the CCTV at the footbridge" in housing
    assert "patrols" not in housing and "Finished already" not in housing
    police = body("rob@police.example")
    assert "1. Two evening patrols a week at the lock" in police
    assert "2. Check the CCTV at the footbridge" in police and "towpath steps" not in police
    assert "Timescale: Spring." in body("dev@youth.example")
    assert "Route mapping with the school council" in body("bea@school.example")
    assert "The intervention plan gives no actions to School nursing." in body(
        "colm@health.example"
    )
    for _sender, _to, mail in relay.messages:  # the minutes themselves go to everyone
        assert any(part.get_filename().endswith(".docx") for part in mail.iter_attachments())
        assert "OFFICIAL-SENSITIVE" in mail.get_body(preferencelist=("plain",)).get_content()
    assert store.load(made.id).circulated[0].to == [p.email for p in PEOPLE]


def test_a_dry_run_names_the_agencies_nobody_hears_from(cli, store, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    conference = towpath()
    conference.distribution = conference.distribution[:1]
    made = store.create(conference)
    result = cli("send", made.id, "--dry-run")
    assert result.returncode == 0, result.stderr
    for agency in ("Police – Safer Schools", "Youth service", "Education", "Licensing"):
        assert f"nobody the minutes go to is from {agency}" in result.stderr
    assert "Housing, which has" not in result.stderr
    assert relay.messages == []
