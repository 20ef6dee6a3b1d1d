"""Keys rebound by binding id in config.toml (issue 43 case 4): one table per screen gives the
keys, the help, the key line and the titles, so a rebound key is rebound everywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.binding import Binding

from ctxtui.screens.attendance import AttendanceScreen
from ctxtui.screens.forms import FormScreen
from ctxtui.screens.help import help_sections
from ctxtui.widgets.keymap import clashes, key_display, normalise, unknown, with_keys

from .conftest import burst, idle, wait_for

SIZE = (80, 24)


def write_keymap(text: str) -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "ctxtui"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text("[keymap]\n" + text, encoding="utf-8")


@pytest.mark.quick
def test_keys_are_named_one_way():
    assert normalise("Ctrl+N, ?") == "ctrl+n,question_mark"
    assert key_display(Binding("ctrl+t,f6", "x", id="a.b"), {}) == "Ctrl+T / F6"
    assert key_display(Binding("ctrl+t", "x", id="a.b"), {"a.b": "left"}) == "←"
    shown = with_keys("{a.b}: add", [Binding("n,insert", "add", id="a.b")], {})
    assert shown == "n: add"


@pytest.mark.quick
def test_a_key_given_twice_in_one_scope_is_a_clash_and_an_unknown_id_is_named():
    scope = {"a screen": [Binding("a", "add", id="s.add"), Binding("e", "edit", id="s.edit")]}
    assert clashes(scope, {"s.edit": "a"}) == ["a would be both s.add and s.edit (a screen)"]
    assert clashes(scope, {"s.edit": "x"}) == []
    assert unknown(["s.add", "s.edit"], {"s.nope": "x"}) == ["s.nope"]


async def test_a_rebound_key_works_and_shows_everywhere(store, demo, make_app):
    # keys no screen uses (F11 and F12 are the reminder's and the recording's)
    write_keymap('"capture.next_target" = "f14"\n"table.add" = "n"\n"points.delete" = "f13"\n')
    app = make_app(demo.id)
    count = len(demo.points.concerns)
    async with app.run_test(size=SIZE) as pilot:
        line = app.screen.capture
        assert app.keymap.get("capture.next_target") == "f14", list(app.notices)
        before = line.target
        await burst(pilot, "", "ctrl+t")
        await idle(pilot)
        assert line.target == before  # the old key does nothing now
        await burst(pilot, "", "f14")
        await idle(pilot)
        assert line.target != before
        groups = dict(help_sections(app.screen))
        assert ("F14", "Next heading") in groups["Capture line"]
        await burst(pilot, "", "shift+tab", "up", "f13", "ctrl+s")  # browse, delete the newest
        await idle(pilot)
        await burst(pilot, "", "ctrl+l")
        await wait_for(lambda: isinstance(app.screen, AttendanceScreen))
        title = str(app.screen.query_one("#title").render())
        assert "n: add" in title and "a: add" not in title
        await burst(pilot, "", "n")  # Textual's own dispatch takes the keymap too
        await wait_for(lambda: isinstance(app.screen, FormScreen))
        await burst(pilot, "", "escape", "escape")
    assert len(store.load(demo.id).points.concerns) == count - 1


async def test_a_clash_is_refused_in_one_sentence_and_the_usual_keys_work(demo, make_app):
    write_keymap('"capture.next_target" = "enter"\n')
    app = make_app(demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(lambda: app.notices)
        sentence = app.notices[-1].message
        assert sentence.startswith("The keymap in config.toml was not applied: enter would be")
        assert "capture.file" in sentence and "capture.next_target" in sentence
        before = app.screen.capture.target
        await burst(pilot, "", "ctrl+t")
        await idle(pilot)
        assert app.screen.capture.target != before


async def test_an_unknown_id_is_refused_by_name(demo, make_app):
    write_keymap('"capture.nothing_like_this" = "f6"\n')
    app = make_app(demo.id)
    async with app.run_test(size=SIZE):
        await wait_for(lambda: app.notices)
        assert "capture.nothing_like_this is not the id of a key" in app.notices[-1].message


async def test_a_key_the_screen_already_uses_is_a_clash_too(demo, make_app):
    """F6 exports from the minute-taking screen: the capture line cannot have it."""
    write_keymap('"capture.next_target" = "f6"\n')
    app = make_app(demo.id)
    async with app.run_test(size=SIZE):
        await wait_for(lambda: app.notices)
        assert "f6 would be both" in app.notices[-1].message
