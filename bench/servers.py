"""The service under benchmark: started as a child process on a free port, with the rate
limits lifted and a database of its own, and the request bodies and memory readings the
benchmarks share.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RAW = "application/octet-stream"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    database: str  # its DATABASE_URL

    @property
    def pid(self) -> int:
        return self.process.pid

    def status(self, field: str) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
        raise KeyError(field)

    def reset_peak(self) -> None:
        Path(f"/proc/{self.pid}/clear_refs").write_text("5")


# The benchmark measures speed, not the rate limits.
UNLIMITED = {
    "RELU_RATE_LIMIT_QUIZ_CREATE": "100000000/minute",
    "RELU_RATE_LIMIT_ANSWERS": "100000000/minute",
    "RELU_RATE_LIMIT_EVALUATION": "100000000/minute",
}


def start_server(env: dict[str, str] | None = None) -> Server:
    """The benchmark app on a free port; a fresh SQLite database unless env names one
    (which must be migrated already)."""
    import socket
    import tempfile

    from service.db import upgrade

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(env or {})
    if "DATABASE_URL" not in env:
        env["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='relu-bench-')}/bench.db"
        upgrade(env["DATABASE_URL"])
    # The server logs every request as in production; the lines go to /dev/null.
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.server"],
        cwd=ROOT,
        env={**os.environ, "RELU_GRPC_PORT": "0", **UNLIMITED, **env, "PORT": str(port)},
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/healthz").status_code == 200:
                return Server(process, url, env["DATABASE_URL"])
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def kserve_body(x: np.ndarray) -> tuple[bytes, dict[str, str]]:
    head = json.dumps(
        {
            "inputs": [
                {
                    "name": "x",
                    "shape": [x.size],
                    "datatype": "FP32",
                    "parameters": {"binary_data_size": x.nbytes},
                }
            ],
            "outputs": [{"name": "value", "parameters": {"binary_data": True}}],
        }
    ).encode()
    headers = {"content-type": RAW, "Inference-Header-Content-Length": str(len(head))}
    return head + x.tobytes(), headers


def peak_rss() -> tuple[int, int]:
    """Idle and peak RSS of a fresh server around one 1e7-element binary request.

    A fresh process, so that memory kept by the allocator from earlier large requests
    does not hide the request's own footprint; it first serves a few small requests.
    """
    server = start_server()
    try:
        with httpx.Client(base_url=server.url, timeout=600) as client:

            def relu(body: bytes) -> None:
                headers = {"content-type": RAW, "accept": RAW}
                response = client.post("/v1/relu?dtype=float32", content=body, headers=headers)
                response.raise_for_status()

            for _ in range(20):
                relu(np.linspace(-1, 1, 1000, dtype=np.float32).tobytes())
            x = np.random.default_rng(0).normal(size=10_000_000).astype(np.float32).tobytes()
            time.sleep(0.5)
            idle = server.status("VmRSS")
            server.reset_peak()
            relu(x)
            return idle, server.status("VmHWM")
    finally:
        server.process.terminate()
        server.process.wait()
