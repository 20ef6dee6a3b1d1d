"""The bottom line: the shown bindings of whatever has focus, as plain text, or for a while a
notice in their place.

Textual's Footer rebuilds a widget per key every time the bindings change, which measurably
slowed opening a conference; this redraws one line, and only when its text changes (every
byte also crosses the SSH link). Notices take the key line's place rather than floating over
the screen, so they never cover a point, a cell or the field being typed in; a long one wraps
onto a few lines and the screen above gives way for it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Static

SEVERITIES = ("information", "warning", "error")


class KeyHints(Static):
    def __init__(self) -> None:
        super().__init__()
        self._shown = ""
        self._hints = Text()
        self._notice_timer: Timer | None = None
        self.notice = ""  # the notice showing, or "" while the keys show

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def show_notice(self, message: str, *, title: str, severity: str, seconds: float) -> None:
        """``message`` in the keys' place for ``seconds``; the keys come back after it."""
        self.notice = f"{title}: {message}" if title else message
        for name in SEVERITIES:
            self.set_class(name == severity, f"-{name}")
        self.add_class("-notice")
        self._draw(Text(self.notice))
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(seconds, self.clear_notice)

    def clear_notice(self) -> None:
        self.notice = ""
        self.remove_class("-notice", *(f"-{name}" for name in SEVERITIES))
        self._draw(self._hints)

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
                if binding.action in ("quit", "app.quit", "help", "app.help", "go('help')"):
                    first.append((binding, enabled, binding.description))  # how to get out
                else:
                    shown.append((binding, enabled, binding.description))
        shown = first + shown
        for binding, enabled, description in shown:
            text.append(self.app.get_key_display(binding), style="bold reverse")
            text.append(f" {description}  ", style="" if enabled else "dim")
        self._hints = text
        if not self.notice:
            self._draw(text)

    def _draw(self, text: Text) -> None:
        key = ("!" if self.notice else "") + text.plain
        if key != self._shown:
            self._shown = key
            self.update(text)
