"""The Textual app: wiring only. Screens get the store passed in; nothing global."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from .store import Store


def styles_dir() -> Path:
    """The wheel ships ``styles/`` as ``ctxtui/styles``; in a source tree it sits beside ctxtui."""
    here = Path(__file__).resolve().parent
    packaged = here / "styles"
    return packaged if packaged.is_dir() else here.parent / "styles"


class CtxApp(App[None]):
    TITLE = "ctxtui"
    CSS_PATH = [styles_dir() / "app.tcss"]

    def __init__(self, store: Store, conference_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.conference_id = conference_id

    def on_mount(self) -> None:
        from .screens.record import RecordScreen

        if self.conference_id:
            self.push_screen(RecordScreen(self.store, self.conference_id))
        else:
            from .screens.home import HomeScreen

            self.push_screen(HomeScreen(self.store))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The built-in screenshot command would write the minutes into the current folder.
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command


def run_app(store: Store, conference_id: str | None, *, mouse: bool = False) -> int:
    CtxApp(store, conference_id).run(mouse=mouse)
    return 0
