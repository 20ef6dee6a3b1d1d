"""Putting back changes that could not be saved, over a record that was saved since by someone
else: only what this person changed is taken, field by field, and the rest stays as saved.
No I/O."""

from __future__ import annotations

from typing import Any

# parts of the record taken or kept whole, never field by field: lists of rows and marks
_WHOLE = frozenset({"redactions", "schema", "id"})


def merge_unsaved(
    base: dict[str, Any], mine: dict[str, Any], saved: dict[str, Any]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """``saved`` (the record as it is on disk now) with every field that ``mine`` changed
    from ``base`` (the record as it was when this person last read or saved it) taken from
    ``mine``: the merged record, the fields taken, and those of them that had been changed
    in ``saved`` too (this person's change wins there; the caller says so)."""
    merged = dict(saved)
    taken: list[str] = []
    both: list[str] = []

    def take(into: dict[str, Any], name: str, where: str, was: Any, now: Any, ours: Any) -> None:
        if ours != was:
            into[name] = ours
            taken.append(where)
            if now != was:
                both.append(where)

    for key, value in mine.items():
        if key in _WHOLE:
            continue
        was = base.get(key)
        if isinstance(value, dict) and isinstance(was, dict):
            found = saved.get(key)
            now: dict[str, Any] = found if isinstance(found, dict) else {}
            inner = dict(now)
            for name, item in value.items():
                take(inner, name, f"{key}.{name}", was.get(name), now.get(name), item)
            merged[key] = inner
        else:
            take(merged, key, key, was, saved.get(key), value)
    return merged, taken, both
