"""The Textual app: wiring only. Screens get the store passed in; nothing global."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .model import strip_controls
from .resources import style
from .store import Store, StoreError

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


class CtxApp(App[None]):
    TITLE = "ctxtui"
    CSS_PATH = [style("app")]
    HELP_GROUP = "Everywhere"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Save and quit", id="app.quit", priority=True),
        Binding("ctrl+s", "save", "Save now", id="app.save"),
    ]

    def __init__(
        self,
        store: Store,
        conference_id: str | None = None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        autosave_seconds: float = 0.5,
        board: bool = False,
    ) -> None:
        super().__init__()
        self.board = board
        self.autosave_seconds = autosave_seconds
        self.store = store
        self.conference_id = conference_id
        self.now = now
        self.ascii = os.environ.get("TERM", "") == "linux"
        self.symbols = ASCII_SYMBOLS if self.ascii else SYMBOLS
        if self.ascii:
            self.add_class("-ascii")

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, self._on_hangup)
        if self.board and self.conference_id:
            from .screens.board import BoardScreen

            self.push_screen(BoardScreen(self.store, self.conference_id))
        elif self.conference_id:
            self.open_conference(self.conference_id, replace_home=True)
        else:
            from .screens.home import HomeScreen

            self.push_screen(HomeScreen(self.store))

    def notify(self, message: str, *, title: str = "", markup: bool = False, **kwargs) -> None:
        """Messages often carry file names and typed text: never markup, never raw controls
        (widgets pass ``markup=True`` by default, so it is ignored here on purpose)."""
        super().notify(
            strip_controls(str(message)), title=strip_controls(title), markup=False, **kwargs
        )

    def open_conference(self, conference_id: str, replace_home: bool = False) -> None:
        from .screens.conference import ConferenceScreen

        try:
            screen = ConferenceScreen(self.store, conference_id, self.now, self.autosave_seconds)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.push_screen(screen, lambda _=None: screen.release())

    def _conference_screens(self):
        from .screens.conference import ConferenceScreen

        return [s for s in self.screen_stack if isinstance(s, ConferenceScreen)]

    def flush_all(self) -> bool:
        """Save every open conference now; False if any could not be saved."""
        return all([screen.flush() for screen in self._conference_screens()])

    def _on_hangup(self) -> None:
        # The terminal went away (dropped SSH) or we were asked to stop: save, then leave.
        self.flush_all()
        for screen in self._conference_screens():
            screen.release()
        self.exit(return_code=1)

    def action_save(self) -> None:
        """Ctrl+S from any screen saves the open conference (forms use it for Done)."""
        screens = self._conference_screens()
        if screens:
            screens[-1].action_save()

    async def action_quit(self) -> None:
        if not self.flush_all():
            self.notify(
                "Could not save: see the message at the top. Fix it, or Ctrl+Q again to quit.",
                severity="error",
            )
            if not getattr(self, "_quit_warned", False):
                self._quit_warned = True
                return
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The built-in screenshot command would write the minutes into the current folder.
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command


def run_app(
    store: Store, conference_id: str | None, *, mouse: bool = False, board: bool = False
) -> int:
    app = CtxApp(store, conference_id, board=board)
    app.run(mouse=mouse)
    for screen in app._conference_screens():
        screen.release()
    return app.return_code or 0
