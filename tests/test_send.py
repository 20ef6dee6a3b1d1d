"""Circulating the minutes through a real SMTP server on 127.0.0.1 (aiosmtpd), plain, with
STARTTLS and with TLS on a throwaway certificate authority (trustme). Nothing is sent anywhere
but the loopback address: every relay in these tests is started here."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Recipient
from ctxtui.guard.confirmations import confirmation
from ctxtui.mail.circulate import SendError, recipients, smtp_settings

from .conftest import (
    LOOPBACK,
    PASSWORD,
    USER,
    configure,
    free_port,
)


def password_file(tmp_path: Path, mode: int = 0o600) -> Path:
    path = tmp_path / "relay-password"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


@pytest.fixture
def final(store):
    """The demo conference, finalised, with a distribution list of three."""
    conference = demo_conference()
    conference.status = "final"
    conference.distribution = [
        Recipient("Gwen Hollis", "Police", "gwen@police.example"),
        Recipient("Leon Marsh", "Housing", "leon@housing.example"),
        Recipient("Priya Okafor", "School", "priya@school.example"),
    ]
    return store.create(conference)


def test_a_plain_send_to_a_local_relay_carries_everything_and_is_recorded(
    cli, store, final, relays
):
    relay, port = relays["none"]
    configure("none", port, None)
    result = cli("send", final.id, "--markdown")
    assert result.returncode == 0, result.stderr
    assert "Sent to 3" in result.stdout
    # one message to each agency, each with its own actions (tests/test_between_send.py)
    assert [to for _sender, to, _mail in relay.messages] == [[r.email] for r in final.distribution]
    sender, to, mail = relay.messages[0]
    assert sender == "conferences@council.example"
    assert mail["Subject"].startswith("OFFICIAL-SENSITIVE: Context conference minutes: ")
    assert final.context.name in mail["Subject"] and final.dates.conference in mail["Subject"]
    body = mail.get_body(preferencelist=("plain",)).get_content()
    assert "OFFICIAL-SENSITIVE" in body and "not about any named child" in body
    attachments = {part.get_filename(): part for part in mail.iter_attachments()}
    docx = next(part for name, part in attachments.items() if name.endswith(".docx"))
    assert docx.get_content().startswith(b"PK")  # a real DOCX: a zip
    assert any(name.endswith(".md") for name in attachments)
    record = store.load(final.id)
    assert [c.to for c in record.circulated] == [[r.email for r in final.distribution]]
    listed = cli.json("list", "--json")
    assert listed[0]["circulated"] == record.circulated[0].at[:10]


def test_starttls_with_a_login_and_the_councils_own_authority(
    cli, store, final, relays, tmp_path, authority
):
    relay, port = relays["starttls"]
    _ca, pem = authority
    secret = password_file(tmp_path)
    configure("starttls", port, pem, f'username = "{USER}"\npassword_file = "{secret}"\n')
    result = cli("send", final.id)
    assert result.returncode == 0, result.stderr
    assert len(relay.messages) == 3  # one an agency


def test_tls_from_the_start(cli, final, relays, authority):
    relay, port = relays["tls"]
    configure("tls", port, authority[1])
    assert cli("send", final.id).returncode == 0
    assert len(relay.messages) == 3


def test_a_certificate_that_does_not_verify_stops_the_send(cli, store, final, relays):
    relay, port = relays["starttls"]
    configure("starttls", port, None)  # the system's authorities do not know ours
    result = cli("send", final.id)
    assert result.returncode == 2
    assert "certificate does not verify" in result.stderr and "Traceback" not in result.stderr
    assert relay.messages == [] and store.load(final.id).circulated == []


def test_a_partly_refused_send_records_only_who_got_it(cli, store, final, relays):
    relay, port = relays["none"]
    relay.refuse = {"leon@housing.example"}
    configure("none", port, None)
    result = cli("send", final.id)
    assert result.returncode == 1
    assert "Sent to 2" in result.stdout and "Not sent to 1: leon@housing.example (550" in (
        result.stdout
    )
    assert store.load(final.id).circulated[0].to == [
        "gwen@police.example",
        "priya@school.example",
    ]


def test_refusals_are_one_sentence_and_send_nothing(cli, store, final, relays, tmp_path, authority):
    relay, port = relays["none"]
    cases = []
    # every recipient refused
    relay.refuse = {r.email for r in final.distribution}
    configure("none", port, None)
    cases.append((cli("send", final.id), "refused every recipient"))
    relay.refuse = set()
    # the relay is down
    configure("none", free_port(), None)
    cases.append((cli("send", final.id), "cannot reach the relay"))
    # a wrong password
    starttls_relay, starttls_port = relays["starttls"]
    wrong = tmp_path / "wrong"
    wrong.write_text("not it", encoding="utf-8")
    wrong.chmod(0o600)
    configure(
        "starttls", starttls_port, authority[1], f'username = "{USER}"\npassword_file = "{wrong}"\n'
    )
    cases.append((cli("send", final.id), "refused the username or password"))
    # a password file others can read
    loose = password_file(tmp_path, 0o644)
    configure(
        "starttls", starttls_port, authority[1], f'username = "{USER}"\npassword_file = "{loose}"\n'
    )
    cases.append((cli("send", final.id), "must be 0600"))
    # plain text to a relay that is not on this machine
    configure("none", port, None)
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "ctxtui" / "config.toml"
    config.write_text(config.read_text().replace(LOOPBACK, "relay.council.example"))
    cases.append((cli("send", final.id), "allowed only for a relay on this machine"))
    for result, words in cases:
        assert result.returncode == 2, (words, result.stderr)
        last = result.stderr.splitlines()[-1]  # before it: the subject and the recipients
        assert last.startswith("ctxtui: ") and words in last, result.stderr
        assert "Traceback" not in result.stderr
    assert relay.messages == [] and starttls_relay.messages == []
    assert store.load(final.id).circulated == []


def test_drafts_and_open_flags_stop_the_send_unless_asked(cli, store, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    conference = demo_conference()
    conference.points.concerns.append("Jayden Smith was seen at the garages")
    youth_worker = conference.attendees[5]  # local youth provision: needs a signed agreement
    youth_worker.agreement_signed, youth_worker.agreement_reference = "2025-11-03", "ISA v3"
    made = store.create(conference)
    draft = cli("send", made.id)
    assert draft.returncode == 2 and "--draft" in draft.stderr
    flagged = cli("send", made.id, "--draft")
    assert flagged.returncode == 2 and "Jayden Smith" in flagged.stderr
    assert "--ignore-flags" in flagged.stderr
    assert relay.messages == []
    dry = cli("send", made.id, "--draft", "--ignore-flags", "--dry-run")
    assert dry.returncode == 0 and "Nothing sent" in dry.stdout and relay.messages == []
    sent = cli("send", made.id, "--draft", "--ignore-flags")
    assert sent.returncode == 0, sent.stderr
    assert all("(DRAFT)" in mail["Subject"] for _sender, _to, mail in relay.messages)
    # no distribution list: the attendees with an email address (a message to each agency)
    to = sorted(address for _sender, to, _mail in relay.messages for address in to)
    assert to == sorted(a.email for a in conference.attendees if a.email)


def test_settings_are_checked_before_anything_is_sent():
    with pytest.raises(SendError, match="no mail relay"):
        smtp_settings(None)
    with pytest.raises(SendError, match="security must be one of"):
        smtp_settings({"host": "x", "from": "a@b", "security": "ssl"})
    with pytest.raises(SendError, match="needs from"):
        smtp_settings({"host": "x"})
    with pytest.raises(SendError, match="port must be"):
        smtp_settings({"host": "x", "from": "a@b", "port": "25"})
    with pytest.raises(SendError, match="does not know: hots"):
        smtp_settings({"hots": "x", "host": "x", "from": "a@b"})
    local = smtp_settings({"host": "::1", "from": "a@b", "security": "none"})
    assert (local.port, local.security) == (25, "none")
    assert smtp_settings({"host": "relay", "from": "a@b"}).port == 587


def test_recipients_default_to_attendees_with_an_email():
    conference = demo_conference()
    emails = [a.email for a in conference.attendees if a.email]
    assert emails and [r.email for r in recipients(conference)] == emails
    conference.distribution = [Recipient("Only one", "", "one@x.example")]
    assert [r.email for r in recipients(conference)] == ["one@x.example"]


def test_undo_never_calls_back_a_send(store):
    from ctxtui.meeting.editing import Editor

    editor = Editor(demo_conference())
    editor.points.add("concerns", "A new point")
    editor.record_circulation("2026-11-29T10:00:00", ["a@x.example"])
    editor.undo()
    assert editor.conference.circulated[0].to == ["a@x.example"]
    assert json.dumps(editor.conference.to_dict())  # still a whole record


async def test_send_from_the_app_shows_the_recipients_then_records_the_send(
    store, final, relays, make_app
):
    from ctxtui.screens.dialogs import ConfirmDialog

    from .conftest import wait_for

    relay, port = relays["none"]
    configure("none", port, None)
    app = make_app(final.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o", "o")
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert dialog.details == [
            "Gwen Hollis — Police <gwen@police.example>",
            "Leon Marsh — Housing <leon@housing.example>",
            "Priya Okafor — School <priya@school.example>",
            # the demo's plan has rows for agencies nobody on the list is from
            "Nobody here is from Local youth provision, which has actions",
            "Nobody here is from Community safety, which has actions",
            "Nobody here is from Education / local school, which has actions",
        ]
        assert f"127.0.0.1:{port}" in dialog.question
        await pilot.press("y")
        await wait_for(lambda: len(relay.messages) == 3, timeout=30)
        await wait_for(lambda: bool(store.load(final.id).circulated), timeout=10)
    assert store.load(final.id).circulated[0].to == [r.email for r in final.distribution]


async def test_the_app_will_not_send_a_draft(store, relays, make_app):

    relay, port = relays["none"]
    configure("none", port, None)
    made = store.create(demo_conference())
    told = []
    app = make_app(made.id)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: told.append(message)
        await pilot.press("ctrl+o", "o")
        await pilot.pause()
    assert any("draft: finalise them first" in m for m in told)
    assert relay.messages == []


def test_the_names_check_stops_the_send_and_ignore_flags_is_recorded(cli, store, final, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    conference = store.load(final.id)
    conference.points.concerns.append("Older boys from Quarrendon hang around the shops.")
    store.save(conference)
    listed = cli("check", final.id, "--names", "--json")
    assert listed.returncode == 1
    assert json.loads(listed.stdout) == [
        {"section": "concerns", "index": 4, "category": "possible_name", "text": "Quarrendon"}
    ]
    stopped = cli("send", final.id)
    assert stopped.returncode == 2 and "names check is not done" in stopped.stderr
    assert "Quarrendon" in stopped.stderr and relay.messages == []
    assert store.load(final.id).names_check.skipped == []
    sent = cli("send", final.id, "--ignore-flags")
    assert sent.returncode == 0, sent.stderr
    assert len(relay.messages) == 3 and "check was skipped" in sent.stderr
    [skipped] = store.load(final.id).names_check.skipped
    assert skipped.by == "send --ignore-flags" and skipped.at[:4].isdigit()
    conference = store.load(final.id)
    conference.names_check.not_names.append("Quarrendon")  # answered in the app, before final
    answer = confirmation(conference, "not_name", "Quarrendon", "2026-01-20T10:00:00", "chair")
    conference.confirmations.append(answer)
    store.save(conference)
    assert cli("check", final.id, "--names").stdout.strip() == "Nothing to confirm."
    assert cli("send", final.id).returncode == 0 and len(relay.messages) == 6


def test_the_pdf_goes_with_send_pdf_or_as_the_formats_setting_says(cli, final, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    assert cli("send", final.id, "--pdf").returncode == 0
    configure("none", port, None, 'formats = ["pdf"]\n')
    assert cli("send", final.id).returncode == 0
    first, second = (  # the first message of each send (one went to each agency)
        sorted(part.get_filename().rsplit(".", 1)[1] for part in mail.iter_attachments())
        for _sender, _to, mail in (relay.messages[0], relay.messages[3])
    )
    assert first == ["docx", "pdf"] and second == ["pdf"]
    pdf = next(p for p in relay.messages[3][2].iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF")
    configure("none", port, None, 'formats = ["odt"]\n')
    refused = cli("send", final.id)
    assert refused.returncode == 2 and "formats" in refused.stderr


def test_an_encoded_word_in_a_context_name_never_becomes_a_header_line():
    """Issue 42, case 7: a context name holding an encoded word is sent as text: the subject
    decodes to one line in a mail client, with no header of its own making."""
    import datetime as dt
    from email import message_from_bytes
    from email.policy import default

    from ctxtui.mail import invite
    from ctxtui.mail.circulate import message, subject

    conference = demo_conference()
    conference.context.name = "Park =?utf-8?q?=0D=0ABcc:_evil@x.example?= corner"
    conference.dates.start_time = "10:00"
    for made in (
        message(conference, "chair@council.example", ["a@police.example"], None, "minutes"),
        invite.message(
            conference,
            "chair@council.example",
            ["a@police.example"],
            dt.datetime(2026, 1, 1, 9),
        ),
    ):
        parsed = message_from_bytes(made.as_bytes(), policy=default)
        title = str(parsed["Subject"])
        assert "\n" not in title and "\r" not in title and "Bcc" not in parsed
        assert "evil@x.example" in title  # the text is kept, as text
    assert "=?" not in subject(conference)
