"""Throughput of the evaluation paths, printed as a table with the targets.

Starts the service (one uvicorn worker) in a child process and measures, for
float32 batches of 1e3 to 1e7 elements, elements per second through each path;
then the server's peak RSS during a 1e7-element binary request, and requests per
second of a 10-element JSON request against the health route.

    make bench            # or: python -m bench.evaluation [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np
import orjson

ROOT = Path(__file__).resolve().parent.parent
SIZES = [1_000, 100_000, 1_000_000, 10_000_000]
RAW = "application/octet-stream"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str

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
                return Server(process, url)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def timed(call: Callable[[], None], budget: float, max_runs: int) -> float:
    """Median seconds of one call: at least 3 runs (1 when a single run exceeds the
    budget), more while the budget of seconds lasts."""
    times: list[float] = []
    while len(times) < max_runs:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
        if sum(times) > budget and (len(times) >= 3 or times[0] > budget):
            break
    return statistics.median(times)


def post(
    client: httpx.Client, path: str, body: bytes, headers: dict[str, str]
) -> Callable[[], None]:
    def call() -> None:
        response = client.post(path, content=body, headers=headers)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
        response.read()

    return call


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


def rate(call: Callable[[], None], seconds: float) -> float:
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        call()
        count += 1
    return count / (time.perf_counter() - start)


def peak_rss() -> tuple[int, int]:
    """Idle and peak RSS of a fresh server around one 1e7-element binary request.

    A fresh process, so that memory kept by the allocator from earlier large requests
    does not hide the request's own footprint; it first serves a few small requests.
    """
    server = start_server()
    try:
        with httpx.Client(base_url=server.url, timeout=600) as client:
            small = np.linspace(-1, 1, 1000, dtype=np.float32).tobytes()
            for _ in range(20):
                post(
                    client, "/v1/relu?dtype=float32", small, {"content-type": RAW, "accept": RAW}
                )()
            x = np.random.default_rng(0).normal(size=10_000_000).astype(np.float32)
            call = post(
                client, "/v1/relu?dtype=float32", x.tobytes(), {"content-type": RAW, "accept": RAW}
            )
            time.sleep(0.5)
            idle = server.status("VmRSS")
            server.reset_peak()
            call()
            return idle, server.status("VmHWM")
    finally:
        server.process.terminate()
        server.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller time budget per figure")
    args = parser.parse_args()
    budget = 0.5 if args.quick else 2.0
    server = start_server()
    rows: dict[int, dict[str, float]] = {}
    try:
        with httpx.Client(base_url=server.url, timeout=600) as client:
            for n in SIZES:
                x = np.random.default_rng(n).normal(size=n).astype(np.float32)
                raw = x.tobytes()
                as_json = orjson.dumps(
                    {"x": x, "dtype": "float32"}, option=orjson.OPT_SERIALIZE_NUMPY
                )
                naive_json = orjson.dumps({"x": x}, option=orjson.OPT_SERIALIZE_NUMPY)
                kserve, kserve_headers = kserve_body(x)
                out = np.empty_like(x)
                paths: dict[str, Callable[[], None]] = {
                    "numpy": lambda x=x, out=out: np.add(np.maximum(x, 0, out=out), 0, out=out),
                    "echo": post(client, "/bench/echo", raw, {"content-type": RAW}),
                    "binary": post(
                        client, "/v1/relu?dtype=float32", raw, {"content-type": RAW, "accept": RAW}
                    ),
                    "json": post(client, "/v1/relu", as_json, {"content-type": "application/json"}),
                    "kserve": post(client, "/v2/models/relu/infer", kserve, kserve_headers),
                    "naive": post(
                        client, "/bench/naive", naive_json, {"content-type": "application/json"}
                    ),
                }
                rows[n] = {}
                for name, call in paths.items():
                    call()  # warm-up, and a check that the path answers 200
                    seconds = timed(call, budget, 200 if name != "numpy" else 10_000)
                    rows[n][name] = n / seconds
                    print(f"  {n:>10,} {name:<7} {n / seconds:>14,.0f} elements/s", flush=True)

            small = orjson.dumps({"x": [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0]})
            health = lambda: client.get("/healthz").raise_for_status() and None  # noqa: E731
            ten = post(client, "/v1/relu", small, {"content-type": "application/json"})
            rate(health, 0.5)
            rate(ten, 0.5)
            # Interleaved rounds, so that drift in the machine's speed hits both alike.
            rounds = [(rate(health, budget / 2), rate(ten, budget / 2)) for _ in range(6)]
            health_rps = statistics.median(h for h, _ in rounds)
            ten_rps = statistics.median(t for _, t in rounds)
    finally:
        server.process.terminate()
        server.process.wait()
    idle, peak = peak_rss()

    print()
    print("elements per second (float32, one uvicorn worker, median of repeated requests)")
    names = ["numpy", "echo", "binary", "json", "kserve", "naive"]
    print(f"{'elements':>12} " + " ".join(f"{n:>14}" for n in names))
    for n, row in rows.items():
        print(f"{n:>12,} " + " ".join(f"{row[name]:>14,.0f}" for name in names))
    at = rows[1_000_000]
    payload = 10_000_000 * 4
    checks = [
        ("binary / echo at 1e6", at["binary"] / at["echo"], 0.6),
        ("binary / naive at 1e6", at["binary"] / at["naive"], 50),
        ("json / naive at 1e6", at["json"] / at["naive"], 5),
        ("10-element JSON / health req/s", ten_rps / health_rps, 0.7),
    ]
    print()
    print(
        f"idle RSS {idle / 2**20:,.1f} MiB; peak RSS during the 1e7 binary request "
        f"{peak / 2**20:,.1f} MiB; growth {(peak - idle) / 2**20:,.1f} MiB "
        f"= {(peak - idle) / payload:.2f} x the {payload / 2**20:,.1f} MiB payload (target <= 4)"
    )
    print(f"health route {health_rps:,.0f} req/s; 10-element JSON relu {ten_rps:,.0f} req/s")
    print()
    for label, value, target in [*checks, ("RSS growth / payload", (peak - idle) / payload, 4)]:
        ok = value <= target if label.startswith("RSS") else value >= target
        sign = "<=" if label.startswith("RSS") else ">="
        print(f"{label:<34} {value:>8.2f}  target {sign} {target:<5} {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
