"""What screens and widgets may ask of the app beyond Textual's own (typed: Textual types
``self.app`` as a plain App)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Protocol, cast

from textual.dom import DOMNode


class Host(Protocol):
    symbols: Mapping[str, str]  # the marks drawn (plain ASCII on a console that lacks them)
    now: Callable[[], dt.datetime]
    keymap: Mapping[str, str]  # binding id -> keys, as the service rebound them

    def open_conference(self, conference_id: str) -> None: ...


def host(node: DOMNode) -> Host:
    """The app ``node`` belongs to, as screens and widgets use it (CtxApp is the one Host)."""
    return cast(Host, node.app)
