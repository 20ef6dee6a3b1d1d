"""Help built from the bindings: every key of the screen it was opened from, grouped by where
it works."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

from ctxtui.resources import style
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import declared_bindings, key_display


def help_sections(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, description)]) for the screen, then each kind of widget on it (and
    those it makes when first used)."""
    later: Callable[[], list[type]] = getattr(screen, "widgets_made_later", list)
    kinds = [type(node) for node in (screen.app, screen, *screen.query(Widget))] + later()
    sections: dict[str, list[tuple[str, str]]] = {}
    seen: set[str] = set()
    keymap = host(screen).keymap
    for kind in kinds:
        # POINT_BINDINGS: the capture line's keys while browsing the points
        for attribute, suffix in (("BINDINGS", ""), ("POINT_BINDINGS", ": browsing the points")):
            for binding in declared_bindings(kind, attribute):
                ident = binding.id or f"{kind.__name__}.{binding.key}"
                if ident in seen:
                    continue
                seen.add(ident)
                group = getattr(kind, "HELP_GROUP", kind.__name__) + suffix
                sections.setdefault(group, []).append(
                    (key_display(binding, keymap), binding.description)
                )
    return list(sections.items())


class HelpScreen(ModalScreen[None]):
    CSS_PATH = [style("dialogs")]
    BINDINGS = [Binding("escape,q,f1", "close", "Close help", id="help.close", priority=True)]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.sections = help_sections(screen)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            for group, rows in self.sections:
                table = Table(
                    title=Text(group, style="bold"),
                    show_header=False,
                    box=None,
                    expand=True,
                    title_justify="left",
                )
                table.add_column("keys", style="bold", no_wrap=True)
                table.add_column("does")
                for keys, description in rows:
                    table.add_row(keys, description)
                yield Static(table)
            yield Static(Text("Ctrl+P opens the command palette: every action by name."))
        yield KeyHints()

    def action_close(self) -> None:
        self.dismiss(None)
