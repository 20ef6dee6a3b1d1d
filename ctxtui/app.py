"""The Textual app: wiring only. It keeps the open meetings and hands one to each screen; the
store is passed in, nothing is global."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from ctxtui.core.record import strip_controls
from ctxtui.meeting.meeting import (
    Conferences,
    ConfigError,
    Meeting,
    Store,
    StoreError,
)
from ctxtui.meeting.meeting import keymap as keymap_setting
from ctxtui.resources import ASCII_STYLE_SHEET, STYLE_SHEETS, style
from ctxtui.screens.keymap_check import keymap_problems
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import normalise
from ctxtui.widgets.keyqueue import KeyQueue
from ctxtui.widgets.textual_internals import read_style_sheets, restyle

if TYPE_CHECKING:
    from ctxtui.screens.conference import ConferenceScreen

TERMINAL_CHECK_SECONDS = 1.0
NOTICE_SECONDS = 5.0
NOTICES_KEPT = 200  # the notices of this session, newest last (tests and the log read them)
# On a hang-up the keys already read are handled first, for at most this long (a burst of 30
# points takes about 2 s on a loaded host); what is left then is kept as unfiled text.
HANG_UP_KEYS_SECONDS = 8.0
KEY_SETTLE_SECONDS = 0.05
KEY_LIMIT_SECONDS = 3.0
SYMBOLS = {"saved": "✓", "unsaved": "●", "warning": "⚠", "target": "▸", "current": "▶", "flag": "⚑"}
# The Linux console's font lacks most of these.
ASCII_SYMBOLS = {
    "saved": "ok",
    "unsaved": "*",
    "warning": "!!",
    "target": ">",
    "current": ">",
    "flag": "!",
}


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: SeverityLevel


def _utf8(value: str) -> bool:
    return any(tag in value.lower() for tag in ("utf-8", "utf8"))


def plain_ascii_terminal() -> bool:
    """The Linux console's font lacks box drawing and symbols; a locale that is not UTF-8
    (``LANG=C``) cannot show them either."""
    env = os.environ
    if env.get("TERM", "") == "linux":
        return True
    if env.get("LC_ALL"):
        return not _utf8(env["LC_ALL"])
    ctype, lang = env.get("LC_CTYPE", ""), env.get("LANG", "")
    # Python itself sets LC_CTYPE=C.UTF-8 when it starts in the C locale (PEP 538): then the
    # terminal's own setting is LANG, or nothing at all
    if ctype and not (ctype == "C.UTF-8" and not _utf8(lang)):
        return not _utf8(ctype)
    return not _utf8(lang)


class CtxApp(App[None]):
    TITLE = "ctxtui"
    # Textual parses style sheets in Python (our two for the minute-taking screen were a
    # tenth of its first frame), so the first frame waits only for the app's sheet and the
    # first screen's; every other sheet is read just after it. Read then, a sheet never
    # makes Textual parse every sheet again when its screen first opens.
    CSS_PATH = [style("app")]
    HELP_GROUP = "Everywhere"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Save and quit", id="app.quit", priority=True),
        Binding("ctrl+s", "save", "Save now", id="app.save"),
        # a reflex from other programs: say how to quit, wherever the focus is
        Binding("ctrl+c", "help_quit", "How to quit", id="app.ctrl_c", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        conference_id: str | None = None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        autosave_seconds: float = 0.15,  # the board shows a change within 0.3 s (one save is ~4 ms)
        board: bool = False,
    ) -> None:
        self.ascii = plain_ascii_terminal()
        super().__init__(
            css_path=[*self.CSS_PATH, style(ASCII_STYLE_SHEET)] if self.ascii else None
        )
        self.board = board
        self.autosave_seconds = autosave_seconds
        self.store = store
        self.conference_id = conference_id
        self.now = now
        self.meetings: dict[str, Meeting] = {}
        self._quit_warned = False
        self.notices: deque[Notice] = deque(maxlen=NOTICES_KEPT)
        self.keymap: dict[str, str] = {}  # binding id -> keys, from [keymap] in config.toml
        self._notice_before_screen: tuple[Notice, float] | None = None
        self._live_notice: tuple[Notice, float] | None = None  # and when it ends (monotonic)
        self.symbols = ASCII_SYMBOLS if self.ascii else SYMBOLS
        if self.ascii:
            self.add_class("-ascii")
        self.keys = KeyQueue(self, self._deliver_key)
        self._hanging_up: asyncio.Task[None] | None = None
        self._collector_paused = False

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes go through one queue: each is handled to its end before the next."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.keys.put(event)
            return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            self.keys.put(event)
            return
        await super().on_event(event)

    async def _deliver_key(self, event: events.Key | events.Paste) -> None:
        await super().on_event(event)

    def get_default_screen(self) -> Screen:
        """The first screen is the one asked for (Textual's own blank screen is never made):
        the board, the minutes, or the list of conferences (also when the minutes could not
        be opened: the list then says why)."""
        screen: Screen | None = None
        if self.board and self.conference_id:
            from ctxtui.screens.board import BoardScreen

            screen = BoardScreen(Conferences(self.store, self.now), self.conference_id)
        elif self.conference_id:
            screen = self._conference_screen(self.conference_id)
        if screen is None:
            from ctxtui.screens.home import HomeScreen

            screen = HomeScreen(Conferences(self.store, self.now))
        # Textual reads the style sheets of the screens pushed later, not the first one's
        read_style_sheets(self, screen.css_path)
        return screen

    def _read_later_style_sheets(self) -> None:
        """Every other screen's sheet, once the first frame is on screen; the widgets shown
        are restyled in case a rule reaches them."""
        if read_style_sheets(self, (style(name) for name in STYLE_SHEETS)):
            restyle(self)

    def _apply_keymap(self) -> None:
        """The service's keymap, or the default keys and one sentence saying why not."""
        try:
            chosen = {ident: normalise(keys) for ident, keys in keymap_setting().items()}
        except ConfigError as error:
            self.notify(str(error), title="Keys not rebound", severity="error", timeout=20)
            return
        if not chosen:
            return
        problems = keymap_problems(chosen, [b for b in self.BINDINGS if isinstance(b, Binding)])
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            self.notify(
                f"The keymap in config.toml was not applied: {problems[0]}{more}; "
                "the usual keys work.",
                title="Keys not rebound",
                severity="error",
                timeout=20,
            )
            return
        self.keymap = chosen
        self.set_keymap(chosen)

    def on_load(self) -> None:
        """Nearly all that is made from here to the first frame (the meeting, the screen, its
        styles) lives as long as the app: Python's cycle collector would walk it again and
        again for nothing, over a tenth of our share of the first frame. It waits until the
        frame is on screen."""
        self._apply_keymap()
        if gc.isenabled():
            gc.disable()
            self._collector_paused = True

    def _after_first_frame(self) -> None:
        """The other sheets are read; what start-up made is set aside (``gc.freeze``), so that
        the collections while the chair types never walk it; it rejoins the rest at the end."""
        self._read_later_style_sheets()
        if self._collector_paused:
            self._collector_paused = False
            gc.freeze()
            gc.enable()

    def on_unmount(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()
        gc.unfreeze()

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, self._on_hangup)
        self.set_interval(self.autosave_seconds, self._autosave)
        self.call_after_refresh(self._after_first_frame)
        self.screen_change_signal.subscribe(
            self, lambda screen: self.call_after_refresh(self._carry_notice, screen)
        )
        if self._notice_before_screen is not None:
            notice, seconds = self._notice_before_screen
            self._notice_before_screen = None
            self.call_after_refresh(
                self.notify,
                notice.message,
                title=notice.title,
                severity=notice.severity,
                timeout=seconds,
            )
        if not self.is_headless:
            self.set_interval(TERMINAL_CHECK_SECONDS, self._check_terminal)

    def action_help_quit(self) -> None:
        self.notify("Ctrl+Q saves and quits (Ctrl+C does not quit).", timeout=4)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notice on the key line of the screen on top, one at a time. Messages often carry file
        names and typed text: never markup, never raw controls (widgets pass ``markup=True`` by
        default, so it is ignored here on purpose)."""
        notice = Notice(strip_controls(str(message)), strip_controls(title), severity)
        self.notices.append(notice)
        seconds = NOTICE_SECONDS if timeout is None else timeout
        if not self.screen_stack:  # before the first screen: shown once it is up (on_mount)
            self._notice_before_screen = (notice, seconds)
            return
        self._live_notice = (notice, time.monotonic() + seconds)
        if self._show_notice(self.screen, notice, seconds):
            return
        self.clear_notifications()  # no key line here (the board, a question): a floating one
        super().notify(
            notice.message, title=notice.title, severity=severity, timeout=seconds, markup=False
        )

    def _show_notice(self, screen: Screen, notice: Notice, seconds: float) -> bool:
        lines = screen.query(KeyHints)
        if lines:
            line = lines.last()
            line.show_notice(
                notice.message, title=notice.title, severity=notice.severity, seconds=seconds
            )
        return bool(lines)

    def _carry_notice(self, screen: Screen) -> None:
        """A notice still to be read stays for the rest of its time on the screen that comes
        up (a form that closes as it says "Nothing was typed")."""
        if self._live_notice is None:
            return
        notice, until = self._live_notice
        left = until - time.monotonic()
        if left > 0 and screen is self.screen and screen.is_mounted:
            self._show_notice(screen, notice, left)

    # -- open meetings

    def open_conference(self, conference_id: str) -> None:
        """The minutes over the screen that asked (the list): closing them goes back to it."""
        screen = self._conference_screen(conference_id)
        if screen is not None:
            self.push_screen(screen, lambda _=None: self.close_meeting(screen.meeting))

    def _conference_screen(self, conference_id: str) -> ConferenceScreen | None:
        from ctxtui.screens.conference import ConferenceScreen

        try:
            meeting = Meeting(self.store, conference_id, self.now)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10)
            return None
        self.meetings[meeting.conference.id] = meeting
        return ConferenceScreen(meeting)

    def close_meeting(self, meeting: Meeting) -> None:
        meeting.close()
        self.meetings.pop(meeting.conference.id, None)

    def close_all(self) -> None:
        for meeting in list(self.meetings.values()):
            self.close_meeting(meeting)

    def flush_all(self, *, with_drafts: bool = False) -> bool:
        """Save every open meeting now (first filing what open forms hold, when asked);
        False if any could not be saved."""
        if with_drafts:
            for meeting in self.meetings.values():
                meeting.file_drafts()
        return all([meeting.flush() for meeting in self.meetings.values()])

    def _autosave(self) -> None:
        for meeting in self.meetings.values():
            had_error = meeting.save_error
            meeting.autosave()
            error = meeting.save_error
            if error and error != had_error:
                self.notify(error, title="Not saved", severity="error", timeout=15)
            self._tell(meeting)

    def _tell(self, meeting: Meeting) -> None:
        for notice in meeting.take_save_notices():
            self.notify(notice, title="Saved", severity="warning", timeout=20)

    def _on_hangup(self) -> None:
        # The terminal went away (dropped SSH) or we were asked to stop: the keys already read
        # are handled first, then what every open form holds is filed and saved.
        if self._hanging_up is None:
            self._hanging_up = asyncio.get_running_loop().create_task(self._hang_up())

    async def _hang_up(self) -> None:
        deadline = time.monotonic() + HANG_UP_KEYS_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(asyncio.TimeoutError):
                await self.keys.drained(timeout=max(0.01, deadline - time.monotonic()))
            await asyncio.sleep(KEY_SETTLE_SECONDS)  # a key read but not yet handed out
            if not self.keys.busy and not self.keys.waiting:
                break
        await self.keys.stop(timeout=KEY_LIMIT_SECONDS)  # the key under way finishes first
        left = self.keys.take_waiting()
        if not self.flush_all(with_drafts=True):
            self.rescue_all()
        if left:
            self._keep_typed(left)
        self.close_all()
        self.exit(return_code=1)

    def _keep_typed(self, text: str) -> None:
        """Keys there was no time to handle: kept as unfiled text of the conference on top,
        never dropped (the next open gives them back to the capture line)."""
        from ctxtui.screens.base import MeetingScreen

        on_top = [s.meeting for s in reversed(self.screen_stack) if isinstance(s, MeetingScreen)]
        meetings = [*on_top, *self.meetings.values()]
        if not meetings:
            return
        meeting = meetings[0]
        unfiled = meeting.conference.unfiled
        typed = " / ".join(line for line in text.split("\n") if line.strip())
        meeting.keep_unfiled(unfiled.target or "concerns", f"{unfiled.text} {typed}".strip())
        if not meeting.flush():
            meeting.rescue()

    def _check_terminal(self) -> None:
        """A terminal can go away without a hang-up signal (an app started under su, a pty
        whose other end closed): then reading it only ever ends. Treat that as a hang-up."""
        if not terminal_is_there():
            self._on_hangup()

    def rescue_all(self) -> None:
        """Whatever could not be saved goes to a rescue copy, restored on the next open."""
        for meeting in self.meetings.values():
            meeting.rescue()

    # -- keys everywhere

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Save is hidden where there is nothing open to save (the home screen)."""
        if action == "save":
            return bool(self.meetings)
        return True

    def action_save(self) -> None:
        """Ctrl+S from any screen saves the open conferences (forms use it for Done)."""
        if not self.meetings:
            return
        if any(m.read_only for m in self.meetings.values()):
            self.notify("Read-only: nothing to save here.", severity="warning")
        elif self.flush_all():
            self.notify("Saved.", timeout=2)
            for meeting in self.meetings.values():
                self._tell(meeting)
        else:
            errors = [m.save_error for m in self.meetings.values() if m.save_error]
            self.notify(errors[0] if errors else "Not saved.", severity="error")

    async def action_quit(self) -> None:
        """Save and quit; an open form is filed first, never dropped."""
        if not self.flush_all(with_drafts=True):
            if not self._quit_warned:
                self._quit_warned = True
                self.notify(
                    "Could not save: see the message at the top. Fix it, or Ctrl+Q again to "
                    "quit (a rescue copy is kept and restored on the next open).",
                    severity="error",
                )
                return
            self.rescue_all()
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The built-in screenshot command would write the minutes into the current folder.
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command


def terminal_is_there(fd: int = 0) -> bool:
    """False once the terminal on ``fd`` has gone (hung up, closed, or not a terminal)."""
    import termios

    try:
        termios.tcgetattr(fd)
    except (OSError, termios.error):
        return False
    return True


def run_app(
    store: Store, conference_id: str | None, *, mouse: bool = False, board: bool = False
) -> int:
    app = CtxApp(store, conference_id, board=board)
    if sys.platform.startswith("linux"):
        from ctxtui.widgets.driver import LenientLinuxDriver

        app.driver_class = LenientLinuxDriver
    try:
        app.run(mouse=mouse)
    finally:
        if not app.flush_all():
            app.rescue_all()
        app.close_all()
    return app.return_code or 0
