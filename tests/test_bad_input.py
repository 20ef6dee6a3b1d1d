"""Bad input: huge pastes, control characters, hard scripts, tiny terminals, broken files."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import ValidationError
from ctxtui.core.validation import conference_from_dict
from ctxtui.export.markdown import to_markdown
from ctxtui.storage.store import Store

from .conftest import burst
from .terminal import Terminal

SIZE = (80, 24)


async def paste(pilot, text: str) -> None:
    pilot.app.screen.capture.post_message(events.Paste(text))
    await pilot.pause()


async def test_a_50000_character_paste(store, demo, make_app):
    big = (
        "The lighting on the ramp has failed again and residents report groups gathering. " * 700
    )[:50_000]
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, big)
        assert len(app.screen.capture.value) == 50_000
        await pilot.press("enter", "ctrl+s")
        await pilot.press("down", "end")  # the long point shows, wrapped, in the list
        await pilot.pause()
    stored = store.load(demo.id).points.concerns[-1]
    assert stored == " ".join(big.split()) and len(stored) > 49_000


async def test_control_characters_and_escapes_in_a_paste_are_dropped(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, "one\x1b[31mred\x1b[0m\x07\x00 two\r\nthree\x1b]0;title\x07")
        await pilot.press("enter", "ctrl+s")
    assert store.load(demo.id).points.concerns[-1] == "onered two three]0;title"


@pytest.mark.parametrize(
    "text",
    [
        "Emoji 🙂👍🏽🏳️‍🌈 at the bus stop",
        "Combining é́ ñ̃ å̊ marks",
        "RTL עברית и العربية mixed",
        "Wide 漢字かなカナ 한국어",
        "Zero\u200bwidth\u200djoin",
    ],
)
async def test_hard_scripts_are_kept_exactly(store, demo, text, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, text)
        await pilot.press("enter", "ctrl+s", "down", "end")
        await pilot.pause()
    record = store.load(demo.id)
    assert record.points.concerns[-1] == text
    assert text.replace("\u200b", "\u200b") in to_markdown(record).replace("\\", "")


async def test_resize_to_40_by_12_and_back(store, demo, make_app):
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await burst(pilot, "typed while small", "enter")
        await pilot.press("ctrl+t")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await burst(pilot, "typed while wide", "enter")
        await pilot.resize_terminal(80, 24)
        await pilot.press("ctrl+s")
        assert app.screen.pane("complicating").display
    record = store.load(demo.id)
    assert record.points.concerns[-1] == "typed while small"
    assert record.points.complicating[-1] == "typed while wide"


def _heading_box(width: int) -> Callable[[str], bool]:
    """Whether a screen shows the current heading's box drawn for ``width`` columns."""

    def shows(screen: str) -> bool:
        return any(
            len(line) == width and line.startswith("┏") and line.endswith("┓")
            for line in screen.splitlines()
        )

    return shows


def test_resize_in_a_real_terminal(cli, tmp_path):
    conference_id = cli.ok("new", "--context", "Ashton Park", "--date", "2026-01-20").strip()
    term = Terminal(tmp_path)
    env = {
        "TERM": "xterm",
        "CTXTUI_DATA_DIR": str(cli.data_dir),
        "HOME": os.environ.get("HOME", "/"),
        # a size left exported by a shell: the app must follow the terminal, not these
        "COLUMNS": "80",
        "LINES": "24",
    }
    try:
        term.start("open", conference_id, env=env)
        term.wait_for_text("Type a point")
        term.tmux("resize-window", "-t", term.name, "-x", "40", "-y", "12")
        term.type("small screen point")
        term.keys("Enter")
        small = term.wait_until(_heading_box(40), "the heading's box at 40 columns")
        assert "Concerns" in small  # the capture line's target
        term.wait_for_text("small screen point")
        term.tmux("resize-window", "-t", term.name, "-x", "80", "-y", "24")
        term.wait_until(_heading_box(80), "the heading's box at 80 columns")
        term.wait_for_text("small screen point")  # back at full size, the point is there
        term.keys("C-q")
        term.wait_exit()
    finally:
        term.close()
    exported = json.loads(cli.ok("export", conference_id, "--format", "json"))
    assert exported["points"]["concerns"] == ["small screen point"]


# ---------------------------------------------------------------------------- broken imports

VALID = demo_conference().to_dict()
WRONG_VALUES = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.just({"x": 1}),
    st.just("not-a-valid-choice"),
    st.just("2026-02-30"),
    st.just("a\x1bb"),
)


def paths(value, prefix=()):
    """Every place in the record a value could be broken."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*prefix, index)
            yield from paths(item, (*prefix, index))


ALL_PATHS = [p for p in paths(VALID) if p[0] not in ("schema",)]


def set_at(record, path, value):
    target = record
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


@st.composite
def broken_records(draw):
    record = copy.deepcopy(VALID)
    how = draw(st.sampled_from(["wrong value", "unknown key", "schema"]))
    if how == "schema":
        record["schema"] = draw(st.sampled_from(["ctxtui.conference/2", "", None, 1]))
    elif how == "unknown key":
        dicts = [p for p in [(), *ALL_PATHS] if isinstance(_get(record, p), dict)]
        where = draw(st.sampled_from(dicts))
        _get(record, where)["surprise_" + draw(st.text("abc", min_size=1, max_size=3))] = 1
    else:
        path = draw(st.sampled_from(ALL_PATHS))
        value = draw(WRONG_VALUES)
        set_at(record, path, value)
        if _accepts(path, value):
            record["kind"] = "annual"  # this value happens to be fine: break something else
    return record


def _get(record, path):
    for step in path:
        record = record[step]
    return record


def _accepts(path, value):
    """A handful of substitutions are legitimately valid (e.g. null for previous_id)."""
    probe = copy.deepcopy(VALID)
    set_at(probe, path, value)
    try:
        conference_from_dict(probe)
    except ValidationError:
        return False
    return True


@given(record=broken_records())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_broken_file_is_refused_whole(tmp_path_factory, record):
    store = Store(tmp_path_factory.mktemp("data"))
    with pytest.raises(ValidationError) as caught:
        store.import_dict(record)
    assert caught.value.field and str(caught.value)
    assert list(store.folder.iterdir()) == []


async def test_a_paste_too_long_for_a_point_is_cut_and_said_then_kept_at_quit(
    store, demo, make_app
):
    """Five million characters: the chair is told at once how much was left out; Ctrl+Q then
    keeps the whole line that fits, nothing cut silently."""
    from ctxtui.core.record import MAX_TEXT

    app = make_app(demo.id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await paste(pilot, "x" * 5_000_000)
        assert len(app.screen.capture.value) == MAX_TEXT
        assert any("left out" in n.message for n in app.notices)
        await pilot.press("ctrl+q")
    app.close_all()
    assert store.load(demo.id).unfiled.text == "x" * MAX_TEXT
