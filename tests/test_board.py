"""The board: a second process that follows the chair's saves and never writes."""

from __future__ import annotations

import json
import os
import statistics
import time

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.guard.board_text import BOARD_KEYS, BOARD_SHORT_TITLES
from ctxtui.meeting.editing import Editor
from ctxtui.screens.board import TWO_COLUMNS_FROM, BoardScreen
from ctxtui.widgets.textual_internals import screen_lines

from .conftest import wait_for
from .terminal import Terminal


def env_for(cli, term: str = "xterm") -> dict[str, str]:
    return {"TERM": term, "CTXTUI_DATA_DIR": str(cli.data_dir), "HOME": os.environ.get("HOME", "/")}


@pytest.fixture
def conference_id(cli, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(demo_conference().to_dict()), encoding="utf-8")
    return cli.ok("import", str(source)).strip()


@pytest.fixture
def terminals(tmp_path):
    made = []

    def make(width=80, height=24):
        term = Terminal(tmp_path, width, height)
        made.append(term)
        return term

    yield make
    for term in made:
        term.close()


def snapshot(folder):
    return {
        p.relative_to(folder): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_the_board_follows_the_chair_within_a_second(cli, conference_id, terminals):
    chair, board = terminals(), terminals(100, 30)
    board.start("board", conference_id, env=env_for(cli))
    board.wait_for_text("Danger statement")
    chair.start("open", conference_id, env=env_for(cli))
    chair.wait_for_text("Type a point")
    delays = []
    for n in range(3):
        point = f"Lamp {n} out by the bins"
        chair.type(point)
        chair.keys("Enter")
        chair.wait_for_text(point)
        started = time.monotonic()
        board.wait_for_text(point, timeout=5)
        delays.append(time.monotonic() - started)
    print(f"\nboard delay after the chair's Enter: {[round(d, 2) for d in delays]} s")
    assert statistics.median(delays) < 1.0 and max(delays) < 2.0
    # the chair quits and comes back; the board carries on and keeps following
    chair.keys("C-q")
    chair.wait_exit()
    assert board.alive()
    chair2 = terminals()
    chair2.start("open", conference_id, env=env_for(cli))
    screen = chair2.wait_for_text("Type a point")
    assert "READ-ONLY" not in screen  # the board holds no lock
    chair2.type("Back after a break")
    chair2.keys("Enter")
    board.wait_for_text("Back after a break", timeout=5)
    chair2.keys("C-q")
    chair2.wait_exit()
    board.keys("q")
    board.wait_exit()


async def test_board_never_writes_and_survives_a_broken_moment(store, demo, make_app):
    path = store.path_for(demo.id)
    before = snapshot(store.root)
    app = make_app(demo.id, board=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BoardScreen)

        def concerns() -> tuple[str, ...]:
            return next(s for s in screen.sections if s.key == "concerns").lines

        # the chair saves (an atomic replace: a new inode)
        with store.open(demo.id) as session:
            session.conference.points.concerns.append("New from the chair")
            session.save()
        await wait_for(lambda: "New from the chair" in concerns())
        # a moment when the file cannot be read: the last good copy stays up
        good = path.read_bytes()
        path.write_bytes(b"{ half a file")
        await wait_for(lambda: "cannot read" in screen.title_text)
        assert "New from the chair" in concerns()
        path.write_bytes(good)
        await wait_for(lambda: "cannot read" not in screen.title_text)
        await pilot.press("q")
    after = snapshot(store.root)
    changed = {str(name) for name in after if before.get(name) != after[name]}
    # only the chair's own save (its lock, the file, its backup, its audit lines) touched anything
    assert changed == {
        f"locks/{demo.id}.lock",
        f"conferences/{demo.id}.json",
        f"conferences/{demo.id}.json.bak",
        "audit.log",
    }
    opened = [e for e in store.audit.events() if e.action in ("open", "save")]
    assert len(opened) == 2  # the chair's session opened and saved once; the board wrote nothing


def test_escape_sequences_never_reach_the_terminal(cli, conference_id, terminals, tmp_path):
    chair = terminals()
    record = tmp_path / "out.bin"
    (cli.data_dir / "conferences" / "evil\x1b]0;PWNED\x07.json").write_text("{", encoding="utf-8")
    chair.start("open", conference_id, env=env_for(cli))
    chair.tmux("pipe-pane", "-t", chair.name, "-o", f"cat >> {record}")
    chair.wait_for_text("Type a point")
    # a bracketed paste, byte for byte as a terminal sends it, carrying escape sequences
    chair.keys("-l", "\x1b[200~before \x1b]0;PWNED\x1b\\\x1b[2J after\x1b[201~")
    chair.wait_for_text("PWNED")
    chair.keys("Enter")
    chair.wait_for_text("Concerns 5")
    chair.keys("C-q")
    chair.wait_exit()
    home = terminals(200, 30)
    home.start(env=env_for(cli))
    home.tmux("pipe-pane", "-t", home.name, "-o", f"cat >> {record}")
    home.wait_for_text("untouched.")
    home.keys("C-q")
    home.wait_exit()
    output = record.read_bytes()
    assert b"\x1b]0;PWNED" not in output and b"\x1b[2J after" not in output
    # what was pasted arrives as visible characters, never as control codes
    point = json.loads(cli.ok("export", conference_id, "--format", "json"))["points"]["concerns"][
        -1
    ]
    assert "before" in point and "PWNED" in point and "after" in point
    assert all(ch.isprintable() for ch in point)


def test_board_sections_hold_back_what_the_chair_has_not_cleared():
    from ctxtui.guard.board_text import BOARD_KEYS, board_sections, latest_change

    conference = demo_conference()
    before = board_sections(conference)
    assert [s.key for s in before] == list(BOARD_KEYS)
    conference.points.concerns.append("Kai Thompson was threatened at the rank, reg AB12 CDE")
    after = board_sections(conference)
    concerns = next(s for s in after if s.key == "concerns")
    assert concerns.lines[-1] == (
        "[name held back] was threatened at the rank, reg [vehicle registration held back]"
    )
    assert latest_change(before, after) == "concerns"
    Editor(conference).dismiss_flags(["name:Kai Thompson", "vehicle:AB12 CDE"])
    cleared = next(s for s in board_sections(conference) if s.key == "concerns")
    assert cleared.lines[-1] == "Kai Thompson was threatened at the rank, reg AB12 CDE"
    conference.danger_statement = "We worry Jayden aged 14 is being drawn in."
    danger = next(s for s in board_sections(conference) if s.key == "danger_statement")
    assert danger.lines == ("We worry [name held back] [child's age held back] is being drawn in.",)
    # the priorities stand above everything, and are guarded like the rest
    conference.priorities[1] = "Keep Kai Thompson away from the garage block"
    priorities = board_sections(conference)[0]
    assert priorities.key == "priorities" and priorities.numbered
    # dismissed above, but on other text: a new sentence with the name is held back again
    assert priorities.lines[1] == "Keep [name held back] away from the garage block"
    conference.priorities[1] = "Keep Leon Makinde away from the garage block"
    priorities = board_sections(conference)[0]
    assert priorities.lines[1] == "Keep [name held back] away from the garage block"
    conference.priorities = []
    assert board_sections(conference)[0].key == "danger_statement"
    plan = next(s for s in board_sections(conference) if s.key == "plan")
    assert len(plan.lines) == len(conference.actions) and " — " in plan.lines[0]
    scaling = board_sections(conference)[-1]
    assert scaling.lines[-1].startswith("6 of 7 scored")


async def test_a_small_board_starts_with_the_section_the_chair_changed(store, demo, make_app):
    app = make_app(demo.id, board=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await wait_for(lambda: screen.shown)
        assert screen.shown[0] == "priorities" and screen.hidden
        assert sorted(screen.shown + screen.hidden) == sorted(BOARD_KEYS)
        with store.open(demo.id) as session:
            session.conference.points.concerns.append("Kai Thompson was threatened at the rank")
            session.save()
        await wait_for(lambda: screen.current == "concerns" and screen.shown[0] == "concerns")
        concerns = next(s for s in screen.sections if s.key == "concerns")
        assert concerns.lines[-1] == "[name held back] was threatened at the rank"
        await pilot.pause()
        shot = "\n".join(_screen_text(app))
        assert "held back" in shot and "Kai" not in shot
        assert "Not shown:" in shot  # what did not fit is named
        # the chair dismisses the flag: the room may now read the name
        with store.open(demo.id) as session:
            Editor(session.conference).dismiss_flags(["name:Kai Thompson"])
            session.save()
        await wait_for(
            lambda: (
                next(s for s in screen.sections if s.key == "concerns").lines[-1]
                == "Kai Thompson was threatened at the rank"
            )
        )
        await pilot.press("right")
        assert screen.current == "complicating" and screen.shown[0] == "complicating"
        await pilot.press("left", "left")
        assert screen.current == "danger_statement"
        await pilot.press("q")


async def test_a_big_board_shows_every_section_of_the_demo(demo, make_app):
    app = make_app(demo.id, board=True)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        await wait_for(lambda: screen.shown)
        assert screen.hidden == [] and screen.clipped == {} and len(screen.shown) == 9
        assert "Every section is shown" in "\n".join(_screen_text(app))
        await pilot.press("q")


def _whole_boxes(shot_lines: list[str]) -> bool:
    """Every box that starts on the screen also ends on it (in each column)."""
    tops = sum(line.count("┏") for line in shot_lines)
    bottoms = sum(line.count("┗") for line in shot_lines)
    return tops == bottoms


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 36), (160, 48)])
@pytest.mark.parametrize("which", ["demo", "big"])
async def test_at_every_size_whole_sections_fill_the_screen(store, demo, size, which, make_app):
    from bench.export_bench import big_conference

    conference = demo if which == "demo" else store.create(big_conference())
    app = make_app(conference.id, board=True)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        await wait_for(lambda: screen.shown)
        await pilot.pause()
        text = _screen_text(app)
        shot = "\n".join(text)
        assert text[0].lstrip().startswith("DRAFT") and "10:00" in text[0]  # always the status
        assert _whole_boxes(text)
        expected = [k for k in BOARD_KEYS if k != "priorities" or conference.priorities]
        assert sorted(screen.shown + screen.hidden) == sorted(expected)
        for key in screen.hidden:
            assert BOARD_SHORT_TITLES[key] in text[-1]
        blank = sum(1 for line in text[1:-1] if not line.strip())
        # the screen is used: blank lines only when every section is shown whole, or when no
        # section left out would fit in them
        columns = 2 if size[0] >= TWO_COLUMNS_FROM else 1
        column_width = (size[0] - (columns - 1)) // columns
        boxes = screen._boxes()
        hidden = [s for s in screen.sections if s.key in screen.hidden]
        too_tall = all(boxes.height(s, column_width) > blank for s in hidden)
        assert blank <= 2 or (not screen.hidden and not screen.clipped) or too_tall, shot
        await pilot.press("q")


def _screen_text(app) -> list[str]:
    """The screen as plain lines, as drawn."""
    return screen_lines(app.screen)


async def test_the_board_says_whether_the_minutes_are_final(store, demo, clock, make_app):
    from ctxtui.meeting.meeting import Meeting

    meeting = Meeting(store, demo.id, clock)
    meeting.editor.next_agenda_item()
    assert meeting.flush()
    app = make_app(demo.id, board=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await wait_for(lambda: "DRAFT" in screen.title_text and "Now:" in screen.title_text)
        assert "10:00" in screen.title_text  # the room's clock
        meeting.finalise()
        await wait_for(lambda: "FINAL" in screen.title_text)
        assert "Now:" not in screen.title_text  # no agenda item is under way in final minutes
        await pilot.press("q")
    meeting.close()
