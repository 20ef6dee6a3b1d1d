"""The conferences of one data folder and what is kept beside them: listing, starting,
importing and reading conferences, their audit log and the service's own words.

The base of ``Conferences`` (meeting.py), which adds the service's duties across conferences
and opens a ``Meeting`` on one. No UI.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from ctxtui.core import dates
from ctxtui.core.record import CONTEXT_TYPES, Conference, Context, Dates
from ctxtui.core.review import start_review
from ctxtui.meeting.open_record import configured_nation
from ctxtui.storage import config
from ctxtui.storage.audit import Event, Verdict, current_user, ids_of
from ctxtui.storage.store import Store

if TYPE_CHECKING:  # the listing and the words are read only when asked for
    from ctxtui.storage.listing import Listing
    from ctxtui.storage.words import ServiceWords


def create_review(
    store: Store,
    previous_id: str,
    held: dt.date,
    nation: str = dates.DEFAULT_NATION,
    kind: str = "review",
) -> Conference:
    """A new review (or closure) conference carried forward from ``previous_id``, stored."""
    return store.create(start_review(store.load(previous_id), held, nation, kind))


class DataFolder:
    """Every stored conference of one data folder, read and started without opening one."""

    def __init__(
        self,
        store: Store,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        *,
        config_must_hold: bool = False,
    ) -> None:
        self.store = store
        self.now = now
        self._config_must_hold = config_must_hold

    @classmethod
    def chosen(cls, data_dir: str | None) -> Self:
        """The conferences of ``data_dir`` (``--data-dir``), else of the configured data
        folder, for the command line: a setting that cannot be used stops a command with its
        reason (ConfigError) where the app would fall back to the default."""
        return cls(Store(config.data_dir(data_dir)), config_must_hold=True)

    @functools.cached_property
    def nation(self) -> str:
        """Whose bank holidays count (due dates, review dates), read when first needed."""
        return config.nation() if self._config_must_hold else configured_nation()

    def listing(self) -> Listing:
        return self.store.list()

    def new(
        self, name: str, context_type: str = CONTEXT_TYPES[0], held: dt.date | None = None
    ) -> Conference:
        """A new conference for the place or group ``name``, held on ``held`` (today)."""
        day = held or self.now().date()
        return self.store.create(
            Conference(
                context=Context(name=name, type=context_type),
                dates=Dates(
                    conference=day.isoformat(),
                    review=dates.default_review_text(day, self.nation),
                ),
            )
        )

    def create(self, conference: Conference) -> Conference:
        """Store a conference made whole elsewhere (the demo's) under a fresh id."""
        return self.store.create(conference)

    def import_record(self, data: Any) -> tuple[Conference, str | None]:
        """Store an interchange record, checked whole first (ValidationError names the field);
        with a sentence when its id had to change."""
        return self.store.import_dict(data)

    def review(
        self, previous_id: str, held: dt.date | None = None, kind: str = "review"
    ) -> Conference:
        """A review (or ``kind`` "closure") of ``previous_id``, held on ``held`` (today)."""
        return create_review(self.store, previous_id, held or self.now().date(), self.nation, kind)

    def closure_conference(self, previous_id: str) -> Conference:
        """A closure conference after ``previous_id``: a review whose purpose is to close."""
        return self.review(previous_id, kind="closure")

    def delete(self, conference_id: str) -> None:
        self.store.delete(conference_id)

    def load(self, conference_id: str) -> Conference:
        """Read one conference without its lock (the board never writes)."""
        return self.store.load(conference_id)

    def path_for(self, conference_id: str) -> Path:
        return self.store.path_for(conference_id)

    # -- what is kept beside the conferences

    def audit_events(
        self, conference_id: str | None = None, since: dt.date | None = None
    ) -> tuple[list[Event], str | None]:
        """The audit log's events (of one conference, under every id it has had; from
        ``since``), and why part of the log could not be read, if it could not."""
        logged = list(self.store.audit.events())
        ids = ids_of(logged, conference_id) if conference_id else set()
        events = [
            e
            for e in logged
            if (conference_id is None or e.id in ids)
            and (since is None or e.at[:10] >= since.isoformat())
        ]
        return events, self.store.audit.read_problem

    def verify_audit(self) -> Verdict:
        """Whether the audit log is whole, against its own chain and the host's system log."""
        return self.store.verify_audit()

    def service_words(self) -> ServiceWords:
        """The service's own words that are not names (read, export, remove: WordsError)."""
        return self.store.service_words()

    def add_service_words(self, words: list[str]) -> tuple[list[str], list[str]]:
        """Add words that are not names, as said by the user now: those added, and those
        refused because they were confirmed as a person's name."""
        at = self.now().replace(microsecond=0).isoformat()
        return self.store.service_words().add(words, current_user(), at)
