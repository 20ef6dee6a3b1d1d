"""The house keeps its layers: read from the code's own imports, every one of them, lazy ones too.

Two rules. The packages of ``ctxtui`` stand in layers and each imports only packages below it
(``LAYERS``). And the parts on the whiteboard (``docs/architecture.json``) hold: every module sits
in exactly one part, every import between parts is an arrow drawn there, and none is a "never".
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ctxtui"

# Lowest first. A name is a sub-package or a top-level module of ctxtui.
LAYERS: list[set[str]] = [
    {"core"},
    {"guard", "storage"},
    {"export"},
    {"mail"},
    {"meeting"},
    {"widgets", "resources"},
    {"screens"},
    {"app"},
    {"cli"},
    {"__main__"},
]
UI = {"app", "screens", "widgets"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import of ctxtui in one file, at any depth."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # "from ctxtui.core import dates" imports the module ctxtui.core.dates
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return [(line, m) for line, m in found if m == "ctxtui" or m.startswith("ctxtui.")]


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def top(module: str) -> str:
    """The layer name of a module: its sub-package, or itself when it sits at the top."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_of(name: str) -> int:
    for index, layer in enumerate(LAYERS):
        if name in layer:
            return index
    raise AssertionError(f"ctxtui.{name} is in no layer: add it to LAYERS in {__file__}")


def test_every_package_and_top_module_has_a_layer():
    names = {top(module_name(p)) for p in sources()} - {""}
    assert names == set().union(*LAYERS)


def test_each_package_imports_only_packages_below_it():
    wrong = []
    for path in sources():
        here = top(module_name(path))
        if not here:
            continue  # ctxtui/__init__.py: the version alone
        for line, module in imports_of(path):
            there = top(target_module(module))
            if there and there != here and layer_of(there) >= layer_of(here):
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({here}) imports {module}")
    assert wrong == []


def test_only_the_ui_imports_textual():
    wrong = []
    for path in sources():
        if top(module_name(path)) in UI:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            wrong += [
                f"{path.relative_to(ROOT)}:{node.lineno}" for n in names if n.startswith("textual")
            ]
    assert wrong == []


WHITEBOARD = json.loads((ROOT / "docs" / "architecture.json").read_text(encoding="utf-8"))


def part_of(module: str) -> str:
    """The whiteboard part a module of ctxtui belongs to (paths there are files or folders)."""
    path = module.replace(".", "/")
    owners = [
        part
        for part, spec in WHITEBOARD["parts"].items()
        for place in spec["is"]
        if place.endswith(".py")
        and place in (f"{path}.py", f"{path}/__init__.py")
        or place.endswith("/")
        and (f"{path}/".startswith(place))
    ]
    assert len(owners) == 1, f"{module} belongs to {owners or 'no part'} on the whiteboard"
    return owners[0]


def target_module(module: str) -> str:
    """``ctxtui.core.record.Conference`` names a module's attribute: cut back to a real file."""
    parts = module.split(".")
    while parts:
        path = ROOT.joinpath(*parts)
        if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
            return ".".join(parts)
        parts.pop()
    raise AssertionError(f"{module} is no module of ctxtui")


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_import_between_parts_is_an_arrow_on_the_whiteboard(path):
    arrows = {tuple(a) for a in WHITEBOARD["arrows"]}
    never = {(a, b): why for a, b, why in WHITEBOARD["never"]}
    here = part_of(module_name(path))
    wrong = []
    for line, module in imports_of(path):
        there = part_of(target_module(module))
        if there == here:
            continue
        if (here, there) in never:
            wrong.append(f"line {line}: {here} -> {there} ({module}): never, {never[here, there]}")
        elif (here, there) not in arrows:
            wrong.append(f"line {line}: {here} -> {there} ({module}) is no arrow on the whiteboard")
    assert wrong == []


def test_the_whiteboard_check_can_fail():
    never = {(a, b) for a, b, _ in WHITEBOARD["never"]}
    assert (part_of("ctxtui.core.record"), part_of("ctxtui.storage.store")) in never
    assert (part_of("ctxtui.screens.home"), part_of("ctxtui.storage.store")) in never
    assert layer_of("core") < layer_of("storage") < layer_of("meeting") < layer_of("screens")


# The command line reads and changes conferences only through the application API: ``Meeting``
# for one conference and ``Conferences`` for many, both in ctxtui.meeting.meeting, which also
# names what the command line needs of the layers under it (the store's errors, the audit
# log's lines, the service's words). Beside the API it may import the record (core: no I/O),
# the app it starts, and the plain helpers that know no record (reading a file the user names,
# printing stored text safely). Never the store or the editing layer, nor the meeting's own
# modules under the API, nor the guard: no command goes round a Meeting.
CLI_MAY_IMPORT = (
    "ctxtui.cli",
    "ctxtui.core",
    "ctxtui.meeting.meeting",
    "ctxtui.app",
    "ctxtui.storage.files",
    "ctxtui.storage.terminal_text",
)
# From below the API only what a command catches, offers as a choice or writes bytes with.
CLI_MAY_TAKE = {
    "ctxtui.export": {"FORMATS", "RECORDING_INDEX", "ExportError", "write_file"},
    "ctxtui.mail.circulate": {"SendError", "SmtpSettings"},
    "ctxtui.meeting.contributions": {"ContributionError"},
}


def cli_may_import(name: str) -> bool:
    """Whether the command line may import ``name`` (a module, or a name in one)."""
    if name == "ctxtui.__version__":
        return True
    if any(name == place or name.startswith(f"{place}.") for place in CLI_MAY_IMPORT):
        return True
    module, _, taken = name.rpartition(".")
    return taken in CLI_MAY_TAKE.get(module, set())


def test_the_command_line_goes_through_the_application_api():
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}: the command line reaches "
        "conferences only through ctxtui.meeting.meeting (Meeting, Conferences)"
        for path in sources()
        if top(module_name(path)) == "cli"
        for line, name in imports_of(path)
        if not cli_may_import(name)
    ]
    assert wrong == []


def test_the_application_api_check_can_fail():
    for round_the_meeting in (
        "ctxtui.storage.store.Store",
        "ctxtui.storage.config.nation",
        "ctxtui.meeting.editing.Editor",
        "ctxtui.meeting.autosave.Autosaver",
        "ctxtui.meeting.service.redact",
        "ctxtui.meeting.open_record.OpenRecord",
        "ctxtui.guard.privacy.scan",
        "ctxtui.export.render",
        "ctxtui.export.markdown.to_markdown",
        "ctxtui.mail.agency_actions.deliver",
    ):
        assert not cli_may_import(round_the_meeting), round_the_meeting
    for through_it in (
        "ctxtui.meeting.meeting.Meeting",
        "ctxtui.core.record.Conference",
        "ctxtui.export.ExportError",
        "ctxtui.app.run_app",
    ):
        assert cli_may_import(through_it), through_it


# The app and its screens and widgets reach conferences as the command line does: through the
# application API. They may also use the guard's and the exports' pure helpers over a record
# (what the board may show, the exports' formats), but never the store, the editing layer or
# the meeting's own modules under the API, and never a Meeting's editor or store attribute.
UI_MAY_NOT_IMPORT = ("ctxtui.storage", "ctxtui.meeting.")


def ui_sources() -> list[Path]:
    return [path for path in sources() if top(module_name(path)) in ("app", "screens", "widgets")]


def _round_the_api(name: str) -> bool:
    return name.startswith(UI_MAY_NOT_IMPORT) and not name.startswith("ctxtui.meeting.meeting")


def _reaches_inside(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} reads .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("editor", "session", "autosaver")
    ]


def test_the_ui_goes_through_the_application_api():
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in ui_sources()
        for line, name in imports_of(path)
        if _round_the_api(name)
    ]
    wrong += [problem for path in ui_sources() for problem in _reaches_inside(path)]
    assert wrong == []


def test_the_ui_check_can_fail(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("def f(meeting):\n    return meeting.editor.points\n", encoding="utf-8")
    assert _round_the_api("ctxtui.meeting.editing.Editor")
    assert _round_the_api("ctxtui.storage.store.Store")
    assert not _round_the_api("ctxtui.meeting.meeting.Meeting")
    tree = ast.parse(planted.read_text(encoding="utf-8"))
    assert any(isinstance(n, ast.Attribute) and n.attr == "editor" for n in ast.walk(tree))
