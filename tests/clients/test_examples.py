"""Each client's example takes a whole quiz against a live server: every item answered with a
response of its type, the quiz finished, its score printed and the answers graded."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.db import upgrade
from service.quiz.core.taxonomy import ANSWER_TYPES
from tests.clients.readme import readme_block
from tests.conftest import ROOT, LiveServer

TS = ROOT / "clients" / "ts"
PYTHON_EXAMPLE = ROOT / "clients" / "python" / "examples" / "take_quiz.py"
ADMIN_KEY = "clients-admin-key"
# The most items a quiz takes; with this seed every answer type comes up.
SIZE, SEED = 50, 7
ITEM = re.compile(r"^(\d+)\. \[(\w+)\] ", re.M)
GRADED = re.compile(r"^   answered .*: (\S+) of (\S+)$", re.M)
FINISHED = re.compile(r"^finished: (\S+) of (\S+) points \((\d+)%\)$", re.M)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('clients') / 'clients.db'}"
    upgrade(url)
    live = LiveServer(
        {
            "DATABASE_URL": url,
            "RELU_ADMIN_API_KEY": ADMIN_KEY,
            "RELU_RATE_LIMIT_ANSWERS": "10000/minute",
        }
    )
    yield live
    live.stop()


def run(command: list[str | Path], cwd: Path = ROOT) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def quiz_options(server: LiveServer) -> list[str | Path]:
    return ["--base-url", server.url, "--size", str(SIZE), "--seed", str(SEED)]


def answers(server: LiveServer) -> int:
    """How many answers the server holds (its item statistics)."""
    stats = httpx.get(
        f"{server.url}/v1/stats/items", headers={"Authorization": f"Bearer {ADMIN_KEY}"}
    )
    assert stats.status_code == 200, stats.text
    return sum(item["answers"] for item in stats.json())


def assert_took_a_whole_quiz(output: str) -> None:
    items = ITEM.findall(output)
    assert [int(position) for position, _ in items] == list(range(1, SIZE + 1)), output
    assert {kind for _, kind in items} == set(ANSWER_TYPES)
    graded = [(float(score), float(most)) for score, most in GRADED.findall(output)]
    assert len(graded) == SIZE, output
    finished = FINISHED.search(output)
    assert finished, output
    total, maximum, percent = float(finished[1]), float(finished[2]), int(finished[3])
    assert maximum == pytest.approx(sum(most for _, most in graded))
    assert total == pytest.approx(sum(score for score, _ in graded), abs=1e-3)
    assert 0 <= total <= maximum
    assert 0 <= percent <= 100


def test_the_python_example_takes_a_whole_quiz(server: LiveServer) -> None:
    before = answers(server)
    output = run([sys.executable, PYTHON_EXAMPLE, *quiz_options(server)])
    assert_took_a_whole_quiz(output)
    assert answers(server) == before + SIZE


def test_the_readme_python_example_runs(server: LiveServer, tmp_path: Path) -> None:
    script = tmp_path / "readme.py"
    script.write_text(readme_block("python").replace("localhost:8000", f"127.0.0.1:{server.port}"))
    before = answers(server)
    output = run([sys.executable, script])
    assert "total=" in output.splitlines()[-1], output
    assert answers(server) == before + 3


def test_the_python_example_type_checks() -> None:
    run([sys.executable, "-m", "mypy", "--strict", PYTHON_EXAMPLE])


def test_the_typescript_example_takes_a_whole_quiz(server: LiveServer) -> None:
    assert (TS / "node_modules" / ".package-lock.json").exists(), (
        "clients/ts has no node_modules: run `make install-dev` (npm ci --prefix clients/ts)"
    )
    # tsc, strict: a type error fails the build, which then emits nothing.
    run(["npm", "run", "--silent", "build"], cwd=TS)
    before = answers(server)
    output = run(["node", TS / "dist" / "examples" / "take-quiz.js", *quiz_options(server)])
    assert_took_a_whole_quiz(output)
    assert answers(server) == before + SIZE
