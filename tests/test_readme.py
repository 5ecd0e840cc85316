"""The README's examples run as pasted: every shell block of "Using the API", "The quiz" and
"Learners and practice"
against a live server (the one difference: the server's port), each command failing the test
on an HTTP error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.db import upgrade
from tests.conftest import ROOT, LiveServer

SECTIONS = ("## Using the API", "## The quiz\n", "## Learners and practice")
ADMIN_KEY = "readme-admin-key"


def shell_blocks() -> list[tuple[str, str]]:
    """(the heading above it, the block) for each sh block of the README's API sections."""
    text = (ROOT / "README.md").read_text()
    blocks = []
    for section in SECTIONS:
        start = text.index(section)
        end = text.find("\n## ", start + len(section))
        heading = section.strip("# \n")
        for match in re.finditer(r"^(#+ [^\n]+)$|^```sh\n(.*?)^```$", text[start:end], re.M | re.S):
            if match.group(1):
                heading = match.group(1).strip("# ")
            else:
                blocks.append((heading, match.group(2)))
    return blocks


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('readme') / 'readme.db'}"
    upgrade(url)
    live = LiveServer({"DATABASE_URL": url, "RELU_ADMIN_API_KEY": ADMIN_KEY})
    yield live
    live.stop()


def test_the_sections_hold_the_examples() -> None:
    headings = [heading for heading, _ in shell_blocks()]
    assert len(headings) >= 6
    assert "The quiz" in headings


@pytest.mark.parametrize(("heading", "block"), shell_blocks(), ids=lambda v: str(v)[:40])
def test_a_readme_block_runs_as_pasted(
    server: LiveServer, tmp_path: Path, heading: str, block: str
) -> None:
    script = block.replace("localhost:8000", f"127.0.0.1:{server.port}")
    # curl as the README calls it, but failing on an HTTP error instead of printing it.
    prelude = 'set -euo pipefail\ncurl() { command curl --fail-with-body "$@"; }\n'
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "RELU_ADMIN_API_KEY": ADMIN_KEY,
    }
    result = subprocess.run(
        ["bash", "-c", prelude + script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"{heading}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
