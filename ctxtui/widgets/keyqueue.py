"""Every key (and every paste) is handled to its end before the next one is handed out.

Textual hands a key to whichever widget has the focus *when the app reads the key*. Over SSH
keys arrive in bursts, so the keys behind one that opens a screen, moves the focus or opens a
drop-down list would go to the widget that had the focus before that change was done: the
name typed after "a" lands nowhere, the digit after "Down" lands in the old box. This queue
makes every screen behave as if each key were typed slowly: a key that arrives while an earlier
one is still being handled waits, and is handed out once every change the earlier key set off
(messages, a new screen mounting, a focus move) has been made.

"Done" is a round trip: a callback queued behind the key on the widget that got it, then on
each widget the key or its messages bubble through, the screen and the app (focus changes go
through the app's queue). The round trips repeat until one finds every queue empty and the same
screen and focus as before it. A key whose work is still running after ``LIMIT`` seconds (a
long export, say) lets the next key go rather than hold the keyboard.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

Typed = events.Key | events.Paste  # what the terminal sends: each in its turn
LIMIT = 3.0  # seconds one key may hold the ones behind it
SLICE = 0.05  # seconds between looks for a widget removed while it was being waited for
ROUNDS = 50  # round trips at most per key (a handler that keeps posting messages)


class TakesTypedRuns:
    """A text field that can take a run of printable keys as one insert: what each key would
    have done, in one step (a burst of 40 characters is then one change and one repaint, not
    40 rounds of both). Only while ``takes_typed_run`` says so: a field whose printable keys
    sometimes do something else (a browsed list's commands) says no then."""

    def takes_typed_run(self) -> bool:
        raise NotImplementedError

    def type_run(self, text: str) -> None:
        raise NotImplementedError


class AsksAfresh:
    """A question (finalise? send? delete?) that takes no key typed before it appeared: a
    key of the burst that opened it, meant for the screen before, is never its answer."""

    asked_after = -1  # how many keys had been read when the question appeared

    def mark_asked(self, keys: KeyQueue) -> None:
        self.asked_after = keys.received

    def typed_before(self) -> None:
        """Told of each key dropped for it (to say so once)."""


def _printable(event: Typed) -> str:
    if isinstance(event, events.Key) and event.is_printable and event.character:
        return event.character
    return ""


class KeyQueue:
    def __init__(self, app: App[Any], deliver: Callable[[Typed], Awaitable[None]]) -> None:
        self.app = app
        self.deliver = deliver
        self.waiting: deque[Typed] = deque()
        self._numbers: deque[int] = deque()  # each waiting key's number, in the order read
        self.received = 0  # keys read so far
        self.task: asyncio.Task[None] | None = None
        self._drained = asyncio.Event()
        self._drained.set()
        self._stopping = False

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def put(self, event: Typed) -> None:
        self.received += 1
        self.waiting.append(event)
        self._numbers.append(self.received)
        self._drained.clear()
        if not self.busy:
            self.task = asyncio.create_task(self._run(), name="ctxtui keys in order")

    def _typed_run(self, event: Typed) -> bool:
        """A printable key for a field that takes runs, and more behind it: all of them in one
        insert (True), or nothing done here (False)."""
        focused = self.app.focused
        first = _printable(event)
        if not (first and self.waiting and _printable(self.waiting[0])):
            return False
        if not isinstance(focused, TakesTypedRuns) or not focused.takes_typed_run():
            return False
        top = self.app.screen
        run = [first]
        while self.waiting and (character := _printable(self.waiting[0])):
            if isinstance(top, AsksAfresh):
                break  # one at a time: each is looked at by the question
            self._next()
            run.append(character)
        focused.type_run("".join(run))
        return True

    async def stop(self, timeout: float) -> None:
        """Stop once the key being handled is done (waiting at most ``timeout``), leaving the
        keys behind it in ``waiting``."""
        self._stopping = True
        if self.task is not None and not self.task.done():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(self.task), timeout)

    def take_waiting(self) -> str:
        """The text of the keys still waiting, taken off the queue: what was typed (Enter as
        a line break) for the caller to keep when there is no time left to handle them."""
        typed = []
        while self.waiting:
            event, _number = self._next()
            if isinstance(event, events.Paste):
                typed.append(event.text)
            elif event.key == "enter":
                typed.append("\n")
            elif event.character and event.is_printable:
                typed.append(event.character)
        return "".join(typed)

    def _next(self) -> tuple[Typed, int]:
        return self.waiting.popleft(), self._numbers.popleft()

    def _clear(self) -> None:
        self.waiting.clear()
        self._numbers.clear()

    async def drained(self, timeout: float = 10.0) -> None:
        """Wait until every key received so far has been handled (tests, quitting)."""
        if self.busy or self.waiting:
            await asyncio.wait_for(self._drained.wait(), timeout)

    async def _run(self) -> None:
        try:
            await self.settle()  # what happened before the first key (a value set, a timer)
            while self.waiting and self.app.is_running and not self._stopping:
                event, number = self._next()
                top = self.app.screen
                if isinstance(top, AsksAfresh) and number <= top.asked_after:
                    top.typed_before()  # typed before the question appeared: not its answer
                    continue
                try:
                    if not self._typed_run(event):
                        await self.deliver(event)
                    await self.settle()
                except Exception as error:  # an action failed: the app reports it as always
                    self._clear()  # and ends: nothing is left to hand the keys to
                    self.app.call_next(_raise, error)  # raised in the app's own loop
                    return
        finally:  # no await here: no key can arrive between the last look and the end
            if not self.app.is_running:
                self._clear()
            if not self.waiting:
                self._drained.set()

    async def settle(self) -> None:
        """Wait until the last key and everything it set off have been handled."""
        deadline = time.monotonic() + LIMIT
        screen: object = None
        for _ in range(ROUNDS):
            if not self.app.is_running:
                return
            before = (tuple(self.app.screen_stack), self.app.focused)
            top = self.app.screen
            pumps: list[MessagePump] = []
            if top is not screen:  # a new screen: wait until all of it is mounted
                pumps.extend(top.walk_children(with_self=False))
                screen = top
            target = self.app.focused or top
            pumps.extend(target.ancestors_with_self)  # the widget, up to the screen and the app
            if not await _round_trip(pumps, deadline):
                return
            after = (tuple(self.app.screen_stack), self.app.focused)
            if before == after and all(_idle(pump) for pump in pumps):
                return


def _resolve(future: asyncio.Future[None]) -> None:
    # One function for every round trip: Textual inspects each callback's signature, and
    # caches that for a function but not for a fresh bound method such as ``set_result``.
    if not future.done():
        future.set_result(None)


def _raise(error: Exception) -> None:
    raise error


def _idle(pump: MessagePump) -> bool:
    return pump.message_queue_size == 0


async def _round_trip(pumps: list[MessagePump], deadline: float) -> bool:
    """A callback through every pump at once; False when the time is up. A message that moves
    on to another pump meanwhile (bubbling) is caught by the next round: the caller repeats
    until every queue is empty."""
    loop = asyncio.get_running_loop()
    waits: dict[asyncio.Future[None], MessagePump] = {}
    for pump in dict.fromkeys(pumps):
        done: asyncio.Future[None] = loop.create_future()
        if pump.call_later(_resolve, done):
            waits[done] = pump
    while waits:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        finished, _ = await asyncio.wait(waits, timeout=min(remaining, SLICE))
        for future in finished:
            del waits[future]
        for future, pump in list(waits.items()):
            if not pump.is_running:  # removed meanwhile: it will never answer
                del waits[future]
    return True
