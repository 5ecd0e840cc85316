"""A newcomer's first `make run`, and the second: how long each takes to serve, from a fresh
clone of this repository's HEAD, and how soon a busy port is reported.

The first run creates the virtual environment and installs from the package index (its time
is mostly pip's); the second finds the install up to date and only migrates and starts.

    make startup                 # or: python -m bench.startup [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SECOND_RUN_TARGET_S = 5.0
BUSY_PORT_TARGET_S = 2.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _make_run(clone: Path, port: int, deadline_s: float) -> tuple[subprocess.Popen[bytes], float]:
    """`make run` in the clone, and the seconds until its /healthz answers 200."""
    start = time.monotonic()
    process = subprocess.Popen(
        ["make", "run"],
        cwd=clone,
        env={**os.environ, "PORT": str(port), "HOST": "127.0.0.1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # make and the server it starts, stopped together
    )
    while time.monotonic() - start < deadline_s:
        if process.poll() is not None:
            raise RuntimeError(f"make run ended: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process, time.monotonic() - start
        except httpx.TransportError:
            time.sleep(0.05)
    _stop(process)
    raise RuntimeError(f"make run did not serve within {deadline_s:g} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="second runs to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="relu-startup-") as directory:
        clone = Path(directory) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        port = _free_port()
        first, first_s = _make_run(clone, port, deadline_s=900)
        print(f"first make run (venv, install, migrate, serve)   {first_s:7.1f} s")
        # A second `make run` while the first serves: the port is busy, said before any work.
        start = time.monotonic()
        busy = subprocess.run(
            ["make", "run"],
            cwd=clone,
            env={**os.environ, "PORT": str(port), "HOST": "127.0.0.1"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        busy_s = time.monotonic() - start
        said = "in use" in busy.stderr and busy.returncode != 0
        print(f"make run on the busy port: refused in            {busy_s:7.2f} s  ({said=})")
        _stop(first)
        seconds = []
        for _ in range(args.runs):
            process, elapsed = _make_run(clone, port, deadline_s=120)
            seconds.append(elapsed)
            _stop(process)
        median = statistics.median(seconds)
        print(
            f"second make run (up to date: migrate, serve)     {median:7.2f} s median of "
            f"{len(seconds)}: {', '.join(f'{s:.2f}' for s in seconds)}"
        )
        print()
        for name, value, target, ok in (
            (
                "second make run serves (s)",
                median,
                SECOND_RUN_TARGET_S,
                median <= SECOND_RUN_TARGET_S,
            ),
            (
                "busy port refused (s)",
                busy_s,
                BUSY_PORT_TARGET_S,
                said and busy_s <= BUSY_PORT_TARGET_S,
            ),
        ):
            print(f"{name:32} {value:7.2f}  target <= {target:g}  {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
