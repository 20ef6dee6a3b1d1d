"""The same keys give the same record whether they arrive in one burst or one at a time.

Scripts of keys are made from a seeded generator over every editing screen: the capture line,
attendance and its form, the new-attendee form, scaling, details, the plan and its form, a plan
row from a point, the danger statement, the agenda, discussion, referrals, the distribution
list, a signed sharing agreement's form, the reminder and recording keys and the form asking
where the recording is kept, the go-to menu and the dialogs they open. Each script runs in two
apps on two copies of the sample conference: in one every key of the script is queued before
the app handles any (as keys arrive over SSH), in the other each key is sent only when the app,
its key queue and every widget of the top screen are idle after the one before. After every
script the two records, the screens open, the focus and every field on the top screen must be
the same.

``CTXTUI_KEY_SCRIPTS=N`` runs N scripts per test instead of the default (a longer run).
Left out on purpose: keys whose result depends on the clock between keys ("1" then "0" within
a second scores 10), and keys that write files or send mail (export, send, preview, palette).
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select, TextArea

from ctxtui.app import CtxApp
from ctxtui.cli.demo import demo_conference
from ctxtui.storage.store import Store

from .conftest import Clock, idle
from .keys import key_event, key_name

SIZE = (80, 24)
SCRIPTS = int(os.environ.get("CTXTUI_KEY_SCRIPTS", "10"))  # per screen; 17 screens

WORDS = ["Ade", "park", "late bus", "Jo Bell", "x", "Youth", "ok 7", "a", "p"]
MOVES = ["tab", "shift+tab", "enter", "escape", "up", "down", "left", "right", "home", "end"]
EDITS = ["backspace", "delete", "ctrl+u", "ctrl+z", "ctrl+r", "ctrl+s", "space"]
# f11: the confidentiality reminder; f12: the recording started, then stopped (its form opens)
CAPTURE = [
    "ctrl+t",
    "shift+up",
    "shift+down",
    "ctrl+x",
    "ctrl+w",
    "ctrl+k",
    "f9",
    "ctrl+e",
    "f11",
    "f12",
]
TABLE = ["a", "e", "p", "c", "s", "[", "]", "insert"]  # s: a signed sharing agreement
SCALING = ["0", "1", "2", "3", "5", "8", "9", "x", "r", "q", "plus", "minus"]  # 1 0: ten
CHOICE = ["1", "2", "3", "space"]

# screen -> (keys that open it from the capture line, keys most likely to be useful there)
SCREENS: dict[str, tuple[list[str], list[str]]] = {
    "capture": ([], CAPTURE),
    "attendance": (["ctrl+l"], TABLE),
    "new attendee": (["ctrl+e"], CHOICE),
    "scaling": (["ctrl+y"], SCALING),
    "details": (["ctrl+o", "d"], CHOICE),
    "plan": (["ctrl+f"], TABLE),
    "plan row from a point": (["up", "ctrl+w"], CHOICE),
    "danger statement": (["ctrl+g"], ["f9"]),
    "priorities": (["ctrl+o", "y"], ["ctrl+u"]),
    "contributions": (["f10"], ["enter", "s", "up", "f10", "ctrl+t"]),
    "agenda": (["f4"], TABLE + ["ctrl+n"]),
    "discussion": (["ctrl+o", "i"], CHOICE),
    "referrals": (["ctrl+o", "n"], TABLE),
    "distribution": (["ctrl+o", "c"], TABLE + ["f"]),
    "sharing agreement": (["ctrl+l", "down", "s"], CHOICE),
    "recording": (["f12"], CAPTURE),
    "where the recording is kept": (["f12", "f12"], CHOICE),
}


def make_script(rng: random.Random, screen: str) -> list[str]:
    """A script: open the screen, then 4–14 steps of typing, moves, edits and its own keys."""
    opener, own = SCREENS[screen]
    keys = list(opener)
    for _ in range(rng.randint(4, 14)):
        kind = rng.random()
        if kind < 0.35:
            keys.extend(key_name(c) for c in rng.choice(WORDS))
        elif kind < 0.65:
            keys.append(rng.choice(MOVES))
        elif kind < 0.8:
            keys.append(rng.choice(EDITS))
        else:
            keys.append(rng.choice(own))
    return keys


def state(app: CtxApp) -> dict[str, Any]:
    """What the two runs must agree on: the record, the screens, the focus, every field."""
    (meeting,) = app.meetings.values()
    fields: dict[str, str] = {}
    for widget in app.screen.query("Input, TextArea, Select"):
        if isinstance(widget, TextArea):
            fields[widget.id or "?"] = widget.text
        elif isinstance(widget, Input | Select):
            fields[widget.id or "?"] = str(widget.value)
    record = meeting.conference.to_dict()
    del record["audit_anchor"]  # the digest of a line holding the time of the save
    return {
        "record": record,
        "screens": [type(s).__name__ for s in app.screen_stack],
        "focus": getattr(app.focused, "id", None),
        "fields": fields,
    }


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two states differ, one line each (the assertion message)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [
            d
            for k in sorted(set(a) | set(b))
            for d in differences(a.get(k), b.get(k), f"{path}.{k}")
        ]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in differences(x, y, f"{path}[{i}]")
        ]
    return [] if a == b else [f"{path}: burst {a!r:.80} / one by one {b!r:.80}"]


async def _open(tmp: Path, name: str) -> tuple[CtxApp, Any]:
    store = Store(tmp / name)
    conference = store.create(demo_conference())
    app = CtxApp(store, conference.id, now=Clock("2026-03-02T10:00:00"), autosave_seconds=3600)
    return app, app.run_test(size=SIZE)


async def _back_to_the_capture_line(pilot) -> None:
    """Between scripts: close whatever is open (Escape answers no and cancels), so each
    script starts from the minute-taking screen."""
    app = pilot.app
    for _ in range(8):
        app.post_message(key_event("escape"))
        await idle(pilot)
        if len(app.screen_stack) == 1 and type(app.screen).__name__ == "ConferenceScreen":
            return


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_a_burst_and_slow_typing_give_the_same_record(screen, tmp_path):
    rng = random.Random(f"keys-{screen}")
    burst_app, burst_run = await _open(tmp_path, "burst")
    slow_app, slow_run = await _open(tmp_path, "slow")
    async with burst_run as fast, slow_run as slow:
        for n in range(SCRIPTS):
            script = make_script(rng, screen)
            for key in script:  # every key queued before the app handles the first
                burst_app.post_message(key_event(key))
            await idle(fast)
            for key in script:  # each key only once the app is idle after the one before
                slow_app.post_message(key_event(key))
                await idle(slow)
            found = differences(state(burst_app), state(slow_app))
            assert not found, f"script {n} {script}:\n" + "\n".join(found)
            await _back_to_the_capture_line(fast)
            await _back_to_the_capture_line(slow)
            found = differences(state(burst_app), state(slow_app))
            assert not found, f"after script {n} {script}:\n" + "\n".join(found)
