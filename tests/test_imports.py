"""The modules' imports, read from the source (function-level imports included): no module
imports one that imports it back, and the articles app's models, services and tasks reach
nothing of the claims app, directly or through other modules."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGES = ("articles", "claims", "factcheck")
# The articles app's own core: the claims app builds on it, never the other way round.
ARTICLES_CORE = ("articles.models", "articles.services", "articles.tasks")


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `name` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` names the module; `from module import name` the
            # module (the longest prefix that is one, below).
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            # The module the import names: the longest prefix that is one.
            named = next(
                (
                    ".".join(parts[:end])
                    for end in range(len(parts), 0, -1)
                    if ".".join(parts[:end]) in modules
                ),
                None,
            )
            if named is not None and named != name:
                found.add(named)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for imported in graph.get(todo.pop(), ()):
            if imported not in seen:
                seen.add(imported)
                todo.append(imported)
    return seen


def test_the_walk_sees_function_level_and_relative_imports():
    graph = import_graph()
    # claims.apps imports claims.tasks inside ready(); claims.review imports `from . import facts`
    assert "claims.tasks" in graph["claims.apps"]
    assert "claims.facts" in graph["claims.review"]
    assert "claims.public.records" in graph["claims.review"]


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(import_graph()) == []


def test_a_cycle_would_be_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_articles_core_reaches_nothing_of_the_claims_app():
    graph = import_graph()
    for module in ARTICLES_CORE:
        if module in graph:
            claims = sorted(m for m in reachable(graph, module) if m.split(".")[0] == "claims")
            assert claims == [], f"{module} imports {claims}"


# The pure core: figures in, decisions out; the Django apps load and store around it.
PURE_CORE = (
    "claims.extraction",
    "claims.units",
    "claims.comparison",
    "claims.matching",
    "claims.evaluation",
)


def third_party_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_extraction_core_and_its_neighbours_import_no_django():
    modules = project_modules()
    graph = import_graph()
    for start in PURE_CORE:
        core = {m for m in modules if m == start or m.startswith(f"{start}.")}
        for module in sorted(core | {m for name in core for m in reachable(graph, name)}):
            assert "django" not in third_party_imports(modules[module]), module
