from __future__ import annotations

import asyncio
import email
import email.policy
import json
import os
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Conference, Recipient
from ctxtui.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent

# What makes a test slow: a running app (an async test drives one), a subprocess, a terminal, a
# snapshot, a mail relay or an SSH server, many generated examples (Hypothesis), or a module that
# says ``SLOW = True`` (pandoc, LibreOffice, kill -9, building the wheel). Every other test is
# marked ``quick`` (``make test-quick``: the unit tests alone, in seconds).
SLOW_FIXTURES = {
    "cli",
    "cli_for",
    "terminals",
    "snap_compare",
    "relays",
    "authority",
    "sshd",
    "team",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    import inspect

    for item in items:
        function = getattr(item, "function", None)
        fixtures = set(getattr(item, "fixturenames", ()))
        slow_module = item.module is not None and getattr(item.module, "SLOW", False)
        if (
            function is not None
            and not inspect.iscoroutinefunction(function)
            and not getattr(function, "is_hypothesis_test", False)
            and not fixtures & SLOW_FIXTURES
            and not slow_module
        ):
            item.add_marker(pytest.mark.quick)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real data or config folders, or depend on the caller's nation."""
    monkeypatch.setenv("CTXTUI_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # rescue copies
    monkeypatch.setenv("CTXTUI_EXPORTS_DIR", str(tmp_path / "exports"))
    monkeypatch.delenv("CTXTUI_NATION", raising=False)
    # the audit log's anchor goes to a file of the test's, not to the host's own log
    monkeypatch.setenv("CTXTUI_SYSTEM_LOG_FILE", str(tmp_path / "system.log"))


@pytest.fixture(autouse=True)
def _pilot_waits_for_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app hands keys out one at a time from its own queue (widgets/keyqueue.py); a Pilot
    press or pause must wait for that queue too, as it waits for the widgets' message queues."""
    from textual.pilot import Pilot

    press, pause = Pilot.press, Pilot.pause

    async def keys_handed_out(pilot: Pilot) -> None:
        queue = getattr(pilot.app, "keys", None)
        if queue is not None and (queue.busy or queue.waiting):
            await queue.drained(30.0)  # each key handed out, to its end
            await pause(pilot)

    async def press_and_wait(self: Pilot, *keys: str) -> None:
        await press(self, *keys)
        await keys_handed_out(self)

    async def pause_and_wait(self: Pilot, delay: float | None = None) -> None:
        await pause(self, delay)
        await keys_handed_out(self)

    monkeypatch.setattr(Pilot, "press", press_and_wait)
    monkeypatch.setattr(Pilot, "pause", pause_and_wait)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


@pytest.fixture
def demo(store: Store) -> Conference:
    """The sample conference, stored."""
    return store.create(demo_conference())


# a local shop on the distribution list: no statutory partner, and nothing signed (issue 44)
SHOP = Recipient("Nell Brightwater", "Local business", "nell@cornershop.example")


@pytest.fixture
def final_with_a_shop(store: Store) -> Conference:
    """Final minutes whose distribution list holds the police, housing and a local shop
    that signed nothing."""
    conference = demo_conference()
    conference.status, conference.finalised_at = "final", "2026-01-20T12:00:00"
    conference.distribution = [
        Recipient("Gwen Hollis", "Police – community police", "gwen@police.example"),
        Recipient("Leon Marsh", "Housing", "leon@housing.example"),
        SHOP,
    ]
    return store.create(conference)


class Cli:
    """Runs ``python -m ctxtui`` in a subprocess against one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None):
        full_env = {**os.environ, "CTXTUI_DATA_DIR": str(self.data_dir), **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "ctxtui", *args],
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=60,
        )

    def ok(self, *args: str, **kwargs) -> str:
        result = self(*args, **kwargs)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def json(self, *args: str):
        return json.loads(self.ok(*args))


@pytest.fixture
def cli(store: Store) -> Cli:
    return Cli(store.root)


class Clock:
    """A clock the test moves by hand, so timings and snapshots are repeatable."""

    def __init__(self, start: str = "2026-01-20T10:00:00") -> None:
        import datetime as dt

        self.time = dt.datetime.fromisoformat(start)

    def __call__(self):
        return self.time

    def advance(self, **delta) -> None:
        import datetime as dt

        self.time += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


AUTOSAVE_OFF = 3600.0  # the test saves with Ctrl+S or by quitting: no save races an assertion


@pytest.fixture
def make_app(store: Store, clock: Clock):
    """Makes the app over this test's store and clock: ``make_app()`` opens on the list of
    conferences, ``make_app(id)`` on one conference, ``board=True`` the board. ``autosave``:
    False (the default) saves only when asked, True with the app's own delay, or a delay in
    seconds."""

    def make(
        conference_id: str | None = None,
        *,
        autosave: bool | float = False,
        board: bool = False,
        now=None,
    ):
        from ctxtui.app import CtxApp  # the unit tests never load Textual

        options = {} if autosave is True else {"autosave_seconds": autosave or AUTOSAVE_OFF}
        return CtxApp(store, conference_id, now=now or clock, board=board, **options)

    return make


@pytest.fixture
def demo_app(make_app, demo: Conference):
    """The app open on the sample conference."""
    return make_app(demo.id)


async def wait_for(condition, timeout: float = 3.0, interval: float = 0.02):
    """Poll until ``condition()`` is truthy; fail after ``timeout`` seconds."""
    import asyncio
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)


async def idle(pilot) -> None:
    """Wait until the app, the top screen and each of its widgets have nothing left to handle
    and the screens and the focus have stopped changing (a screen being opened is idle only
    once it is mounted and has put the focus where it wants it)."""
    app = pilot.app
    for _ in range(100):
        before = (list(app.screen_stack), app.focused)
        await app.keys.drained()  # a key's action (Done, say) may still be running
        await pilot.pause()
        await asyncio.sleep(0)
        pumps = [app, *app.screen.walk_children(with_self=True)]
        quiet = not app.keys.busy and all(pump.message_queue_size == 0 for pump in pumps)
        if quiet and before == (list(app.screen_stack), app.focused):
            return
    raise AssertionError("the app never settled")


async def burst(pilot, text: str, *then: str) -> None:
    """Deliver typed characters (then named keys) as one burst, the way a terminal delivers a
    paste-speed stream: every key is queued before the app handles any of them."""
    from textual import events

    from .keys import key_name

    for char in text:
        pilot.app.post_message(events.Key(key_name(char), char))
    for key in then:
        pilot.app.post_message(events.Key(key, None))
    await pilot.pause()


# -- mail relays on 127.0.0.1 (aiosmtpd), for the tests that send the minutes or invitations

LOOPBACK = "127.0.0.1"
USER, PASSWORD = "chair", "correct horse"


@dataclass
class Relay:
    """What the test relay received, and the addresses it refuses."""

    refuse: set[str] = field(default_factory=set)
    messages: list[tuple[str, list[str], email.message.EmailMessage]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login.decode(),
        auth_data.password.decode(),
    ) == (USER, PASSWORD)
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535


@pytest.fixture(scope="module")
def authority(tmp_path_factory) -> tuple[trustme.CA, Path]:
    ca = trustme.CA()
    pem = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    return ca, pem


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(LOOPBACK).configure_cert(context)
    return context


@pytest.fixture
def relays(authority) -> Iterator[dict[str, tuple[Relay, int]]]:
    """Three relays on 127.0.0.1: plain, STARTTLS with a login, and TLS from the start."""
    ca, _pem = authority
    started: dict[str, tuple[Relay, int]] = {}
    controllers = []
    kinds = {
        "none": {},
        "starttls": {
            "tls_context": server_context(ca),
            "require_starttls": True,
            "authenticator": authenticate,
            "auth_required": True,
        },
        "tls": {"ssl_context": server_context(ca)},
    }
    for kind, options in kinds.items():
        relay, port = Relay(), free_port()
        controller = Controller(relay, hostname=LOOPBACK, port=port, **options)
        controller.start()
        controllers.append(controller)
        started[kind] = (relay, port)
    yield started
    for controller in controllers:
        controller.stop()


def write_config(text: str) -> Path:
    """Write the (per-test) config file that the app and the CLI read."""
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "ctxtui"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def configure(security: str, port: int, ca_pem: Path | None, extra: str = "") -> Path:
    """Write ``[smtp]`` into the (per-test) config file that the CLI will read."""
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "ctxtui"
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "[smtp]",
        f'host = "{LOOPBACK}"',
        f"port = {port}",
        f'security = "{security}"',
        'from = "conferences@council.example"',
    ]
    if ca_pem is not None:
        lines.append(f'ca_file = "{ca_pem}"')
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


@pytest.fixture
def recorded_id(store, clock) -> str:
    """The sample conference, recorded: a point filed 12 minutes 3 seconds in, the recording
    stopped 40 minutes later and kept as RECSTORE/2026/0117."""
    from ctxtui.cli.demo import demo_conference
    from ctxtui.meeting.meeting import Meeting

    made = store.create(demo_conference())
    meeting = Meeting(store, made.id, clock)
    meeting.start_or_stop_recording()
    clock.advance(minutes=12, seconds=3)
    meeting.editor.points.add("strengths", "The caretaker walks the path at 4pm")
    clock.advance(minutes=40)
    meeting.start_or_stop_recording()
    meeting.set_recording_reference("RECSTORE/2026/0117")
    assert meeting.flush()
    meeting.close()
    return made.id
