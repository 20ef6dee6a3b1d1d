"""Reading the interchange form (``ctxtui.conference/1``) into a record: every key checked,
unknown keys refused, each failure naming its field (``attendees[2].attendance``)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ctxtui.core.labels import HEADING_KEYS
from ctxtui.core.record import (
    MAX_ITEMS,
    SCHEMA,
    Action,
    Agenda,
    AgendaItem,
    Amendment,
    Attendee,
    Circulation,
    Closure,
    Conference,
    Confirmation,
    Context,
    Contribution,
    Dates,
    Discussion,
    NamesCheck,
    Points,
    ProgressAsked,
    ProgressUpdate,
    Recipient,
    Redacted,
    Referral,
    Roles,
    Scaling,
    Score,
    SkippedCheck,
    UnfiledLine,
    ValidationError,
    field_names,
)
from ctxtui.core.recorded import PointMark, Recording


def read_conference(data: Any) -> Conference:
    """A record from the interchange form, field by field (``validate`` checks the rules)."""
    obj = _object(data, "record", required=frozenset({"schema"}))
    if obj.get("schema") != SCHEMA:
        raise ValidationError("schema", f"must be {SCHEMA!r} (got {obj.get('schema')!r})")
    fields = {f.name for f in dataclasses.fields(Conference)} | {"schema"}
    _no_unknown(obj, fields, "record")
    conference = Conference()
    for name in ("id", "kind", "status", "finalised_at", "danger_statement"):
        if name in obj:
            setattr(conference, name, _text(obj[name], name))
    if obj.get("previous_id") is not None:
        conference.previous_id = _text(obj["previous_id"], "previous_id")
    for name, kind in (("context", Context), ("dates", Dates), ("roles", Roles)):
        if name in obj:
            setattr(conference, name, _simple(kind, obj[name], name))
    if "attendees" in obj:
        conference.attendees = _rows(Attendee, obj["attendees"], "attendees")
    if "points" in obj:
        points = _object(obj["points"], "points")
        _no_unknown(points, set(HEADING_KEYS), "points")
        conference.points = Points(
            **{k: _texts(points[k], f"points.{k}") for k in HEADING_KEYS if k in points}
        )
    if "safety_goals" in obj:
        conference.safety_goals = _texts(obj["safety_goals"], "safety_goals")
    if "scaling" in obj:
        conference.scaling = _read_scaling(obj["scaling"])
    if "actions" in obj:
        conference.actions = _rows(Action, obj["actions"], "actions")
    if "agenda" in obj:
        conference.agenda = _read_agenda(obj["agenda"])
    if "dismissed_flags" in obj:
        conference.dismissed_flags = _texts(obj["dismissed_flags"], "dismissed_flags")
    conference.amendments = _read_amendments(obj.get("amendments", []))
    _read_additions(obj, conference)
    return conference


def _rows(kind: type, value: Any, where: str) -> list[Any]:
    return [_simple(kind, item, where, i) for i, item in enumerate(_array(value, where))]


def _read_amendments(value: Any) -> list[Amendment]:
    amendments: list[Amendment] = []
    for i, item in enumerate(_array(value, "amendments")):
        where = f"amendments[{i}]"
        entry = _object(item, where)
        _no_unknown(entry, {"started", "reason", "changes", "finalised"}, where)
        amendments.append(
            Amendment(
                started=_text(entry.get("started", ""), f"{where}.started"),
                reason=_text(entry.get("reason", ""), f"{where}.reason"),
                changes=_texts(entry.get("changes", []), f"{where}.changes"),
                finalised=_text(entry.get("finalised", ""), f"{where}.finalised"),
            )
        )
    return amendments


# the additive keys that are lists of simple rows
_ROWS: dict[str, type] = {
    "contributions": Contribution,
    "confirmations": Confirmation,
    "redactions": Redacted,
    "progress_updates": ProgressUpdate,
}


def _read_additions(obj: dict[str, Any], conference: Conference) -> None:
    """The optional keys added within schema 1: a file without them still reads."""
    if "discussion" in obj:
        entry = _object(obj["discussion"], "discussion")
        names = {f.name for f in dataclasses.fields(Discussion)}
        _no_unknown(entry, names, "discussion")
        conference.discussion = Discussion(
            involvement=_texts(entry.get("involvement", []), "discussion.involvement"),
            **{
                name: _text(entry[name], f"discussion.{name}")
                for name in names - {"involvement"}
                if name in entry
            },
        )
    for key, cls in (("referrals", Referral), ("distribution", Recipient)):
        if key in obj:
            setattr(
                conference,
                key,
                [_simple(cls, item, f"{key}[{i}]") for i, item in enumerate(_array(obj[key], key))],
            )
    if "core_group" in obj:
        conference.core_group = _texts(obj["core_group"], "core_group")
    if "priorities" in obj:
        conference.priorities = _texts(obj["priorities"], "priorities")
    for key, row in _ROWS.items():
        if key in obj:
            setattr(conference, key, _rows(row, obj[key], key))
    if "unfiled" in obj:
        entry = _object(obj["unfiled"], "unfiled")
        _no_unknown(entry, {"target", "text"}, "unfiled")
        conference.unfiled = UnfiledLine(
            target=_text(entry.get("target", ""), "unfiled.target"),
            text=_text(entry.get("text", ""), "unfiled.text"),
        )
    if "names_check" in obj:
        conference.names_check = _read_names_check(obj["names_check"])
    if "closure" in obj:
        entry = _object(obj["closure"], "closure")
        _no_unknown(entry, {"outcome", "reason", "agreed_by", "date"}, "closure")
        conference.closure = Closure(
            outcome=_text(entry.get("outcome", ""), "closure.outcome"),
            reason=_text(entry.get("reason", ""), "closure.reason"),
            agreed_by=_texts(entry.get("agreed_by", []), "closure.agreed_by"),
            date=_text(entry.get("date", ""), "closure.date"),
        )
    if "audit_anchor" in obj:
        conference.audit_anchor = _text(obj["audit_anchor"], "audit_anchor")
    if "confidentiality_reminder" in obj:
        reminder = _text(obj["confidentiality_reminder"], "confidentiality_reminder")
        conference.confidentiality_reminder = reminder
    if "recording" in obj:
        conference.recording = _read_recording(obj["recording"])
    conference.circulated = _read_sendings(obj.get("circulated", []), "circulated")
    conference.invited = _read_sendings(obj.get("invited", []), "invited")
    if "progress_asked" in obj:
        conference.progress_asked = _read_progress_asked(obj["progress_asked"])


def _read_progress_asked(value: Any) -> list[ProgressAsked]:
    """Each agency asked for progress before the review: when, to whom, which rows, by when."""
    out: list[ProgressAsked] = []
    for i, item in enumerate(_array(value, "progress_asked")):
        where = f"progress_asked[{i}]"
        entry = _object(item, where)
        _no_unknown(entry, set(field_names(ProgressAsked)), where)
        out.append(
            ProgressAsked(
                at=_text(entry.get("at", ""), f"{where}.at"),
                agency=_text(entry.get("agency", ""), f"{where}.agency"),
                to=_texts(entry.get("to", []), f"{where}.to"),
                rows=_texts(entry.get("rows", []), f"{where}.rows"),
                reply_by=_text(entry.get("reply_by", ""), f"{where}.reply_by"),
            )
        )
    return out


def _read_sendings(value: Any, key: str) -> list[Circulation]:
    """Mail that went out (the minutes, invitations): when, and to whom."""
    out: list[Circulation] = []
    for i, item in enumerate(_array(value, key)):
        where = f"{key}[{i}]"
        entry = _object(item, where)
        _no_unknown(entry, {"at", "to"}, where)
        out.append(
            Circulation(
                at=_text(entry.get("at", ""), f"{where}.at"),
                to=_texts(entry.get("to", []), f"{where}.to"),
            )
        )
    return out


def _read_recording(data: Any) -> Recording:
    """The recording's times, its reference and the marks of the points filed while it ran."""
    entry = _object(data, "recording")
    _no_unknown(entry, {"started", "stopped", "reference", "points"}, "recording")
    return Recording(
        **{
            name: _text(entry[name], f"recording.{name}")
            for name in ("started", "stopped", "reference")
            if name in entry
        },
        points=_rows(PointMark, entry.get("points", []), "recording.points"),
    )


def _read_names_check(data: Any) -> NamesCheck:
    entry = _object(data, "names_check")
    _no_unknown(entry, {"names", "not_names", "skipped"}, "names_check")
    return NamesCheck(
        names=_texts(entry.get("names", []), "names_check.names"),
        not_names=_texts(entry.get("not_names", []), "names_check.not_names"),
        skipped=[
            _simple(SkippedCheck, item, f"names_check.skipped[{i}]")
            for i, item in enumerate(_array(entry.get("skipped", []), "names_check.skipped"))
        ],
    )


def _read_scaling(data: Any) -> Scaling:
    obj = _object(data, "scaling")
    _no_unknown(obj, {"question", "scores"}, "scaling")
    scaling = Scaling()
    if "question" in obj:
        scaling.question = _text(obj["question"], "scaling.question")
    for i, item in enumerate(_array(obj.get("scores", []), "scaling.scores")):
        where = f"scaling.scores[{i}]"
        entry = _object(item, where)
        _no_unknown(entry, {"attendee", "score", "reason", "recording_offset"}, where)
        score = entry.get("score")
        scaling.scores.append(
            Score(
                attendee=_text(entry.get("attendee", ""), f"{where}.attendee"),
                score=None if score is None else _number(score, f"{where}.score", 10, "or null "),
                reason=_text(entry.get("reason", ""), f"{where}.reason"),
                recording_offset=_text(
                    entry.get("recording_offset", ""), f"{where}.recording_offset"
                ),
            )
        )
    return scaling


def _read_agenda(data: Any) -> Agenda:
    obj = _object(data, "agenda")
    _no_unknown(obj, {"items", "current"}, "agenda")
    agenda = Agenda()
    if "items" in obj:
        agenda.items = []
        for i, item in enumerate(_array(obj["items"], "agenda.items")):
            where = f"agenda.items[{i}]"
            entry = _object(item, where)
            _no_unknown(entry, {"title", "minutes", "started"}, where)
            agenda.items.append(
                AgendaItem(
                    title=_text(entry.get("title", ""), f"{where}.title"),
                    minutes=_number(entry.get("minutes", 10), f"{where}.minutes", 600),
                    started=_text(entry.get("started", ""), f"{where}.started"),
                )
            )
    current = obj.get("current", -1)
    if type(current) is not int:
        raise ValidationError("agenda.current", f"must be a whole number ({current!r})")
    agenda.current = current
    return agenda


def _number(value: Any, where: str, highest: int, also: str = "") -> int:
    """A whole number from 0 to ``highest``."""
    if type(value) is not int or not 0 <= value <= highest:
        raise ValidationError(where, f"must be a whole number 0–{highest} {also}({value!r})")
    return value


def _simple(cls: type, data: Any, where: str, index: int | None = None) -> Any:
    """A dataclass whose fields are all strings, from ``where`` (row ``index`` of it)."""
    names = frozenset(field_names(cls))
    # a well-formed entry at once; anything else field by field, to say what is wrong where
    if type(data) is dict and data.keys() <= names and set(map(type, data.values())) <= {str}:
        return cls(**data)
    if index is not None:
        where = f"{where}[{index}]"
    obj = _object(data, where)
    _no_unknown(obj, names, where)
    return cls(**{name: _text(obj[name], f"{where}.{name}") for name in names if name in obj})


def _object(value: Any, where: str, required: frozenset[str] = frozenset()) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(where, f"must be a JSON object (got {_kind(value)})")
    missing = sorted(required - value.keys())
    if missing:
        raise ValidationError(where, f"missing {', '.join(missing)}")
    return value


def _array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(where, f"must be a JSON array (got {_kind(value)})")
    if len(value) > MAX_ITEMS:
        raise ValidationError(where, f"has {len(value)} entries; at most {MAX_ITEMS} are allowed")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(where, f"must be text (got {_kind(value)})")
    return value


def _texts(value: Any, where: str) -> list[str]:
    items = _array(value, where)
    if set(map(type, items)) <= {str}:  # at once; else item by item, to say which is not text
        return list(items)
    return [_text(item, f"{where}[{i}]") for i, item in enumerate(items)]


def _no_unknown(obj: dict[str, Any], allowed: set[str] | frozenset[str], where: str) -> None:
    unknown = sorted(obj.keys() - allowed)
    if unknown:
        raise ValidationError(where, f"unknown key(s): {', '.join(map(repr, unknown))}")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "text", bool: "true/false"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
