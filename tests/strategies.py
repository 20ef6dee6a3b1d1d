"""Hypothesis strategies for valid records (shared by the model and import tests)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ctxtui.core import labels, record

# Any text the chair could type: every code point except the control characters the model refuses.
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=None).filter(
        lambda ch: not record._CONTROL.match(ch)
    ),
    max_size=40,
)
dates = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat)
maybe_date = st.one_of(st.just(""), dates)
times = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
stamps = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2099, 1, 1)).map(
    lambda d: d.replace(microsecond=0).isoformat()
)
ids = st.from_regex(record.ID_PATTERN, fullmatch=True)
emails = st.from_regex(r"[a-z0-9.]{1,10}@[a-z0-9]{1,10}\.(gov\.uk|org|nhs\.net)", fullmatch=True)
small_lists = lambda item: st.lists(item, max_size=4)  # noqa: E731
offsets = st.integers(0, 5 * 3600).map(lambda s: f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}")
# an information-sharing agreement: the day and a reference, or neither
agreements = st.one_of(
    st.just({"agreement_signed": "", "agreement_reference": ""}),
    st.fixed_dictionaries(
        {"agreement_signed": dates, "agreement_reference": text.filter(lambda t: t.strip())}
    ),
)


@st.composite
def recordings(draw: st.DrawFn) -> dict:
    """Not recorded, running, or started and stopped (in that order), with marks."""
    marks = small_lists(
        st.fixed_dictionaries(
            {"heading": st.sampled_from(labels.TARGET_KEYS), "text": text, "offset": offsets}
        )
    )
    started = draw(st.one_of(st.just(""), stamps))
    stopped = ""
    if started and draw(st.booleans()):
        length = dt.timedelta(seconds=draw(st.integers(0, 5 * 3600)))
        stopped = (dt.datetime.fromisoformat(started) + length).isoformat()
    return {"started": started, "stopped": stopped, "reference": draw(text), "points": draw(marks)}


@st.composite
def conference_dicts(draw: st.DrawFn) -> dict:
    agenda_items = draw(
        small_lists(
            st.fixed_dictionaries(
                {
                    "title": text,
                    "minutes": st.integers(0, 600),
                    "started": st.one_of(st.just(""), stamps),
                }
            )
        )
    )
    return {
        "schema": record.SCHEMA,
        "id": draw(ids),
        "kind": draw(st.sampled_from(record.KINDS)),
        "previous_id": draw(st.one_of(st.none(), ids)),
        "status": draw(st.sampled_from(record.STATUSES)),
        "finalised_at": draw(st.one_of(st.just(""), stamps)),
        "context": {
            "name": draw(text),
            "type": draw(st.sampled_from(record.CONTEXT_TYPES)),
            "description": draw(text),
            "venue": draw(text),
        },
        "dates": {
            "assessment_period": draw(text),
            "mapping_meeting": draw(maybe_date),
            "conference": draw(maybe_date),
            "start_time": draw(st.one_of(st.just(""), times)),
            "end_time": draw(st.one_of(st.just(""), times)),
            "review": draw(maybe_date),
        },
        "roles": {
            k: draw(text) for k in ("chair", "lead_practitioner", "location_lead", "minute_taker")
        },
        "attendees": draw(
            small_lists(
                st.fixed_dictionaries(
                    {
                        "name": text,
                        "role": text,
                        "agency": text,
                        "attendance": st.sampled_from(record.ATTENDANCE),
                        "email": st.one_of(st.just(""), emails),
                    }
                ).flatmap(lambda row: agreements.map(lambda a: {**row, **a}))
            )
        ),
        "danger_statement": draw(text),
        "points": {k: draw(small_lists(text)) for k in labels.HEADING_KEYS},
        "safety_goals": draw(small_lists(text)),
        "scaling": {
            "question": draw(text),
            "scores": draw(
                small_lists(
                    st.fixed_dictionaries(
                        {
                            "attendee": text,
                            "score": st.one_of(st.none(), st.integers(0, 10)),
                            "reason": text,
                            "recording_offset": st.one_of(st.just(""), offsets),
                        }
                    )
                )
            ),
        },
        "actions": draw(
            small_lists(
                st.fixed_dictionaries(
                    {
                        **{k: text for k in ("worry", "helping", "goal", "intervention", "agency")},
                        "timescale": text,
                        "status": st.sampled_from(record.ACTION_STATUSES),
                        "progress": text,
                        "due": maybe_date,
                        "recording_offset": st.one_of(st.just(""), offsets),
                    }
                )
            )
        ),
        "agenda": {
            "items": agenda_items,
            "current": draw(st.integers(-1, max(len(agenda_items) - 1, 0))),
        },
        "dismissed_flags": draw(small_lists(text)),
        "discussion": {
            "involvement": draw(small_lists(text)),
            "location_lead_view": draw(text),
            "voice": draw(text),
            "young_people_affected": draw(text),
        },
        "referrals": draw(
            small_lists(st.fixed_dictionaries({"agency": text, "date": maybe_date, "note": text}))
        ),
        "core_group": draw(small_lists(text)),
        "distribution": draw(
            small_lists(
                st.fixed_dictionaries(
                    {"name": text, "agency": text, "email": st.one_of(st.just(""), emails)}
                ).flatmap(lambda row: agreements.map(lambda a: {**row, **a}))
            )
        ),
        "unfiled": {
            "target": draw(st.sampled_from(["", *labels.TARGET_KEYS])),
            "text": draw(text),
        },
        "circulated": draw(
            small_lists(st.fixed_dictionaries({"at": stamps, "to": small_lists(emails)}))
        ),
        "invited": draw(
            small_lists(st.fixed_dictionaries({"at": stamps, "to": small_lists(emails)}))
        ),
        "names_check": {
            "names": draw(small_lists(text)),
            "not_names": draw(small_lists(text)),
            "skipped": draw(small_lists(st.fixed_dictionaries({"at": stamps, "by": text}))),
        },
        "priorities": draw(st.lists(text, max_size=record.MAX_PRIORITIES)),
        "redactions": draw(
            small_lists(
                st.fixed_dictionaries(
                    {
                        "at": stamps,
                        "salt": st.text("0123456789abcdef", min_size=32, max_size=32),
                        "digest": st.text("0123456789abcdef", min_size=64, max_size=64),
                        "length": st.integers(1, 200).map(str),
                        "replacement": text,
                    }
                )
            )
        ),
        "confirmations": draw(
            small_lists(
                st.fixed_dictionaries(
                    {
                        "at": stamps,
                        "by": text,
                        "answer": st.sampled_from(["dismissed", "not_name"]),
                        "key": text,
                        "texts": st.text("0123456789abcdef", min_size=32, max_size=32),
                    }
                )
            )
        ),
        "audit_anchor": draw(
            st.one_of(st.just(""), st.text("0123456789abcdef", min_size=64, max_size=64))
        ),
        "closure": draw(
            st.one_of(
                st.just({"outcome": "", "reason": "", "agreed_by": [], "date": ""}),
                st.fixed_dictionaries(
                    {
                        "outcome": st.sampled_from(record.CLOSURE_OUTCOMES[:-1]),
                        "reason": text,
                        "agreed_by": small_lists(text),
                        "date": dates,
                    }
                ),
            )
        ),
        "contributions": draw(
            small_lists(
                st.fixed_dictionaries(
                    {
                        "agency": text,
                        "author": text,
                        "received": stamps,
                        "source": text,
                        "text": text,
                    }
                )
            )
        ),
        "confidentiality_reminder": draw(st.one_of(st.just(""), stamps)),
        "recording": draw(recordings()),
        # few and small: every text drawn is filtered, and a whole record draws many
        "progress_asked": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "at": stamps,
                        "agency": st.sampled_from(["", "Housing", "Police – Safer Schools"]),
                        "to": small_lists(emails),
                        "rows": small_lists(st.integers(1, 40).map(str)),
                        "reply_by": maybe_date,
                    }
                ),
                max_size=2,
            )
        ),
        "progress_updates": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "agency": st.sampled_from(["", "Youth service"]),
                        "author": st.just(""),
                        "received": stamps,
                        "source": st.sampled_from(["reply.txt", "update.docx"]),
                        "answers": st.one_of(st.just(""), ids),
                        "text": text,
                    }
                ),
                max_size=2,
            )
        ),
        "amendments": draw(
            small_lists(
                st.fixed_dictionaries(
                    {
                        "started": stamps,
                        "reason": text,
                        "changes": small_lists(text),
                        "finalised": st.one_of(st.just(""), stamps),
                    }
                )
            )
        ),
    }
