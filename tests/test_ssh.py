"""Over real SSH: sshd on 127.0.0.1, ``ssh -tt`` into an 80×24 terminal, type points, kill the
ssh client mid-meeting, log in again and find every point typed before the drop."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ctxtui.cli.demo import demo_conference

from .terminal import Terminal

SSHD = "/usr/sbin/sshd"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SshServer:
    def __init__(self, folder: Path) -> None:
        if not Path(SSHD).exists() or shutil.which("ssh") is None:
            pytest.fail("openssh-server and openssh-client are needed (.ci/run installs them)")
        self.folder = folder
        self.port = free_port()
        self.key = folder / "user_key"
        for name in ("host_key", "user_key"):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)],
                check=True,
            )
        (folder / "authorized_keys").write_text((folder / "user_key.pub").read_text())
        os.chmod(folder / "authorized_keys", 0o600)
        config = folder / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host_key'}\n"
            f"AuthorizedKeysFile {folder / 'authorized_keys'}\nPidFile {folder / 'sshd.pid'}\n"
            "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
            "PrintMotd no\nLogLevel ERROR\nAcceptEnv LANG\n"
        )
        Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation folder
        with open(folder / "sshd.log", "wb") as log:  # the child keeps its own copy
            self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=log)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    log = (folder / "sshd.log").read_text(errors="replace")
                    raise AssertionError(f"sshd did not start: {log}") from None
                time.sleep(0.05)

    def client(self, remote_command: str) -> list[str]:
        user = (
            os.environ.get("USER")
            or subprocess.run(
                ["id", "-un"], capture_output=True, text=True, check=True
            ).stdout.strip()
        )
        return [
            "ssh",
            "-tt",
            "-i",
            str(self.key),
            "-p",
            str(self.port),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ServerAliveInterval=1",
            f"{user}@127.0.0.1",
            remote_command,
        ]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def sshd(tmp_path):
    server = SshServer(tmp_path)
    yield server
    server.stop()


def remote_ctxtui(data_dir: Path, *args: str) -> str:
    return f"CTXTUI_DATA_DIR={data_dir} exec {sys.executable} -m ctxtui " + " ".join(args)


def ctxtui_running(conference_id: str) -> bool:
    # anchored: the tmux server's own command line also mentions "ctxtui open"
    pattern = f"^{sys.executable} -m ctxtui open {conference_id}"
    result = subprocess.run(["pgrep", "-f", pattern], capture_output=True)
    return result.returncode == 0


@pytest.mark.parametrize("term", ["xterm", "xterm-256color"])
def test_a_dropped_ssh_connection_loses_no_point(sshd, cli, tmp_path, term):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(demo_conference().to_dict()), encoding="utf-8")
    conference_id = cli.ok("import", str(source)).strip()
    env = {"TERM": term, "HOME": os.environ.get("HOME", "/")}
    first = Terminal(tmp_path)
    try:
        first.start_command(sshd.client(remote_ctxtui(cli.data_dir, "open", conference_id)), env)
        first.wait_for_text("Type a point", timeout=20)
        typed = [f"Point {n} typed over SSH" for n in range(1, 6)]
        for n, point in enumerate(typed):
            first.type(point)
            first.keys("Enter")
            if n == 2:
                first.keys("C-t")
        first.wait_for_text("Complicating 5")  # the demo has 3; both new ones arrived
        os.kill(first.pid, signal.SIGKILL)  # the connection drops mid-meeting
        deadline = time.monotonic() + 15
        while ctxtui_running(conference_id):
            assert time.monotonic() < deadline, "ctxtui kept running after the drop"
            time.sleep(0.1)
    finally:
        first.close()
    second = Terminal(tmp_path)
    try:
        second.start_command(sshd.client(remote_ctxtui(cli.data_dir, "open", conference_id)), env)
        screen = second.wait_for_text("Point 3 typed over SSH", timeout=20)
        assert "READ-ONLY" not in screen
        second.keys("C-q")
        second.wait_exit(timeout=15)
    finally:
        second.close()
    points = json.loads(cli.ok("export", conference_id, "--format", "json"))["points"]
    assert points["concerns"][-3:] == typed[:3]
    assert points["complicating"][-2:] == typed[3:]
