"""A one-line key bar: the shown bindings of whatever has focus, as plain text.

Textual's Footer rebuilds a widget per key every time the bindings change, which measurably
slowed opening a conference; this redraws one line, and only when its text changes (every
byte also crosses the SSH link)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static


class KeyHints(Static):
    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._shown = ""
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        shown: list[tuple[Binding, bool, str]] = []
        first: list[tuple[Binding, bool, str]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action in ("command_palette", "app.command_palette"):
                # first, so that it survives when the line is cut at 80 columns
                first.insert(0, (binding, True, "palette"))
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                if binding.action in ("quit", "app.quit", "help", "app.help"):
                    first.append((binding, enabled, binding.description))  # how to get out
                else:
                    shown.append((binding, enabled, binding.description))
        shown = first + shown
        for binding, enabled, description in shown:
            text.append(self.app.get_key_display(binding), style="bold reverse")
            text.append(f" {description}  ", style="" if enabled else "dim")
        if text.plain != self._shown:
            self._shown = text.plain
            self.update(text)
