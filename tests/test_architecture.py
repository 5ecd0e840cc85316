"""The layout's rules, checked: pure cores, one way to the app's state, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SERVICE = ROOT / "service"
VENDORED = SERVICE / "web" / "static" / "vendor"
MAX_LINES = 400
# The mathematics and the wire formats: plain Python, numpy and orjson, nothing of the web or
# the database.
PURE = ("core", "quiz/core", "wire")
FRAMEWORKS = ("fastapi", "starlette", "sqlalchemy", "pydantic", "alembic", "uvicorn")


def _sources(*suffixes: str) -> list[Path]:
    return sorted(
        path
        for suffix in suffixes
        for path in SERVICE.rglob(f"*{suffix}")
        if VENDORED not in path.parents
    )


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _sources(".py", ".js"), ids=lambda p: str(p.relative_to(SERVICE)))
def test_no_module_is_over_the_limit(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= MAX_LINES


@pytest.mark.parametrize("folder", PURE)
def test_the_cores_import_nothing_of_the_web_or_the_database(folder: str) -> None:
    for path in (SERVICE / folder).rglob("*.py"):
        bad = {name for name in _imports(path) if name.split(".")[0] in FRAMEWORKS}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_database_module_imports_nothing_of_the_web() -> None:
    imported = {name.split(".")[0] for name in _imports(SERVICE / "db.py")}
    assert not imported & {"fastapi", "starlette"}


def test_the_app_state_is_reached_only_through_the_state_module() -> None:
    for path in _sources(".py"):
        if path != SERVICE / "state.py":
            assert "app.state" not in path.read_text(), path.relative_to(ROOT)
