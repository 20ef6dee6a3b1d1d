"""No import circle anywhere in ctxtui, inside a package too.

The graph is read from the source with ``ast``, not from what Python happened to load: every
``import`` and ``from … import`` is an edge, at module level, inside a function, or under
``if TYPE_CHECKING``. A function-level import still ties two modules (it only delays the
circle until the call), and a type-only import still means one module must know the other,
so neither may hide a circle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ctxtui"

pytestmark = pytest.mark.quick


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(tree: ast.AST, name: str, is_package: bool) -> Iterator[str]:
    """Every dotted name a module's imports could mean, at any depth: ``from a.b import c``
    gives ``a.b.c`` (a module, or a name defined in ``a.b``) and relative imports are made
    absolute against the module's own package."""
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def nearest_module(name: str, modules: set[str]) -> str | None:
    """``ctxtui.core.record.Conference`` names a module's attribute: cut back to the module."""
    parts = name.split(".")
    while parts:
        if ".".join(parts) in modules:
            return ".".join(parts)
        parts.pop()
    return None


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of ``package`` it imports (never itself)."""
    paths = {
        module_name(path, root): path
        for path in sorted((root / package).rglob("*.py"))
        if "__pycache__" not in path.parts
    }
    modules = set(paths)
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets = {
            nearest_module(imported, modules)
            for imported in imported_names(tree, name, path.name == "__init__.py")
        }
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm),
    each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def one_loop(graph: dict[str, set[str]], component: Iterable[str]) -> list[str]:
    """One path round a circle, from its first module back to it, to name in the message."""
    members = set(component)
    start = min(members)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & members):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no loop through {start}")  # a component always has one


def describe(graph: dict[str, set[str]], found: list[list[str]]) -> str:
    """One sentence a circle: a loop round it, and any other module caught in it."""
    sentences = []
    for component in found:
        loop = one_loop(graph, component)
        sentence = f"import circle of {len(component)} modules: {' -> '.join(loop)}"
        others = [m for m in component if m not in loop]
        if others:
            sentence += f" (with {', '.join(others)} in it too)"
        sentences.append(sentence)
    return "\n".join(sentences)


def test_no_module_of_ctxtui_imports_itself_round_a_circle() -> None:
    graph = import_graph(ROOT, "ctxtui")
    found = circles(graph)
    assert not found, describe(graph, found)


def test_the_graph_reads_every_kind_of_import() -> None:
    graph = import_graph(ROOT, "ctxtui")
    assert "ctxtui.core.record" in graph["ctxtui.storage.store"]  # from … import at the top
    # inside a function: the CLI loads the app only for the commands that open it
    assert "ctxtui.app" in graph["ctxtui.cli.app_commands"]
    # under if TYPE_CHECKING
    assert "ctxtui.core.story" in graph["ctxtui.export.markdown"]


def test_a_planted_circle_is_found_and_named(tmp_path: Path) -> None:
    package = tmp_path / "planted"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "first.py").write_text("def f():\n    from planted.inner import second\n")
    (package / "inner" / "second.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .third import T\n"
    )
    (package / "inner" / "third.py").write_text("from .. import first\n")
    (package / "apart.py").write_text("import planted.first\n")
    graph = import_graph(tmp_path, "planted")
    found = circles(graph)
    assert found == [["planted.first", "planted.inner.second", "planted.inner.third"]]
    assert describe(graph, found) == (
        "import circle of 3 modules: "
        "planted.first -> planted.inner.second -> planted.inner.third -> planted.first"
    )
