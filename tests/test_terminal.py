"""ctxtui in a real terminal (tmux, 80×24): typing, quitting and dropped connections."""

from __future__ import annotations

import json
import os
import signal

import pytest

from .terminal import Terminal


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path)
    yield term
    term.close()


@pytest.fixture
def conference_id(cli):
    return cli.ok("new", "--context", "Ashton Park", "--date", "2026-01-20").strip()


def env_for(cli, term: str = "xterm") -> dict[str, str]:
    return {"TERM": term, "CTXTUI_DATA_DIR": str(cli.data_dir), "HOME": os.environ.get("HOME", "/")}


@pytest.mark.parametrize("term", ["xterm", "xterm-256color", "linux", "screen"])
def test_type_points_switch_heading_and_quit(terminal, cli, conference_id, term):
    terminal.start("open", conference_id, env=env_for(cli, term))
    terminal.wait_for_text("Type a point")
    terminal.type("Lighting broken by the bins")
    terminal.keys("Enter")
    terminal.type("Dark path behind the pavilion")
    terminal.keys("Enter", "C-t")
    terminal.type("No CCTV coverage")
    terminal.keys("Enter", "C-t")
    terminal.type("Park keeper on site until 6pm")
    terminal.keys("Enter")
    screen = terminal.wait_for_text("Park keeper on site")
    if term == "linux":  # the Linux console: plain ASCII borders and markers
        # the screen once settled: under load tmux was once read in the middle of a frame,
        # with one box still drawn as the last frame left it; a box that stays heavy fails
        screen = terminal.wait_until(
            lambda shown: "┏" not in shown and "+-" in shown and "Strengths >" in shown,
            "the last point with plain ASCII borders and markers",
        )
    else:
        assert "┏" in screen
    terminal.keys("C-q")
    terminal.wait_exit()
    record = json.loads(cli.ok("export", conference_id, "--format", "json"))
    assert record["points"] == {
        "concerns": ["Lighting broken by the bins", "Dark path behind the pavilion"],
        "complicating": ["No CCTV coverage"],
        "strengths": ["Park keeper on site until 6pm"],
        "safety_plan": [],
    }


def test_a_burst_of_typing_keeps_its_order(terminal, cli, conference_id):
    terminal.start("open", conference_id, env=env_for(cli))
    terminal.wait_for_text("Type a point")
    # one send-keys call: the whole burst reaches the terminal at once
    terminal.keys("-l", "first")
    terminal.keys("Enter", "C-t", "s", "e", "c", "o", "n", "d", "Enter", "C-t", "t", "h", "Enter")
    terminal.wait_for_text("Strengths 1")
    terminal.keys("C-q")
    terminal.wait_exit()
    points = json.loads(cli.ok("export", conference_id, "--format", "json"))["points"]
    assert (points["concerns"], points["complicating"], points["strengths"]) == (
        ["first"],
        ["second"],
        ["th"],
    )


@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "kill-session"])
def test_a_dropped_connection_loses_nothing(terminal, cli, conference_id, how):
    terminal.start("open", conference_id, env=env_for(cli))
    terminal.wait_for_text("Type a point")
    terminal.type("Typed and entered just before the drop")
    terminal.keys("Enter")
    terminal.type("half a line")
    terminal.wait_for_text("half a line")
    if how == "kill-session":
        terminal.tmux("kill-session", "-t", terminal.name)  # the terminal goes away: a hang-up
    else:
        os.kill(terminal.pid, getattr(signal, how))
    terminal.wait_exit()
    record = json.loads(cli.ok("export", conference_id, "--format", "json"))
    assert record["points"]["concerns"] == ["Typed and entered just before the drop"]
    assert record["unfiled"] == {"target": "concerns", "text": "half a line"}  # kept as typed
    # and the lock went with the process: the conference opens for editing again
    terminal.close()
    again = Terminal(terminal.pidfile.parent)
    try:
        again.start("open", conference_id, env=env_for(cli))
        screen = again.wait_for_text("unfiled")
        assert "READ-ONLY" not in screen and "half a line" in screen
    finally:
        again.close()
