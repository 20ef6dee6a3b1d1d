"""kill -9 at random moments, and a full disk: the file always loads and nothing saved is lost."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time

from ctxtui.cli.demo import demo_conference
from ctxtui.screens.topbar import TopBar
from ctxtui.storage import files as files_module

from .conftest import burst, wait_for
from .terminal import Terminal

SLOW = True  # kill -9 trials in subprocesses: not in make test-quick

TRIALS = 24


def test_kill_9_during_saves_never_breaks_the_file_or_loses_a_saved_point(store):
    conference = store.create(demo_conference())
    rng = random.Random(20261129)
    before = len(conference.points.concerns)
    saved_points = 0
    for trial in range(TRIALS):
        driver = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.crash_driver",
                str(store.root),
                conference.id,
                f"Trial {trial}",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.25, 0.6))
        os.kill(driver.pid, signal.SIGKILL)
        out, _ = driver.communicate(timeout=10)
        confirmed = [int(line.split()[1]) for line in out.splitlines() if line.startswith("saved")]
        record = store.load(conference.id)  # always loads
        concerns = record.points.concerns
        for n in confirmed:  # every point whose save completed is there
            assert any(p.split(" x")[0] == f"Trial {trial} point {n}" for p in concerns), (trial, n)
        assert len(concerns) >= before + len(confirmed)
        before = len(concerns)
        saved_points += len(confirmed)
    assert saved_points > TRIALS  # the trials really did save, over and over
    print(f"\n{TRIALS} kill -9 trials, {saved_points} confirmed saves, file loaded every time")


def test_kill_9_of_the_real_app_while_typing(cli, tmp_path):
    conference_id = cli.ok("new", "--context", "Ashton Park", "--date", "2026-01-20").strip()
    env = {
        "TERM": "xterm",
        "CTXTUI_DATA_DIR": str(cli.data_dir),
        "HOME": os.environ.get("HOME", "/"),
    }
    rng = random.Random(7)
    typed: list[str] = []
    for trial in range(3):
        term = Terminal(tmp_path)
        try:
            term.start("open", conference_id, env=env)
            term.wait_for_text("Type a point")
            for n in range(rng.randint(3, 8)):
                point = f"trial {trial} point {n}"
                term.type(point)
                term.keys("Enter")
                typed.append(point)
            time.sleep(rng.uniform(0.0, 0.8))
            os.kill(term.pid, signal.SIGKILL)
        finally:
            term.close()
        result = cli("export", conference_id, "--format", "json")
        assert result.returncode == 0, result.stderr  # the file loads
    import json

    stored = json.loads(cli.ok("export", conference_id, "--format", "json"))["points"]["concerns"]
    # A kill -9 may lose what was typed since the last autosave, never garble it: each trial's
    # stored points are the first of what it typed, in order, and the trials follow each other.
    for trial in range(3):
        mine = [p for p in typed if p.startswith(f"trial {trial} ")]
        kept = [p for p in stored if p.startswith(f"trial {trial} ")]
        assert kept == mine[: len(kept)]
    assert stored == sorted(stored, key=lambda p: int(p.split()[1]))
    assert set(stored) <= set(typed) and stored


async def test_a_full_disk_is_reported_the_old_file_kept_and_saving_resumes(
    store, demo, monkeypatch, make_app
):
    path = store.path_for(demo.id)
    before = path.read_bytes()
    real = files_module.write_temp

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app(demo.id, autosave=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        saver = screen.meeting.autosaver
        monkeypatch.setattr(files_module, "write_temp", disk_full)
        await burst(pilot, "Typed while the disk is full", "enter")
        await wait_for(lambda: saver.error is not None)
        assert "disk is full" in saver.error
        await wait_for(lambda: "NOT SAVED" in screen.query_one(TopBar).shown)
        # the notice arrives by message: wait for it rather than look once
        await wait_for(lambda: any("disk is full" in str(n.message) for n in app.notices))
        assert path.read_bytes() == before  # the old file is whole
        monkeypatch.setattr(files_module, "write_temp", real)  # space again
        await wait_for(lambda: saver.error is None and not saver.dirty)
        await wait_for(lambda: "saved" in screen.query_one(TopBar).shown)
    assert store.load(demo.id).points.concerns[-1] == "Typed while the disk is full"
