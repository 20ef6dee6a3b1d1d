"""Canaries: each name of Textual's that ctxtui uses outside the documented API still exists and
still does what ctxtui relies on. A failure names what changed and where ctxtui uses it
(ctxtui/widgets/textual_internals.py); `make test-textual-latest` runs these on the newest
Textual."""

from __future__ import annotations

import inspect
import re
import time
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from ctxtui.widgets import textual_internals
from ctxtui.widgets.textual_internals import (
    PRIVATE_NAMES,
    EscapeKeepingParser,
    virtual_size_without_layout,
)

ROOT = Path(__file__).parent.parent
WHERE = "see ctxtui/widgets/textual_internals.py"


def keys(data: str, count: int) -> list[str]:
    """The keys the parser makes of ``data``, once ``count`` are out or an Escape's wait ends."""
    parser = EscapeKeepingParser()
    made = [m for m in parser.feed(data) if isinstance(m, events.Key)]
    deadline = time.monotonic() + 5
    while len(made) < count and time.monotonic() < deadline:
        time.sleep(0.01)
        made += [m for m in parser.tick() if isinstance(m, events.Key)]
    return [key.key for key in made]


@pytest.mark.quick
def test_the_parser_still_reads_a_burst_through_its_key_sequence_step():
    assert keys("\x1b\r", 2) == ["escape", "enter"], (
        "Textual's XTermParser no longer reads Escape+Enter through _sequence_to_key_events "
        f"({WHERE}, 1)"
    )
    assert keys("\x1bx", 2) == ["escape", "x"]
    assert keys("ab\x1b[A", 3) == ["a", "b", "up"]


@pytest.mark.quick
def test_the_driver_still_hands_its_output_stream_to_the_writer_thread():
    source = inspect.getsource(LinuxDriver)
    assert "self._file = " in inspect.getsource(LinuxDriver.__init__) and re.search(
        r"WriterThread\(self\._file\)", source
    ), f"Textual's LinuxDriver no longer writes through self._file ({WHERE}, 2)"


@pytest.mark.quick
async def test_the_driver_still_reads_keys_in_its_public_input_thread():
    source = inspect.getsource(LinuxDriver)
    assert "run_input_thread" in source and "def process_message" in source, (
        "Textual's LinuxDriver no longer reads input in run_input_thread (ctxtui/widgets/driver.py)"
    )
    driver = LinuxDriver(App())
    assert isinstance(driver.fileno, int) and hasattr(driver.exit_event, "is_set"), (
        "Textual's LinuxDriver has no fileno or exit_event (ctxtui/widgets/driver.py)"
    )


@pytest.mark.quick
def test_the_style_sheet_still_reads_a_file_once_and_updates_an_app():
    sheet = App().stylesheet
    for name in ("has_source", "read", "update"):
        assert callable(getattr(sheet, name, None)), f"Stylesheet.{name} is gone ({WHERE}, 3)"
    assert list(inspect.signature(sheet.has_source).parameters)[:2] == ["path", "class_var"], (
        f"Stylesheet.has_source takes other arguments ({WHERE}, 3)"
    )


@pytest.mark.quick
def test_screen_resume_still_has_a_flag_that_skips_the_restyle():
    assert events.ScreenResume().refresh_styles is True
    assert "refresh_styles" in inspect.getsource(Screen), (
        f"Screen no longer reads ScreenResume.refresh_styles ({WHERE}, 4)"
    )


@pytest.mark.quick
def test_input_still_keeps_its_scrolling_width_in_the_virtual_size_reactive():
    assert "virtual_size" in inspect.getsource(Input), (
        f"Input no longer sets virtual_size ({WHERE}, 5)"
    )
    assert type(Widget.__dict__["virtual_size"]) is type(virtual_size_without_layout())
    assert "layout" in inspect.signature(type(virtual_size_without_layout()).__init__).parameters


@pytest.mark.quick
def test_the_public_names_the_key_queue_relies_on_are_there():
    for name in ("message_queue_size", "is_running", "call_later", "call_next"):
        assert hasattr(MessagePump, name), f"MessagePump.{name} is gone (widgets/keyqueue.py)"


@pytest.mark.quick
def test_no_other_module_of_ctxtui_reaches_into_textual():
    """Private Textual names (a module or attribute starting with _) only in the one module."""
    private = re.compile(r"from textual\.(?:[a-z]+\.)*_|textual\.(?:[a-z]+\.)*_[a-z]")
    offenders = []
    for path in sorted((ROOT / "ctxtui").rglob("*.py")):
        if path.name == "textual_internals.py":
            continue
        text = path.read_text(encoding="utf-8")
        if private.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == [], f"private Textual names outside textual_internals.py: {offenders}"
    assert len(PRIVATE_NAMES) < 5
    assert textual_internals.XTermParser.__module__ == "textual._xterm_parser"


async def test_the_tests_probes_still_read_the_screen_frames_and_layouts():
    """The three probes the tests use (textual_internals, the part for the tests alone)."""
    from textual.widgets import Static

    from ctxtui.widgets.textual_internals import LAYOUT_STEP, count_frames, screen_lines

    class Probe(App[None]):
        def compose(self):
            yield Static("canary line")

    app = Probe()
    frames: list[object] = []
    count_frames(app, frames)
    screen_class, step = LAYOUT_STEP
    assert callable(getattr(screen_class, step, None)), f"{step} is gone ({WHERE})"
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert any("canary line" in line for line in screen_lines(app.screen)), (
            f"the screen's lines can no longer be read ({WHERE})"
        )
    assert frames, f"App._display no longer sends the frames ({WHERE})"
