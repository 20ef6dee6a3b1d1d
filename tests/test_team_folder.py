"""A team folder shared by real Unix users of one group: modes, group, locks across users.

The test makes a group and three users (two in the team, one not), and runs each user's part in
a forked child that has dropped to that user's uid and groups, so the kernel checks every file
access as it would for a colleague on the same host. CI runs as root, which this needs."""

from __future__ import annotations

import datetime as dt
import grp
import importlib
import json
import os
import pkgutil
import pwd
import re
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import ctxtui.export.markdown  # noqa: F401  (imported before the fork: users cannot read the code)
import ctxtui.meeting.meeting  # noqa: F401
from ctxtui.cli.demo import demo_conference
from ctxtui.core.dates import DEFAULT_NATION
from ctxtui.export import render
from ctxtui.storage.store import Store

pytestmark = [
    pytest.mark.skipif(
        os.geteuid() != 0, reason="making Unix users and a group needs root (CI runs as root)"
    ),
    # one worker makes and removes the accounts: split across two, one worker's teardown
    # deleted the group while the other was setting up
    pytest.mark.xdist_group("unix-accounts"),
]
# names of this run's own, so that two suites on one machine never add or delete each
# other's users (useradd fails on a name another run has just made)
_RUN = os.getpid() % 100000
GROUP = f"ctxtui-team-{_RUN}"
ALICE, BOB, EVE = f"ctxtui-alice-{_RUN}", f"ctxtui-bob-{_RUN}", f"ctxtui-eve-{_RUN}"
USERS = {ALICE: True, BOB: True, EVE: False}  # in the team?


def _load_the_code_the_users_run() -> None:
    """The users' children cannot read the code (a clone in a private folder), and ctxtui loads
    some modules only when first used: the same work done once here loads them all."""
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(Path(scratch))
        conference_id = store.create(demo_conference()).id
        with store.open(conference_id) as session:
            session.save()
        store.list()
        render(store.load(conference_id), "md", nation=DEFAULT_NATION)
    # and every module the core may load later (a rescue copy merged back, a redaction's
    # indexes made again), so that no child meets a module it cannot read
    import ctxtui

    for module in pkgutil.walk_packages(ctxtui.__path__, "ctxtui."):
        if not re.match(r"ctxtui\.(?:app|screens|widgets|__main__)\b", module.name):
            importlib.import_module(module.name)


@pytest.fixture(scope="module")
def team() -> Iterator[int]:
    _load_the_code_the_users_run()
    subprocess.run(["groupadd", "-f", GROUP], check=True)
    for user, member in USERS.items():
        subprocess.run(["userdel", user], capture_output=True)
        extra = ["-G", GROUP] if member else []
        subprocess.run(["useradd", "-M", "-N", "-s", "/usr/sbin/nologin", *extra, user], check=True)
    yield grp.getgrnam(GROUP).gr_gid
    for user in USERS:
        subprocess.run(["userdel", user], capture_output=True)
    subprocess.run(["groupdel", GROUP], capture_output=True)


@pytest.fixture
def folder(team: int) -> Iterator[Path]:
    """A team folder as the README tells an administrator to make one."""
    path = Path(tempfile.mkdtemp(prefix="ctxtui-team-", dir="/tmp"))
    os.chown(path, 0, team)
    os.chmod(path, 0o2770)
    yield path
    subprocess.run(["rm", "-rf", str(path)], check=True)


def as_user(user: str, work: Callable[[], object]) -> object:
    """Run ``work`` in a child process as ``user`` (umask 022, as on many hosts); its result
    or the sentence of its error comes back."""
    entry = pwd.getpwnam(user)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to the user, do the work, report, leave
        os.close(read)
        try:
            os.setgroups(os.getgrouplist(user, entry.pw_gid))
            os.setgid(entry.pw_gid)
            os.setuid(entry.pw_uid)
            os.umask(0o022)
            result: object = {"ok": work()}
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            result = {"error": f"{type(error).__name__}: {error}"}
        os.write(write, json.dumps(result, default=str).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def modes(root: Path) -> dict[str, tuple[int, str]]:
    out = {}
    for path in [root, *root.rglob("*")]:
        info = path.stat()
        out[str(path.relative_to(root))] = (
            stat.S_IMODE(info.st_mode),
            grp.getgrgid(info.st_gid).gr_name,
        )
    return out


def test_a_team_folder_shares_with_the_group_and_never_with_others(folder: Path):
    def create() -> str:
        return Store(folder).create(demo_conference()).id

    made = as_user(ALICE, create)
    assert "ok" in made, made
    conference_id = made["ok"]
    Store(folder).list()  # as root: the index is rewritten, still in the team's modes
    for name, (mode, group) in modes(folder).items():
        assert group == GROUP, name
        assert mode & 0o007 == 0, f"{name} is open to others: {oct(mode)}"
        if (folder / name).is_dir():
            assert mode == 0o2770, f"{name}: {oct(mode)}"
        else:
            assert mode == 0o660, f"{name}: {oct(mode)}"

    def edit() -> list[str]:
        with Store(folder).open(conference_id) as session:
            assert not session.read_only, session.read_only_reason
            session.conference.points.concerns.append("Added by a colleague")
            session.save()
        return Store(folder).load(conference_id).points.concerns

    edited = as_user(BOB, edit)
    assert edited.get("ok", [])[-1] == "Added by a colleague", edited

    def review_and_export() -> str:
        store = Store(folder)
        listing = store.list()
        assert [s.id for s in listing.summaries] == [conference_id] and not listing.problems
        return render(store.load(conference_id), "md", nation=DEFAULT_NATION).decode("utf-8")

    exported = as_user(ALICE, review_and_export)
    assert "Added by a colleague" in exported.get("ok", ""), exported

    outsider = as_user(EVE, lambda: Store(folder).list())
    assert "StoreError" in outsider.get("error", "") and "Permission denied" in outsider["error"]


def test_a_second_writer_from_another_account_gets_a_read_only_view(folder: Path):
    conference_id = as_user(ALICE, lambda: Store(folder).create(demo_conference()).id)["ok"]
    holding, release = os.pipe()
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # alice keeps the conference open until told to stop
        entry = pwd.getpwnam(ALICE)
        os.setgroups(os.getgrouplist(ALICE, entry.pw_gid))
        os.setgid(entry.pw_gid)
        os.setuid(entry.pw_uid)
        session = Store(folder).open(conference_id)
        os.write(ready_write, b"x" if not session.read_only else b"-")
        os.read(holding, 1)
        session.close()
        os._exit(0)
    try:
        assert os.read(ready_read, 1) == b"x"

        def open_while_held() -> list[object]:
            with Store(folder).open(conference_id) as session:
                return [session.read_only, session.read_only_reason]

        second = as_user(BOB, open_while_held)
        assert second["ok"][0] is True and "open for editing elsewhere" in second["ok"][1]
    finally:
        os.write(release, b"x")
        os.waitpid(pid, 0)
    after = as_user(BOB, open_while_held)
    assert after["ok"][0] is False  # the lock is free again once alice has closed it


def test_a_folder_without_the_bit_stays_private_whatever_the_umask(tmp_path: Path):
    old = os.umask(0)
    try:
        store = Store(tmp_path / "data")
        store.create(demo_conference())
        store.list()
    finally:
        os.umask(old)
    for name, (mode, _group) in modes(tmp_path / "data").items():
        expected = 0o700 if (tmp_path / "data" / name).is_dir() else 0o600
        assert mode == expected, f"{name}: {oct(mode)}"


def _private_state(user: str) -> Path:
    """A state folder of ``user``'s own (where their rescue copies go)."""
    entry = pwd.getpwnam(user)
    path = Path(tempfile.mkdtemp(prefix=f"{user}-state-", dir="/tmp"))
    os.chown(path, entry.pw_uid, entry.pw_gid)
    os.chmod(path, 0o700)
    return path


def _files_holding(roots: list[Path], word: bytes) -> list[str]:
    """``grep -ril``: every file under ``roots`` holding ``word`` in any case."""
    return [
        str(path)
        for root in roots
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink() and word in path.read_bytes().lower()
    ]


def test_a_colleagues_redaction_is_not_undone_by_a_rescue_copy(folder: Path):
    """Issue 39, case 1, replayed with two real users: Alice's save fails and she hangs up,
    Bob redacts the name, Alice opens the conference again."""
    from ctxtui.meeting.meeting import Meeting
    from ctxtui.meeting.service import redact

    states = {user: _private_state(user) for user in (ALICE, BOB)}

    def create() -> str:
        os.environ["XDG_STATE_HOME"] = str(states[ALICE])
        store = Store(folder)
        conference = demo_conference()
        conference.points.concerns.append("Tamsin Orrowfield was seen by the shops")
        return store.create(conference).id

    conference_id = as_user(ALICE, create)["ok"]

    conferences = folder / "conferences"
    os.chmod(conferences, 0o2550)  # the folder goes read-only under Alice
    try:

        def hang_up() -> str:
            os.environ["XDG_STATE_HOME"] = str(states[ALICE])
            meeting = Meeting(Store(folder), conference_id)
            meeting.editor.points.add("strengths", "Tamsin Orrowfield now goes to the youth club")
            assert not meeting.flush()
            path = meeting.rescue()
            meeting.close()
            return str(path)

        rescued = as_user(ALICE, hang_up)
    finally:
        os.chmod(conferences, 0o2770)
    assert str(states[ALICE]) in rescued.get("ok", ""), rescued

    def bob_redacts() -> list[object]:
        os.environ["XDG_STATE_HOME"] = str(states[BOB])
        done = redact(Store(folder), [conference_id], "tamsin orrowfield", "[name removed]", "DPO")
        return [done.replaced, done.refused]

    got = as_user(BOB, bob_redacts)
    assert "ok" in got, got  # an error says which
    replaced, refused = got["ok"]
    assert refused == {} and replaced[conference_id] >= 1

    def alice_opens() -> list[object]:
        os.environ["XDG_STATE_HOME"] = str(states[ALICE])
        meeting = Meeting(Store(folder), conference_id)
        meeting.close()
        return [meeting.restored_notice, meeting.conference.points.strengths]

    got = as_user(ALICE, alice_opens)
    assert "ok" in got, got
    notice, strengths = got["ok"]
    assert notice and "taken out of them again" in notice
    assert "[name removed] now goes to the youth club" in strengths
    assert _files_holding([folder, *states.values()], b"orrowfield") == []
    for state in states.values():
        subprocess.run(["rm", "-rf", str(state)], check=True)


def test_retention_is_not_steered_by_a_colleagues_edit_of_the_index(folder: Path, tmp_path):
    """Issue 39, case 2: Bob backdates a recent conference in the index (it is the team's to
    write); retention still reads each record's own date."""
    from ctxtui.meeting.service import retention_due

    def create() -> list[str]:
        store = Store(folder)
        made = []
        for held in ("2015-03-01", "2026-11-30"):
            conference = demo_conference()
            conference.dates.conference = held
            made.append(store.create(conference).id)
        store.list()
        return made

    old, recent = as_user(ALICE, create)["ok"]

    def backdate() -> str:
        index = folder / "index.json"
        data = json.loads(index.read_text())
        for key, line in data["entries"].items():
            fields = line.split("\n")
            fields[6] = fields[6].replace("2026-11-30", "2012-11-30")
            data["entries"][key] = "\n".join(fields)
        index.write_text(json.dumps(data))
        return "done"

    assert as_user(BOB, backdate) == {"ok": "done"}
    config = tmp_path / "config" / "ctxtui"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("retention_years = 7\n")
    due = retention_due(Store(folder), dt.date(2026, 12, 6))
    assert [chain.ids for chain in due.chains] == [(old,)]
    assert recent in due.read and due.read[recent].conference == "2026-11-30"
