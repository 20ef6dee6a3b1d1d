"""Whether a keymap from config.toml can be applied: every id it names exists, and no key is
given to two bindings that work at the same time. Loaded only when a service has a keymap (it
imports every screen to find their bindings)."""

from __future__ import annotations

from textual.binding import Binding

from ctxtui.widgets.keymap import Keymap, clashes, declared_bindings, unknown


def keymap_problems(keymap: Keymap, everywhere: list[Binding]) -> list[str]:
    """One sentence per problem (none: the keymap can be applied); ``everywhere``: the app's
    own bindings, which work on every screen."""
    scopes = binding_scopes(everywhere)
    ids = {b.id for bindings in scopes.values() for b in bindings if b.id}
    problems = [f"{ident} is not the id of a key" for ident in unknown(ids, keymap)]
    return problems + clashes(scopes, keymap)


def binding_scopes(everywhere: list[Binding]) -> dict[str, list[Binding]]:
    """Every set of ctxtui's bindings that work at the same time: each screen or widget with its
    own and inherited bindings and the app's (``everywhere``); each mode of a widget with
    ``KEY_MODES`` apart, with the bindings of the screens it is ``SHOWN_ON``."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import ctxtui.screens
    import ctxtui.widgets

    for package in (ctxtui.screens, ctxtui.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    scopes: dict[str, list[Binding]] = {"the app": everywhere}
    kinds: list[type] = [DOMNode]
    while kinds:
        kind = kinds.pop()
        kinds.extend(kind.__subclasses__())
        if not kind.__module__.startswith("ctxtui."):
            continue
        own = [
            *declared_bindings(kind),
            *declared_bindings(kind, "POINT_BINDINGS"),  # the capture line's browsing keys
        ]
        if not own:
            continue
        if getattr(kind, "KEY_MODES", False):
            shown_on = getattr(kind, "SHOWN_ON", ())
            around = [b for screen in shown_on for b in declared_bindings(screen)]
            for mode in {b.id.split(".")[0] for b in own if b.id}:
                scopes[f"{kind.__name__}, {mode}"] = [
                    *(b for b in own if b.id and b.id.startswith(mode + ".")),
                    *around,
                    *everywhere,
                ]
        else:
            scopes[kind.__name__] = [*own, *everywhere]
    return scopes
