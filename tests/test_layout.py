"""The package's shape: one subpackage per pipeline stage, no import cycles, a domain layer
that knows nothing of Flask or click, and no two domain modules with the same name."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"
SHELLS = ("factcheck.web", "factcheck.cli")
# create_app (factcheck) and the Flask app it builds (factcheck.flaskapp)
APP_FACTORY = ("factcheck", "factcheck.flaskapp")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts
    }


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every factcheck module ``name`` imports, anywhere in the file (inside functions and
    TYPE_CHECKING blocks too: a cycle hidden in a function is still a cycle)."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _parents_of(name: str) -> set[str]:
    """A module's own packages: importing ``a.b.c`` runs ``a.b``'s __init__, which is not an
    import by ``a.b.c`` of its parent in the sense of a cycle."""
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node] - _parents_of(node)):
            if state.get(target) == "open":
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_no_module_imports_a_module_that_imports_it_back():
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_domain_layer_does_not_import_flask_or_click():
    offenders = []
    for name, path in _modules().items():
        if name in APP_FACTORY or name.startswith(SHELLS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{name} imports {m}" for m in modules if m.split(".")[0] in ("flask", "click")
            ]
    assert offenders == []


def test_no_two_domain_modules_share_a_name():
    names = Counter(
        name.rpartition(".")[2]
        for name in _modules()
        if not name.startswith(SHELLS) and name.count(".") >= 1
    )
    assert [name for name, count in names.items() if count > 1] == []


def test_top_level_reads_like_the_pipeline():
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    pipeline = ["articles", "sources", "matching", "review", "publishing", "export"]
    assert set(pipeline) <= stages
    for stage in stages:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc, f"factcheck/{stage}/__init__.py says nothing about what flows in and out"
