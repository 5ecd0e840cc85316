"""The container's recipe without a container engine: build the wheel, install it into a
fresh virtual environment as the Dockerfile does, and run the Dockerfile's command from
outside the source tree. This catches package data left out of the wheel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import ROOT, LiveServer


def _dockerfile_command() -> list[str]:
    text = (ROOT / "Dockerfile").read_text()
    (command,) = re.findall(r"^CMD (\[.*\])$", text, flags=re.MULTILINE)
    parsed: list[str] = json.loads(command)
    return parsed


def test_the_wheel_serves_as_the_container_would(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, "."],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=120)
    subprocess.run([venv / "bin" / "pip", "install", "--quiet", wheel], check=True, timeout=600)
    command = _dockerfile_command()
    assert command[:1] == ["python"]
    home = tmp_path / "home"
    home.mkdir()
    server = LiveServer(
        {"DATABASE_URL": f"sqlite:///{home / 'relu.db'}"},
        command=[str(venv / "bin" / "python"), *command[1:]],
        cwd=home,
    )
    try:
        ready = httpx.get(f"{server.url}/readyz")
        assert ready.status_code == 200, ready.text
        quiz = httpx.post(f"{server.url}/v1/quizzes", json={"size": 3})
        assert quiz.status_code == 201
        relu = httpx.post(f"{server.url}/v1/relu", json={"x": [-1, 0, 2]})
        assert relu.json()["value"] == [0.0, 0.0, 2.0]
        for page in ("/", "/playground", "/static/js/quiz.js", "/static/vendor/katex/katex.min.js"):
            assert httpx.get(f"{server.url}{page}").status_code == 200, page
        imported = subprocess.run(
            [venv / "bin" / "python", "-c", "import service; print(service.__file__)"],
            cwd=home,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert str(venv) in imported, "the service ran from the source tree, not the wheel"
    finally:
        server.stop()
