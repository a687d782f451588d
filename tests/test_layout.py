"""The layout keeps its promise: each package imports only packages below it in the pipeline (no upward import,
hence no cycle between packages), and inside ``compare`` each sub-package imports only the ones before it."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsweave"

# Bottom to top. A module may import from its own layer's package and from any layer below.
LAYERS = (
    ("models", "errors", "config", "weights"),
    ("ingest",),
    ("normalize",),
    ("embed",),
    ("cluster",),
    ("compare",),
    ("store",),
    ("present",),
    ("pipeline", "stories", "dossiers", "prepared", "changes", "watch"),
    ("scale",),
    ("web",),
    ("commands",),
    ("cli", "__main__", "__init__"),
)
COMPARE_ORDER = ("claims", "values", "align", "verdict", "prepare", "dossier", "story", "__init__")


def _rank(name: str, layers) -> int:
    return next(i for i, layer in enumerate(layers) if name in layer)


def _module(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> list[tuple[int, list[str]]]:
    """(line, absolute module path as parts) of every newsweave import in the file, lazy ones included."""
    here = _module(path)
    base = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            parts = (base[: len(base) - node.level + 1] if node.level else []) + (node.module or "").split(".")
            parts = [p for p in parts if p]
            found += [(node.lineno, parts + [alias.name]) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")) for alias in node.names]
    return [(line, parts) for line, parts in found if parts[0] == "newsweave"]


def _top(parts: list[str]) -> str:
    return parts[1] if len(parts) > 1 else "__init__"


def _package_of(name: str) -> str:
    """A top-level name: a package or module of newsweave, or a name of its __init__ (``__version__``)."""
    if (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").exists():
        return name
    return "__init__"


def upward_imports() -> list[str]:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module(path)
        source = _top(here) if len(here) > 1 else "__init__"
        for line, parts in _imports(path):
            target = _package_of(_top(parts))
            if target != source and _rank(target, LAYERS) > _rank(source, LAYERS):
                bad.append(f"{path.relative_to(PACKAGE)}:{line} imports {'.'.join(parts[:3])} (above it)")
            if source == target == "compare" and len(here) > 2 and len(parts) > 2:
                inner_source, inner_target = here[2], parts[2]
                known = set(COMPARE_ORDER)
                if {inner_source, inner_target} <= known and \
                        COMPARE_ORDER.index(inner_target) > COMPARE_ORDER.index(inner_source):
                    bad.append(f"{path.relative_to(PACKAGE)}:{line} imports compare.{inner_target} "
                               f"(after compare.{inner_source})")
    return bad


def test_every_package_is_placed_in_a_layer():
    names = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    names |= {p.stem for p in PACKAGE.glob("*.py")}
    placed = {name for layer in LAYERS for name in layer}
    assert names <= placed, f"place these in LAYERS: {sorted(names - placed)}"


def test_no_package_imports_one_above_it():
    assert upward_imports() == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The check is not vacuous: a stage importing the store is reported."""
    fake = tmp_path / "newsweave"
    (fake / "cluster").mkdir(parents=True)
    (fake / "store").mkdir()
    (fake / "cluster" / "__init__.py").write_text("from ..store import Store\n", encoding="utf-8")
    (fake / "store" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert upward_imports() == ["cluster/__init__.py:1 imports newsweave.store.Store (above it)"]
