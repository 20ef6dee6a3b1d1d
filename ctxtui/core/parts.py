"""The base of every part of the record: a dataclass made cheaply (see ``Part``). No I/O.

Apart from ``record`` so that parts of the record kept in modules of their own (the recording,
``recorded``) can be defined before the conference that holds them. Like ``record``, no
``from __future__ import annotations``: ``dataclass`` reads the annotations evaluated.
"""

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar, dataclass_transform


class Part:
    """What every part of the record shares: made from its fields (by place or by name, each
    left out taking its default), equal when every field is equal, shown field by field.
    Written once here because ``dataclass`` compiles an ``__init__``, ``__eq__`` and
    ``__repr__`` for every class, and compiling those 63 functions was most of loading this
    module, at every start. The classes are still dataclasses (``fields``, ``replace`` and
    ``asdict`` work) and the type checker still sees each one's own ``__init__``."""

    __hash__ = None  # type: ignore[assignment]  # mutable: never a dict key, as with dataclass
    _defaults: tuple[tuple[str, Any, Any], ...]  # (name, default, factory), set by @part

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        name_of = type(self).__name__
        if len(args) > len(self._defaults):
            raise TypeError(f"{name_of} takes at most {len(self._defaults)} fields by place")
        for place, (name, default, factory) in enumerate(self._defaults):
            if place < len(args):
                if name in kwargs:
                    raise TypeError(f"{name_of} got two values for {name!r}")
                value = args[place]
            elif name in kwargs:
                value = kwargs.pop(name)
            else:
                value = default if factory is dataclasses.MISSING else factory()
            setattr(self, name, value)
        if kwargs:
            raise TypeError(f"{name_of} has no field {next(iter(kwargs))!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Part) or other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name, *_ in self._defaults)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name, *_ in self._defaults)
        return f"{type(self).__name__}({shown})"


_PartType = TypeVar("_PartType", bound=Part)


@dataclass_transform(field_specifiers=(field,))
def part(cls: type[_PartType]) -> type[_PartType]:
    """Make ``cls`` a dataclass whose ``__init__``, ``__eq__`` and ``__repr__`` are Part's."""
    made: Any = dataclass(init=False, eq=False, repr=False)(cls)  # the same class, changed
    made._defaults = tuple((f.name, f.default, f.default_factory) for f in dataclasses.fields(made))
    return cls


def field_names(kind: type) -> tuple[str, ...]:
    """The fields of a record class, in order ((): not a part of the record)."""
    return tuple(name for name, *_ in getattr(kind, "_defaults", ()))
