"""The committed clients are what `make clients` makes of the app's current OpenAPI document:
a change to the API that is not regenerated fails here."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CLIENTS = ROOT / "clients"
# In clients/python, what the generator does not write.
HAND_WRITTEN = {"examples"}
LEFTOVERS = {"__pycache__", ".ruff_cache", ".pdm-build"}
STALE = "is not what `make clients` makes of the current OpenAPI document: run it"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    into = tmp_path_factory.mktemp("clients")
    done = subprocess.run(
        [sys.executable, ROOT / "scripts" / "generate_clients.py", "--into", into],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return into


def differences(committed: Path, generated: Path) -> str:
    """The first lines of a unified diff from the committed file to the generated one."""
    diff = difflib.unified_diff(
        committed.read_text().splitlines() if committed.exists() else [],
        generated.read_text().splitlines(),
        str(committed.relative_to(ROOT)),
        "generated",
        lineterm="",
    )
    return "\n".join(list(diff)[:40])


def generated_files(directory: Path) -> set[Path]:
    return {
        path.relative_to(directory)
        for path in directory.rglob("*")
        if path.is_file()
        and path.relative_to(directory).parts[0] not in HAND_WRITTEN
        and not LEFTOVERS.intersection(path.relative_to(directory).parts)
    }


@pytest.mark.parametrize("name", ["openapi.json", "ts/src/schema.ts"])
def test_the_document_and_the_typescript_types_are_current(regenerated: Path, name: str) -> None:
    committed, generated = CLIENTS / name, regenerated / name
    assert committed.exists(), f"clients/{name} is missing: run `make clients`"
    assert committed.read_bytes() == generated.read_bytes(), (
        f"clients/{name} {STALE}\n{differences(committed, generated)}"
    )


def test_the_python_client_is_current(regenerated: Path) -> None:
    committed, generated = CLIENTS / "python", regenerated / "python"
    names, present = generated_files(generated), generated_files(committed)
    missing, extra = sorted(map(str, names - present)), sorted(map(str, present - names))
    assert (missing, extra) == ([], []), f"clients/python {STALE}: missing {missing}, extra {extra}"
    changed = sorted(
        name for name in names if (committed / name).read_bytes() != (generated / name).read_bytes()
    )
    assert not changed, (
        f"clients/python {STALE}\n{differences(committed / changed[0], generated / changed[0])}"
    )
