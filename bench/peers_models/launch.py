"""How bench.peers starts the other servers: each a child process on a free port, from its own
venv under .peers-venv, polled until it answers ready (to a deadline), stopped on leaving.
Run from the service's venv."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.servers import ROOT, UNLIMITED
from service.db import upgrade
from service.settings import Settings

PEERS = ROOT / ".peers-venv"
READY_S = 120.0  # the longest a server may take to start
# As uvicorn runs the service: one worker process, uvloop, HTTP/1.1 only.
GRANIAN_BASE = ("--interface", "asgi", "--workers", "1", "--loop", "uvloop", "--http", "1")
SERVICE = "bench.peers_models.granian_service:app"


@dataclass(frozen=True)
class Launch:
    name: str
    command: list[str]
    url: str
    ready: str  # the path that answers 200 once the server serves
    env: dict[str, str]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def child(launch: Launch) -> Iterator[int]:
    """The server running (its output to /dev/null, as the service's own in bench.servers); its
    pid."""
    process = subprocess.Popen(
        launch.command,
        cwd=ROOT,
        env={**os.environ, **launch.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + READY_S
    shown = " ".join(launch.command)
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{launch.name} exited with {process.returncode}: {shown}")
            try:
                if httpx.get(launch.url + launch.ready, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{launch.name} was not ready within {READY_S:g} s: {shown}")
            time.sleep(0.1)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def mlserver(folder: Path) -> Launch:
    """MLServer with the custom runtime (mlserver_relu), inference in the server's own process
    (parallel_workers 0; its default, a pool of one worker process, fails to start with the
    uvloop that pip installs beside it, 0.23), debug logging off."""
    port = free_port()
    settings = {
        "host": "127.0.0.1",
        "http_port": port,
        "grpc_port": free_port(),
        "metrics_port": free_port(),
        "parallel_workers": 0,
        "debug": False,
    }
    (folder / "settings.json").write_text(json.dumps(settings))
    model = {"name": "relu", "implementation": "bench.peers_models.mlserver_relu.Relu"}
    (folder / "model-settings.json").write_text(json.dumps(model))
    command = [str(PEERS / "mlserver" / "bin" / "mlserver"), "start", str(folder)]
    url = f"http://127.0.0.1:{port}"
    return Launch("MLServer", command, url, "/v2/health/ready", {"PYTHONPATH": str(ROOT)})


def kserve() -> Launch:
    """kserve.ModelServer with the model (kserve_relu), HTTP only, its other options default."""
    port = free_port()
    command = [str(PEERS / "kserve" / "bin" / "python"), "-m", "bench.peers_models.kserve_relu"]
    command += ["--http_port", str(port), "--enable_grpc", "false"]
    return Launch("KServe", command, f"http://127.0.0.1:{port}", "/v2/health/ready", {})


def service_env() -> dict[str, str]:
    """What bench.servers.start_server gives the service: a fresh database, no rate limits."""
    database = f"sqlite:///{tempfile.mkdtemp(prefix='relu-bench-')}/bench.db"
    upgrade(database)
    return {"DATABASE_URL": database, "RELU_GRPC_PORT": "0", **UNLIMITED}


def granian(
    name: str, target: str = SERVICE, options: tuple[str, ...] = (), header_timeout_s: float = 0
) -> Launch:
    """granian 2.8.9 serving the service's benchmark app (granian_service) or bench.bare's app,
    its header deadline the service's setting unless given."""
    port = free_port()
    header_ms = round((header_timeout_s or Settings().header_timeout_s) * 1000)
    command = [str(PEERS / "granian" / "bin" / "granian"), *GRANIAN_BASE, "--port", str(port)]
    command += ["--http1-header-read-timeout", str(header_ms), *options]
    if target == SERVICE:
        return Launch(
            name,
            [*command, "--factory", target],
            f"http://127.0.0.1:{port}",
            "/healthz",
            service_env(),
        )
    return Launch(name, [*command, target], f"http://127.0.0.1:{port}", "/", {})


def uvicorn_bare(name: str, env: dict[str, str] | None = None) -> Launch:
    """bench.bare's app under uvicorn and GuardedHttpToolsProtocol, from the service's venv."""
    port = free_port()
    command = [sys.executable, "-m", "bench.bare"]
    return Launch(
        name, command, f"http://127.0.0.1:{port}", "/", {"PORT": str(port), **(env or {})}
    )
