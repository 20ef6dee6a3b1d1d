"""Drive ctxtui in a real terminal: tmux on a private socket, keys by send-keys, screen by
capture-pane."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest


def require_tmux() -> None:
    if shutil.which("tmux") is None:  # .ci/run installs it; a developer machine may lack it
        pytest.fail("tmux is not installed: apt-get install tmux")


class Terminal:
    def __init__(self, tmp: Path, width: int = 80, height: int = 24) -> None:
        require_tmux()
        self.socket = f"ctxtui-test-{uuid.uuid4().hex[:8]}"
        self.name = "t"
        self.pidfile = tmp / f"{self.socket}.pid"
        self.width, self.height = width, height
        # from the server's first moment: a program that ends at once leaves its pane (and the
        # server) up, so the test reads what it said instead of "server exited unexpectedly"
        self.config = tmp / f"{self.socket}.conf"
        self.config.write_text("set -g remain-on-exit on\n", encoding="utf-8")

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=20,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {args[0]} failed: {result.stderr}")
        return result.stdout

    def start(self, *ctxtui_args: str, env: dict[str, str]) -> None:
        """Run ``ctxtui ARGS`` as the only process in a new tmux window, recording its pid."""
        self.start_command([sys.executable, "-m", "ctxtui", *ctxtui_args], env=env)

    def start_command(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        """Run ``argv`` as the only process in a new tmux window, recording its pid. The locale
        is UTF-8 unless ``env`` says otherwise (CI's environment may set none)."""
        env = {"LANG": "C.UTF-8", **env}
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        go = f"cd {shlex.quote(str(cwd))}; " if cwd else ""
        # the pid is written whole, by a rename, and the last start's file goes first: a second
        # start in one test once read the old pid, then the new file while the shell wrote it
        self.pidfile.unlink(missing_ok=True)
        pidfile, partial = shlex.quote(str(self.pidfile)), shlex.quote(f"{self.pidfile}.part")
        command = (
            f"{go}echo $$ > {partial}; mv {partial} {pidfile}; "
            f"exec env {assignments} " + " ".join(shlex.quote(a) for a in argv)
        )
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "sh",
            "-c",
            command,
        )
        deadline = time.monotonic() + 10
        while not self.pidfile.exists():
            if time.monotonic() > deadline:
                raise AssertionError("ctxtui did not start")
            time.sleep(0.05)
        self.pid = int(self.pidfile.read_text())

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for_text(self, text: str, timeout: float = 10) -> str:
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_until(self, shows: Callable[[str], bool], what: str, timeout: float = 10) -> str:
        """The screen, once ``shows(screen)`` holds; fails saying ``what`` never appeared."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if shows(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} never appeared on screen:\n{screen}")
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        # a zombie still answers kill(0): look at its state
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().split()[2]
        except OSError:
            return False
        return state != "Z"

    def wait_exit(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() > deadline:
                raise AssertionError(f"ctxtui did not exit:\n{self.screen()}")
            time.sleep(0.05)

    def close(self) -> None:
        self.tmux("kill-server", check=False)
